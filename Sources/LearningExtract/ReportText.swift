import LearningData

/// A report's text as the extractor reads it: NFC scalars, cut into sentences and their clauses, each
/// a range of the text, so that every quote drafted is a verbatim span of it.
public struct ReportText: Sendable {
    /// The text in NFC.
    public let text: String
    let scalars: [Unicode.Scalar]

    /// Wraps a report's text (normalised to NFC, as the loader compares quotes).
    public init(_ text: String) {
        self.text = VietnameseText.nfc(text)
        scalars = Array(self.text.unicodeScalars)
    }

    /// The text of a range of scalars.
    func slice(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[max(0, range.lowerBound)..<min(range.upperBound, scalars.count)]))
    }

    /// The text of a range folded (lower case, no diacritics, words apart by one space), for cues.
    func folded(_ range: Range<Int>) -> String { VietnameseText.fold(slice(range)) }

    /// The clauses of the text in order: pieces of a sentence between semicolons, each trimmed of
    /// spaces. A sentence ends at a line break, or at `.`, `!` or `?` before a space and a capital
    /// letter (a `.` between digits groups thousands and ends nothing).
    func clauses() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        func cut(_ end: Int) {
            var a = start, b = end
            while a < b, scalars[a].properties.isWhitespace || scalars[a] == "•" { a += 1 }
            while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
            if b > a { out.append(a..<b) }
            start = end + 1
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" || c == ";" {
                cut(i)
            } else if c == "." || c == "!" || c == "?", endsSentence(at: i) {
                cut(i)
            }
            i += 1
        }
        cut(scalars.count)
        return out
    }

    private func endsSentence(at i: Int) -> Bool {
        // "TP. Bắc Kạn", "Q. Bình Thạnh": a short word in capitals before the stop abbreviates a kind.
        var w = i
        while w > 0, scalars[w - 1].properties.isAlphabetic { w -= 1 }
        if i - w > 0, i - w <= 3, scalars[w].properties.isUppercase { return false }
        var j = i + 1
        guard j < scalars.count else { return true }
        guard scalars[j] == " " || scalars[j] == "\u{A0}" else { return false }
        while j < scalars.count, scalars[j] == " " || scalars[j] == "\u{A0}" { j += 1 }
        guard j < scalars.count else { return true }
        let next = scalars[j]
        return next.properties.isUppercase || next == "“" || next == "\"" || next == "("
    }
}
