import Glibc

/// A growing hash table from byte strings to numbers 0, 1, 2… in the order they were first added:
/// the fast loader dedupes the texts of a stretch (quotes, notes, document names) straight from the
/// file's bytes, so that each distinct text is decoded and checked once, not once a row.
///
/// Keys are not copied: a key is where its bytes are in the buffer given to ``intern(_:_:_:)``, so
/// every call on one table must pass the same buffer, unchanged while the table lives (the
/// resolver's table lives while it resolves one stretch of one block). A stretch's quotes are
/// almost all new, and copying them cost as much as the rest of the lookup.
struct ByteInternTable: Sendable {
    /// A slot is 0 when empty, else the key's hash (its low 32 bits) above its number plus one: a
    /// probe reads one word, and looks at the bytes only when the hashes agree.
    private var slots: [UInt64]
    private var starts: [Int] = [], ends: [Int] = []

    /// An empty table; `expected` keys fit without growing it (a stretch's quotes are almost all
    /// distinct, so the resolver says how many rows it has).
    init(expected: Int = 0) {
        var size = 64
        while size < expected * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        starts.reserveCapacity(expected)
        ends.reserveCapacity(expected)
    }

    /// How many distinct keys there are.
    var count: Int { starts.count }

    /// The number of the bytes `p[start..<end]`, whether they were added now, and their
    /// ``hash(_:_:_:)``.
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (id: Int32, isNew: Bool, hash: Int) {
        let hash = Self.hash(p, start, end)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash))
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry >> 32 == tag {
                let k = Int(entry & 0xFFFF_FFFF) - 1
                if equal(p, start, end, k) { return (Int32(k), false, hash) }
            }
            slot = (slot + 1) & mask
        }
        let id = starts.count
        slots[slot] = tag << 32 | UInt64(id + 1)
        starts.append(start)
        ends.append(end)
        if starts.count * 2 > slots.count { grow() }
        return (Int32(id), true, hash)
    }

    private func equal(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ k: Int) -> Bool {
        let ks = starts[k], length = end - start
        guard ends[k] - ks == length else { return false }
        guard length > 0, let base = p.baseAddress else { return true }
        return memcmp(base + start, base + ks, length) == 0
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in slots where entry != 0 {
            // The slot's hash bits are the low 32 of the hash: enough to place it in any table
            // below 2³² slots.
            var slot = Int(entry >> 32) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry
        }
        slots = bigger
    }

    /// FNV-1a over eight bytes at a time, then mixed: quotes share long beginnings ("Năm 2020, xã…"),
    /// so every byte counts.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(end - start)
        var i = start
        let raw = UnsafeRawBufferPointer(p)
        while i + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
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
