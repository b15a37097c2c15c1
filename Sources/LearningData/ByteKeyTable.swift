/// A hash table from byte strings to small numbers, looked up straight from a file's bytes: the fast
/// loader turns a region or indicator id into its index without making a `String`.
struct ByteKeyTable: Sendable {
    private var slots: [Int32]          // key number, or -1 for an empty slot
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var values: [Int32] = []
    private let mask: Int

    /// A table of `keys` (the UTF-8 bytes of each) to the numbers given with them.
    init(_ entries: [(key: String, value: Int32)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = [Int32](repeating: -1, count: capacity)
        for (key, value) in entries {
            let bytes = Array(key.utf8)
            let found = bytes.withUnsafeBufferPointer { lookup($0, 0, $0.count) }
            guard found == nil else { continue }        // the first of equal keys wins
            var slot = Self.hash(bytes.withUnsafeBufferPointer { $0 }, 0, bytes.count) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(values.count)
            keyBytes.append(contentsOf: bytes)
            keyStarts.append(keyBytes.count)
            values.append(value)
        }
    }

    /// The number for the bytes `p[start..<end]`, or nil.
    @inline(__always)
    func lookup(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        var slot = Self.hash(p, start, end) & mask
        let length = end - start
        while true {
            let k = Int(slots[slot])
            if k < 0 { return nil }
            let ks = keyStarts[k]
            if keyStarts[k + 1] - ks == length, equal(p, start, ks, length) { return values[k] }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ keyStart: Int, _ length: Int) -> Bool {
        keyBytes.withUnsafeBufferPointer { k in
            for i in 0..<length where p[start + i] != k[keyStart + i] { return false }
            return true
        }
    }

    /// The length, the first and the last (up to) eight bytes, mixed: ids differ at one end or the
    /// other, and the equality check settles the rest.
    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let length = end - start
        var head: UInt64 = 0, tail: UInt64 = 0
        let n = min(length, 8)
        for i in 0..<n {
            head |= UInt64(p[start + i]) << (8 * UInt64(i))
            tail |= UInt64(p[end - n + i]) << (8 * UInt64(i))
        }
        var h = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
