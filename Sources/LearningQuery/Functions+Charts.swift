import LearningData
import LearningTrends

extension Functions {
    static let chartFunctions: [BuiltinFunction] = [
        builtin("chart", [Parameter("a", "series"), Parameter("b", "series", optional: true), Parameter("c", "series", optional: true),
                          Parameter("d", "series", optional: true), Parameter("e", "series", optional: true),
                          Parameter("of", "\"value\" or \"rate\"", optional: true), Parameter("title", "text", optional: true)],
                returns: "chart", topic: "charts",
                summary: "Lines over years for one or more series (regions or indicators), a marker on every figure, missing years left as gaps, targets dashed.",
                example: "chart(series(learning_family, \"Liên Hương\"), series(learning_community, \"Liên Hương\"), of: \"rate\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let quantity = try a.choice("of", default: LinearTrend.Quantity.value, LinearTrend.Quantity.init(rawValue:), options: ["value", "rate"])
            var lines: [Chart.Line] = []
            var unit = Chart.Unit.number
            for key in ["a", "b", "c", "d", "e"] where a.has(key) {
                let series = try a.series(key)
                if quantity == .rate { unit = .percent } else if series.indicator.unit.isMoney { unit = .money }
                let points = series.numbers(quantity).map { (year: $0.year, value: quantity == .rate ? $0.value * 100 : $0.value) }
                let targets: [(year: Int, value: Double)] = series.points.compactMap { p in
                    guard let t = p.target, t.isRate == (quantity == .rate) else { return nil }
                    return (p.year, t.value)
                }
                lines.append(Chart.Line(name: "\(series.indicator.id) · \(series.region.name)", points: points, targets: targets))
            }
            let title = try a.optionalText("title") ?? (lines.count == 1 ? lines[0].name : (quantity == .rate ? "rates" : "values"))
            return .chart(Chart(title: title, unit: unit, content: .lines(lines)))
        },
        builtin("bars", [Parameter("table", "table"), Parameter("column", "text"), Parameter("label", "text", optional: true),
                         Parameter("title", "text", optional: true)], returns: "chart", topic: "charts",
                summary: "Horizontal bars of a column of a table (a ranking), labelled by `label` or by the first column of names.",
                example: "rank(learning_family) | bars(\"rate\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let table = try a.table("table")
            let columnName = try a.text("column")
            guard let column = table.columnIndex(columnName) else {
                throw QueryError(a.context.source.diagnostic("E211", "the table has no column “\(columnName)”", at: a.span("column"),
                                                             expected: table.columnNames.joined(separator: ", ")))
            }
            let labelColumn: Int?
            if let name = try a.optionalText("label") {
                guard let index = table.columnIndex(name) else { throw a.failure("the table has no column “\(Diagnostic.excerpt(name))” for the labels") }
                labelColumn = index
            } else {
                labelColumn = table.columnNames.indices.first { c in
                    (0..<table.rowCount).contains { r in
                        switch table.value(row: r, column: c) { case .region, .text, .indicator: return true; default: return false }
                    }
                }
            }
            var bars: [Chart.Bar] = []
            var units: Set<Chart.Unit> = []
            var overflowed = 0
            for row in 0..<table.rowCount {
                let v = table.value(row: row, column: column)
                guard let x = v.numeric else { continue }
                guard x.isFinite else { overflowed += 1; continue }
                units.insert(Self.chartUnit(v))
                let label = labelColumn.map { ValueFormatter.human(table.value(row: row, column: $0), .vi) } ?? "\(row + 1)"
                bars.append(Chart.Bar(label: label, value: x))
            }
            if overflowed > 0 {
                a.context.warn("W203", "bars(): \(overflowed) value\(overflowed == 1 ? " is" : "s are") too large to be a number and \(overflowed == 1 ? "is" : "are") left out", at: a.callSpan)
            }
            if units.count > 1 {
                a.context.warn("W202", "bars(): “\(columnName)” mixes \(units.map(\.rawValue).sorted().joined(separator: " and ")) values; they are drawn as plain numbers", at: a.span("column"),
                               hint: "filter to one indicator first: where indicator == …")
            }
            let unit = units.count == 1 ? units.first ?? .number : .number
            return .chart(Chart(title: try a.optionalText("title") ?? columnName, unit: unit, content: .bars(bars)))
        },
    ]

    /// The unit a chart writes a value in: percentage points and years as plain numbers.
    static func chartUnit(_ v: Value) -> Chart.Unit {
        switch v {
        case .percent: .percent
        case .money: .money
        default: .number
        }
    }
}
