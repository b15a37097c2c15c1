/// Interned strings: each distinct text is stored once and referred to by a 32-bit number, so a
/// national dataset repeating the same scope or document name costs four bytes a row, not a string.
struct StringPool: Sendable {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    /// A pool holding these texts, numbered in order. Its lookup table is built on the first
    /// ``intern(_:)``: a dataset pack opens with a pool only ever read, so it skips hashing every text.
    init(texts: [String]) { strings = texts }

    /// An empty pool.
    init() {}

    /// The number for `text`, adding it if new.
    mutating func intern(_ text: String) -> Int32 {
        if ids.count < strings.count {
            for (i, s) in strings.enumerated() where ids[s] == nil { ids[s] = Int32(i) }
        }
        if let id = ids[text] { return id }
        let id = Int32(strings.count)
        strings.append(text)
        ids[text] = id
        return id
    }

    /// The text for a number, nil for `-1`.
    subscript(id: Int32) -> String? { id >= 0 ? strings[Int(id)] : nil }
}
