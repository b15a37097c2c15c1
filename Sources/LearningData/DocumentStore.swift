/// A source document: a report whose sentences the dataset quotes.
public struct SourceDocument: Sendable, Hashable {
    /// Its file name (`000_f9252790b17971d2.txt`).
    public let name: String
    /// Its text in NFC.
    public let text: String

    /// Creates a document; the text is stored in NFC.
    public init(name: String, text: String) {
        self.name = name
        self.text = VietnameseText.nfc(text)
    }

    /// Whether the excerpt stands verbatim in the document.
    public func contains(_ excerpt: String) -> Bool {
        text.contains(VietnameseText.nfc(excerpt))
    }

    /// For an excerpt that is not in the document: how many of its leading characters are, and what
    /// the document has where the excerpt starts to differ.
    public func closestPrefix(of excerpt: String) -> (matched: Int, documentHas: String) {
        let characters = Array(VietnameseText.nfc(excerpt))
        var low = 0, high = characters.count
        while low < high {
            let mid = (low + high + 1) / 2
            if text.contains(String(characters[..<mid])) { low = mid } else { high = mid - 1 }
        }
        guard low > 0, let range = text.range(of: String(characters[..<low])) else { return (0, "") }
        return (low, String(text[range.upperBound...].prefix(24)))
    }
}

/// The documents of a dataset, by file name.
public struct DocumentStore: Sendable {
    private var byName: [String: SourceDocument] = [:]

    /// An empty store, or one holding these documents.
    public init(_ documents: [SourceDocument] = []) {
        for document in documents { byName[document.name] = document }
    }

    /// The document with this file name.
    public subscript(name: String) -> SourceDocument? { byName[name] }

    /// The file names, sorted.
    public var names: [String] { byName.keys.sorted() }

    /// How many documents there are.
    public var count: Int { byName.count }
}
