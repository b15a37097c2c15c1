import LearningData

/// Which way is better.
public enum RankDirection: String, Sendable, CaseIterable, Codable {
    /// Highest score ranks first (the default: more recognised families is better).
    case descending
    /// Lowest score ranks first.
    case ascending
}

/// A region with its rank.
public struct RankedRegion: Hashable, Sendable {
    /// The region.
    public let region: Region
    /// The year its score is from: with ``YearAlignment/latest`` regions may differ.
    public let year: Int
    /// Its score: percent for rate, per-capita and attainment, the indicator's unit for value.
    public let score: Double
    /// Whether the score rests on a stated percentage or a derived figure rather than printed numbers.
    public let isIndirect: Bool
    /// Its rank under the tie method (1 is best; "average" ties give halves).
    public let rank: Double
    /// Percent rank: the share of the other ranked regions it is ahead of (100 for the best, 0 for the
    /// worst; 100 when it stands alone).
    public let percentile: Double
    /// The observation the score comes from.
    public let observation: Observation
    /// Whether the score is a flow over a period other than a year turned into a yearly figure (a
    /// five-year total divided by five, a half-year's doubled).
    public var isPerYear = false

    /// The period the score covers.
    public var period: Period { observation.coveredPeriod }
}

/// A region left out of a ranking, and why.
public struct UnrankedRegion: Hashable, Sendable {
    /// The region.
    public let region: Region
    /// Why it has no score ("no figure for 2017; latest 2022").
    public let reason: String
}

/// Regions of one level (or within one parent) ranked by an indicator.
public struct Ranking: Hashable, Sendable {
    /// What was ranked.
    public let indicator: Indicator
    /// By what.
    public let measure: RankingMeasure
    /// On which years.
    public let alignment: YearAlignment
    /// How ties share ranks.
    public let ties: TieMethod
    /// Which way is better.
    public let direction: RankDirection
    /// The level ranked, how it was chosen, and the regions of other levels left out.
    public let levels: LevelSelection
    /// The ranked regions, best first.
    public let entries: [RankedRegion]
    /// The regions that could not be ranked, with the reason.
    public let missing: [UnrankedRegion]
    /// When the regions report no figures of their own and were ranked on the regions below them: the
    /// levels whose figures were used, from the top down; empty otherwise.
    public let summedFrom: [AdministrativeLevel]
    /// With ``summedFrom``: how many ranked regions' figures miss some of the regions below.
    public let partialSums: Int
    /// Which periods' figures were ranked: like with like unless asked otherwise.
    public let periods: PeriodChoice
    /// Whether flows over other periods than a year were turned into yearly figures.
    public let perYear: Bool

    /// The periods other than a plain year among the ranked figures, with how many of each.
    public var periodsUsed: [Period: Int] {
        var out: [Period: Int] = [:]
        for e in entries { if let p = e.observation.period { out[p, default: 0] += 1 } }
        return out
    }

    /// Whether the ranked regions' years differ: then a rank compares different years, and says so.
    public var yearsDiffer: Bool { Set(entries.map(\.year)).count > 1 }

    /// Ranks regions by an indicator. O(n log n) in the regions, plus one lookup per region.
    ///
    /// - Parameters:
    ///   - level: which regions are ranked together. By default the level most of the regions with
    ///     figures of the indicator share, the others left out (``levels`` names them); ``LevelChoice/only(_:)``
    ///     every region of that level, ranked on the regions below it summed when none reports a figure
    ///     of its own; ``LevelChoice/any`` every region with a figure, whatever its level.
    ///   - within: only regions below this one.
    ///   - periods: which periods' figures are ranked: by default each year's headline figures, never a
    ///     half-year's or a term's total (those regions are listed as not ranked, saying what they give).
    ///   - perYear: turn a flow over a period other than a year into a yearly figure (value and
    ///     per-capita scores; rates and stocks are left as they are).
    public init(_ dataset: Dataset, indicator id: IndicatorID, measure: RankingMeasure = .rate, year alignment: YearAlignment = .latest,
                level: LevelChoice = .automatic, within: RegionID? = nil, ties: TieMethod = .competition,
                direction: RankDirection = .descending, periods: PeriodChoice = .years, perYear: Bool = false) throws(RankingError) {
        guard let indicator = dataset.catalogue[id] else { throw .unknownIndicator(id, suggestions: dataset.catalogue.suggestions(for: id.rawValue)) }
        let levels = LevelSelection(try Self.candidates(dataset, indicator: id, level: level, within: within), choice: level)
        var scored: [RankedRegion] = []
        var missing: [UnrankedRegion] = []
        for region in levels.kept {
            switch Self.bestScore(dataset, indicator: indicator, region: region, measure: measure, alignment: alignment,
                                  periods: periods, perYear: perYear) {
            case let .success(entry): scored.append(entry)
            case let .failure(reason): missing.append(UnrankedRegion(region: region, reason: reason.reason))
            }
        }
        var summed: (levels: [AdministrativeLevel], partial: Int)? = nil
        if scored.isEmpty, case let .only(l) = level, indicator.spatial == .sum, measure == .rate || measure == .value,
           let rolled = Self.summedScores(dataset, indicator: indicator, measure: measure, alignment: alignment, level: l, within: within, periods: periods) {
            (scored, missing) = (rolled.scored, rolled.missing)
            summed = (rolled.levels, rolled.partial)
        }
        // Sort positions, not the entries themselves (each holds a region and an observation).
        let scores = scored.map(\.score)
        let order = scored.indices.sorted { i, j in
            if scores[i] != scores[j] { return direction == .descending ? scores[i] > scores[j] : scores[i] < scores[j] }
            let a = scored[i].region, b = scored[j].region
            return a.name != b.name ? a.name < b.name : a.id < b.id
        }
        scored = order.map { scored[$0] }
        let ranks = ties.ranks(count: scored.count) { scored[$0].score == scored[$0 - 1].score }
        // Percent rank counts the regions strictly behind: the first index with a different score.
        var behind = [Int](repeating: 0, count: scored.count)
        var groupEnd = scored.count
        for i in stride(from: scored.count - 1, through: 0, by: -1) {
            if i + 1 < scored.count, scored[i + 1].score != scored[i].score { groupEnd = i + 1 }
            behind[i] = scored.count - groupEnd
        }
        entries = scored.indices.map { i in
            let e = scored[i]
            let percentile = scored.count > 1 ? Double(behind[i]) / Double(scored.count - 1) * 100 : 100
            var entry = RankedRegion(region: e.region, year: e.year, score: e.score, isIndirect: e.isIndirect, rank: ranks[i],
                                     percentile: percentile, observation: e.observation)
            entry.isPerYear = e.isPerYear
            return entry
        }
        self.periods = periods
        self.perYear = perYear
        self.indicator = indicator
        self.measure = measure
        self.alignment = alignment
        self.ties = ties
        self.direction = direction
        self.levels = levels
        self.missing = missing.sorted { $0.region.name < $1.region.name }
        self.summedFrom = summed?.levels ?? []
        self.partialSums = summed?.partial ?? 0
    }

    /// When the regions of the level report no figure of their own, the ranking is on the figures of
    /// the regions below them rolled up by the roll-ups' kernel (``Dataset/levelSums(indicator:year:level:sourceLevel:within:)``:
    /// a region's own figure where it reports one, otherwise the sum below; rates as ratios of sums).
    static func summedScores(_ dataset: Dataset, indicator: Indicator, measure: RankingMeasure, alignment: YearAlignment,
                             level: AdministrativeLevel, within: RegionID?, periods: PeriodChoice = .years)
        -> (scored: [RankedRegion], missing: [UnrankedRegion], levels: [AdministrativeLevel], partial: Int)? {
        let year: Int
        switch alignment {
        case let .year(y): year = y
        case .latest, .asOf:
            if let y = periods.year { year = y; break }
            // One year for all: the latest the figures below reach.
            guard let latest = dataset.years.reversed().first(where: { alignment.admits($0) && !dataset.rows(indicator: indicator.id, year: $0).isEmpty })
            else { return nil }
            year = latest
        }
        guard let sums = try? dataset.levelSums(indicator: indicator.id, year: year, level: level, within: within, periods: periods),
              sums.rows.contains(where: { $0.value != nil }) else { return nil }
        let g = dataset.gazetteer
        let area = within.flatMap { g.index(of: $0) }
        var scored: [RankedRegion] = [], missing: [UnrankedRegion] = []
        var partial = 0
        for (index, f) in zip(sums.regions, sums.rows) where index != area {
            let region = g[index]
            let score = measure == .rate ? f.rate.map { $0 * 100 } : f.value
            let coverage = measure == .rate ? f.rateCoverage : f.valueCoverage
            guard let score else {
                let below = coverage.partLevel?.name ?? "region"
                let reason = f.isReported ? "\(year): its own figure, used as reported, has no base to make a rate"
                    : "\(year): no \(below) below it has " + (measure == .rate ? "both a figure and a base" : "a figure")
                missing.append(UnrankedRegion(region: region, reason: reason))
                continue
            }
            if !coverage.isComplete { partial += 1 }
            var o = f.reportedRow.map { dataset[$0] } ?? Observation(region: region.id, indicator: indicator.id, year: year)
            if !f.isReported {
                o.value = measure == .rate ? f.numerator : f.value
                o.base = measure == .rate ? f.denominator : nil
                o.qualifier = f.qualifier
                o.derivation = "sum of \(coverage.count) of \(coverage.expected) \(coverage.partLevel?.name ?? "region") figures"
                    + (coverage.partialParts > 0 ? " (\(coverage.partialParts) partial)" : "")
            }
            scored.append(RankedRegion(region: region, year: year, score: score, isIndirect: !f.isReported || o.isDerived, rank: 0, percentile: 0, observation: o))
        }
        return (scored, missing, sums.usedLevels, partial)
    }

    /// The entry of a region, if ranked.
    public func entry(_ region: RegionID) -> RankedRegion? { entries.first { $0.region.id == region } }

    /// The regions a ranking considers: every region of the level asked for, or else every region with
    /// a headline row of the indicator (of any level; ``LevelSelection`` then keeps one level).
    static func candidates(_ dataset: Dataset, indicator: IndicatorID, level: LevelChoice, within: RegionID?) throws(RankingError) -> [Region] {
        let g = dataset.gazetteer
        var withinIndex: Gazetteer.Index? = nil
        if let within {
            guard let index = g.index(of: within) else { throw .unknownRegion(within) }
            withinIndex = index
        }
        func inArea(_ i: Gazetteer.Index) -> Bool { withinIndex.map { g.isWithin(i, $0) && i != $0 } ?? true }
        if case let .only(level) = level {
            return g.regions.indices.map { Gazetteer.Index($0) }.filter { g[$0].level == level && inArea($0) }.map { g[$0] }
        }
        var seen = Set<Gazetteer.Index>()
        for row in dataset.rows(indicator: indicator) where dataset.scope(at: row) == nil {
            seen.insert(dataset.columns.region[row])
        }
        return seen.sorted().filter(inArea).map { g[$0] }
    }

    /// A region's score: from its latest admitted year (or the one asked for); within a year, the
    /// first period the choice admits (rows are in period order, the whole year first).
    static func bestScore(_ dataset: Dataset, indicator: Indicator, region: Region, measure: RankingMeasure,
                          alignment: YearAlignment, periods: PeriodChoice, perYear: Bool) -> Result<RankedRegion, Unscored> {
        let unscoped = dataset.unscopedRows(indicator: indicator.id, region: region.id)
        let rows = unscoped.filter { periods.admits(dataset, row: $0) }
        // Latest year first, keeping the period order within a year.
        let latestFirst = rows.enumerated().sorted { a, b in
            let ya = dataset.columns.year[a.element], yb = dataset.columns.year[b.element]
            return ya != yb ? ya > yb : a.offset < b.offset
        }.map(\.element)
        var tried: [(observation: Observation, why: String)] = []
        for row in latestFirst where alignment.admits(Int(dataset.columns.year[row])) {
            let o = dataset[row]
            switch measure.score(o, dataset) {
            case let .success((score, indirect)):
                let factor = perYear && indicator.temporal == .sum && (measure == .value || measure == .perCapita) ? o.coveredPeriod.perYearFactor : 1
                var entry = RankedRegion(region: region, year: o.year, score: score * factor, isIndirect: indirect, rank: 0, percentile: 0, observation: o)
                entry.isPerYear = factor != 1
                return .success(entry)
            case let .failure(unscored):
                tried.append((o, unscored.reason))
            }
        }
        let others = unscoped.filter { !periods.admits(dataset, row: $0) && alignment.admits(Int(dataset.columns.year[$0])) }
            .compactMap { dataset.period(at: $0) ?? .year(Int(dataset.columns.year[$0])) }
        return .failure(Unscored(UnrankedReason(dataset, rows: rows, tried: tried, measure: measure, alignment: alignment,
                                                otherPeriods: others, choice: periods).text))
    }
}

/// Why a ranking cannot be made.
public enum RankingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownIndicator(IndicatorID, suggestions: [IndicatorID])
    case unknownRegion(RegionID)
    case noRegions
    /// Regions to compare that are not two of one level (a district and a township).
    case tooFewOfOneLevel([Region])

    public var description: String {
        switch self {
        case let .tooFewOfOneLevel(regions):
            "these are not two regions of one level: " + regions.map { "\($0.name) is a \($0.level.name)" }.joined(separator: ", ")
        case let .unknownIndicator(id, suggestions):
            "unknown indicator “\(id)”" + (suggestions.first.map { "; did you mean “\($0)”?" } ?? "")
        case let .unknownRegion(id): "unknown region “\(id)”"
        case .noRegions: "no regions to rank"
        }
    }
}
