import LearningData
import LearningTrends

/// The tables every session knows besides `figures`: `regions` and `indicators`, and how a series
/// becomes a table.
enum BuiltinTables {
    static let names = ["figures", "regions", "indicators", "latest"]
    static let regionColumns = ["id", "name", "kind", "level", "parent", "aliases"]
    static let indicatorColumns = ["id", "name", "label", "unit", "denominator", "over_time", "synonyms"]

    /// The builtin tables of one dataset for one input, each made the first time it is named and shared after that:
    /// `derive t = regions` on 200 000 rows holds one table in every cell, not 200 000 copies.
    final class Cache {
        let dataset: Dataset
        private(set) lazy var figures = Table(figures: dataset)
        private(set) lazy var regions = BuiltinTables.regions(dataset)
        private(set) lazy var indicators = BuiltinTables.indicators(dataset)

        init(_ dataset: Dataset) { self.dataset = dataset }
    }

    static func regions(_ dataset: Dataset) -> Table {
        let g = dataset.gazetteer
        return Table(columns: [
            Column("id", g.regions.map { .text($0.id.rawValue) }),
            Column("name", g.regions.map { .region($0) }),
            Column("kind", g.regions.map { .text($0.kind.vietnamese) }),
            Column("level", g.regions.map { .text($0.level.name) }),
            Column("parent", g.regions.map { r in r.parent.flatMap { g[$0] }.map(Value.region) ?? .null }),
            Column("aliases", g.regions.map { $0.aliases.isEmpty ? .null : .text($0.aliases.joined(separator: ", ")) }),
        ] + g.extraColumns.map { name in Column(name, g.regions.map { .text($0.extras[name]) }) })
    }

    static func indicators(_ dataset: Dataset) -> Table {
        let all = dataset.catalogue.indicators
        return Table(columns: [
            Column("id", all.map { .indicator($0) }),
            Column("name", all.map { .text($0.name) }),
            Column("label", all.map { .text($0.label) }),
            Column("unit", all.map { .text($0.unit.english) }),
            Column("denominator", all.map { .text($0.denominator?.english) }),
            Column("over_time", all.map { .text($0.temporal == .sum ? "sum" : "latest") }),
            Column("synonyms", all.map { $0.synonyms.isEmpty ? .null : .text($0.synonyms.joined(separator: ", ")) }),
        ])
    }
}

/// A series as a table: one row per year.
enum SeriesTable {
    static let columns = ["year", "value", "base", "rate", "target", "note"]

    static func table(_ series: Series) -> Table {
        let unit = series.indicator.unit
        let points = series.points
        return Table(columns: [
            Column("year", points.map { .year($0.year) }),
            Column("value", points.map { .figure($0.value, unit: unit) }),
            Column("base", points.map { $0.base.map(Value.number) ?? .null }),
            Column("rate", points.map { .rate($0.rate?.rate) }),
            Column("target", points.map { p in p.target.map { .target($0, money: unit.isMoney) } ?? .null }),
            Column("note", points.map { note($0) }),
        ], notes: ["\(series.indicator.id) in \(series.region.qualifiedName)" + (series.asOf.map { " as of \($0): each year the sum of the units of that year it is made of" } ?? "") + (series.gaps.isEmpty ? "" : "; no figure for " + series.gaps.map(String.init).joined(separator: ", "))]
            + (otherPeriodsNote(series).map { [$0] } ?? []) + Functions.conflictNotes(series.conflicts) { _ in series.region.name })
    }

    /// Figures for other periods are not points of a yearly series, but they are there: say so.
    static func otherPeriodsNote(_ series: Series) -> String? {
        guard !series.otherPeriods.isEmpty else { return nil }
        let unit = series.indicator.unit
        let listed = series.otherPeriods.prefix(4).map { p in
            let period = p.period.map { "\($0) (\($0.kindName))" } ?? "\(p.year)"
            let figure = p.value.map { ValueFormatter.plain(.figure($0, unit: unit)) } ?? p.rate.map { ValueFormatter.plain(.percent($0.rate * 100)) } ?? "no figure"
            return "\(period): \(figure)"
        }
        let more = series.otherPeriods.count > 4 ? ", \(series.otherPeriods.count - 4) more" : ""
        return "not in the series, for other periods than a year: " + listed.joined(separator: ", ") + more + " (figures lists them)"
    }

    private static func note(_ p: SeriesPoint) -> Value {
        var parts: [String] = []
        if let fill = p.fill { parts.append("filled: \(fill.rawValue)") }
        if let period = p.period { parts.append("as of the end of \(period)") }
        if let sumOf = p.sumOf { parts.append("sum of " + sumOf) }
        if p.isDerived { parts.append("derived") }
        if p.qualifier != .exact { parts.append(p.qualifier.vietnamese) }
        if p.rate?.source == .stated { parts.append("rate as stated") }
        return parts.isEmpty ? .null : .text(parts.joined(separator: "; "))
    }
}
