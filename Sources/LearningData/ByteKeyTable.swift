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

    /// FNV-1a.
    @inline(__always)
    private static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
