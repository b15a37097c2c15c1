import LearningData

extension Functions {
    static let utilityFunctions: [BuiltinFunction] = [
        builtin("round", [Parameter("x", "number"), Parameter("digits", "number", optional: true)], returns: "number", topic: "utility",
                summary: "x rounded half away from zero to `digits` decimals (0 by default), keeping its unit.",
                example: "round(rate(learning_family, \"Bình Thạnh\", 2022), 1)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let x = a.raw("x")
            if x.isNull { return .null }
            guard let number = x.numeric else { throw a.wrongType("x", expected: "a number", got: x, at: a.span("x")) }
            let digits = a.has("digits") ? try a.integer("digits", in: 0...9) : 0
            let scale = (0..<digits).reduce(1.0) { acc, _ in acc * 10 }
            // From 2^52 on, number × scale has no fraction left in a double: rounding it and dividing
            // back could only move the value, never round it.
            guard abs(number * scale) < 0x1p52 else { return x }
            return x.sameKind((number * scale).rounded(.toNearestOrAwayFromZero) / scale)
        },
        builtin("abs", [Parameter("x", "number")], returns: "number", topic: "utility", summary: "The absolute value of x, keeping its unit.",
                example: "abs(-3)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let x = a.raw("x")
            if x.isNull { return .null }
            guard let number = x.numeric else { throw a.wrongType("x", expected: "a number", got: x, at: a.span("x")) }
            return x.sameKind(abs(number))
        },
        builtin("count", [Parameter("table", "table")], returns: "number", topic: "utility",
                summary: "How many rows a table has (inside `group … aggregate`, count() counts the rows of each group).",
                example: "figures | where year == 2022 | count()") { (a: inout CallArguments) throws(QueryError) -> Value in
            .number(Double(try a.table("table").rowCount))
        },
        builtin("table", [Parameter("value", "list of records, series or record")], returns: "table", topic: "tables",
                summary: "A table written in the query: a list of records is one row each (`table([{region: \"Bình Thạnh\", population: 499164}, …])`, a field a record leaves out is missing); a series or a record as a table, so table operators apply.",
                example: "table([{region: \"Bình Thạnh\", population: 499164}, {region: \"Bắc Kạn\", population: 45036}])") { (a: inout CallArguments) throws(QueryError) -> Value in
            switch a.raw("value") {
            case let .record(r): return .table(Table(columns: r.fields.map { Column($0.name, [$0.value]) }))
            case let .list(items) where !items.isEmpty && items.allSatisfy({ if case .record = $0 { true } else { false } }):
                return .table(Self.rows(items.compactMap { if case let .record(r) = $0 { r } else { nil } }))
            case let .list(items): return .table(Table(columns: [Column("value", items)]))
            default: return .table(try a.table("value"))
            }
        },
    ]

    /// Records as rows: the columns are every field in the order first seen.
    static func rows(_ records: [Record]) -> Table {
        var names: [String] = []
        for record in records { for name in record.names where !names.contains(name) { names.append(name) } }
        return Table(columns: names.map { name in Column(name, records.map { $0[name] ?? .null }) })
    }
}
