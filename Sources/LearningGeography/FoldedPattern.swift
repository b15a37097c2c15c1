/// A text folded once (``VietnameseText/fold(_:)``) to be searched for in many texts, each folded on
/// the fly into bytes and searched byte by byte: the `~` of the query language over two million
/// quotes, without making a folded String of each.
///
/// The answer is `VietnameseText.foldedContains(text, pattern)`'s: texts of letters the fast table
/// does not hold (outside Latin and Vietnamese, or folding to something not ASCII) take that path.
public struct FoldedPattern: Sendable {
    /// The folded pattern's bytes.
    public let key: [UInt8]
    private let text: String

    /// A pattern as typed.
    public init(_ pattern: String) {
        text = pattern
        key = Array(VietnameseText.fold(pattern).utf8)
    }

    /// Whether `haystack`, folded, contains the pattern.
    public func matches(_ haystack: String) -> Bool {
        if key.isEmpty { return true }
        guard key.allSatisfy({ $0 < 0x80 }), let folded = Self.foldedBytes(haystack) else {
            return VietnameseText.foldedContains(haystack, text)
        }
        return Self.contains(folded, key)
    }

    /// The bytes of `fold(text)` when every letter folds through the table to ASCII; nil otherwise.
    static func foldedBytes(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            var folded: FoldedLetter
            if v < 0x80 {
                let isUpper = v >= 65 && v <= 90
                guard isUpper || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) else { pendingSpace = true; continue }
                folded = FoldedLetter(first: UInt8(isUpper ? v + 32 : v))
            } else if (0x300...0x36F).contains(v) {
                continue
            } else if let entry = FoldedLetter.table(v) {
                folded = entry
            } else {
                return nil
            }
            if folded.count == 0 { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(32) }
            pendingSpace = false
            out.append(folded.first)
            if folded.count > 1 { out.append(folded.second) }
            if folded.count > 2 { out.append(folded.third) }
        }
        return out
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        guard n <= h, let first = needle.first else { return n == 0 }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { nee in
                var i = 0
                while i <= h - n {
                    if hay[i] == first {
                        var k = 1
                        while k < n && hay[i + k] == nee[k] { k += 1 }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

/// The ASCII a precomposed letter folds to: up to three bytes, none for a separator; nil in the table
/// for a letter that folds to something else.
struct FoldedLetter: Sendable {
    var count: UInt8 = 1
    var first: UInt8
    var second: UInt8 = 0
    var third: UInt8 = 0

    init(first: UInt8) { self.first = first }

    private init?(folded: String) {
        let bytes = Array(folded.utf8)
        guard bytes.count <= 3, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        count = UInt8(bytes.count)
        first = bytes.first ?? 0
        second = bytes.count > 1 ? bytes[1] : 0
        third = bytes.count > 2 ? bytes[2] : 0
    }

    /// The entry of a scalar of U+0080–U+024F or U+1E00–U+1EFF, made once by the full rule.
    static func table(_ v: UInt32) -> FoldedLetter? {
        if v >= 0x80 && v <= 0x24F { return latin[Int(v - 0x80)] }
        if v >= 0x1E00 && v <= 0x1EFF { return extended[Int(v - 0x1E00)] }
        return nil
    }

    private static let latin: [FoldedLetter?] = (0x80...0x24F).map(entry)
    private static let extended: [FoldedLetter?] = (0x1E00...0x1EFF).map(entry)

    private static func entry(_ v: Int) -> FoldedLetter? {
        guard let scalar = Unicode.Scalar(v) else { return nil }
        return FoldedLetter(folded: VietnameseText.fold(String(Character(scalar))))
    }
}
