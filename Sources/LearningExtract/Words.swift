import LearningData

/// The words of a span of text, each folded and with its place, so that cues are matched on words
/// ("hội viên" is `hoi vien`) and their places kept for quotes and for what lies between two numbers.
struct Words {
    struct Word {
        let folded: String
        let range: Range<Int>
        /// Whether the word starts with a capital letter (a name) or a digit.
        let capitalised: Bool
    }

    let items: [Word]
    /// The words as written, by range of the report's text (kept for names the map does not know).
    private let originals: [Range<Int>: String]
    /// The folded words joined by spaces, with a space at each end, made once: cues are looked up in it.
    private let padded: String

    init(_ text: ReportText, _ range: Range<Int>) {
        var out: [Word] = []
        var written: [Range<Int>: String] = [:]
        var i = range.lowerBound
        let s = text.scalars
        while i < range.upperBound {
            guard s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) else { i += 1; continue }
            let start = i
            while i < range.upperBound, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) { i += 1 }
            let word = String(String.UnicodeScalarView(s[start..<i]))
            out.append(Word(folded: VietnameseText.fold(word), range: start..<i, capitalised: s[start].properties.isUppercase || ("0"..."9").contains(s[start])))
            written[start..<i] = word
        }
        self.init(items: out, originals: written)
    }

    init(items: [Word], originals: [Range<Int>: String] = [:]) {
        self.items = items
        self.originals = originals
        padded = " " + items.map(\.folded).joined(separator: " ") + " "
    }

    /// A word as written.
    func text(_ word: Word) -> String { originals[word.range] ?? word.folded }

    /// The folded words joined by spaces.
    var joined: String { String(padded.dropFirst().dropLast()) }

    /// Whether the words, joined, contain a phrase as whole words.
    func contains(_ phrase: String) -> Bool { padded.contains(" " + phrase + " ") }

    /// The words starting at `index`, joined, when they begin with `phrase` as whole words.
    func starts(with phrase: String, at index: Int = 0) -> Bool {
        let parts = phrase.split(separator: " ")
        guard index + parts.count <= items.count else { return false }
        return parts.enumerated().allSatisfy { items[index + $0.offset].folded == $0.element }
    }

    /// Whether the last words are `phrase`.
    func ends(with phrase: String) -> Bool {
        let parts = phrase.split(separator: " ")
        guard parts.count <= items.count else { return false }
        return starts(with: phrase, at: items.count - parts.count)
    }
}
