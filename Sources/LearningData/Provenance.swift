/// Where a figure comes from: the document and the verbatim words that give it.
public struct Provenance: Hashable, Sendable {
    /// The document's file name (e.g. `000_f9252790b17971d2.txt`).
    public let document: String
    /// The verbatim quote; several excerpts of one document are joined by ``fragmentSeparator``.
    public let quote: String

    /// Joins excerpts taken from different sentences of one document.
    public static let fragmentSeparator = " [...] "

    /// Creates a provenance; the quote is stored in NFC.
    public init(document: String, quote: String) {
        self.document = document
        self.quote = VietnameseText.nfc(quote)
    }

    /// The excerpts of the quote, each of which must stand verbatim in the document.
    public var fragments: [String] { quote.components(separatedBy: Self.fragmentSeparator) }
}
