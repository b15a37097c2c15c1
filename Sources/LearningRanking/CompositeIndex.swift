import LearningData

/// One indicator of a composite index, with its weight.
public struct CompositeComponent: Hashable, Sendable {
    /// The indicator.
    public let indicator: IndicatorID
    /// The measure used for it.
    public let measure: RankingMeasure
    /// Its weight; weights are renormalised over the components a region has.
    public let weight: Double
    /// Whether higher is better for it.
    public let direction: RankDirection

    /// Creates a component.
    public init(_ indicator: IndicatorID, measure: RankingMeasure = .rate, weight: Double = 1, direction: RankDirection = .descending) {
        self.indicator = indicator
        self.measure = measure
        self.weight = weight
        self.direction = direction
    }
}

/// A region's composite score.
public struct CompositeEntry: Hashable, Sendable {
    /// The region.
    public let region: Region
    /// The weighted mean of its min-max normalised components, 0…100.
    public let score: Double
    /// Its rank (competition ties).
    public let rank: Double
    /// Its normalised value (0…100) for each component it has, by indicator.
    public let components: [IndicatorID: Double]
    /// The year of each component it has: they may differ.
    public let years: [IndicatorID: Int]
    /// How many of the components it has.
    public let coverage: Int
}

/// A composite index over several indicators: each component min-max normalised across the regions
/// (0 for the lowest, 100 for the highest; 100 for all when they are equal), then averaged with the
/// caller's weights over the components each region has. Coverage is shown, never hidden.
public struct CompositeIndex: Hashable, Sendable {
    /// The components.
    public let components: [CompositeComponent]
    /// The regions with at least one component, best first.
    public let entries: [CompositeEntry]
    /// With ``LevelChoice/automatic``: the level indexed and the regions of other levels left out
    /// (for a level asked for, or `any`, only the choice).
    public let levels: LevelSelection

    /// Computes the index.
    ///
    /// - Parameter level: by default the level most of the regions with a figure of any component
    ///   share, one level for every component, so that no region is normalised against regions of
    ///   another level.
    public init(_ dataset: Dataset, components: [CompositeComponent], year: YearAlignment = .latest,
                level: LevelChoice = .automatic, within: RegionID? = nil) throws(RankingError) {
        var normalised: [RegionID: [IndicatorID: Double]] = [:]
        var years: [RegionID: [IndicatorID: Int]] = [:]
        var regions: [RegionID: Region] = [:]
        // One level for all components: chosen once, from every component's candidates together.
        var seen = Set<RegionID>(), candidates: [Region] = []
        if level == .automatic {
            for component in components {
                for r in try Ranking.candidates(dataset, indicator: component.indicator, level: .any, within: within) where seen.insert(r.id).inserted {
                    candidates.append(r)
                }
            }
        }
        let selection = LevelSelection(candidates, choice: level)
        for component in components {
            let ranking = try Ranking(dataset, indicator: component.indicator, measure: component.measure, year: year,
                                      level: level == .automatic ? .any : level, within: within, direction: component.direction)
            let kept = ranking.entries.filter { e in level != .automatic || selection.level.map { e.region.level == $0 } ?? true }
            let scores = kept.map(\.score)
            guard let low = scores.min(), let high = scores.max() else { continue }
            for e in kept {
                var n = high > low ? (e.score - low) / (high - low) * 100 : 100
                if component.direction == .ascending, high > low { n = 100 - n }
                normalised[e.region.id, default: [:]][component.indicator] = n
                years[e.region.id, default: [:]][component.indicator] = e.year
                regions[e.region.id] = e.region
            }
        }
        var entries: [(Region, Double, [IndicatorID: Double])] = []
        for (id, values) in normalised {
            guard let region = regions[id] else { continue }
            let used = components.filter { values[$0.indicator] != nil }
            let weight = used.reduce(0) { $0 + $1.weight }
            guard weight > 0 else { continue }
            let score = used.reduce(0) { $0 + $1.weight * (values[$1.indicator] ?? 0) } / weight
            entries.append((region, score, values))
        }
        entries.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.name < $1.0.name }
        let ranks = TieMethod.competition.ranks(count: entries.count) { entries[$0].1 == entries[$0 - 1].1 }
        self.components = components
        self.levels = selection
        self.entries = entries.indices.map { i in
            let (region, score, values) = entries[i]
            return CompositeEntry(region: region, score: score, rank: ranks[i], components: values,
                                  years: years[region.id] ?? [:], coverage: values.count)
        }
    }
}
