import LearningData

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

    private func rowCount(_ e: Expr, _ span: SourceSpan) throws(QueryError) -> Int {
        guard case let .number(x) = try evaluate(e, nil), x >= 0, x == x.rounded(), x.isFinite else {
            throw QueryError(context.source.diagnostic("E231", "the number of rows must be a whole number, 0 or more", at: e.span))
        }
        // More rows than any table has means all of them.
        return x < 0x1p62 ? Int(x) : 1 << 62
    }

    func filter(_ table: Table, _ condition: Expr) throws(QueryError) -> Table {
        var scope = RowScope(table)
        var kept: [Int] = []
        for row in 0..<table.rowCount {
            try context.tick()
            scope.row = row
            switch try evaluate(condition, scope) {
            case .bool(true): kept.append(row)
            case .bool(false), .null: break
            case let other:
                throw QueryError(context.source.diagnostic("E232", "“where” needs a condition that is true or false, not \(other.typeName)", at: condition.span,
                                                           hint: "compare with ==, <, >, or match text with ~"))
            }
        }
        return table.selecting(kept)
    }

    /// `select` (keep: false) and `derive` (keep: true, the row count never changes).
    func project(_ table: Table, _ assignments: [Assignment], keep: Bool) throws(QueryError) -> Table {
        var columns = keep ? table.columns : []
        var scope = RowScope(table)
        for assignment in assignments {
            let name = assignment.name ?? Self.columnName(assignment.value, context.source)
            var values: [Value] = []
            values.reserveCapacity(table.rowCount)
            for row in 0..<table.rowCount {
                try context.tick()
                scope.row = row
                values.append(try evaluate(assignment.value, scope))
            }
            if let existing = columns.firstIndex(where: { $0.name == name }) {
                columns[existing] = Column(name, values)
            } else {
                columns.append(Column(name, values))
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
        var scope = RowScope(table)
        let width = keys.count, n = table.rowCount
        var values: [Value] = []                          // row by row, `width` keys each
        values.reserveCapacity(n * width)
        for row in 0..<n {
            try context.tick()
            scope.row = row
            for key in keys { values.append(try evaluate(key.value, scope)) }
        }
        if let numbers = Self.numericKeys(values) {
            let descending = keys.map(\.descending)
            let before = { (a: Int, b: Int) -> Bool in
                for k in 0..<width {
                    let x = numbers[a * width + k], y = numbers[b * width + k]
                    if x == y || (x.isNaN && y.isNaN) { continue }
                    if x.isNaN { return false }         // missing values go last whichever the direction
                    if y.isNaN { return true }
                    return descending[k] ? x > y : x < y
                }
                return a < b
            }
            if let limit, limit < n / 4 { return Self.first(limit, of: n, by: before) }
            let all = Array(0..<n).sorted(by: before)
            return limit.map { Array(all.prefix($0)) } ?? all
        }
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

    /// The keys as doubles (NaN for missing), when every key is a number or missing: then rows sort
    /// as plain doubles, in the same order as the general comparison. Nil when some key is not a number.
    static func numericKeys(_ values: [Value]) -> [Double]? {
        var numbers = [Double](repeating: .nan, count: values.count)
        for (i, v) in values.enumerated() where !v.isNull {
            guard let x = v.numeric, !x.isNaN else { return nil }
            numbers[i] = x
        }
        return numbers
    }

    /// The first `limit` of `0..<count` under a strict order: one pass, keeping the best so far in
    /// order, so `top 10` over a large table does not sort it.
    static func first(_ limit: Int, of count: Int, by before: (Int, Int) -> Bool) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(limit + 1)
        guard limit > 0 else { return best }
        for row in 0..<count {
            if best.count == limit, let worst = best.last, !before(row, worst) { continue }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if before(best[mid], row) { low = mid + 1 } else { high = mid }
            }
            best.insert(row, at: low)
            if best.count > limit { best.removeLast() }
        }
        return best
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
