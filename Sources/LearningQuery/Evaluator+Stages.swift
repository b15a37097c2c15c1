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
            let sorted = try sort(table, [SortKey(value: key, descending: descending)])
            return .table(sorted.selecting(Array(0..<min(n, sorted.rowCount))))
        case let .group(keys, aggregates): return .table(try group(table, keys, aggregates))
        case let .pivot(column): return .table(try pivot(table, column, stage.span))
        case .call: return .null
        }
    }

    private func rowCount(_ e: Expr, _ span: SourceSpan) throws(QueryError) -> Int {
        guard case let .number(x) = try evaluate(e, nil), x >= 0, x == x.rounded(), x < 1e12 else {
            throw QueryError(context.source.diagnostic("E231", "the number of rows must be a whole number, 0 or more", at: e.span))
        }
        return Int(x)
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
        var scope = RowScope(table)
        var values: [[Value]] = []
        values.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            try context.tick()
            scope.row = row
            var rowKeys: [Value] = []
            for key in keys { rowKeys.append(try evaluate(key.value, scope)) }
            values.append(rowKeys)
        }
        if let order = Self.numericOrder(values, keys) { return table.selecting(order) }
        let order = Array(0..<table.rowCount).sorted { a, b in
            for (k, key) in keys.enumerated() {
                let c = Self.compare(values[a][k], values[b][k])
                if c != 0 {
                    // Missing values go last whichever the direction.
                    if values[a][k].isNull || values[b][k].isNull { return c < 0 }
                    return key.descending ? c > 0 : c < 0
                }
            }
            return a < b
        }
        return table.selecting(order)
    }

    /// The order for keys that are all numbers or missing (the usual `sort rate desc`, `top 10 by x`):
    /// the same order as the general comparison, over plain doubles. Nil when some key is not a number.
    static func numericOrder(_ values: [[Value]], _ keys: [SortKey]) -> [Int]? {
        var numbers = [Double](repeating: 0, count: values.count * keys.count)
        for (row, rowKeys) in values.enumerated() {
            for (k, v) in rowKeys.enumerated() {
                if v.isNull { numbers[row * keys.count + k] = .nan; continue }
                guard let x = v.numeric, !x.isNaN else { return nil }
                numbers[row * keys.count + k] = x
            }
        }
        let width = keys.count
        let descending = keys.map(\.descending)
        return Array(0..<values.count).sorted { a, b in
            for k in 0..<width {
                let x = numbers[a * width + k], y = numbers[b * width + k]
                if x == y { continue }
                if x.isNaN { return false }         // missing values go last whichever the direction
                if y.isNaN { return true }
                return descending[k] ? x > y : x < y
            }
            return a < b
        }
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
