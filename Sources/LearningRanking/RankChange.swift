import LearningData

/// A region's rank in two years.
public struct RankMove: Hashable, Sendable {
    /// The region.
    public let region: Region
    /// Its rank in each year, if ranked.
    public let fromRank: Double?, toRank: Double?
    /// Its score in each year.
    public let fromScore: Double?, toScore: Double?

    /// Places gained (positive) or lost (negative); nil unless ranked in both years.
    public var placesGained: Double? {
        guard let fromRank, let toRank else { return nil }
        return fromRank - toRank
    }

    /// Change of the score; percentage points for rate, per-capita and attainment scores.
    public var scoreChange: Double? {
        guard let fromScore, let toScore else { return nil }
        return toScore - fromScore
    }
}

/// How ranks changed between two years, each year ranked on its own.
public struct RankChange: Hashable, Sendable {
    /// The two rankings.
    public let from: Ranking, to: Ranking
    /// Every region ranked in either year, by its rank in the later year (unranked last).
    public let moves: [RankMove]

    /// Ranks the same regions in two years and pairs the ranks.
    ///
    /// Both years rank the same level: the candidates are the regions with figures in any year, so an
    /// automatic choice (``LevelChoice/automatic``) falls on the same level in both.
    public init(_ dataset: Dataset, indicator: IndicatorID, measure: RankingMeasure = .rate, from fromYear: Int, to toYear: Int,
                level: LevelChoice = .automatic, within: RegionID? = nil, ties: TieMethod = .competition) throws(RankingError) {
        from = try Ranking(dataset, indicator: indicator, measure: measure, year: .year(fromYear), level: level, within: within, ties: ties)
        to = try Ranking(dataset, indicator: indicator, measure: measure, year: .year(toYear), level: level, within: within, ties: ties)
        let before = Dictionary(uniqueKeysWithValues: from.entries.map { ($0.region.id, $0) })
        let after = Dictionary(uniqueKeysWithValues: to.entries.map { ($0.region.id, $0) })
        var moves = to.entries.map { e in
            RankMove(region: e.region, fromRank: before[e.region.id]?.rank, toRank: e.rank, fromScore: before[e.region.id]?.score, toScore: e.score)
        }
        for e in from.entries where after[e.region.id] == nil {
            moves.append(RankMove(region: e.region, fromRank: e.rank, toRank: nil, fromScore: e.score, toScore: nil))
        }
        self.moves = moves
    }
}
