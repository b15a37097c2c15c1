import LearningGeography

/// What a stretch's distinct texts gave, each decoded and checked once: ``ProvenanceResolver`` keys
/// them by their bytes in the file, so a note or quote repeated on many rows costs one hash lookup
/// a row. Numbers in ``FiguresRowScanner/Piece/texts`` stand for the texts the dataset stores.
struct TextCache {
    enum PeriodEntry { case absent, refused, period(Period) }

    /// A scope: its text's number (-1 when blank), and whether it names registration.
    struct ScopeEntry { var id: Int32, namesRegistration: Bool }

    /// A document name: `id` is -1 when the bytes are not UTF-8; `text` nil when the field is blank.
    struct DocumentEntry { var id: Int32, text: String?, number: Int?, source: SourceDocument? }

    /// A quote: `id` is its entry (-1 when the bytes are not UTF-8), `textID` its text's number;
    /// `facts` nil when the field is blank.
    struct QuoteEntry { var id: Int32, text: String?, textID: Int32, facts: QuoteFacts? }

    enum Kind { case note }

    private var periodKeys = ByteInternTable(), periods: [PeriodEntry] = []
    private var scopeKeys = ByteInternTable(), scopes: [ScopeEntry?] = []
    private var noteKeys = ByteInternTable(), notes: [Int32?] = []
    private var documentKeys = ByteInternTable(), documents: [DocumentEntry] = []
    private var quoteKeys = ByteInternTable(), quotes: [QuoteEntry] = []
    private var verbatim: [Int: Bool] = [:]
    private var emptyQuoteID: Int32 = -1

    /// The text of a field as the row reader takes it (``CSVReader/text(of:)``, then trimmed); ""
    /// for a blank one, nil when the bytes are not UTF-8.
    static func text(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>) -> String? {
        guard let raw = String(validating: UnsafeBufferPointer(rebasing: p[span.start..<span.end]), as: UTF8.self) else { return nil }
        return (span.escaped ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw).trimmingWhitespace
    }

    private static func add(_ text: String, to texts: inout [String]) -> Int32 {
        texts.append(text)
        return Int32(texts.count - 1)
    }

    mutating func period(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>) -> PeriodEntry {
        let (k, isNew) = periodKeys.intern(p, span.start, span.end)
        if isNew {
            let entry: PeriodEntry
            if let text = Self.text(span, p) {
                if text.isEmpty { entry = .absent } else if let period = try? Period(parsing: text) { entry = .period(period) } else { entry = .refused }
            } else {
                entry = .refused
            }
            periods.append(entry)
        }
        return periods[Int(k)]
    }

    /// nil when the bytes are not UTF-8.
    mutating func scope(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout [String]) -> ScopeEntry? {
        let (k, isNew) = scopeKeys.intern(p, span.start, span.end)
        if isNew {
            scopes.append(Self.text(span, p).map { text in
                text.isEmpty ? ScopeEntry(id: -1, namesRegistration: false)
                    : ScopeEntry(id: Self.add(text, to: &texts), namesRegistration: RowReader.namesRegistration(text))
            })
        }
        return scopes[Int(k)]
    }

    /// The text's number (-1 when blank); nil when the bytes are not UTF-8.
    mutating func plainText(_ kind: Kind, _ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout [String]) -> Int32? {
        let (k, isNew) = noteKeys.intern(p, span.start, span.end)
        if isNew { notes.append(Self.text(span, p).map { $0.isEmpty ? -1 : Self.add($0, to: &texts) }) }
        return notes[Int(k)]
    }

    mutating func document(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout [String],
                           _ shared: SharedDocuments) -> DocumentEntry {
        let (k, isNew) = documentKeys.intern(p, span.start, span.end)
        if isNew {
            var entry = DocumentEntry(id: -1, text: nil, number: nil, source: nil)
            if let name = Self.text(span, p) {
                entry.id = 0
                if !name.isEmpty {
                    entry.text = name
                    entry.id = Self.add(name, to: &texts)
                    entry.number = shared.number(of: name)
                    entry.source = entry.number.flatMap(shared.document)
                }
            }
            documents.append(entry)
        }
        return documents[Int(k)]
    }

    mutating func quote(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout [String]) -> QuoteEntry {
        let (k, isNew) = quoteKeys.intern(p, span.start, span.end)
        if isNew {
            var entry = QuoteEntry(id: -1, text: nil, textID: -1, facts: nil)
            if let trimmed = Self.text(span, p) {
                entry.id = k
                if !trimmed.isEmpty {
                    // Provenance keeps its quote in NFC; most quotes are already, and cost nothing.
                    let quote = VerbatimSearch.isPlainlyNFC(p, span.start, span.end) ? trimmed : VietnameseText.nfc(trimmed)
                    entry.text = quote
                    entry.textID = Self.add(quote, to: &texts)
                    entry.facts = QuoteFacts(quote)
                }
            }
            quotes.append(entry)
        }
        return quotes[Int(k)]
    }

    /// The number of the text "", the quote of a row that names its document and quotes nothing.
    mutating func emptyQuote(_ texts: inout [String]) -> Int32 {
        if emptyQuoteID < 0 { emptyQuoteID = Self.add("", to: &texts) }
        return emptyQuoteID
    }

    /// Whether every excerpt of the quote surely stands in the document, asked once per pair.
    mutating func isVerbatim(quote: Int32, facts: QuoteFacts, document: Int, source: SourceDocument) -> Bool {
        let key = document << 32 | Int(quote)
        if let known = verbatim[key] { return known }
        let found = facts.fragments.allSatisfy { VerbatimSearch.surelyContains(source.text, $0) }
        verbatim[key] = found
        return found
    }
}

/// What the checks of a row against its quote need, worked out once per distinct quote.
struct QuoteFacts {
    /// The quote, NFC.
    let text: String
    let fragments: [String]
    /// The plain numbers and the percentages the Vietnamese reader finds in it.
    let plain: Set<Double>, percents: Set<Double>
    /// Whether it states the exact qualifier (the only one the scanner takes).
    let statesExact: Bool

    init(_ quote: String) {
        text = quote
        // Foundation's split is slow; most quotes are one excerpt, with no "[" to split at.
        fragments = Self.plainlyLacksSeparator(quote) ? [quote] : quote.components(separatedBy: Provenance.fragmentSeparator)
        let numbers = VietnameseNumberReader.numbers(in: quote)
        plain = Set(numbers.filter { !$0.isPercent }.map(\.value))
        percents = Set(numbers.filter(\.isPercent).map(\.value))
        statesExact = Qualifier.exact.isStated(in: quote)
    }

    /// Whether the quote's bytes lack the separator's first byte run "[..." (then no split can find it).
    private static func plainlyLacksSeparator(_ quote: String) -> Bool {
        quote.utf8.withContiguousStorageIfAvailable { p in
            for i in p.indices where p[i] == 0x5B { return false }      // "["
            return true
        } ?? false
    }

    /// Whether the quote prints every figure of the row (its value, base and target).
    func prints(_ row: Int, _ c: ObservationColumns) -> Bool {
        let value = c.value[row], base = c.base[row], flags = c.flags[row]
        if !value.isNaN, !plain.contains(value) { return false }
        if !base.isNaN, !plain.contains(base) { return false }
        if flags.hasTarget, !(flags.targetIsRate ? percents : plain).contains(c.target[row]) { return false }
        return statesExact
    }
}
