import LearningData
import LearningTrends

/// A roll-up as a table: one row per region of the level, then the whole area.
///
/// Value, base and rate each have their own coverage column, because they may rest on different
/// regions (four districts give a figure, one of them a base): a row that showed one coverage would
/// let value ÷ base pass for the rate.
enum RollupColumns {
    static let names = ["region", "value", "value_coverage", "base", "base_coverage", "rate", "rate_coverage", "qualifier", "partial", "sum_below", "differs"]

    static func table(_ r: RollupResult, dataset: Dataset) -> Table {
        let unit = r.indicator.unit
        var rows = r.rows
        if let total = r.total { rows.append(total) }
        var notes = ["\(r.indicator.id) \(r.year) to \(r.level.name) level: each region's own figure where it reports one, otherwise the sum of the regions below it; "
            + (r.combination == .ratioOfSums ? "rate = sum of numerators ÷ sum of denominators, over the regions that give both"
                                             : "rate column = mean of the rates of the regions below (asked for)")]
        if r.total != nil { notes.append("the last row is the whole area: the rows above together, or the area's own figure where it reports one") }
        notes.append("coverage: of the regions directly below, how many give the value, the base, the rate; “reported”: the region's own figure")
        let uneven = rows.filter(\.valueAndRateDiffer).map(\.region.name)
        if !uneven.isEmpty {
            notes.append("value and rate rest on different regions in " + list(uneven) + ": there value ÷ base is not the rate (see the coverages)")
        }
        if rows.contains(where: { $0.value != nil && $0.isPartial }) { notes.append("partial: some regions below give no figure, or only part of one") }
        if rows.contains(where: { $0.sumBelow != nil }) {
            notes.append("sum_below: the regions below summed, beside a region's own figure; differs: true when the two disagree beyond rounding")
        }
        if !r.differing.isEmpty {
            notes.append("own figure and the sum below it differ beyond rounding: " + list(r.differing.map { "\($0.name) (\($0.level.name))" }))
        }
        notes += Functions.periodNotes(r.periods, used: r.periodsUsed, perYear: false, temporal: r.indicator.temporal, hasColumn: false)
        notes += Functions.conflictNotes(dataset, r.conflicts)
        if !r.periodsLeftOut.isEmpty {
            let listed = r.periodsLeftOut.sorted { $0.key.description < $1.key.description }.map { "\($0.key) (\($0.key.kindName)) ×\($0.value)" }
            notes.append("left out: figures for other periods than \(r.periods.year == nil ? "the year \(r.year)" : r.periods.description): " + listed.joined(separator: ", ")
                         + "; periods: \"any\" or periods: \"\(r.periodsLeftOut.keys.first?.description ?? "")\" takes them")
        }
        if rows.contains(where: { $0.qualifier != .exact }) { notes.append("qualifier: the value is not exact (a sum with a “gần” figure in it is nearly)") }
        return Table(columns: [
            Column("region", rows.map { .region($0.region) }),
            Column("value", rows.map { .figure($0.value, unit: unit) }),
            Column("value_coverage", rows.map { coverage($0.valueCoverage, of: $0, given: $0.value != nil) }),
            Column("base", rows.map { $0.base.map(Value.number) ?? .null }),
            Column("base_coverage", rows.map { coverage($0.baseCoverage, of: $0, given: $0.base != nil) }),
            Column("rate", rows.map { r.combination == .meanOfRates ? .rate($0.meanOfRates) : .rate($0.rate) }),
            Column("rate_coverage", rows.map { coverage($0.rateCoverage, of: $0, given: $0.rate != nil) }),
            Column("qualifier", rows.map { Functions.qualifier($0.qualifier) }),
            Column("partial", rows.map { $0.value == nil ? .null : .bool($0.isPartial) }),
            Column("sum_below", rows.map { .figure($0.sumBelow, unit: unit) }),
            Column("differs", rows.map { $0.differs.map(Value.bool) ?? .null }),
        ], notes: notes)
    }

    /// "reported", "3 of 4 districts", "2 of 2 communes (1 partial)", "0 of 3 districts"; "not reported"
    /// for what a region's own figure lacks (its base); "none below" for a region with no regions below
    /// it and no figure of its own.
    static func coverage(_ c: LevelSums.Coverage, of row: RollupRow, given: Bool) -> Value {
        if c.isReported { return .text("reported") }
        if row.valueCoverage.isReported { return .text("not reported") }
        guard c.expected > 0 else { return given ? .null : .text("none below") }
        let unit = c.partLevel.map { c.expected == 1 ? $0.name : $0.plural } ?? (c.expected == 1 ? "region" : "regions")
        return .text("\(c.count) of \(c.expected) \(unit)" + (c.partialParts > 0 ? " (\(c.partialParts) partial)" : ""))
    }

    private static func list(_ names: [String]) -> String {
        names.count <= 6 ? names.joined(separator: ", ") : names.prefix(6).joined(separator: ", ") + " and \(names.count - 6) more"
    }
}
