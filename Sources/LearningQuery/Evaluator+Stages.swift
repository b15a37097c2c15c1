import LearningData
import LearningEngine

extension Evaluator {
    /// Applies one pipeline stage to the value on its left.
    func apply(_ stage: Stage, to input: Value, _ outer: RowScope?) throws(QueryError) -> Value {
        if case let .call(name, arguments, nameSpan) = stage.kind {
            return try call(name, arguments, nameSpan: nameSpan, span: stage.span, outer, leading: (input, stage.span))
        }
        let table: Table
        switch input {
        case let .table(t): table = t
        case let .series(series): table = SeriesTable.table(series)
        case .null: return .null
        default:
            throw QueryError(context.source.diagnostic("E230", "this operator works on a table, but the value on its left is \(input.typeName)", at: stage.span))
        }
        switch stage.kind {
        case let .filter(condition): return .table(try filter(table, condition))
        case let .select(assignments): return .table(try project(table, assignments, keep: false))
        case let .derive(assignments): return .table(try project(table, assignments, keep: true))
        case let .sort(keys): return .table(try sort(table, keys))
        case let .take(count):
            let n = try rowCount(count, stage.span)
            return .table(table.selecting(Array(0..<min(n, table.rowCount))))
        case let .top(count, key, descending):
            let n = try rowCount(count, stage.span)
            return .table(table.selecting(try order(table, [SortKey(value: key, descending: descending)], limit: n)))
        case let .group(keys, aggregates): return .table(try group(table, keys, aggregates))
        case let .pivot(column): return .table(try pivot(table, column, stage.span))
        case let .join(side, right, keys): return .table(try join(table, side, right, keys, stage.span))
        case let .union(right): return .table(try union(table, right, stage.span))
        case .call: return .null
        }
    }

    func rowCount(_ e: Expr, _ span: SourceSpan) throws(QueryError) -> Int {
        guard case let .number(x) = try evaluate(e, nil), x >= 0, x == x.rounded(), x.isFinite else {
            throw QueryError(context.source.diagnostic("E231", "the number of rows must be a whole number, 0 or more", at: e.span))
        }
        // More rows than any table has means all of them.
        return x < 0x1p62 ? Int(x) : 1 << 62
    }

    func filter(_ table: Table, _ condition: Expr) throws(QueryError) -> Table {
        let engine = VectorEvaluator(self, table)
        switch try engine.vector(condition, active: nil) {
        case .scalar(.bool(true)): return table
        case .scalar(.bool(false)), .scalar(.null): return table.selecting(rows: [])
        case let .scalar(other): throw notACondition(other, condition)
        case let .column(column):
            if let truths = column.asTruths { return table.selecting(rows: truths.trueRows) }
            for row in 0..<column.count {
                switch column.value(at: row) {
                case .bool, .null: continue
                case let other: throw notACondition(other, condition)
                }
            }
            return table
        }
    }

    private func notACondition(_ value: Value, _ condition: Expr) -> QueryError {
        QueryError(context.source.diagnostic("E232", "“where” needs a condition that is true or false, not \(value.typeName)", at: condition.span,
                                             hint: "compare with ==, <, >, or match text with ~"))
    }

    /// `select` (keep: false) and `derive` (keep: true, the row count never changes). Every
    /// assignment sees the table as it came in.
    func project(_ table: Table, _ assignments: [Assignment], keep: Bool) throws(QueryError) -> Table {
        var columns = keep ? table.columns : []
        let engine = VectorEvaluator(self, table)
        for assignment in assignments {
            let name = assignment.name ?? Self.columnName(assignment.value, context.source)
            let column = Column(name, data: try engine.values(assignment.value))
            if let existing = columns.firstIndex(where: { $0.name == name }) {
                columns[existing] = column
            } else {
                columns.append(column)
            }
        }
        return Table(columns: columns, notes: table.notes)
    }

    static func columnName(_ e: Expr, _ source: SourceText) -> String {
        switch e {
        case let .name(name, _): name
        case let .member(_, field, _): field
        default: source.text(e.span)
        }
    }

    func sort(_ table: Table, _ keys: [SortKey]) throws(QueryError) -> Table {
        table.selecting(try order(table, keys, limit: nil))
    }

    /// The rows in the order of the keys (missing values last, ties in table order); with `limit`, only
    /// the first `limit` of them, kept as they come rather than sorting every row (`top 10 by x`).
    func order(_ table: Table, _ keys: [SortKey], limit: Int?) throws(QueryError) -> [Int] {
        let engine = VectorEvaluator(self, table)
        var columns: [ColumnData] = []
        for key in keys { columns.append(try engine.values(key.value)) }
        let n = table.rowCount
        if let numbers = Self.sortNumbers(columns) {
            let sortKeys = zip(numbers, keys).map { SortPermutation.Key($0, descending: $1.descending) }
            return SortPermutation.order(sortKeys, count: n, limit: limit).map(Int.init)
        }
        let width = keys.count
        let values = (0..<n).flatMap { row in columns.map { $0.value(at: row) } }
        let all = Array(0..<n).sorted { a, b in
            for (k, key) in keys.enumerated() {
                let va = values[a * width + k], vb = values[b * width + k]
                let c = Self.compare(va, vb)
                if c != 0 {
                    // Missing values go last whichever the direction.
                    if va.isNull || vb.isNull { return c < 0 }
                    return key.descending ? c > 0 : c < 0
                }
            }
            return a < b
        }
        return limit.map { Array(all.prefix($0)) } ?? all
    }

    /// Each key as numbers that sort as ``compare(_:_:)`` sorts its values (NaN for missing), or nil
    /// when some key needs the general comparison. Numbers sort as themselves; a coded column or a
    /// truth column by the rank of its values, found once per distinct code; a column of values
    /// only when every one is a number or missing, or none is a number (then by rank too).
    static func sortNumbers(_ columns: [ColumnData]) -> [[Double]]? {
        var out: [[Double]] = []
        for column in columns {
            switch column {
            case let .numbers(x, _): out.append(x)
            case let .truths(t): out.append(t.bytes.map { $0 == Truths.missing ? .nan : Double($0) })
            case let .codes(codes, book):
                guard let ranks = ranks(codes, book) else { return nil }
                out.append(ranks)
            case .values, .cells:
                if let (x, _) = column.asNumbers { out.append(x); continue }
                guard let ranks = ranks(column.values) else { return nil }
                out.append(ranks)
            }
        }
        return out
    }

    /// The rank of each row's code among the distinct values used, equal values equal ranks; nil
    /// when some value used is a number (numbers and texts do not rank on one scale).
    private static func ranks(_ codes: [Int32], _ book: CodeBook) -> [Double]? {
        var used = [Bool](repeating: false, count: book.count)
        for code in codes where code >= 0 { used[Int(code)] = true }
        let distinct = used.indices.filter { used[$0] }.map(Int32.init)
        guard let rankOfDistinct = ranks(distinct.map(book.value)) else { return nil }
        var rank = [Double](repeating: .nan, count: book.count)
        for (i, code) in distinct.enumerated() { rank[Int(code)] = rankOfDistinct[i] }
        return NumberKernels.decode(codes, rank, missing: .nan)
    }

    /// The rank of each value under ``compare(_:_:)``, NaN for missing; nil if any is a number.
    private static func ranks(_ values: [Value]) -> [Double]? {
        guard !values.contains(where: { $0.numeric != nil }) else { return nil }
        let order = values.indices.filter { !values[$0].isNull }.sorted { compare(values[$0], values[$1]) < 0 }
        var rank = [Double](repeating: .nan, count: values.count)
        var current = 0.0
        for (k, i) in order.enumerated() {
            if k > 0, compare(values[order[k - 1]], values[i]) != 0 { current += 1 }
            rank[i] = current
        }
        return rank
    }

    /// A total order for sorting: null last, numbers by value, text and names alphabetically (folded).
    static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: break
        }
        if let x = a.numeric, let y = b.numeric { return x < y ? -1 : (x == y ? 0 : 1) }
        let x = sortText(a), y = sortText(b)
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    private static func sortText(_ v: Value) -> String {
        switch v {
        case let .text(t): VietnameseText.fold(t)
        case let .region(r): VietnameseText.fold(r.name)
        case let .indicator(i): i.id.rawValue
        case let .bool(b): b ? "1" : "0"
        case let .target(t, _): t.csvText
        default: ""
        }
    }

    /// A key that identifies a value for grouping.
    static func groupKey(_ v: Value) -> String {
        switch v {
        case .null: "\u{0}null"
        case let .region(r): "r:" + r.id.rawValue
        case let .indicator(i): "i:" + i.id.rawValue
        case let .text(t): "t:" + t
        case let .bool(b): b ? "b:1" : "b:0"
        default: v.numeric.map { "n:\($0)" } ?? "?:\(v.typeName)"
        }
    }
}
