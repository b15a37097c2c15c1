import Glibc
import LearningGeography

/// The quote check of the fast loader, with work in proportion to the text: the document is NFC once
/// (``SourceDocument`` stores it so), each distinct quote is made NFC once, and an excerpt is found
/// with a byte search of the document's UTF-8 (`memmem`), not a Unicode-aware search per row.
///
/// It only ever says "surely there": a byte match whose two ends fall on character boundaries is a
/// match for ``SourceDocument/contains(_:)`` too. Anything else (no byte match, a match inside a
/// character) is left to the row reader, which decides exactly and words the diagnostic.
enum VerbatimSearch {
    /// Whether `excerpt` (NFC) surely stands in `text` (NFC) word for word.
    static func surelyContains(_ text: String, _ excerpt: String) -> Bool {
        surelyFind(excerpt, in: text, from: 0) != nil
    }

    /// Where (the UTF-8 offset of its end) `excerpt` (NFC) surely stands in `text` (NFC) word for
    /// word, looking from `hint` to the end first and then before it; nil when it is not surely
    /// there. Every place is looked at once either way, so the answer does not depend on the hint.
    static func surelyFind(_ excerpt: String, in text: String, from hint: Int) -> Int? {
        guard !excerpt.isEmpty else { return nil }
        // A string not stored as contiguous UTF-8 (bridged, say) is left to the exact check.
        let found = excerpt.utf8.withContiguousStorageIfAvailable { needle in
            surelyFind(needle, in: text, from: hint)
        }
        return found ?? nil
    }

    /// Whether the bytes `needle` (UTF-8, such as a field of the file) surely stand in `text` word for
    /// word.
    static func surelyContains(_ text: String, bytes needle: UnsafeBufferPointer<UInt8>) -> Bool {
        !needle.isEmpty && surelyFind(needle, in: text, from: 0) != nil
    }

    private static func surelyFind(_ needle: UnsafeBufferPointer<UInt8>, in text: String, from hint: Int) -> Int? {
        let found = text.utf8.withContiguousStorageIfAvailable { hay -> Int? in
            guard let h = hay.baseAddress, let n = needle.baseAddress, needle.count <= hay.count else { return nil }
            let split = min(max(0, hint), hay.count - needle.count + 1)
            // Matches starting at split… first, then those starting before it.
            if let end = firstMatch(n, needle.count, in: h, hay, text, starts: split..<(hay.count - needle.count + 1)) { return end }
            return firstMatch(n, needle.count, in: h, hay, text, starts: 0..<split)
        }
        return found ?? nil
    }

    /// The end of the first match on character boundaries whose start is in `starts`.
    private static func firstMatch(_ n: UnsafePointer<UInt8>, _ count: Int, in h: UnsafePointer<UInt8>, _ hay: UnsafeBufferPointer<UInt8>,
                                   _ text: String, starts: Range<Int>) -> Int? {
        var start = starts.lowerBound
        while start < starts.upperBound {
            // The window holds every match starting before starts.upperBound, and no other.
            let window = starts.upperBound - start + count - 1
            guard let hit = find(n, count, in: h + start, window) else { return nil }
            let offset = hit + start
            if onBoundary(text, hay, offset), onBoundary(text, hay, offset + count) { return offset + count }
            start = offset + 1
        }
        return nil
    }

    /// glibc's `memmem` (a GNU extension the Glibc module leaves out), looked up once.
    private typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?
    private static let memmem: MemMem? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem").map { unsafeBitCast($0, to: MemMem.self) }

    /// Where the needle first is in the haystack, as an offset.
    private static func find(_ needle: UnsafePointer<UInt8>, _ n: Int, in hay: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        if let memmem {
            return memmem(hay, count, needle, n).map { UnsafeRawPointer($0) - UnsafeRawPointer(hay) }
        }
        var i = 0
        while count - i >= n, let hit = memchr(hay + i, Int32(needle[0]), count - i - n + 1) {
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(hay)
            if memcmp(hay + offset, needle, n) == 0 { return offset }
            i = offset + 1
        }
        return nil
    }

    /// Whether a UTF-8 offset of `text` (whose bytes are `hay`) is between two characters (grapheme
    /// clusters).
    private static func onBoundary(_ text: String, _ hay: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        if offset == 0 || offset == hay.count { return true }
        // Between two ASCII scalars there is always a boundary, except inside CR LF: no ASCII scalar
        // extends, joins or prepends.
        let before = hay[offset - 1], after = hay[offset]
        if before < 0x80, after < 0x80 { return !(before == 0x0D && after == 0x0A) }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return index.samePosition(in: text) != nil
    }

    /// Whether UTF-8 bytes are NFC without asking Foundation: every scalar is below U+0300 (ASCII and
    /// the Latin blocks, with ơ and ư), a precomposed letter of U+1E00–U+1EFF (ạ, ế, ỹ…), or
    /// punctuation and currency of U+2002–U+20BF (“ ” – … ₫), none of which decomposes or combines.
    static func isPlainlyNFC(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xC2, b <= 0xCB { i += 2; continue }                     // U+0080–U+02FF
            guard i + 2 < end, b == 0xE1 || b == 0xE2 else { return false }
            let b1 = p[i + 1], b2 = p[i + 2]
            if b == 0xE1 {
                guard b1 >= 0xB8, b1 <= 0xBB else { return false }             // U+1E00–U+1EFF
            } else {
                guard b1 == 0x80 && b2 >= 0x82 || b1 == 0x81 || b1 == 0x82 else { return false }  // U+2002–U+20BF
            }
            i += 3
        }
        return true
    }
}
