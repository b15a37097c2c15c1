/// The fast path of the figures loader: reads the records of a stretch of `figures.csv` straight into
/// columns, with no `String` and no allocation per row.
///
/// It takes only what it can read with certainty: a region or indicator given by its id, plain
/// numbers, a target such as `75%` or `>=800000000`, a stated percentage such as `44,71%`, the text
/// fields of provenance (document, quote, note, scope, period: kept as spans for
/// ``ProvenanceResolver``, which checks them once per distinct text) and empty other detail columns.
/// Any other record (a name instead of an id, a derivation, a number it cannot place, a wrong field
/// count) is marked for the full row reader, which checks it exactly as the
/// sequential loader does and reports its problems. A record the CSV rules cannot split marks the
/// whole stretch broken, and the loader falls back to the sequential reader for its diagnostics.
struct FiguresRowScanner: Sendable {
    /// What the scanner does with each column of the header.
    enum Role: Sendable {
        case region, indicator, year, value, base, target, stated, detail, ignored
        /// Texts the resolver checks: they may hold `""`.
        case document, quote, note, scope, period
        var isText: Bool {
            switch self {
            case .document, .quote, .note, .scope, .period: true
            default: false
            }
        }
    }

    /// What a stretch gave.
    struct Piece {
        var columns = ObservationColumns()
        /// Records the full row reader must read: where each starts (a byte offset in the buffer) and
        /// its line (counted from the stretch's first line, 0). They are not in `columns`.
        var slowRows: [(offset: Int, line: Int)] = []
        /// Where the last complete record ends, and the lines up to there.
        var end = 0
        var lines = 0
        /// The stretch ends inside a record that the buffer does not hold whole (more bytes to come).
        var incomplete = false
        /// A record breaks the CSV rules.
        var broken = false
        /// `columns` grouped by indicator and year (see ``groupByBlock(catalogueCount:)``), and the runs
        /// of each: the builder's bucket key and the rows.
        var grouped = ObservationColumns()
        var runs: [(key: Int, rows: Range<Int>)] = []
        private var counts: [Int] = []
        /// Rows of `columns` with texts, in row order, and (once resolved) their details, which
        /// refer to `texts`.
        var textRows: [TextRow] = []
        /// The distinct texts the details refer to, by their number in this piece.
        var texts = KeyedTexts()
        /// Whether a row in `columns` cites a document (so that its order among the row reader's
        /// rows can decide which of two sources is kept).
        var citesDocuments = false

        mutating func clear() {
            columns.removeAll()
            slowRows.removeAll()
            runs.removeAll()
            textRows.removeAll(keepingCapacity: true)
            texts.removeAll()
            citesDocuments = false
            (end, lines, incomplete, broken) = (0, 0, false, false)
        }

        /// Groups the rows by indicator and year with a counting sort that keeps their order within
        /// a group, so the builder takes each group with one copy.
        mutating func groupByBlock(catalogueCount: Int) {
            let n = columns.count
            let years = 201                                // the scanner takes years 1900...2100 only
            if counts.count != catalogueCount * years + 1 { counts = [Int](repeating: 0, count: catalogueCount * years + 1) }
            let c = columns
            @inline(__always) func slot(_ row: Int) -> Int { Int(c.indicator[row]) * years + Int(c.year[row]) - 1900 }
            for row in 0..<n { counts[slot(row) + 1] += 1 }
            runs.removeAll(keepingCapacity: true)
            for k in 0..<(counts.count - 1) {
                let size = counts[k + 1]
                counts[k + 1] += counts[k]
                if size > 0 {
                    let indicator = IndicatorCatalogue.Index(k / years), year = Int16(k % years + 1900)
                    runs.append((DatasetBuilder.key(indicator: indicator, year: year), counts[k]..<counts[k + 1]))
                }
            }
            var order = [Int](repeating: 0, count: n)
            for row in 0..<n { let k = slot(row); order[counts[k]] = row; counts[k] += 1 }
            for k in counts.indices { counts[k] = 0 }
            grouped.removeAll()
            grouped.region.append(contentsOf: order.lazy.map { c.region[$0] })
            grouped.indicator.append(contentsOf: order.lazy.map { c.indicator[$0] })
            grouped.year.append(contentsOf: order.lazy.map { c.year[$0] })
            grouped.value.append(contentsOf: order.lazy.map { c.value[$0] })
            grouped.base.append(contentsOf: order.lazy.map { c.base[$0] })
            grouped.target.append(contentsOf: order.lazy.map { c.target[$0] })
            grouped.statedPercent.append(contentsOf: order.lazy.map { c.statedPercent[$0] })
            grouped.flags.append(contentsOf: order.lazy.map { c.flags[$0] })
            guard !textRows.isEmpty else { return }
            var detailOf = [Int32](repeating: -1, count: n)
            for (k, t) in textRows.enumerated() { detailOf[t.row] = Int32(k) }
            for (position, row) in order.enumerated() where detailOf[row] >= 0 {
                let details = textRows[Int(detailOf[row])].details
                guard !details.isEmpty else { continue }
                grouped.detailRows.append(Int32(position))
                grouped.details.append(details)
            }
        }
    }

    let roles: [Role]
    let regions: ByteKeyTable
    /// Region names the full lookup would settle alone, when the file names regions rather than
    /// giving their ids.
    let names: ByteKeyTable?
    let indicators: ByteKeyTable
    private let flagTable: [ObservationFlags]   // by target form and stated digits

    init(roles: [Role], gazetteer: Gazetteer, catalogue: IndicatorCatalogue, readsNames: Bool = false) {
        self.roles = roles
        regions = ByteKeyTable(gazetteer.regions.enumerated().map { ($0.element.id.rawValue, Int32($0.offset)) })
        names = readsNames ? ByteKeyTable(gazetteer.unambiguousNames().map { ($0.key, $0.value) }) : nil
        indicators = ByteKeyTable(catalogue.indicators.enumerated().map { ($0.element.id.rawValue, Int32($0.offset)) })
        var table: [ObservationFlags] = []
        for form in 0..<Self.targetForms {
            for digits in 0..<16 {
                let target = form == 0 ? nil
                    : Target(value: 0, isRate: (form - 1) % 2 == 1, comparison: Target.Comparison.allCases[(form - 1) / 2])
                table.append(ObservationFlags(qualifier: .exact, baseKind: nil, percentOf: .base, target: target, statedDigits: digits, derived: false))
            }
        }
        flagTable = table
    }

    private static let targetForms = 1 + 2 * Target.Comparison.allCases.count

    /// Reads the records that start in `from..<to`; the last of them may run on to the end of `p`.
    /// `atEnd`: `p` ends where the file ends.
    /// `piece` is emptied first; its columns keep their capacity, so a loader that scans block after
    /// block into the same pieces does not allocate (and fault in fresh pages) for each block.
    func scan(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, atEnd: Bool, into piece: inout Piece) {
        piece.clear()
        piece.end = from
        var pos = from, line = 0
        var previous = RowFields()
        let n = p.count
        recordLoop: while pos < to {
            if p[pos] == 0x0A || p[pos] == 0x0D {           // a blank line
                if Self.splitsLineBreak(p, pos, atEnd: atEnd) { break recordLoop }
                pos = Self.newline(p, pos); line += 1
                continue
            }
            let recordStart = pos, recordLine = line
            var row = RowFields()
            (row.lastRegion, row.lastRegionStart, row.lastRegionLength) = (previous.lastRegion, previous.lastRegionStart, previous.lastRegionLength)
            var field = 0
            var slow = false
            while true {
                // One field.
                var start = pos, end = pos, escaped = false
                if p[pos] == 0x22 {
                    pos += 1
                    start = pos
                    var closed = false
                    while pos < n {
                        let b = p[pos]
                        if b == 0x22 {
                            if pos + 1 < n, p[pos + 1] == 0x22 { escaped = true; pos += 2; continue }
                            closed = true
                            break
                        }
                        if b == 0x0A || b == 0x0D { slow = true; pos = Self.newline(p, pos); line += 1 } else { pos += 1 }
                    }
                    if !closed {
                        if atEnd { piece.broken = true } else { piece.incomplete = true }
                        line = recordLine
                        pos = recordStart
                        break recordLoop
                    }
                    end = pos
                    pos += 1
                    if pos < n, p[pos] != 0x2C, p[pos] != 0x0A, p[pos] != 0x0D { piece.broken = true; break recordLoop }
                } else {
                    while pos < n {
                        let b = p[pos]
                        if b == 0x2C || b == 0x0A || b == 0x0D { break }
                        if b == 0x22 { piece.broken = true; break recordLoop }
                        pos += 1
                    }
                    end = pos
                }
                // A record that runs to the end of the bytes read so far may go on in the next block
                // (more of its field, or its line break): it is read again from its start then.
                if pos >= n, !atEnd {
                    piece.incomplete = true
                    line = recordLine
                    pos = recordStart
                    break recordLoop
                }
                if field < roles.count {
                    if escaped, !roles[field].isText { slow = true }
                    if !slow, !read(roles[field], p, start, end, escaped: escaped, into: &row) { slow = true }
                } else {
                    slow = true
                }
                field += 1
                if pos < n, p[pos] == 0x2C {
                    pos += 1
                    if pos == n { field += 1; slow = true; break }   // a comma ends the file: one more empty field
                    continue
                }
                if pos < n {
                    if Self.splitsLineBreak(p, pos, atEnd: atEnd) {
                        piece.incomplete = true
                        line = recordLine
                        pos = recordStart
                        break recordLoop
                    }
                    pos = Self.newline(p, pos); line += 1
                }
                break
            }
            if field != roles.count || !row.hasFigure { slow = true }
            previous = row
            if slow {
                piece.slowRows.append((recordStart, recordLine))
            } else {
                if row.texts.hasAny {
                    piece.textRows.append(TextRow(row: piece.columns.count, offset: recordStart, line: recordLine, spans: row.texts))
                }
                append(row, to: &piece.columns)
            }
            piece.end = pos
            piece.lines = line
        }
        if !piece.incomplete && !piece.broken {
            piece.end = pos
            piece.lines = line
        }
    }

    /// Whether a CR is the last byte read so far, so that the LF of its CRLF may open the next block
    /// (and be counted as a line of its own there).
    @inline(__always)
    private static func splitsLineBreak(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int, atEnd: Bool) -> Bool {
        !atEnd && p[pos] == 0x0D && pos + 1 == p.count
    }

    @inline(__always)
    private static func newline(_ p: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int {
        p[pos] == 0x0D && pos + 1 < p.count && p[pos + 1] == 0x0A ? pos + 2 : pos + 1
    }

    /// The dense fields of one record as read so far.
    private struct RowFields {
        var region: Int32 = 0, indicator: Int32 = 0, year: Int16 = 0
        var value = Double.nan, base = Double.nan, target = Double.nan, stated = Double.nan
        var targetForm = 0, statedDigits = 0
        /// The last region looked up, and where its id is in the buffer.
        var lastRegion: Int32 = 0, lastRegionStart = 0, lastRegionLength = -1
        var texts = TextSpans()
        var hasFigure: Bool { !value.isNaN || !target.isNaN || !stated.isNaN }
    }

    @inline(__always)
    private func append(_ r: RowFields, to c: inout ObservationColumns) {
        c.region.append(r.region)
        c.indicator.append(IndicatorCatalogue.Index(truncatingIfNeeded: r.indicator))
        c.year.append(r.year)
        c.value.append(r.value)
        c.base.append(r.base)
        c.target.append(r.target)
        c.statedPercent.append(r.stated)
        c.flags.append(flagTable[r.targetForm * 16 + r.statedDigits])
    }

    /// Reads one field into the row; false when the field needs the full row reader.
    @inline(__always)
    private func read(_ role: Role, _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, escaped: Bool, into r: inout RowFields) -> Bool {
        let span = TextSpan(start: s, end: e, escaped: escaped)
        switch role {
        case .ignored: return true
        case .detail: return s == e
        case .document: r.texts.document = span
        case .quote: r.texts.quote = span
        case .note: r.texts.note = span
        case .scope: r.texts.scope = span
        case .period: r.texts.period = span
        case .region:
            // Rows of one region usually come together: compare with the last one before hashing.
            if e - s == r.lastRegionLength, Self.equal(p, s, r.lastRegionStart, e - s) {
                r.region = r.lastRegion
                return true
            }
            guard let i = regions.lookup(p, s, e) ?? names?.lookup(p, s, e) else { return false }
            r.region = i
            (r.lastRegion, r.lastRegionStart, r.lastRegionLength) = (i, s, e - s)
        case .indicator:
            guard let i = indicators.lookup(p, s, e) else { return false }
            r.indicator = i
        case .year:
            guard e - s == 4, let y = Self.digits(p, s, e), (1900...2100).contains(y) else { return false }
            r.year = Int16(y)
        case .value, .base:
            guard s < e else { return true }
            guard let (x, whole) = Self.plain(p, s, e), whole else { return false }
            if role == .value { r.value = x } else { r.base = x }
        case .target:
            guard s < e else { return true }
            return readTarget(p, s, e, into: &r)
        case .stated:
            guard s < e else { return true }
            r.texts.stated = span
            return readStated(p, s, e, into: &r)
        }
        return true
    }

    /// `[op]number[%]`; a range (`..`) goes to the full reader.
    @inline(__always)
    private func readTarget(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, into r: inout RowFields) -> Bool {
        var s = s, e = e
        var comparison = 0                        // index in Target.Comparison.allCases: >=, >, =, <=, <
        if p[s] == 0x3E || p[s] == 0x3C || p[s] == 0x3D {
            let twoChar = s + 1 < e && p[s + 1] == 0x3D && p[s] != 0x3D
            switch (p[s], twoChar) {
            case (0x3E, true): comparison = 0
            case (0x3E, false): comparison = 1
            case (0x3D, _): comparison = 2
            case (0x3C, true): comparison = 3
            default: comparison = 4
            }
            s += twoChar ? 2 : 1
        }
        let isRate = e > s && p[e - 1] == 0x25
        if isRate { e -= 1 }
        guard s < e, let (x, whole) = Self.plain(p, s, e), isRate || whole else { return false }
        r.target = x
        r.targetForm = 1 + comparison * 2 + (isRate ? 1 : 0)
        return true
    }

    /// A percentage as the reports print it and as ``StatedPercent/canonicalText(value:fractionDigits:)``
    /// writes it back: up to three digits without a leading zero, a decimal comma, "%".
    @inline(__always)
    private func readStated(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, into r: inout RowFields) -> Bool {
        guard e - s >= 2, p[e - 1] == 0x25 else { return false }
        var i = s, mantissa: UInt64 = 0, whole = 0
        while i < e - 1, Self.isDigit(p[i]) {
            guard whole < 3 else { return false }         // declined before the mantissa could overflow
            mantissa = mantissa * 10 + UInt64(p[i] - 48); whole += 1; i += 1
        }
        guard whole >= 1, whole == 1 || p[s] != 0x30 else { return false }
        var fraction = 0
        if i < e - 1 {
            guard p[i] == 0x2C else { return false }
            i += 1
            while i < e - 1, Self.isDigit(p[i]) {
                guard fraction < 6 else { return false }
                mantissa = mantissa * 10 + UInt64(p[i] - 48); fraction += 1; i += 1
            }
            guard fraction >= 1 else { return false }
        }
        guard i == e - 1 else { return false }
        r.stated = fraction == 0 ? Double(mantissa) : Double(mantissa) / Self.powersOfTen[fraction]
        r.statedDigits = fraction
        return true
    }

    @inline(__always)
    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
        for i in 0..<length where p[a + i] != p[b + i] { return false }
        return true
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    @inline(__always)
    private static func digits(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        var v = 0
        for i in s..<e {
            guard isDigit(p[i]) else { return nil }
            v = v * 10 + Int(p[i] - 48)
        }
        return v
    }

    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    /// `-?digits(.digits)?` with at most 15 significant digits, so that the mantissa and the power of
    /// ten are exact and one division rounds as `Double(String)` does. Also says whether it is whole.
    @inline(__always)
    static func plain(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (Double, Bool)? {
        guard s < e else { return nil }
        var i = s
        let negative = p[i] == 0x2D
        if negative { i += 1 }
        var mantissa: UInt64 = 0, count = 0
        // More than 15 digits is declined as soon as it is seen, before the mantissa could overflow.
        while i < e, isDigit(p[i]) {
            guard count < 15 else { return nil }
            mantissa = mantissa * 10 + UInt64(p[i] - 48); count += 1; i += 1
        }
        guard count > 0 else { return nil }
        var fraction = 0, whole = true
        if i < e, p[i] == 0x2E {
            i += 1
            while i < e, isDigit(p[i]) {
                guard count < 15 else { return nil }
                if p[i] != 0x30 { whole = false }
                mantissa = mantissa * 10 + UInt64(p[i] - 48); fraction += 1; count += 1; i += 1
            }
            guard fraction > 0 else { return nil }
        }
        guard i == e else { return nil }
        let magnitude = fraction == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fraction]
        return (negative ? -magnitude : magnitude, whole)
    }
}
