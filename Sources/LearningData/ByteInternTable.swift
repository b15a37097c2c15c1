/// A growing hash table from byte strings to numbers 0, 1, 2… in the order they were first added:
/// the fast loader dedupes the texts of a stretch (quotes, notes, document names) straight from the
/// file's bytes, so that each distinct text is decoded and checked once, not once a row.
struct ByteInternTable: Sendable {
    private var slots: [Int32] = [Int32](repeating: -1, count: 64)   // key number, or -1 for empty
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var hashes: [Int] = []

    /// How many distinct keys there are.
    var count: Int { hashes.count }

    /// Forgets every key, keeping the room.
    mutating func removeAll() {
        for k in slots.indices { slots[k] = -1 }
        keyBytes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keyStarts.append(0)
        hashes.removeAll(keepingCapacity: true)
    }

    /// The number of the bytes `p[start..<end]`, and whether they were added now.
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (id: Int32, isNew: Bool) {
        let hash = Self.hash(p, start, end)
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let k = Int(slots[slot])
            if k < 0 { break }
            if hashes[k] == hash, equal(p, start, end, k) { return (Int32(k), false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[slot] = id
        hashes.append(hash)
        keyBytes.append(contentsOf: p[start..<end])
        keyStarts.append(keyBytes.count)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equal(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ k: Int) -> Bool {
        let ks = keyStarts[k], length = end - start
        guard keyStarts[k + 1] - ks == length else { return false }
        return keyBytes.withUnsafeBufferPointer { key in
            for i in 0..<length where p[start + i] != key[ks + i] { return false }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (k, hash) in hashes.enumerated() {
            var slot = hash & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(k)
        }
        slots = bigger
    }

    /// FNV-1a over eight bytes at a time, then mixed: quotes share long beginnings ("Năm 2020, xã…"),
    /// so every byte counts.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(end - start)
        var i = start
        while i + 8 <= end {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(p[i + k]) << (8 * UInt64(k)) }
            h = (h ^ word) &* 0x100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        for k in 0..<(end - i) { tail |= UInt64(p[i + k]) << (8 * UInt64(k)) }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
