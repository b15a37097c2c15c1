import LearningGeography

/// Interned strings: each distinct text is stored once and referred to by a 32-bit number, so a
/// national dataset repeating the same scope or document name costs four bytes a row, not a string.
///
/// Texts are distinct as Swift compares them (canonical equivalence). A text whose bytes are plainly
/// NFC (``TextKey``) is found by the hash of its bytes in a table of its own, with no normalising
/// hash and no Unicode-aware comparison: most of a provenance load's texts are such, and almost every
/// quote is new. Any other text is keyed as a `String`; each side looks in the other before a text is
/// added, so that two canonically equivalent texts stored different ways still get one number.
struct StringPool: Sendable {
    private(set) var strings: [String] = []
    /// Texts that are not plainly NFC.
    private var ids: [String: Int32] = [:]
    /// Open addressing over the plainly NFC texts: 0 for an empty slot, else the low 32 bits of the
    /// text's byte hash above its number plus one, so a probe reads one word.
    private var slots: [UInt64] = []
    private var plainCount = 0
    /// How many of `strings` the lookup tables hold: a dataset pack opens with a pool only ever
    /// read, so the tables are built on the first ``intern(_:)``, not when it opens.
    private var indexed = 0

    /// A pool holding these texts, numbered in order.
    init(texts: [String]) { strings = texts }

    /// An empty pool.
    init() {}

    /// The number for `text`, adding it if new.
    mutating func intern(_ text: String) -> Int32 { intern(text, key: TextKey(text)) }

    /// The number for `text`, whose key was worked out already (on another thread), adding it if new.
    mutating func intern(_ text: String, key: TextKey) -> Int32 {
        if indexed < strings.count { indexAll() }
        if let id = find(text, key) { return id }
        let id = Int32(strings.count)
        strings.append(text)
        insert(id, key, text)
        indexed = strings.count
        return id
    }

    /// Makes room for `count` more texts, so that a large load grows the table a few times, not a
    /// dozen.
    mutating func reserve(_ count: Int) {
        strings.reserveCapacity(strings.count + count)
        var size = max(64, slots.count)
        while size < (plainCount + count) * 2 { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    /// The text for a number, nil for `-1`.
    subscript(id: Int32) -> String? { id >= 0 ? strings[Int(id)] : nil }

    private func find(_ text: String, _ key: TextKey) -> Int32? {
        if key.isPlain {
            if let id = findPlain(text, key.hash) { return id }
            return ids.isEmpty ? nil : ids[text]           // equal to a text stored another way
        }
        if let id = ids[text] { return id }
        guard plainCount > 0 else { return nil }
        let nfc = VietnameseText.nfc(text)
        let other = TextKey(nfc)
        return other.isPlain ? findPlain(nfc, other.hash) : nil
    }

    private func findPlain(_ text: String, _ hash: Int) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1, tag = UInt64(UInt32(truncatingIfNeeded: hash))
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> 32 == tag {
                let id = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if TextKey.sameBytes(strings[Int(id)], text) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ id: Int32, _ key: TextKey, _ text: String) {
        guard key.isPlain else {
            ids[text] = id
            return
        }
        if (plainCount + 1) * 2 > slots.count { rehash(max(64, slots.count * 2)) }
        let mask = slots.count - 1
        var slot = key.hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(UInt32(truncatingIfNeeded: key.hash)) << 32 | UInt64(id + 1)
        plainCount += 1
    }

    private mutating func rehash(_ size: Int) {
        var bigger = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for entry in slots where entry != 0 {
            // The low 32 bits of the hash place a text in any table below 2³² slots.
            var slot = Int(entry >> 32) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry
        }
        slots = bigger
    }

    /// Puts the texts the pool was made with into the lookup tables; of two equal texts the first
    /// keeps the number, as interning them in order would.
    private mutating func indexAll() {
        for k in indexed..<strings.count {
            let text = strings[k], key = TextKey(text)
            if find(text, key) == nil { insert(Int32(k), key, text) }
        }
        indexed = strings.count
    }
}
