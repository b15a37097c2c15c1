import LearningGeography

/// What a stretch's distinct texts gave, each decoded and checked once: ``ProvenanceResolver`` keys
/// them by their bytes in the file, so a note or quote repeated on many rows costs one hash lookup
/// a row. Numbers in ``FiguresRowScanner/Piece/texts`` stand for the texts the dataset stores.
///
/// Almost every quote of a real load is new, so what a new quote costs is kept to its bytes: the
/// hash taken to look it up is the pool's key too (``TextKey``), its figures are read from its bytes
/// (``QuoteFigures``) into arrays shared by the stretch, and the search of its document goes on
/// from where the last quote of that document was found.
struct TextCache {
    enum PeriodEntry { case absent, refused, period(Period) }

    /// A scope: its text's number (-1 when blank), and whether it names registration.
    struct ScopeEntry { var id: Int32, namesRegistration: Bool }

    /// A document name: `id` is -1 when the bytes are not UTF-8; `text` nil when the field is blank.
    struct DocumentEntry {
        var id: Int32, text: String?, number: Int?, source: SourceDocument?
        /// Where, in the document's UTF-8, the last quote searched for ended: quotes usually follow
        /// their document's order, so the next search starts there.
        var searchFrom = 0
    }

    /// A quote: `id` is -1 when the bytes are not UTF-8; `text` (NFC) nil when the field is blank,
    /// `textID` its text's number.
    struct QuoteEntry {
        var id: Int32, textID: Int32 = -1, text: String? = nil
        /// Its numbers, in ``TextCache/figureValues`` and ``TextCache/figureIsPercent``.
        var figures: Range<Int> = 0..<0
        /// Its excerpts when it has several (joined by ``Provenance/fragmentSeparator``); nil when
        /// the whole quote is one.
        var fragments: [String]? = nil
        /// Whether it states the exact qualifier (the only one the scanner takes).
        var statesExact = false
        /// The document it was last checked against (-1: none yet), and what the check said.
        var checkedDocument = -1, verbatim = false
    }

    enum Kind { case note }

    private var periodKeys = ByteInternTable(), periods: [PeriodEntry] = []
    private var scopeKeys = ByteInternTable(), scopes: [ScopeEntry?] = []
    private var noteKeys = ByteInternTable(), notes: [Int32?] = []
    private var documentKeys = ByteInternTable()
    private(set) var documents: [DocumentEntry] = []
    private var quoteKeys: ByteInternTable
    private(set) var quotes: [QuoteEntry] = []
    /// The numbers of every quote, one after the other.
    private var figureValues: [Double] = [], figureIsPercent: [Bool] = []
    private var emptyQuoteID: Int32 = -1

    /// A cache for a stretch of `rows` rows with texts (almost as many quotes, in a provenance load).
    init(rows: Int) {
        quoteKeys = ByteInternTable(expected: rows)
        quotes.reserveCapacity(rows)
        figureValues.reserveCapacity(rows * 4)
        figureIsPercent.reserveCapacity(rows * 4)
    }

    /// The text of a field as the row reader takes it (``CSVReader/text(of:)``, then trimmed); ""
    /// for a blank one, nil when the bytes are not UTF-8.
    static func text(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>) -> String? {
        guard let raw = String(validating: UnsafeBufferPointer(rebasing: p[span.start..<span.end]), as: UTF8.self) else { return nil }
        return (span.escaped ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw).trimmingWhitespace
    }

    mutating func period(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>) -> PeriodEntry {
        let (k, isNew, _) = periodKeys.intern(p, span.start, span.end)
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
    mutating func scope(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout KeyedTexts) -> ScopeEntry? {
        let (k, isNew, _) = scopeKeys.intern(p, span.start, span.end)
        if isNew {
            scopes.append(Self.text(span, p).map { text in
                text.isEmpty ? ScopeEntry(id: -1, namesRegistration: false)
                    : ScopeEntry(id: texts.add(text), namesRegistration: RowReader.namesRegistration(text))
            })
        }
        return scopes[Int(k)]
    }

    /// The text's number (-1 when blank); nil when the bytes are not UTF-8.
    mutating func plainText(_ kind: Kind, _ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout KeyedTexts) -> Int32? {
        let (k, isNew, _) = noteKeys.intern(p, span.start, span.end)
        if isNew { notes.append(Self.text(span, p).map { $0.isEmpty ? -1 : texts.add($0) }) }
        return notes[Int(k)]
    }

    /// The entry of a document name, in ``documents``.
    mutating func document(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout KeyedTexts,
                           _ shared: SharedDocuments) -> Int {
        let (k, isNew, _) = documentKeys.intern(p, span.start, span.end)
        if isNew {
            var entry = DocumentEntry(id: -1, text: nil, number: nil, source: nil)
            if let name = Self.text(span, p) {
                entry.id = 0
                if !name.isEmpty {
                    entry.text = name
                    entry.id = texts.add(name)
                    entry.number = shared.number(of: name)
                    entry.source = entry.number.flatMap(shared.document)
                }
            }
            documents.append(entry)
        }
        return Int(k)
    }

    /// The entry of a quote, in ``quotes``.
    mutating func quote(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, _ texts: inout KeyedTexts) -> Int {
        let (k, isNew, hash) = quoteKeys.intern(p, span.start, span.end)
        if isNew {
            var entry = QuoteEntry(id: -1)
            if let trimmed = Self.text(span, p) {
                entry.id = k
                if !trimmed.isEmpty {
                    // Provenance keeps its quote in NFC; most quotes are already, and cost nothing.
                    let quote: String, key: TextKey
                    if VerbatimSearch.isPlainlyNFC(p, span.start, span.end) {
                        quote = trimmed
                        // The field's bytes are the text's when nothing was unescaped or trimmed.
                        key = !span.escaped && trimmed.utf8.count == span.end - span.start ? TextKey(plainHash: hash) : TextKey(trimmed)
                    } else {
                        quote = VietnameseText.nfc(trimmed)
                        key = TextKey(quote)
                    }
                    entry.text = quote
                    entry.textID = texts.add(quote, key: key)
                    entry.figures = readFigures(quote)
                    entry.fragments = Self.plainlyLacksSeparator(quote) ? nil : quote.components(separatedBy: Provenance.fragmentSeparator)
                    entry.statesExact = Qualifier.exact.isStated(in: quote)
                }
            }
            quotes.append(entry)
        }
        return Int(k)
    }

    /// Reads the quote's numbers into the shared arrays: from its bytes, or (when those leave a
    /// doubt) with ``VietnameseNumberReader/numbers(in:)``.
    private mutating func readFigures(_ quote: String) -> Range<Int> {
        let first = figureValues.count
        let done = quote.utf8.withContiguousStorageIfAvailable { QuoteFigures.read($0, values: &figureValues, percents: &figureIsPercent) } ?? false
        if !done {
            for number in VietnameseNumberReader.numbers(in: quote) {
                figureValues.append(number.value)
                figureIsPercent.append(number.isPercent)
            }
        }
        return first..<figureValues.count
    }

    /// Whether the quote's bytes lack the separator's first byte "[" (then no split can find it).
    private static func plainlyLacksSeparator(_ quote: String) -> Bool {
        quote.utf8.withContiguousStorageIfAvailable { p in
            for i in p.indices where p[i] == 0x5B { return false }      // "["
            return true
        } ?? false
    }

    /// The number of the text "", the quote of a row that names its document and quotes nothing.
    mutating func emptyQuote(_ texts: inout KeyedTexts) -> Int32 {
        if emptyQuoteID < 0 { emptyQuoteID = texts.add("") }
        return emptyQuoteID
    }

    /// Whether every excerpt of the quote (entry `q`) surely stands in the document (entry `d`, which
    /// was found): asked again only when the quote comes with another document.
    mutating func isVerbatim(quote q: Int, document d: Int) -> Bool {
        guard let number = documents[d].number, let source = documents[d].source, let text = quotes[q].text else { return false }
        if quotes[q].checkedDocument == number { return quotes[q].verbatim }
        let found: Bool
        if let fragments = quotes[q].fragments {
            found = fragments.allSatisfy { VerbatimSearch.surelyContains(source.text, $0) }
        } else if let end = VerbatimSearch.surelyFind(text, in: source.text, from: documents[d].searchFrom) {
            documents[d].searchFrom = end
            found = true
        } else {
            found = false
        }
        quotes[q].checkedDocument = number
        quotes[q].verbatim = found
        return found
    }

    /// Whether the quote (entry `q`) prints every figure of the row (its value, base and target).
    func prints(quote q: Int, _ row: Int, _ c: ObservationColumns) -> Bool {
        let figures = quotes[q].figures
        func has(_ x: Double, percent: Bool) -> Bool {
            for k in figures where figureValues[k] == x && figureIsPercent[k] == percent { return true }
            return false
        }
        let value = c.value[row], base = c.base[row], flags = c.flags[row]
        if !value.isNaN, !has(value, percent: false) { return false }
        if !base.isNaN, !has(base, percent: false) { return false }
        if flags.hasTarget, !has(c.target[row], percent: flags.targetIsRate) { return false }
        return quotes[q].statesExact
    }
}
