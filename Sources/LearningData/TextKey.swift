import Glibc

/// How ``StringPool`` finds a text without Swift's `String` hashing, which normalises any text beyond
/// ASCII as it hashes: the hash of its UTF-8 bytes, and whether those bytes are surely NFC (then two
/// such texts are equal, as Swift compares strings, exactly when their bytes are). The fast loader
/// works keys out on the cores, often from the hash it already took of the field's bytes, so the
/// thread that fills the pool only looks them up.
struct TextKey: Sendable {
    /// ``ByteInternTable/hash(_:_:_:)`` of the text's UTF-8 bytes (0 when not `isPlain`).
    let hash: Int
    /// Whether the bytes are plainly NFC (``VerbatimSearch/isPlainlyNFC(_:_:_:)``).
    let isPlain: Bool

    /// The key of a text, from its bytes.
    init(_ text: String) {
        let key = text.utf8.withContiguousStorageIfAvailable { p -> TextKey in
            VerbatimSearch.isPlainlyNFC(p, 0, p.count) ? TextKey(plainHash: ByteInternTable.hash(p, 0, p.count)) : TextKey(hash: 0, isPlain: false)
        }
        // A text not stored as contiguous UTF-8 (bridged, say) is keyed as a String.
        self = key ?? TextKey(hash: 0, isPlain: false)
    }

    /// The key of a plainly NFC text whose bytes hash to `plainHash`.
    init(plainHash: Int) { self.init(hash: plainHash, isPlain: true) }

    private init(hash: Int, isPlain: Bool) {
        self.hash = hash
        self.isPlain = isPlain
    }

    /// Whether two texts have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                guard x.count == y.count else { return false }
                guard let a = x.baseAddress, let b = y.baseAddress else { return true }     // both empty
                return memcmp(a, b, x.count) == 0
            }
        }
        if let fast, let known = fast { return known }
        return a.utf8.elementsEqual(b.utf8)
    }
}

/// Texts for the dataset's pool, numbered in the order added, each with its ``TextKey``: what a
/// stretch of the fast loader gives the thread that fills the pool.
struct KeyedTexts: Sendable {
    private(set) var strings: [String] = []
    private(set) var keys: [TextKey] = []

    /// Adds a text; returns its number here.
    mutating func add(_ text: String, key: TextKey) -> Int32 {
        strings.append(text)
        keys.append(key)
        return Int32(strings.count - 1)
    }

    /// Adds a text, keyed from its bytes.
    mutating func add(_ text: String) -> Int32 { add(text, key: TextKey(text)) }

    mutating func removeAll() {
        strings.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
    }
}
