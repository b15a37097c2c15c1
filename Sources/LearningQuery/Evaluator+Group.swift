import LearningData
import LearningEngine

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
        let engine = VectorEvaluator(self, table)
        let keyData = keyColumns.map { engine.column($0) }
        let grouping = Grouping(keyData.map(Self.groupingKey), count: table.rowCount)
        var columns = keys.enumerated().map { k, key in Column(key.0, data: keyData[k].gathered(grouping.firstRows)) }
        for assignment in aggregates {
            guard case let .call(function, arguments, nameSpan, span) = assignment.value, Functions.aggregates.contains(function) else {
                throw QueryError(context.source.diagnostic("E220", "each aggregate is a call such as sum(value)", at: assignment.value.span,
                                                           expected: "count(), sum(x), min(x), max(x), avg(x), first(x), last(x), rate(numerator, denominator)"))
            }
            let expected = function == "count" ? 0 : (function == "rate" ? 2 : 1)
            guard arguments.count == expected else {
                throw QueryError(context.source.diagnostic("E204", "\(function) takes \(expected) argument\(expected == 1 ? "" : "s") here", at: span))
            }
            var inputs: [ColumnData] = []
            for argument in arguments { inputs.append(try engine.values(argument.value)) }
            let data = try aggregate(function, inputs, grouping, nameSpan)
            columns.append(Column(assignment.name ?? function, data: data))
        }
        return Table(columns: columns)
    }

    /// A key column as the grouping hashes it: integer codes when equal codes mean equal values, else
    /// the values' group keys (``groupKey(_:)``) coded once per distinct code or value.
    static func groupingKey(_ column: ColumnData) -> Grouping.Key {
        switch column {
        case let .numbers(x, _): return .numbers(x)
        case let .truths(t): return .codes(t.bytes.map { $0 == Truths.missing ? -1 : Int32($0) })
        case let .codes(codes, book) where book.isCanonical: return .codes(codes)
        case let .codes(codes, book):
            var ids: [String: Int32] = [:]
            let byCode = (0..<Int32(book.count)).map { code in Self.dense(groupKey(book.value(code)), &ids) }
            return .codes(NumberKernels.decode(codes, byCode, missing: Self.dense(groupKey(.null), &ids)))
        case .values, .cells:
            var ids: [String: Int32] = [:]
            return .codes(column.values.map { Self.dense(groupKey($0), &ids) })
        }
    }

    private static func dense(_ key: String, _ ids: inout [String: Int32]) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// One aggregate over each group: on number columns by the engine's kernels, else value by value.
    private func aggregate(_ function: String, _ inputs: [ColumnData], _ grouping: Grouping, _ span: SourceSpan) throws(QueryError) -> ColumnData {
        switch function {
        case "count": return .numbers(GroupAggregates.counts(grouping).map(Double.init), .uniform(.number))
        case "first": return inputs[0].gathered(grouping.firstRows)
        case "last": return inputs[0].gathered(GroupAggregates.lastRows(grouping))
        case "rate":
            if let (n, _) = inputs[0].asNumbers, let (d, _) = inputs[1].asNumbers { return rates(n, d, grouping, span) }
        default:
            if let (x, kinds) = inputs[0].asNumbers { return numeric(function, x, kinds, grouping, span) }
        }
        var values: [Value] = []
        for rows in grouping.rowsOfGroups {
            let columns = inputs.map { input in rows.map { input.value(at: Int($0)) } }
            values.append(finite(try aggregate(function, columns, count: rows.count, span), span))
        }
        return .values(values)
    }

    private func rates(_ n: [Double], _ d: [Double], _ grouping: Grouping, _ span: SourceSpan) -> ColumnData {
        let sums = GroupAggregates.ratio(n, d, grouping)
        var out = [Double](repeating: .nan, count: grouping.count)
        for g in out.indices where sums.any[g] {
            guard sums.denominators[g] != 0 else {
                context.warn("W201", "rate(): the denominators add up to zero; the rate is null", at: span)
                continue
            }
            out[g] = finiteNumber(sums.numerators[g] / sums.denominators[g] * 100, span)
        }
        return .numbers(out, .uniform(.percent))
    }

    /// sum, min, max, avg over a number column: the result takes the kind of the group's first
    /// present value, as the row-by-row aggregate does, with W202 where a group mixes kinds.
    private func numeric(_ function: String, _ x: [Double], _ kinds: ColumnData.NumberKinds, _ grouping: Grouping, _ span: SourceSpan) -> ColumnData {
        let sums = GroupAggregates.sum(x, grouping)
        var sample = [NumberKind](repeating: .number, count: grouping.count)
        if case let .perRow(k) = kinds {
            var mixed = [UInt8](repeating: 0, count: grouping.count)       // a bit per kind present
            var seen = [Bool](repeating: false, count: grouping.count)
            for (row, g) in grouping.groupOfRow.enumerated() where !x[row].isNaN {
                let gi = Int(g)
                if !seen[gi] { seen[gi] = true; sample[gi] = k[row] }
                mixed[gi] |= 1 << k[row].rawValue
            }
            for g in mixed.indices where mixed[g].nonzeroBitCount > 1 {
                let names = NumberKind.allCases.filter { mixed[g] & (1 << $0.rawValue) != 0 }.map { $0.value(1).typeName }.sorted()
                context.warn("W202", "\(function)() mixes \(names.joined(separator: " and ")) values; the result takes the unit of the first", at: span,
                             hint: "filter to one indicator first: where indicator == …")
            }
        } else if case let .uniform(k) = kinds {
            sample = [NumberKind](repeating: k, count: grouping.count)
        }
        switch function {
        case "min", "max":
            let rows = GroupAggregates.extremeRows(x, grouping, largest: function == "max")
            let values = rows.map { $0 < 0 ? Double.nan : x[Int($0)] }
            switch kinds {
            case .uniform: return .numbers(values, kinds)
            case let .perRow(k): return .numbers(values, .perRow(rows.map { $0 < 0 ? .number : k[Int($0)] }))
            }
        default:
            let results = sums.sums.indices.map { g in
                function == "avg" && sums.present[g] > 0 ? sums.sums[g] / Double(sums.present[g]) : sums.sums[g]
            }.map { finiteNumber($0, span) }
            return .numbers(results, Self.kinds(sample, results))
        }
    }

    /// The kinds of results, each its group's sample kind (a year only when whole, as sameKind makes it).
    private static func kinds(_ sample: [NumberKind], _ results: [Double]) -> ColumnData.NumberKinds {
        let kinds = zip(sample, results).map { k, x in k == .year && !x.isNaN && !NumberKind.isYear(x) ? NumberKind.number : k }
        if let first = kinds.first, kinds.allSatisfy({ $0 == first }) { return .uniform(first) }
        return .perRow(kinds)
    }

    /// A number that overflowed as missing, with W203 (as ``finite(_:_:)`` does for a value).
    private func finiteNumber(_ x: Double, _ span: SourceSpan) -> Double {
        guard !x.isNaN, !x.isFinite else { return x }
        context.warn("W203", "the result is too large to be a number; it is null", at: span)
        return .nan
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
        let engine = VectorEvaluator(self, input)
        // The rows whose year is a whole number of a plausible size, and that year.
        let yearColumn = engine.column(yearIndex)
        var valid: [Int32] = [], years: [Int] = []
        let numbers = yearColumn.asNumbers?.values
        for row in 0..<input.rowCount {
            guard let number = numbers.map({ $0[row] }) ?? yearColumn.value(at: row).numeric, number.isFinite, abs(number) < 100_000,
                  number == number.rounded() else { continue }
            valid.append(Int32(row))
            years.append(Int(number))
        }
        try context.checkpoint()
        let keys = keyIndices.map { engine.column($0).gathered(valid) }
        let grouping = Grouping(keys.map(Self.groupingKey), count: valid.count)
        let sortedYears = Array(Set(years)).sorted()
        let yearPlace = Dictionary(uniqueKeysWithValues: sortedYears.enumerated().map { ($1, $0) })
        // The row holding each cell, the last row of a group and year winning, as it always has.
        var cellRows = [Int32](repeating: -1, count: grouping.count * sortedYears.count)
        for (k, row) in valid.enumerated() {
            cellRows[Int(grouping.groupOfRow[k]) * sortedYears.count + (yearPlace[years[k]] ?? 0)] = row
        }
        var columns = keyIndices.indices.map { k in Column(keyNames[k], data: keys[k].gathered(grouping.firstRows)) }
        // A key column that is empty everywhere (no scopes) is left out.
        columns.removeAll { column in (0..<column.data.count).allSatisfy { column.data.value(at: $0).isNull } }
        let values = engine.column(valueIndex)
        for (y, year) in sortedYears.enumerated() {
            let rows = (0..<grouping.count).map { cellRows[$0 * sortedYears.count + y] }
            columns.append(Column(String(year), data: values.gatheredAllowingMissing(rows)))
        }
        return Table(columns: columns, notes: input.notes)
    }
}
