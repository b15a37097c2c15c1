import LearningData
import LearningTargets

/// The table of `check()`: every rule violation and every disagreement between rows, most important
/// first, each with the quote of its row and, for a disagreement, the other row and its quote.
enum CheckTable {
    static let columns = ["importance", "rule", "region", "indicator", "year", "scope", "left", "right", "expected", "other", "quote", "other_quote"]

    private struct Line {
        let importance: RuleImportance
        let rule: String
        let observation: Observation
        let left: Double?, right: Double?
        let expected: String
        let other: Observation?
    }

    static func table(_ dataset: Dataset) -> Table {
        let validator = Validator()
        var lines = validator.violations(in: dataset).map { v in
            Line(importance: v.rule.importance, rule: v.rule.id, observation: v.observation, left: v.left, right: v.right,
                 expected: "\(v.rule.left) \(v.rule.op.rawValue) \(v.rule.right): \(v.rule.summary)", other: nil)
        }
        lines += ConsistencyCheck.findings(in: dataset).map { f in
            Line(importance: f.importance, rule: f.kind.rawValue, observation: dataset[f.row], left: f.left, right: f.right,
                 expected: f.message, other: dataset[f.other])
        }
        lines += dataset.conflicts.map { c in
            let used = c.used.value.map(PlainNumber.format) ?? c.used.statedPercent?.text ?? "no figure"
            let other = c.other.value.map(PlainNumber.format) ?? c.other.statedPercent?.text ?? "no figure"
            return Line(importance: .medium, rule: "sources_disagree", observation: c.used, left: c.used.value, right: c.other.value,
                        expected: "\(c.used.provenance?.document ?? "") gives \(used), \(c.other.provenance?.document ?? "") gives \(other); \(SourceConflict.rule)",
                        other: c.other)
        }
        // Stable: violations keep the validator's order within an importance, findings theirs.
        lines = lines.enumerated().sorted { ($1.element.importance, $0.offset) < ($0.element.importance, $1.offset) }.map(\.element)
        func region(_ o: Observation) -> Value { dataset.gazetteer[o.region].map(Value.region) ?? .null }
        let checked = "\(validator.rules.count) rules, \(Inconsistency.Kind.allCases.count) checks across rows and sources that disagree"
        return Table(columns: [
            Column("importance", lines.map { .text($0.importance.description) }),
            Column("rule", lines.map { .text($0.rule) }),
            Column("region", lines.map { region($0.observation) }),
            Column("indicator", lines.map { l in dataset.catalogue[l.observation.indicator].map(Value.indicator) ?? .null }),
            Column("year", lines.map { .year($0.observation.year) }),
            Column("scope", lines.map { .text($0.observation.scope) }),
            Column("left", lines.map { $0.left.map(Value.number) ?? .null }),
            Column("right", lines.map { $0.right.map(Value.number) ?? .null }),
            Column("expected", lines.map { .text($0.expected) }),
            Column("other", lines.map { l in l.other.map { .text("\($0.indicator) \($0.year) in \(dataset.gazetteer[$0.region]?.qualifiedName ?? $0.region.rawValue)") } ?? .null }),
            Column("quote", lines.map { .text($0.observation.provenance?.quote) }),
            Column("other_quote", lines.map { .text($0.other?.provenance?.quote) }),
        ], notes: lines.isEmpty ? ["nothing is broken (\(checked))"] : ["\(lines.count) finding\(lines.count == 1 ? "" : "s") (\(checked))"])
    }
}
