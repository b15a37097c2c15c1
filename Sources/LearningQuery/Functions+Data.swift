import LearningData
import LearningTrends

extension Functions {
    static let dataFunctions: [BuiltinFunction] = [
        builtin("region", [Parameter("name", "text"), Parameter("level", "text", optional: true), Parameter("as_of", "year or date", optional: true)],
                returns: "region", topic: "data",
                summary: "The region a name stands for, ignoring case, diacritics and the kind before it; `level` settles a name two regions share. "
                    + "`as_of` names the time: a region of the dataset valid then, or else the unit of Vietnam's map of that day (`region(\"Bình Thạnh\", as_of: 2026)` is the ward of Hồ Chí Minh).",
                example: "region(\"bac kan\", level: \"district\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            if case let .region(region) = a.raw("name") { return .region(region) }
            let (name, level) = (try a.text("name"), try a.level("level"))
            guard let day = try a.day("as_of") else { return .region(try a.context.lookupRegion(name, level: level, at: a.span("name"))) }
            if let region = try? a.dataset.gazetteer.lookup(name, level: level, year: day.year), region.isValid(inYear: day.year) { return .region(region) }
            do throws(UnitLookupError) { return .region(Region(try NationalMap.embedded.unit(named: name, on: day, level: level))) } catch {
                throw QueryError(a.context.source.diagnostic(error.isAmbiguous ? "E302" : "E303", error.description, at: a.span("name")))
            }
        },
        builtin("indicator", [Parameter("name", "text")], returns: "indicator", topic: "data",
                summary: "The indicator with this id or Vietnamese name (\"Gia đình hiếu học\" is learning_family).",
                example: "indicator(\"Gia đình hiếu học\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            .indicator(try a.indicator("name"))
        },
        builtin("value", [Parameter("indicator", "indicator"), Parameter("region", "region"), Parameter("year", "year")], returns: "number",
                topic: "data", summary: "The headline figure of an indicator for a region in a year; null (with a warning) when the report gives none.",
                example: "value(members, \"Bình Thạnh\", 2022)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let (indicator, region, year) = (try a.indicator("indicator"), try a.region("region"), try a.year("year"))
            guard let o = a.dataset.headline(indicator: indicator.id, region: region.id, year: year), o.value != nil else {
                noFigure(a, indicator, region, year)
                return .null
            }
            return .figure(o.value, unit: indicator.unit)
        },
        builtin("rate", [Parameter("indicator", "indicator"), Parameter("region", "region"), Parameter("year", "year")], returns: "percent",
                topic: "data", summary: "The rate of an indicator for a region in a year: value ÷ base, or the stated percentage when only that is printed.",
                example: "rate(learning_family, \"Bình Thạnh\", 2022)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let (indicator, region, year) = (try a.indicator("indicator"), try a.region("region"), try a.year("year"))
            guard let o = a.dataset.headline(indicator: indicator.id, region: region.id, year: year), let reading = o.rateReading else {
                noFigure(a, indicator, region, year, what: "rate")
                return .null
            }
            if reading.source == .stated {
                a.context.warn("W302", "only the stated percentage is printed for this figure; it is used as printed", at: a.callSpan)
            }
            return .percent(reading.rate * 100)
        },
        builtin("series", [Parameter("indicator", "indicator"), Parameter("region", "region"), Parameter("as_of", "year or date", optional: true)],
                returns: "series", columns: SeriesTable.columns,
                topic: "data", summary: "An indicator's headline figures for a region, year by year; years without a figure stay gaps. "
                    + "`as_of: 2026` expresses every year in the units of that day: the region (or the unit it became) is each year the sum of the units of that year it is made of.",
                example: "series(learning_family, \"Liên Hương\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let indicator = try a.indicator("indicator")
            if let day = try a.day("as_of") {
                let map = NationalMap.embedded
                var unit = try a.mapUnit("region", on: day, level: nil, map: map)
                var notes: [String] = []
                if !unit.isValid(on: day) {
                    guard case let .whole(later) = map.placement(of: unit.id, level: unit.level, on: day) else {
                        throw a.failure("\(unit.qualifiedName) did not become one \(unit.level.name) of \(day): see successors(\"\(unit.id)\")")
                    }
                    notes.append("\(unit.qualifiedName) is part of \(later.qualifiedName) on \(day)")
                    unit = later
                }
                guard let series = Series(a.dataset, indicator: indicator.id, unit: unit, asOf: day, map: map) else {
                    throw a.failure("\(indicator.id) does not add up over regions: it cannot be re-expressed")
                }
                if series.isEmpty { a.context.warn("W301", "\(unit.qualifiedName) as of \(day) has no figure of \(indicator.id) in any year", at: a.callSpan) }
                for note in notes { a.context.warn("W305", note, at: a.span("region")) }
                return .series(series)
            }
            let region = try a.region("region")
            guard let series = Series(a.dataset, indicator: indicator.id, region: region.id) else { return .null }
            if series.isEmpty {
                let others = series.otherPeriods.compactMap(\.period).map(\.description)
                a.context.warn("W301", "\(region.qualifiedName) has no " + (others.isEmpty ? "figure" : "yearly figure") + " of \(indicator.id)"
                               + (others.isEmpty ? "" : "; only for other periods: " + others.joined(separator: ", ") + " (see the notes)"), at: a.callSpan)
            }
            return .series(series)
        },
        builtin("last", [Parameter("years", "number")], returns: "period", topic: "data",
                summary: "The last N years up to a region's latest figure, for functions that take a year (`latest` is the latest year alone).",
                example: "series(learning_family, \"Liên Hương\") | within(last(3))") { (a: inout CallArguments) throws(QueryError) -> Value in
            let n = try a.integer("years", in: 1...1_000)
            return .period(.last(n))
        },
    ]

    static func noFigure(_ a: CallArguments, _ indicator: Indicator, _ region: Region, _ year: Int, what: String = "figure") {
        a.context.warn("W301", "no \(what) of \(indicator.id) for \(region.qualifiedName) in \(year) (\(holdings(a.dataset, indicator, region, year, what: what))); the result is null",
                       at: a.callSpan)
    }

    /// What a region's rows of an indicator hold, for a warning that found no figure or rate in a year:
    /// the year's own contents ("2021: only a target"), the years that have one, and the figures for
    /// other periods. A year that holds only a target is not a year with a figure.
    static func holdings(_ dataset: Dataset, _ indicator: Indicator, _ region: Region, _ year: Int, what: String) -> String {
        var having: [Int] = [], parts: [String] = [], others: [String] = []
        for row in dataset.unscopedRows(indicator: indicator.id, region: region.id) {
            let o = dataset[row]
            guard dataset.isHeadline(at: row) else { others.append("\(o.coveredPeriod) (\(o.coveredPeriod.kindName))"); continue }
            let has = what == "rate" ? o.rateReading != nil : o.value != nil
            if has { having.append(o.year) } else if o.year == year { parts.append("\(year): \(o.contents)") }
        }
        parts.append(having.isEmpty ? "no year has a \(what)" : "years with a \(what): " + having.map(String.init).joined(separator: ", "))
        if !others.isEmpty { parts.append("also for " + others.joined(separator: ", ") + ", not single years") }
        return parts.joined(separator: "; ")
    }
}
