import LearningData
import LearningTrends
import LearningRanking

extension Functions {
    /// Functions about Vietnam's map and its 2025 reorganisation.
    static let geographyFunctions: [BuiltinFunction] = [
        builtin("successors", [Parameter("region", "region or text"), Parameter("level", "text", optional: true),
                               Parameter("as_of", "year or date", optional: true)],
                returns: "table", columns: successionColumns, topic: "geography",
                summary: "What became of a unit of Vietnam's map in the 2025 reorganisation: the units it went into, whole or in part. "
                    + "With `level`, the unit of that level that holds it on the day `as_of` (by default 1 July 2025): `successors(\"Bắc Kạn\", level: \"province\")` is Thái Nguyên.",
                example: "successors(\"Bắc Kạn\", level: \"province\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let map = NationalMap.embedded
            let level = try a.level("level")
            let unit = try a.mapUnit("region", on: .lastDayBeforeReorganisation, level: level, map: map)
            let day = try a.day("as_of") ?? .reorganisation
            guard let level else {
                return .table(successionTable(map.successors(of: unit.id).map { ($0, $0.later) }, map: map,
                                              notes: ["\(unit.qualifiedName) (\(unit.id), \(unit.lifetime))"
                                                      + (map.successors(of: unit.id).isEmpty ? ": no successor; it went on under its own id, or is still valid" : "")]))
            }
            switch map.placement(of: unit.id, level: level, on: day) {
            case let .whole(holder):
                let link = Succession(earlier: unit.id, later: holder.id, share: .whole, day: day)
                return .table(successionTable([(link, holder.id)], map: map, notes: ["the \(level.name) that holds \(unit.qualifiedName) on \(day)"]))
            case let .split(parts):
                let links = parts.map { (Succession(earlier: unit.id, later: $0.id, share: .part, day: day), $0.id) }
                return .table(successionTable(links, map: map, notes: ["\(unit.qualifiedName) was divided between these on \(day); the source gives no shares"]))
            case let .none(reason):
                throw a.failure(reason)
            }
        },
        builtin("placed", [Parameter("region", "region or text"), Parameter("as_of", "year or date"), Parameter("level", "text", optional: true)],
                returns: "text", topic: "geography",
                summary: "The name of the unit of the day `as_of` that holds a region (of its own level, or of `level`): Bắc Kạn as of 2026 is “Thái Nguyên”; "
                    + "“divided: …” for a unit split between several, null for one with no place then. For a column of the figures in another day's units: "
                    + "`figures | derive province_2026 = placed(region, 2026, level: \"province\")`.",
                example: "placed(\"Bắc Kạn\", 2026, level: \"province\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let map = NationalMap.embedded
            let level = try a.level("level")
            guard let day = try a.day("as_of") else { throw a.failure("placed needs as_of: a year or a date") }
            let unit = try a.mapUnit("region", on: .lastDayBeforeReorganisation, level: level, map: map)
            switch map.placement(of: unit.id, level: level ?? unit.level, on: day) {
            case let .whole(holder): return .text(holder.name)
            case let .split(parts): return .text("divided: " + parts.map(\.name).joined(separator: ", "))
            case .none: return .null
            }
        },
        builtin("predecessors", [Parameter("region", "region or text")], returns: "table", columns: successionColumns, topic: "geography",
                summary: "What a unit of Vietnam's map was made of: the earlier units that went into it in the 2025 reorganisation, whole or in part.",
                example: "predecessors(\"Thái Nguyên\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let map = NationalMap.embedded
            let unit = try a.mapUnit("region", on: .reorganisation, level: nil, map: map)
            let links = map.predecessors(of: unit.id)
            var notes = ["\(unit.qualifiedName) (\(unit.id), \(unit.lifetime))"]
            if unit.validFrom == nil, unit.level == .province, !links.isEmpty { notes.append("it went on under its own name, the units listed merged into it") }
            if links.isEmpty { notes.append("no earlier unit went into it") }
            return .table(successionTable(links.map { ($0, $0.earlier) }, map: map, notes: notes))
        },
    ]

    static let successionColumns = ["region", "id", "kind", "parent", "share", "valid", "code"]

    /// A table of units linked to one: each shown is `shown` of its link.
    static func successionTable(_ links: [(link: Succession, shown: RegionID)], map: NationalMap, notes: [String]) -> Table {
        let units = links.map { map[$0.shown] }
        return Table(columns: [
            Column("region", units.map { .text($0?.name) }),
            Column("id", links.map { .text($0.shown.rawValue) }),
            Column("kind", units.map { .text($0?.kind.vietnamese) }),
            Column("parent", units.map { u in .text(u?.parent.flatMap { map[$0] }?.name) }),
            Column("share", links.map { .text($0.link.share.rawValue) }),
            Column("valid", units.map { .text($0?.lifetime) }),
            Column("code", units.map { .text($0?.code) }),
        ], notes: notes + (links.contains { $0.link.share == .part } ? ["share “part”: the unit was divided; the source does not say how much of it each received"] : []))
    }
}

extension CallArguments {
    /// A unit of the national map: a region of the dataset (by its id, or the official unit it lies in),
    /// a name of a dataset region, or a name of the map, looked up on `day` when it names units of both
    /// times.
    func mapUnit(_ name: String, on day: CalendarDay, level: AdministrativeLevel?, map: NationalMap) throws(QueryError) -> AdministrativeUnit {
        switch raw(name) {
        case let .region(region):
            guard let unit = ReexpressedRollup.officialUnit(of: region, in: dataset, map: map) else {
                throw failure("\(region.qualifiedName) (\(region.id)) is not a unit of Vietnam's map, nor below one")
            }
            return unit
        case let .text(text):
            func located(_ error: UnitLookupError) -> QueryError {
                if case .notFound = error { return QueryError(context.source.diagnostic("E303", error.description, at: span(name))) }
                return QueryError(context.source.diagnostic("E302", error.description, at: span(name)))
            }
            // A region of the dataset first: in the seeds "Bình Thạnh" is the district the reports are about.
            if let region = try? dataset.gazetteer.lookup(text), level == nil || region.level == level,
               let unit = ReexpressedRollup.officialUnit(of: region, in: dataset, map: map) { return unit }
            // The level asked for settles "Bắc Kạn" (the province, not the city) when it can.
            if let level, let unit = try? map.unit(named: text, on: nil, level: level) { return unit }
            do throws(UnitLookupError) { return try map.unit(named: text, on: nil) } catch {
                guard case .ambiguous = error else { throw located(error) }
                // A name of both times: the time the function looks from settles it.
                do throws(UnitLookupError) { return try map.unit(named: text, on: day) } catch { throw located(error) }
            }
        case let other:
            throw wrongType(name, expected: "a region or a name", got: other, at: span(name))
        }
    }

    /// A day given as a year (its last day, when a year's figures stand) or as a date text.
    func day(_ name: String) throws(QueryError) -> CalendarDay? {
        guard has(name) else { return nil }
        switch raw(name) {
        case let .year(y): return .endOf(y)
        case let .number(x) where x == x.rounded() && abs(x) < 10_000: return .endOf(Int(x))
        case let .text(t):
            guard let day = CalendarDay(parsing: t) else {
                throw QueryError(context.source.diagnostic("E207", "“\(Diagnostic.excerpt(t))” is not a day", at: span(name),
                                                           expected: "a year (2026) or a date (2025-07-01, 1/7/2025)"))
            }
            return day
        case let other:
            throw wrongType(name, expected: "a year or a date", got: other, at: span(name))
        }
    }
}

extension Functions {
    /// `rank(…, as_of:)`: the units of a day's map ranked on one year's figures summed into them.
    static func reexpressedRanking(_ a: inout CallArguments, indicator: Indicator, alignment: YearAlignment, measure: RankingMeasure,
                                   ties: TieMethod, order: RankDirection, day: CalendarDay) throws(QueryError) -> Table {
        guard measure == .rate || measure == .value else { throw a.failure("with as_of, rank is by \"rate\" or \"value\"") }
        let level = try a.level("level") ?? .province
        let year: Int
        switch alignment {
        case let .year(y): year = y
        case .latest, .asOf:
            // One year for all: the latest the indicator's figures reach (up to the year asked).
            guard let latest = a.dataset.years.reversed().first(where: { alignment.admits($0) && !a.dataset.rows(indicator: indicator.id, year: $0).isEmpty }) else {
                throw a.failure("no figures of \(indicator.id)")
            }
            year = latest
        }
        let r: ReexpressedRollup
        do throws(RollupError) { r = try ReexpressedRollup(a.dataset, indicator: indicator.id, year: year, level: level, asOf: day) } catch {
            throw a.failure(error.description)
        }
        func score(_ row: ReexpressedRollup.Row) -> Double? { measure == .rate ? row.rate.map { $0 * 100 } : row.value }
        let scored = r.rows.filter { score($0) != nil }.sorted { x, y in
            let (sx, sy) = (score(x) ?? 0, score(y) ?? 0)
            if sx != sy { return order == .descending ? sx > sy : sx < sy }
            return x.unit.name < y.unit.name
        }
        let ranks = ties.ranks(count: scored.count) { score(scored[$0]) == score(scored[$0 - 1]) }
        let unit = indicator.unit
        var notes = ["\(indicator.id) by \(measure.rawValue), \(year), in the \(level.plural) of \(day): each the sum of the \(level.plural) of \(year) it is made of"
                     + (measure == .rate ? " (rate = sum of numerators ÷ sum of denominators, over those that give both)" : "")]
        let unranked = r.rows.filter { score($0) == nil && ($0.value != nil || $0.base != nil) }
        for row in unranked.prefix(5) { notes.append("not ranked: \(row.unit.name) (\(year): " + (row.value == nil ? "no figure" : "a figure but no base to make a rate") + ")") }
        if scored.contains(where: { $0.valueCount < $0.parts.count || $0.partialParts > 0 }) {
            notes.append("partial: some of the units a row is made of give no figure (see coverage); a sum of some is not the whole")
        }
        for (region, reason) in r.refused.prefix(5) { notes.append("not placed: \(region.name) (\(reason))") }
        return Table(columns: [
            Column("rank", ranks.map(Value.number)),
            Column("region", scored.map { .text($0.unit.name) }),
            Column("id", scored.map { .text($0.unit.id.rawValue) }),
            Column("year", scored.map { _ in .year(year) }),
            Column(measure.rawValue, scored.map { row in measure == .value ? .figure(row.value, unit: unit) : .percent(score(row) ?? 0) }),
            Column("coverage", scored.map { row in
                .text("\(measure == .rate ? row.rateCount : row.valueCount) of \(row.parts.count) \(level.plural) of \(year)" + (row.partialParts > 0 ? " (\(row.partialParts) partial)" : ""))
            }),
            Column("qualifier", scored.map { qualifier($0.qualifier) }),
            Column("made_of", scored.map { .text($0.parts.map(\.name).joined(separator: ", ")) }),
        ], notes: notes)
    }
}

extension Functions {
    /// `compare(…, as_of:)`: units of a day's map side by side, each indicator's latest year in which
    /// they all have a figure summed into them (so the years are the same), rates where all give one.
    static func reexpressedComparison(_ a: inout CallArguments, day: CalendarDay) throws(QueryError) -> Table {
        let map = NationalMap.embedded
        var units: [AdministrativeUnit] = []
        var notes: [String] = []
        for key in ["a", "b", "c", "d", "e"] where a.has(key) {
            var unit = try a.mapUnit(key, on: day, level: try a.level("level"), map: map)
            if !unit.isValid(on: day) {
                guard case let .whole(later) = map.placement(of: unit.id, level: unit.level, on: day) else {
                    throw a.failure("\(unit.qualifiedName) did not become one unit of \(day): see successors(\"\(unit.id)\")")
                }
                notes.append("\(unit.qualifiedName) is part of \(later.qualifiedName) on \(day)")
                unit = later
            }
            units.append(unit)
        }
        guard Set(units.map(\.level)).count == 1, let level = units.first?.level else {
            throw a.failure("with as_of, compare units of one level: " + units.map { "\($0.name) is a \($0.level.name)" }.joined(separator: ", "))
        }
        var rows: [(indicator: Indicator, year: Int, rates: Bool, cells: [ReexpressedRollup.Row])] = []
        for indicator in a.dataset.catalogue.indicators where indicator.spatial == .sum {
            for year in a.dataset.years.reversed() where !a.dataset.rows(indicator: indicator.id, year: year).isEmpty {
                guard let r = try? ReexpressedRollup(a.dataset, indicator: indicator.id, year: year, level: level, asOf: day) else { continue }
                let cells = units.compactMap { u in r.rows.first { $0.unit.id == u.id && $0.value != nil } }
                guard cells.count == units.count else { continue }
                rows.append((indicator, year, cells.allSatisfy { $0.rate != nil }, cells))
                break
            }
        }
        var columns = [Column("indicator", rows.map { .indicator($0.indicator) }), Column("year", rows.map { .year($0.year) }),
                       Column("compared", rows.map { .text($0.rates ? "rate" : "value") })]
        for (k, unit) in units.enumerated() {
            columns.append(Column(unit.name, rows.map { row in row.rates ? .rate(row.cells[k].rate) : .figure(row.cells[k].value, unit: row.indicator.unit) }))
            columns.append(Column("\(unit.name) made of", rows.map { row in .text("\(row.cells[k].valueCount) of \(row.cells[k].parts.count) \(level.plural)") }))
        }
        if units.count == 2 {
            columns.append(Column("difference", rows.map { row in
                row.rates ? (row.cells[0].rate.flatMap { x in row.cells[1].rate.map { .points((x - $0) * 100) } } ?? .null)
                    : .figure((row.cells[0].value ?? 0) - (row.cells[1].value ?? 0), unit: row.indicator.unit)
            }))
        }
        notes.append("in the \(level.plural) of \(day): each figure is the sum of the \(level.plural) of its year that the unit is made of (rollup(…, as_of:)); "
                     + "each indicator in the latest year all of them have one; “made of” counts those that give it")
        if units.count == 2 { notes.append("difference = \(units[0].name) − \(units[1].name); rates in percentage points") }
        if rows.isEmpty { notes.append("no indicator has a figure for all of them in one year") }
        return Table(columns: columns, notes: notes)
    }
}
