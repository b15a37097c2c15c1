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
        builtin("table", [Parameter("value", "series or record")], returns: "table", topic: "utility",
                summary: "A series or a record as a table, so table operators apply.",
                example: "series(members, \"thành phố Bắc Kạn\") | table()") { (a: inout CallArguments) throws(QueryError) -> Value in
            switch a.raw("value") {
            case let .record(r): return .table(Table(columns: r.fields.map { Column($0.name, [$0.value]) }))
            case let .list(items): return .table(Table(columns: [Column("value", items)]))
            default: return .table(try a.table("value"))
            }
        },
    ]
}
