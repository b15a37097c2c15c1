import LearningData
import LearningTrends

/// A roll-up re-expressed in another day's units (`rollup(…, as_of: 2026)`) as a table: one row per
/// unit of that day, each with the units of the figures' year it is made of.
enum ReexpressedRollupColumns {
    static func table(_ r: ReexpressedRollup, dataset: Dataset) -> Table {
        let unit = r.source.indicator.unit
        let level = r.source.level
        let rows = r.rows
        func coverage(_ n: Int, _ row: ReexpressedRollup.Row, partial: Int = 0) -> Value {
            .text("\(n) of \(row.parts.count) \(level.plural) of \(r.source.year)" + (partial > 0 ? " (\(partial) partial)" : ""))
        }
        var notes = ["\(r.source.indicator.id) \(r.source.year) to \(level.name) level, in the units of \(r.day): each unit's figure is the sum of the \(level.plural) of \(r.source.year) it is made of "
                     + "(each their own figure, or the sum below it); rate = sum of numerators ÷ sum of denominators, over those that give both"]
        let merged = rows.filter { $0.parts.count > 1 && ($0.value != nil || $0.base != nil) }.map { row in "\(row.unit.name) = " + row.parts.map(\.name).joined(separator: " + ") }
        if !merged.isEmpty { notes.append("made of: " + merged.joined(separator: "; ")) }
        if rows.contains(where: { ($0.valueCount < $0.parts.count || $0.partialParts > 0) && $0.value != nil }) {
            notes.append("partial: some of the units it is made of give no figure, or only part of one (see value_coverage); the sum is what they give, not the whole")
        }
        let shared = rows.filter { !$0.apportioned.isEmpty }
        if !shared.isEmpty {
            notes.append("apportioned by area (split: \"area\"): a unit divided in 2025 counts in each unit it went into by that unit's share of their areas; "
                         + "the source gives no share of the old unit, so these are estimates (qualifier “about”): "
                         + shared.prefix(5).map { "\($0.unit.name) takes part of " + $0.apportioned.map(\.name).joined(separator: ", ") }.joined(separator: "; "))
        }
        for (region, reason) in r.refused.prefix(5) { notes.append("not placed: \(region.name) (\(reason))") }
        if r.refused.count > 5 { notes.append("not placed: \(r.refused.count - 5) more") }
        if rows.contains(where: { $0.qualifier != .exact }) { notes.append("qualifier: the value is not exact (a sum with a “gần” figure in it is nearly)") }
        return Table(columns: [
            Column("region", rows.map { .text($0.unit.name) }),
            Column("id", rows.map { .text($0.unit.id.rawValue) }),
            Column("value", rows.map { .figure($0.value, unit: unit) }),
            Column("value_coverage", rows.map { coverage($0.valueCount, $0, partial: $0.partialParts) }),
            Column("base", rows.map { $0.base.map(Value.number) ?? .null }),
            Column("base_coverage", rows.map { coverage($0.baseCount, $0) }),
            Column("rate", rows.map { .rate($0.rate) }),
            Column("rate_coverage", rows.map { coverage($0.rateCount, $0) }),
            Column("qualifier", rows.map { Functions.qualifier($0.qualifier) }),
            Column("partial", rows.map { $0.value == nil ? .null : .bool($0.valueCount < $0.parts.count || $0.partialParts > 0) }),
            Column("made_of", rows.map { .text($0.parts.map(\.name).joined(separator: ", ")) }),
        ], notes: notes)
    }
}
