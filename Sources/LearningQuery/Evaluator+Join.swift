import LearningData

/// How a `join` lays out its result: the left table's columns, then the right table's other than its
/// keys; a right column whose name the left already has is suffixed `_right`.
enum JoinPlan {
    /// Each output column's name and where it comes from.
    static func columnNames(left: [String], right: [String], keys: [JoinKey]) -> [(name: String, right: Int?)] {
        var out: [(name: String, right: Int?)] = left.map { ($0, nil) }
        var taken = Set(left)
        let rightKeys = Set(keys.map(\.right))
        for (i, name) in right.enumerated() where !rightKeys.contains(name) {
            var unique = name
            while taken.contains(unique) { unique += "_right" }
            taken.insert(unique)
            out.append((unique, i))
        }
        return out
    }
}

/// A key value as a join compares it: a region by its id (so "Q. Bình Thạnh" of a table and the
/// dataset's Bình Thạnh meet), numbers by value (the year 2022 and the number 2022 meet), text as
/// written in NFC. Missing matches nothing.
enum JoinValue: Hashable {
    case region(String)
    case number(Double)
    case text(String)
    case bool(Bool)
}

extension Evaluator {
    /// `left | join [inner|left] right on key, …`: a hash join, built on the right table, one pass
    /// over the left. The notes count what matched, what did not, and keys the right table repeats.
    func join(_ left: Table, _ side: JoinSide, _ rightExpr: Expr, _ keys: [JoinKey], _ span: SourceSpan) throws(QueryError) -> Table {
        let right: Table
        switch try evaluate(rightExpr, nil) {
        case let .table(t): right = t
        case let .series(s): right = SeriesTable.table(s)
        case let other:
            throw QueryError(context.source.diagnostic("E235", "join needs a table on its right, not \(other.typeName)", at: rightExpr.span,
                                                       hint: "a table: a name bound to one, read_csv(\"file.csv\"), table([{…}, …]) or a pipeline in brackets"))
        }
        let leftIndexes = try keys.map { (k: JoinKey) throws(QueryError) -> Int in try keyColumn(left, "the table on the left", k.left, k.leftSpan) }
        let rightIndexes = try keys.map { (k: JoinKey) throws(QueryError) -> Int in try keyColumn(right, "the table to join", k.right, k.rightSpan) }
        var reader = JoinKeyReader(gazetteer: context.dataset.gazetteer)
        // Where one side holds regions and the other text, the text is read through the gazetteer.
        let asRegions = zip(leftIndexes, rightIndexes).map { holdsRegions(left, $0.0) || holdsRegions(right, $0.1) }

        // Key columns typed; a coded column's keys are read once per distinct code.
        let leftColumns = leftIndexes.map { VectorEvaluator(self, left).column($0) }
        let rightColumns = rightIndexes.map { VectorEvaluator(self, right).column($0) }
        var leftReads = leftColumns.map { KeyReads($0) }, rightReads = rightColumns.map { KeyReads($0) }
        func keyText(_ columns: [ColumnData], _ row: Int) -> String { columns.map { $0.value(at: row).keyText }.joined(separator: " / ") }

        var index: [[JoinValue]: [Int]] = [:]
        for row in 0..<right.rowCount {
            try context.tick()
            let options = rightReads.indices.map { rightReads[$0].options(row, asRegion: asRegions[$0], &reader) }
            for key in JoinKeyReader.combinations(options) { index[key, default: []].append(row) }
        }
        var pairs: [(left: Int, right: Int?)] = []
        var unmatched: [String: Int] = [:], unmatchedOrder: [String] = []
        var usedRight = [Bool](repeating: false, count: right.rowCount)
        var matchedRows = 0
        for row in 0..<left.rowCount {
            try context.tick()
            let options = leftReads.indices.map { leftReads[$0].options(row, asRegion: asRegions[$0], &reader) }
            var found: [Int] = []
            for key in JoinKeyReader.combinations(options) { found += index[key] ?? [] }
            if found.count > 1 { found = Array(Set(found)).sorted() }
            if found.isEmpty {
                let text = keyText(leftColumns, row)
                if unmatched[text] == nil { unmatchedOrder.append(text) }
                unmatched[text, default: 0] += 1
                if side == .left { pairs.append((row, nil)) }
            } else {
                matchedRows += 1
                for r in found { usedRight[r] = true; pairs.append((row, r)) }
            }
        }
        let plan = JoinPlan.columnNames(left: left.columnNames, right: right.columnNames, keys: keys)
        let leftPart = left.selecting(pairs.map(\.left)).columns
        var columns = leftPart
        let rightRows = pairs.map { Int32($0.right ?? -1) }
        let rightEngine = VectorEvaluator(self, right)
        for (name, source) in plan.dropFirst(left.columnNames.count) {
            guard let source else { continue }
            columns.append(Column(name, data: rightEngine.column(source).gatheredAllowingMissing(rightRows)))
        }
        var notes = left.notes
        notes.append(joinSummary(side, keys, matched: matchedRows, of: left.rowCount, unmatched: unmatchedOrder.map { ($0, unmatched[$0] ?? 0) }))
        let repeated = index.values.filter { $0.count > 1 }.map { rows in (keyText(rightColumns, rows[0]), rows.count) }
        if !repeated.isEmpty {
            let shown = Array(Set(repeated.map(\.0))).sorted().prefix(5).map { key in "\(key) ×\(repeated.first { $0.0 == key }?.1 ?? 0)" }
            notes.append("the right table has \(Set(repeated.map(\.0)).count) key\(repeated.count == 1 ? "" : "s") on more than one row (\(shown.joined(separator: ", "))): a left row matching one is repeated for each")
        }
        let unused = (0..<right.rowCount).filter { !usedRight[$0] }
        if !unused.isEmpty {
            notes.append("\(unused.count) of \(right.rowCount) rows of the right table match no row: " + Self.listed(unused.map { keyText(rightColumns, $0) }))
        }
        notes += reader.notes()
        return Table(columns: columns, notes: notes)
    }

    /// `left | union right`: the right table's rows after the left's, its columns matched by name.
    func union(_ left: Table, _ rightExpr: Expr, _ span: SourceSpan) throws(QueryError) -> Table {
        let right: Table
        switch try evaluate(rightExpr, nil) {
        case let .table(t): right = t
        case let .series(s): right = SeriesTable.table(s)
        case let other:
            throw QueryError(context.source.diagnostic("E234", "union needs a table on its right, not \(other.typeName)", at: rightExpr.span))
        }
        let missing = left.columnNames.filter { right.columnIndex($0) == nil }
        let extra = right.columnNames.filter { left.columnIndex($0) == nil }
        guard missing.isEmpty, extra.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("the right table lacks " + missing.joined(separator: ", ")) }
            if !extra.isEmpty { parts.append("it has " + extra.joined(separator: ", ") + ", which the left lacks") }
            throw QueryError(context.source.diagnostic("E234", "union needs tables with the same columns: " + parts.joined(separator: "; "), at: rightExpr.span,
                                                       hint: "make them agree first with select (or derive a missing column as null)"))
        }
        let columns = left.columns.map { column in
            Column(column.name, column.values + right.values(column: right.columnIndex(column.name) ?? 0))
        }
        return Table(columns: columns, notes: left.notes + right.notes)
    }

    private func keyColumn(_ table: Table, _ which: String, _ name: String, _ span: SourceSpan) throws(QueryError) -> Int {
        guard let i = table.columnIndex(name) else {
            let near = closestMatches(to: name, among: table.columnNames, limit: 1).first
            throw QueryError(context.source.diagnostic("E211", "\(which) has no column “\(Diagnostic.excerpt(name))”", at: span, expected: table.columnNames.joined(separator: ", "),
                                                       hint: (near.map { "did you mean `\($0)`? " } ?? "") + "a key named differently on each side is written left == right"))
        }
        return i
    }

    private func holdsRegions(_ table: Table, _ column: Int) -> Bool {
        (0..<min(table.rowCount, 64)).contains { if case .region = table.value(row: $0, column: column) { true } else { false } }
    }

    private func joinSummary(_ side: JoinSide, _ keys: [JoinKey], matched: Int, of total: Int, unmatched: [(String, Int)]) -> String {
        let on = keys.map { $0.left == $0.right ? $0.left : "\($0.left) == \($0.right)" }.joined(separator: ", ")
        var text = "\(side.rawValue) join on \(on): \(matched) of \(total) rows matched"
        if !unmatched.isEmpty {
            let rows = unmatched.reduce(0) { $0 + $1.1 }
            text += "; \(rows) without a match " + (side == .left ? "kept with empty right-hand columns" : "dropped")
                + ": " + Self.listed(unmatched.map { $0.1 > 1 ? "\($0.0) (\($0.1) rows)" : $0.0 })
        }
        return text
    }

    static func listed(_ items: [String], limit: Int = 5) -> String {
        items.prefix(limit).joined(separator: ", ") + (items.count > limit ? " and \(items.count - limit) more" : "")
    }
}

/// Reads a row's key values as join keys, text read as regions through the gazetteer where the other
/// side holds regions (each distinct text looked up once), and remembers what it read, for the notes.
struct JoinKeyReader {
    let gazetteer: Gazetteer
    private var resolved: [String: [String]] = [:]
    private var readAs: [(String, String)] = []
    private var notFound: [String] = []
    private var ambiguous: [(String, Int)] = []

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Every key the options of each column make: more than one where a name fits several regions,
    /// none where a column has no option (a missing key matches nothing).
    static func combinations(_ options: [[JoinValue]]) -> [[JoinValue]] {
        var keys: [[JoinValue]] = [[]]
        for column in options {
            if column.isEmpty { return [] }
            keys = column.count == 1 ? keys.map { $0 + column } : keys.flatMap { key in column.map { key + [$0] } }
        }
        return keys
    }

    /// What one value may match as a key.
    mutating func read(_ value: Value, asRegion: Bool) -> [JoinValue] {
        switch value {
        case .null: return []
        case let .region(r): return [.region(r.id.rawValue)]
        case let .text(t) where asRegion: return regions(named: t).map(JoinValue.region)
        case let .text(t): return [.text(VietnameseText.nfc(t))]
        case let .indicator(i): return [.text(i.id.rawValue)]
        case let .bool(b): return [.bool(b)]
        default: return value.numeric.map { [.number($0)] } ?? [.text(value.keyText)]
        }
    }

    private mutating func regions(named text: String) -> [String] {
        if let known = resolved[text] { return known }
        var ids: [String] = []
        do {
            let region = try gazetteer.lookup(text)
            ids = [region.id.rawValue]
            if VietnameseText.nfc(text).trimmingWhitespace != region.name, text != region.id.rawValue { readAs.append((text, "\(region.name) (\(region.id))")) }
        } catch {
            if case let .ambiguous(_, candidates) = error {
                ids = candidates.map(\.id.rawValue)
                ambiguous.append((text, candidates.count))
            } else if case let .noneOfThatKind(_, _, found) = error, let first = found.first {
                notFound.append("“\(text)” (\(first.name) is a \(first.kind.vietnamese))")
            } else {
                notFound.append("“\(text)”")
            }
        }
        resolved[text] = ids
        return ids
    }

    /// What the notes say about names read as regions.
    func notes() -> [String] {
        var out: [String] = []
        if !readAs.isEmpty {
            out.append("names read as regions through the gazetteer: " + Evaluator.listed(readAs.map { "“\($0.0)” → \($0.1)" }))
        }
        if !ambiguous.isEmpty {
            out.append("names that fit several regions, each of them matched: " + Evaluator.listed(ambiguous.map { "“\($0.0)” (\($0.1) regions)" }))
        }
        if !notFound.isEmpty {
            out.append("not regions of the dataset, so matching nothing: " + Evaluator.listed(notFound))
        }
        return out
    }
}

extension Value {
    /// The value as a key reads in a note.
    var keyText: String {
        switch self {
        case .null: "(missing)"
        case let .region(r): r.name
        case let .number(x) where x == x.rounded() && abs(x) < 1e15: String(Int(x))
        default: ValueFormatter.human(self, .vi)
        }
    }
}

/// The keys of one key column, read through a ``JoinKeyReader``: once per distinct code for a coded
/// column (a region column of two million rows reads each region once), else row by row.
struct KeyReads {
    let column: ColumnData
    private var byCode: [Int32: [JoinValue]] = [:]

    init(_ column: ColumnData) { self.column = column }

    mutating func options(_ row: Int, asRegion: Bool, _ reader: inout JoinKeyReader) -> [JoinValue] {
        guard case let .codes(codes, book) = column else { return reader.read(column.value(at: row), asRegion: asRegion) }
        let code = codes[row]
        if let known = byCode[code] { return known }
        let options = reader.read(book.value(code), asRegion: asRegion)
        byCode[code] = options
        return options
    }
}
