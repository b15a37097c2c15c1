import LearningData
import LearningRanking

extension Functions {
    static let rankingFunctions: [BuiltinFunction] = [
        builtin("rank", [Parameter("indicator", "indicator"), Parameter("year", "year or latest", optional: true), Parameter("level", "text", optional: true),
                         Parameter("within", "region", optional: true), Parameter("by", "\"rate\", \"value\", \"per_capita\" or \"attainment\"", optional: true),
                         Parameter("ties", "\"competition\", \"dense\", \"ordinal\", \"average\" or \"max\"", optional: true),
                         Parameter("order", "\"desc\" or \"asc\"", optional: true),
                         Parameter("periods", "\"years\", \"any\" or a period such as \"2016-2020\"", optional: true),
                         Parameter("per", "\"year\"", optional: true), Parameter("as_of", "year or date", optional: true)],
                returns: "table", topic: "ranking",
                summary: "Regions of one level ranked by an indicator, each on one year or on its own latest year (shown beside its rank); regions left out are listed with the reason. "
                    + "Without `level`, the level most regions with figures share (the others are named in a note); `level: \"any\"` ranks every level together and adds a `level` column. "
                    + "Like with like: each year's figures, never a half-year's or a term's total among them; `periods: \"2016-2020\"` ranks the figures for that period, "
                    + "`periods: \"any\"` takes each region's figure whatever its period (a note says what was mixed), and `per: \"year\"` turns flows over other periods into yearly figures. "
                    + "Columns: `rank`, `region`, `year` (then `period` when a figure is not for a plain year), the score, named after `by` (`rate` unless told), `qualifier`, `percentile` (one decimal), `basis`. "
                    + "`as_of: 2026` ranks the units of that day's map on one year's figures summed into them (`rollup(…, as_of:)`), with the units each is made of.",
                example: "rank(learning_family, year: latest)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let indicator = try a.indicator("indicator")
            let alignment = try alignment(&a, "year")
            let measure = try a.choice("by", default: RankingMeasure.rate, RankingMeasure.init(name:), options: RankingMeasure.allCases.map(\.rawValue))
            let ties = try a.choice("ties", default: TieMethod.competition, TieMethod.init(name:), options: TieMethod.allCases.map(\.rawValue))
            let order = try a.choice("order", default: RankDirection.descending, { ["desc": .descending, "asc": .ascending][$0.lowercased()] }, options: ["desc", "asc"])
            let within = a.has("within") ? try a.region("within").id : nil
            let level = try a.levelChoice("level")
            if let day = try a.day("as_of") {
                return .table(try reexpressedRanking(&a, indicator: indicator, alignment: alignment, measure: measure, ties: ties, order: order, day: day))
            }
            let perYear = try a.perYear("per")
            // Yearly figures are comparable whatever period they come from: per year takes any unless told.
            let periods = perYear && !a.has("periods") ? PeriodChoice.any : try a.periodChoice("periods")
            if let y = periods.year, case let .year(asked) = alignment, asked != y {
                throw a.failure("the period \(periods) is filed under \(y), not \(asked)", hint: "leave out the year, or ask for year: \(y)")
            }
            let ranking: Ranking
            do throws(RankingError) {
                ranking = try Ranking(a.dataset, indicator: indicator.id, measure: measure, year: alignment, level: level, within: within, ties: ties, direction: order,
                                      periods: periods, perYear: perYear)
            } catch {
                throw a.failure(error.description)
            }
            var table = rankingTable(ranking)
            table.notes += conflictNotes(a.dataset, conflicts(a.dataset, ranking.entries.map(\.observation)))
            return .table(table)
        },
        builtin("rank_change", [Parameter("indicator", "indicator"), Parameter("from", "year"), Parameter("to", "year"), Parameter("level", "text", optional: true),
                                Parameter("by", "\"rate\", \"value\", \"per_capita\" or \"attainment\"", optional: true)],
                returns: "table", topic: "ranking",
                summary: "How each region's rank moved between two years, each year ranked on its own, both on the same level (chosen as `rank` chooses it). "
                    + "Columns: `region` (then `level` with `level: \"any\"`), `rank_from`, `rank_to`, `places`, `score_from`, `score_to`, `change`.",
                example: "rank_change(learning_family, 2016, 2018)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let indicator = try a.indicator("indicator")
            let measure = try a.choice("by", default: RankingMeasure.rate, RankingMeasure.init(name:), options: RankingMeasure.allCases.map(\.rawValue))
            let (from, to, level) = (try a.year("from"), try a.year("to"), try a.levelChoice("level"))
            let change: RankChange
            do throws(RankingError) { change = try RankChange(a.dataset, indicator: indicator.id, measure: measure, from: from, to: to, level: level) } catch {
                throw a.failure(error.description)
            }
            let score: (Double?) -> Value = { x in x.map { measure == .value ? .figure($0, unit: indicator.unit) : .percent($0) } ?? .null }
            let m = change.moves
            var columns = [Column("region", m.map { .region($0.region) })]
            if change.to.levels.choice == .any { columns.append(Column("level", m.map { .text($0.region.level.name) })) }
            columns += [
                Column("rank_from", m.map { $0.fromRank.map(Value.number) ?? .null }), Column("rank_to", m.map { $0.toRank.map(Value.number) ?? .null }),
                Column("places", m.map { $0.placesGained.map(Value.number) ?? .null }),
                Column("score_from", m.map { score($0.fromScore) }), Column("score_to", m.map { score($0.toScore) }),
                Column("change", m.map { c in c.scoreChange.map { measure == .value ? .figure($0, unit: indicator.unit) : .points($0) } ?? .null }),
            ]
            let levelNote = change.to.levels.note("regions with \(indicator.id) figures")
            return .table(Table(columns: columns, notes: ["places > 0: moved up"] + (levelNote.map { [$0] } ?? [])))
        },
        builtin("compare", [Parameter("a", "region"), Parameter("b", "region"), Parameter("c", "region", optional: true), Parameter("d", "region", optional: true),
                            Parameter("e", "region", optional: true), Parameter("year", "year or latest", optional: true), Parameter("level", "text", optional: true),
                            Parameter("as_of", "year or date", optional: true)],
                returns: "table", topic: "ranking",
                summary: "Regions of one level side by side on every indicator at least two of them report: each one's rate (or value) and year, the difference, who is ahead, "
                    + "and which figures are qualified (“gần”, “hơn”); years that differ are said. Regions of another level than most are left out, and named, unless `level: \"any\"`. "
                    + "`as_of: 2026` compares units of that day's map, each year's figures summed into them (Lào Cai and Thái Nguyên, their merged provinces included).",
                example: "compare(\"Bình Thạnh\", \"Bắc Kạn\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            if let day = try a.day("as_of") { return .table(try reexpressedComparison(&a, day: day)) }
            var resolved: [Region?] = []
            var names: [(Int, String)] = []
            for (k, key) in ["a", "b", "c", "d", "e"].enumerated() where a.has(key) {
                switch a.raw(key) {
                case let .region(region): resolved.append(region)
                case let .text(text): resolved.append(nil); names.append((k, text))
                case let other: throw a.wrongType(key, expected: "a region", got: other, at: a.span(key))
                }
            }
            var notes: [String] = []
            if !names.isEmpty {
                // Names are resolved together so that "Bắc Kạn" next to a district means the city.
                let all = ["a", "b", "c", "d", "e"].filter { a.has($0) }.map { key -> String in
                    if case let .region(r) = a.raw(key) { return r.id.rawValue } else if case let .text(t) = a.raw(key) { return t } else { return "" }
                }
                do throws(RegionLookupError) {
                    let (regions, resolutionNotes) = try RegionComparison.resolve(all, in: a.dataset.gazetteer)
                    resolved = regions
                    notes += resolutionNotes
                } catch {
                    let failing = names.first { (try? a.dataset.gazetteer.lookup($0.1)) == nil }
                    let key = ["a", "b", "c", "d", "e"][failing?.0 ?? 0]
                    _ = try a.context.lookupRegion(failing?.1 ?? "", at: a.span(key))
                    throw a.failure(error.description)
                }
            }
            let regions = resolved.compactMap { $0 }
            let comparison: RegionComparison
            let yearAlignment = try alignment(&a, "year")
            let level = try a.levelChoice("level")
            do throws(RankingError) { comparison = try RegionComparison(a.dataset, regions: regions.map(\.id), year: yearAlignment, level: level) } catch {
                if case .tooFewOfOneLevel = error { throw a.failure(error.description, hint: "compare regions of one level, or add level: \"any\" to compare them anyway") }
                throw a.failure(error.description)
            }
            var table = comparisonTable(comparison, notes: notes)
            table.notes += conflictNotes(a.dataset, conflicts(a.dataset, comparison.rows.flatMap { $0.cells.compactMap { $0?.observation } }))
            return .table(table)
        },
    ]

    static func alignment(_ a: inout CallArguments, _ name: String) throws(QueryError) -> YearAlignment {
        switch a.raw(name) {
        case .null, .period(.latest): return .latest
        case let .period(.asOf(y)): return .asOf(y)
        case let .period(.year(y)): return .year(y)
        case .period(.last): throw a.failure("a ranking is on one year each: use a year or latest, not last(N)")
        default: return .year(try a.year(name))
        }
    }

    static func rankingTable(_ r: Ranking) -> Table {
        let unit = r.indicator.unit
        let e = r.entries
        var notes: [String] = ["\(r.indicator.id) by \(r.measure.rawValue), \(r.alignment); ties: \(r.ties.rawValue); percentile = share of the others ranked below"]
        if let levelNote = r.levels.note("regions with \(r.indicator.id) figures") { notes.append(levelNote) }
        if r.yearsDiffer {
            notes.append("years differ: " + e.map { "\($0.region.name) \($0.year)" }.joined(separator: ", ") + "; ranks compare different years")
        }
        if !r.summedFrom.isEmpty {
            let ranked = r.levels.level.map { $0.plural } ?? "these regions"
            notes.append("\(ranked) report no figures of their own: ranked on their \(r.summedFrom.map(\.name).joined(separator: " and ")) figures summed"
                         + (r.measure == .rate ? " (rate = sum of numerators ÷ sum of denominators, over the regions that give both)" : ""))
            if r.partialSums > 0 { notes.append("partial: \(r.partialSums) of them miss some of the regions below (see basis)") }
        }
        if e.contains(where: { $0.observation.qualifier != .exact }) { notes.append("qualifier: the figure is not exact as printed (nearly: “gần”, over: “hơn”…)") }
        notes += periodNotes(r.periods, used: r.periodsUsed, perYear: r.perYear, temporal: r.indicator.temporal, measure: r.measure)
        // A national ranking can leave out thousands: name a few and count the rest.
        for missing in r.missing.prefix(5) { notes.append("not ranked: \(missing.region.name) (\(missing.reason))") }
        if r.missing.count > 5 { notes.append("not ranked: \(r.missing.count - 5) more") }
        var columns = [Column("rank", e.map { .number($0.rank) }), Column("region", e.map { .region($0.region) })]
        if r.levels.choice == .any { columns.append(Column("level", e.map { .text($0.region.level.name) })) }
        columns.append(Column("year", e.map { .year($0.year) }))
        if !r.periodsUsed.isEmpty { columns.append(Column("period", e.map { $0.observation.period.map { .text($0.description) } ?? .null })) }
        columns += [
            Column(r.measure.rawValue, e.map { r.measure == .value ? .figure($0.score, unit: unit) : .percent($0.score) }),
            Column("qualifier", e.map { qualifier($0.observation.qualifier) }),
            Column("percentile", e.map { .number(percentile($0.percentile)) }),
            Column("basis", e.map { .text(basis($0, r.measure)) }),
        ]
        return Table(columns: columns, notes: notes)
    }

    /// A percent rank to one decimal (83,3 reads as one; 83,3333 only looks precise), never rounded to
    /// 100 or 0 unless it is: among 10 000 regions the second is 99,9, not "ahead of all the others".
    static func percentile(_ p: Double) -> Double {
        let r = (p * 10).rounded() / 10
        return p > 0 && p < 100 ? min(max(r, 0.1), 99.9) : r
    }

    /// A qualifier as the `qualifier` columns show it: its code, as in `figures`; null when exact.
    static func qualifier(_ q: Qualifier) -> Value { q == .exact ? .null : .text(q.rawValue) }

    /// What the notes of an answer say about periods: what was mixed, what was taken, what per-year did.
    static func periodNotes(_ choice: PeriodChoice, used: [Period: Int], perYear: Bool, temporal: TemporalAggregation, measure: RankingMeasure? = nil,
                            hasColumn: Bool = true) -> [String] {
        var notes: [String] = []
        let listed = used.sorted { $0.key.description < $1.key.description }.map { "\($0.key) (\($0.key.kindName)) ×\($0.value)" }.joined(separator: ", ")
        switch choice {
        case .any where !used.isEmpty:
            notes.append("periods mixed (periods: \"any\"): besides whole years, " + listed + (hasColumn ? "; see the period column" : "; figures lists which")
                         + (temporal == .sum && !perYear ? "; a flow over a longer period is larger for that alone (per: \"year\" makes them yearly)" : ""))
        case let .only(p):
            notes.append("only figures for \(p) (\(p.kindName)): " + (temporal == .sum ? "totals over it" : "counts at its end"))
        case .years where !used.isEmpty:
            notes.append("stocks at the end of a span stand for its last year where the region gives nothing for the year: " + listed)
        default: break
        }
        if perYear {
            if temporal == .last {
                notes.append("per: \"year\" leaves a stock as it is (a count at a date is not spread over a period)")
            } else if let measure, measure != .value && measure != .perCapita {
                notes.append("per: \"year\" changes values only; a \(measure.rawValue) is left as it is")
            } else {
                notes.append("per year: a flow over another period is its yearly average (a 5-year total ÷ 5, a half-year × 2), marked “per year” in basis")
            }
        }
        return notes
    }

    /// Notes for the figures an answer used that another document gives differently: which it used.
    static func conflictNotes(_ dataset: Dataset, _ conflicts: [SourceConflict]) -> [String] {
        conflictNotes(conflicts) { dataset.gazetteer[$0]?.name ?? $0.rawValue }
    }

    /// The same, with regions named by `name`.
    static func conflictNotes(_ conflicts: [SourceConflict], name: (RegionID) -> String) -> [String] {
        guard !conflicts.isEmpty else { return [] }
        var notes = conflicts.prefix(3).map { "sources disagree: " + $0.usedNote(regionName: name($0.used.region)) }
        if conflicts.count > 3 { notes.append("sources disagree: \(conflicts.count - 3) more figures") }
        notes.append("of two documents, \(SourceConflict.rule); conflicts() lists both")
        return notes
    }

    /// The conflicts among the figures given, found by what identifies each.
    static func conflicts(_ dataset: Dataset, _ observations: [Observation]) -> [SourceConflict] {
        let byFigure = dataset.conflictsByFigure
        guard !byFigure.isEmpty else { return [] }
        return observations.compactMap { byFigure[SourceConflict.Figure($0)] }
    }

    private static func basis(_ e: RankedRegion, _ measure: RankingMeasure) -> String {
        if e.isPerYear { return (e.isIndirect ? "derived" : "printed") + ", per year of \(e.period)" }
        guard e.isIndirect else { return "printed" }
        if let derivation = e.observation.derivation, derivation.hasPrefix("sum of") { return derivation }
        switch measure {
        case .perCapita: return "population from the stated share"
        case .value: return "derived"
        default: return "stated percentage"
        }
    }

    static func comparisonTable(_ c: RegionComparison, notes extra: [String]) -> Table {
        let names = c.regions.map { r in c.regions.filter { $0.name == r.name }.count > 1 ? r.qualifiedName : r.name }
        var columns: [Column] = [Column("indicator", c.rows.map { .indicator($0.indicator) }),
                                 Column("compared", c.rows.map { .text($0.comparesRates ? "rate" : "value") })]
        for (k, name) in names.enumerated() {
            columns.append(Column(name, c.rows.map { row in
                guard let cell = row.cells[k] else { return .null }
                return row.comparesRates ? (cell.ratePercent.map(Value.percent) ?? .null) : .figure(cell.value, unit: row.indicator.unit)
            }))
            columns.append(Column("\(name) year", c.rows.map { row in row.cells[k].map { .year($0.year) } ?? .null }))
        }
        if c.regions.count == 2 {
            columns.append(Column("difference", c.rows.map { row in
                row.comparesRates ? (row.rateDifferencePoints.map(Value.points) ?? .null) : .figure(row.valueDifference, unit: row.indicator.unit)
            }))
        }
        columns.append(Column("ahead", c.rows.map { row in row.leader.map { .text(names[$0]) } ?? .null }))
        columns.append(Column("years", c.rows.map { .text($0.yearsDiffer ? "differ" : "same") }))
        // A figure printed as "gần 100.000" must not read as exact beside an exact one.
        columns.append(Column("qualifier", c.rows.map { row in
            let qualified = row.cells.indices.compactMap { k in
                row.cells[k].flatMap { $0.observation.qualifier == .exact ? nil : "\(names[k]): \($0.observation.qualifier.rawValue)" }
            }
            return qualified.isEmpty ? .null : .text(qualified.joined(separator: ", "))
        }))
        var notes = extra
        if c.levels.choice == .any, c.levels.isMixed {
            notes.append("levels mixed (level: \"any\"): " + c.regions.map { "\($0.name) is a \($0.level.name)" }.joined(separator: ", "))
        } else if let levelNote = c.levels.note("regions given", verb: "compares") {
            notes.append(levelNote)
        }
        if c.yearsDiffer {
            notes.append("years differ: each region's latest figure is shown, so some rows compare different years (see the year columns)")
        }
        if c.rows.isEmpty {
            notes.append("no indicator has a headline figure of its own for two of these regions (compare does not sum the regions below them: rollup does)")
        } else if c.regions.count == 2 {
            notes.append("difference = \(names[0]) − \(names[1]); rates in percentage points")
        }
        if c.rows.contains(where: { row in row.cells.contains { $0?.rateIsStated == true } }) {
            notes.append("some rates are stated percentages, used as printed")
        }
        return Table(columns: columns, notes: notes)
    }
}
