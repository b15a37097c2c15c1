import LearningData

extension Functions {
    /// Functions about the sources themselves: where two documents disagree.
    static let sourceFunctions: [BuiltinFunction] = [
        builtin("conflicts", [], returns: "table", columns: ConflictTable.columns, topic: "targets",
                summary: "Every figure two documents give differently (the same region, indicator, year, period and scope): the one used, the other, the difference and both quotes.",
                example: "conflicts()") { (a: inout CallArguments) throws(QueryError) -> Value in
            .table(ConflictTable.table(a.dataset))
        },
    ]
}

/// The table of `conflicts()`.
enum ConflictTable {
    static let columns = ["region", "indicator", "year", "period", "scope", "used", "other", "difference", "used_document", "other_document", "used_quote", "other_quote"]

    static func table(_ dataset: Dataset) -> Table {
        let conflicts = dataset.conflicts
        func figure(_ o: Observation) -> Value {
            let unit = dataset.catalogue[o.indicator]?.unit ?? .items
            if let value = o.value { return .figure(value, unit: unit) }
            return o.statedPercent.map { .percent($0.value) } ?? .null
        }
        return Table(columns: [
            Column("region", conflicts.map { dataset.gazetteer[$0.used.region].map(Value.region) ?? .null }),
            Column("indicator", conflicts.map { c in dataset.catalogue[c.used.indicator].map(Value.indicator) ?? .null }),
            Column("year", conflicts.map { .year($0.used.year) }),
            Column("period", conflicts.map { $0.used.period.map { .text($0.description) } ?? .null }),
            Column("scope", conflicts.map { .text($0.used.scope) }),
            Column("used", conflicts.map { figure($0.used) }),
            Column("other", conflicts.map { figure($0.other) }),
            Column("difference", conflicts.map { c in
                guard let u = c.used.value, let o = c.other.value else { return .null }
                return .figure(u - o, unit: dataset.catalogue[c.used.indicator]?.unit ?? .items)
            }),
            Column("used_document", conflicts.map { .text($0.used.provenance?.document) }),
            Column("other_document", conflicts.map { .text($0.other.provenance?.document) }),
            Column("used_quote", conflicts.map { .text($0.used.provenance?.quote) }),
            Column("other_quote", conflicts.map { .text($0.other.provenance?.quote) }),
        ], notes: conflicts.isEmpty ? ["no two documents give one figure differently"]
            : ["\(conflicts.count) figure\(conflicts.count == 1 ? " is" : "s are") given by two documents; \(SourceConflict.rule)"])
    }
}
