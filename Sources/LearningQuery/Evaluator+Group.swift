import LearningData

extension Evaluator {
    /// `group keys aggregate name = f(x), ...`: one row per distinct combination of the keys, in order of
    /// first appearance. `rate(num, den)` is the sum of numerators over the sum of denominators, over
    /// the rows that have both.
    func group(_ table: Table, _ keys: [(String, SourceSpan)], _ aggregates: [Assignment]) throws(QueryError) -> Table {
        var keyColumns: [Int] = []
        for (name, span) in keys {
            guard let index = table.columnIndex(name) else { throw unknownName(name, span, columns: table.columnNames) }
            keyColumns.append(index)
        }
        var groups: [String: Int] = [:]
        var groupRows: [[Int]] = []
        for row in 0..<table.rowCount {
            try context.tick()
            let key = keyColumns.map { Self.groupKey(table.value(row: row, column: $0)) }.joined(separator: "\u{1}")
            if let g = groups[key] { groupRows[g].append(row) } else { groups[key] = groupRows.count; groupRows.append([row]) }
        }
        var columns = keys.enumerated().map { k, key in Column(key.0, groupRows.map { table.value(row: $0[0], column: keyColumns[k]) }) }
        var scope = RowScope(table)
        for assignment in aggregates {
            guard case let .call(function, arguments, nameSpan, span) = assignment.value, Functions.aggregates.contains(function) else {
                throw QueryError(context.source.diagnostic("E220", "each aggregate is a call such as sum(value)", at: assignment.value.span,
                                                           expected: "count(), sum(x), min(x), max(x), avg(x), first(x), last(x), rate(numerator, denominator)"))
            }
            let expected = function == "count" ? 0 : (function == "rate" ? 2 : 1)
            guard arguments.count == expected else {
                throw QueryError(context.source.diagnostic("E204", "\(function) takes \(expected) argument\(expected == 1 ? "" : "s") here", at: span))
            }
            var values: [Value] = []
            for rows in groupRows {
                var inputs: [[Value]] = []
                for argument in arguments {
                    var column: [Value] = []
                    for row in rows {
                        scope.row = row
                        column.append(try evaluate(argument.value, scope))
                    }
                    inputs.append(column)
                }
                values.append(finite(try aggregate(function, inputs, count: rows.count, nameSpan), nameSpan))
            }
            columns.append(Column(assignment.name ?? function, values))
        }
        return Table(columns: columns)
    }

    private func aggregate(_ function: String, _ inputs: [[Value]], count: Int, _ span: SourceSpan) throws(QueryError) -> Value {
        if function == "count" { return .number(Double(count)) }
        let values = inputs[0]
        let present = values.filter { !$0.isNull }
        switch function {
        case "first": return values.first ?? .null
        case "last": return values.last ?? .null
        case "rate":
            var numerator = 0.0, denominator = 0.0, any = false
            for (n, d) in zip(inputs[0], inputs[1]) {
                guard let x = n.numeric, let y = d.numeric else { continue }
                numerator += x; denominator += y; any = true
            }
            guard any else { return .null }
            guard denominator != 0 else {
                context.warn("W201", "rate(): the denominators add up to zero; the rate is null", at: span)
                return .null
            }
            return .percent(numerator / denominator * 100)
        default:
            guard let sample = present.first else { return .null }
            if Set(present.map(\.typeName)).count > 1 {
                context.warn("W202", "\(function)() mixes \(Set(present.map(\.typeName)).sorted().joined(separator: " and ")) values; the result takes the unit of the first", at: span,
                             hint: "filter to one indicator first: where indicator == …")
            }
            var numbers: [Double] = []
            for v in present {
                guard let x = v.numeric else { throw typeError("\(function)() needs numbers, not \(v.typeName)", span) }
                numbers.append(x)
            }
            switch function {
            case "sum": return sample.sameKind(numbers.reduce(0, +))
            case "min": return present[numbers.indices.min { numbers[$0] < numbers[$1] } ?? 0]
            case "max": return present[numbers.indices.max { numbers[$0] < numbers[$1] } ?? 0]
            default: return sample.sameKind(numbers.reduce(0, +) / Double(numbers.count))
            }
        }
    }

    /// `pivot [column]`: one row per combination of the other columns, one column per year, holding
    /// `column` (`value` by default). On the figures table the rows are region, indicator and scope.
    func pivot(_ input: Table, _ valueName: String?, _ span: SourceSpan) throws(QueryError) -> Table {
        let valueColumn = valueName ?? "value"
        guard let yearIndex = input.columnIndex("year") else {
            throw QueryError(context.source.diagnostic("E233", "pivot needs a “year” column", at: span, expected: input.columnNames.joined(separator: ", ")))
        }
        guard let valueIndex = input.columnIndex(valueColumn) else {
            throw QueryError(context.source.diagnostic("E233", "pivot: there is no column “\(valueColumn)”", at: span, expected: input.columnNames.joined(separator: ", ")))
        }
        let keyNames: [String]
        if input.isFigures { keyNames = ["region", "indicator", "scope"] } else {
            keyNames = input.columnNames.filter { $0 != "year" && $0 != valueColumn }
        }
        let keyIndices = keyNames.compactMap { input.columnIndex($0) }
        var years: Set<Int> = []
        var rowsByKey: [String: Int] = [:]
        var keyValues: [[Value]] = []
        var cells: [[Int: Value]] = []
        for row in 0..<input.rowCount {
            try context.tick()
            guard let number = input.value(row: row, column: yearIndex).numeric, number.isFinite, abs(number) < 100_000,
                  number == number.rounded() else { continue }
            let year = Int(number)
            years.insert(year)
            let values = keyIndices.map { input.value(row: row, column: $0) }
            let key = values.map(Self.groupKey).joined(separator: "\u{1}")
            let r: Int
            if let existing = rowsByKey[key] { r = existing } else {
                r = keyValues.count
                rowsByKey[key] = r
                keyValues.append(values)
                cells.append([:])
            }
            cells[r][year] = input.value(row: row, column: valueIndex)
        }
        let sortedYears = years.sorted()
        var columns = keyIndices.indices.map { k in Column(keyNames[k], keyValues.map { $0[k] }) }
        // A key column that is empty everywhere (no scopes) is left out.
        columns.removeAll { column in column.values.allSatisfy(\.isNull) }
        for year in sortedYears { columns.append(Column(String(year), cells.map { $0[year] ?? .null })) }
        return Table(columns: columns, notes: input.notes)
    }
}
