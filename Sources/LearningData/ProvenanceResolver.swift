import LearningGeography

/// Checks the texts of the records the fast scanner took (document, quote, note, scope, period) as
/// the row reader would, but once per distinct text of a stretch instead of once a row, and the
/// quote against its document with a byte search (``VerbatimSearch``). It runs on every core, a
/// stretch each.
///
/// It only accepts: a record it is not sure of (a document not found, a quote not found word for
/// word, a figure the quote does not print, a period or scope the rules refuse, bytes that are not
/// UTF-8) is handed back to the row reader, which gives the same dataset or the same diagnostic as
/// the sequential loader.
struct ProvenanceResolver: Sendable {
    let documents: SharedDocuments
    /// By indicator index: whether the catalogue has its `_registered` indicator, which a scope
    /// naming registration must be written as instead.
    let hasRegisteredIndicator: [Bool]

    init(documents: SharedDocuments, catalogue: IndicatorCatalogue) {
        self.documents = documents
        hasRegisteredIndicator = catalogue.indicators.map { catalogue[IndicatorID($0.id.rawValue + "_registered")] != nil }
    }

    /// Fills the details of the piece's text rows, and hands the rows it declines to the row reader.
    func resolve(_ piece: inout FiguresRowScanner.Piece, _ p: UnsafeBufferPointer<UInt8>) {
        guard !piece.textRows.isEmpty else { return }
        var cache = TextCache(rows: piece.textRows.count)
        var declined: [Int] = []
        let c = piece.columns
        for k in piece.textRows.indices {
            let t = piece.textRows[k]
            if let details = resolve(t, c, p, &cache, &piece.texts) {
                piece.textRows[k].details = details
                if details.document >= 0 { piece.citesDocuments = true }
            } else {
                declined.append(k)
            }
        }
        if !declined.isEmpty { piece.decline(textRows: declined) }
    }

    /// The details of one row, or nil when the row reader should read it.
    private func resolve(_ t: FiguresRowScanner.TextRow, _ c: ObservationColumns, _ p: UnsafeBufferPointer<UInt8>,
                         _ cache: inout TextCache, _ texts: inout KeyedTexts) -> ObservationDetails? {
        let s = t.spans, row = t.row
        var d = ObservationDetails()
        if !s.period.isEmpty {
            switch cache.period(s.period, p) {
            case .absent: break
            case .refused: return nil
            case let .period(period):
                // A period's figure is filed under its last year; the row reader words the refusal.
                guard period.last == Int(c.year[row]) else { return nil }
                if let start = Int16(exactly: period.first), let end = Int16(exactly: period.last) {
                    (d.periodStart, d.periodEnd, d.periodPart) = (start, end, period.part?.storageCode ?? 0)
                }
            }
        }
        if !s.scope.isEmpty {
            guard let scope = cache.scope(s.scope, p, &texts) else { return nil }
            if scope.id >= 0 {
                if scope.namesRegistration, hasRegisteredIndicator[Int(c.indicator[row])] { return nil }
                d.scope = scope.id
            }
        }
        if !s.note.isEmpty {
            guard let note = cache.plainText(.note, s.note, p, &texts) else { return nil }
            d.note = note
        }
        let document = s.document.isEmpty ? nil : cache.document(s.document, p, &texts, documents)
        if let document, cache.documents[document].id < 0 { return nil }               // bytes that are not UTF-8
        let quote = s.quote.isEmpty ? nil : cache.quote(s.quote, p, &texts)
        if let quote, cache.quotes[quote].id < 0 { return nil }
        let hasQuote = quote.map { cache.quotes[$0].text != nil } ?? false
        guard let document, cache.documents[document].text != nil else { return hasQuote ? nil : d }
        // A document named: it must exist, and the quote be in it.
        guard cache.documents[document].number != nil, cache.documents[document].source != nil else { return nil }
        d.document = cache.documents[document].id
        guard let quote, hasQuote else {
            d.quote = cache.emptyQuote(&texts)
            return d
        }
        guard cache.isVerbatim(quote: quote, document: document) else { return nil }
        guard cache.prints(quote: quote, row, c), stated(s.stated, p, in: cache.quotes[quote].text ?? "") else { return nil }
        d.quote = cache.quotes[quote].textID
        return d
    }

    /// Whether the quote prints the stated percentage as the row gives it.
    private func stated(_ span: FiguresRowScanner.TextSpan, _ p: UnsafeBufferPointer<UInt8>, in quote: String) -> Bool {
        guard !span.isEmpty else { return true }
        // The scanner took the field as a percentage, so its bytes are ASCII: they are the text.
        return VerbatimSearch.surelyContains(quote, bytes: UnsafeBufferPointer(rebasing: p[span.start..<span.end]))
    }
}

extension FiguresRowScanner.Piece {
    /// Takes text rows (by their position in ``textRows``, ascending) out of the columns and hands
    /// them to the row reader, among the other slow rows in file order.
    mutating func decline(textRows declined: [Int]) {
        let rows = Set(declined.map { textRows[$0].row })
        let moved = declined.map { (offset: textRows[$0].offset, line: textRows[$0].line) }
        let keep = (0..<columns.count).filter { !rows.contains($0) }
        columns.apply(keep)
        var newRow = [Int](repeating: -1, count: keep.count + rows.count)
        for (new, old) in keep.enumerated() { newRow[old] = new }
        let gone = Set(declined)
        textRows = textRows.indices.filter { !gone.contains($0) }.map { k in
            var t = textRows[k]
            t.row = newRow[t.row]
            return t
        }
        slowRows = (slowRows + moved).sorted { $0.offset < $1.offset }
    }
}
