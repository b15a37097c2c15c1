import LearningData

/// How a rate is combined over regions.
public enum RateCombination: String, Sendable, CaseIterable, Codable {
    /// Sum of numerators over sum of denominators: the only correct rate of the whole. The default.
    case ratioOfSums = "ratio_of_sums"
    /// The plain mean of the regions' rates, for when a caller really wants it (each region counts the
    /// same whatever its size). Never the default.
    case meanOfRates = "mean_of_rates"
}

/// One region's figure in a roll-up: its own when it reports one, otherwise the sum of the regions
/// below it, with value, base and rate each saying on how many regions it rests.
public struct RollupRow: Hashable, Sendable {
    /// The region rolled up to.
    public let region: Region
    /// The figure: the region's own, or the sum of the values of the regions below that give one;
    /// nil when there is neither.
    public let value: Double?
    /// The base: the region's own, or the sum of the bases of the regions below that give one.
    public let base: Double?
    /// Over the regions below that give both a value and a base: the sum of their values (the rate's
    /// numerator) and of their bases (its denominator). The region's own when reported.
    public let numerator: Double?, denominator: Double?
    /// Mean of the rates of the regions below, only when ``RateCombination/meanOfRates`` was asked for.
    public let meanOfRates: Double?
    /// How exact the value is: a sum with a "gần" figure in it is nearly.
    public let qualifier: Qualifier
    /// On how many regions directly below the value, the base and the rate rest (or that they are the
    /// region's own).
    public let valueCoverage: LevelSums.Coverage, baseCoverage: LevelSums.Coverage, rateCoverage: LevelSums.Coverage
    /// The region's own headline figure for the year, when it reports one (then it is the value used).
    public let reported: Observation?
    /// With a reported figure: the sum of the regions below, when they give one, shown beside it.
    public let sumBelow: Double?
    /// Whether the reported figure and ``sumBelow`` differ beyond rounding; nil without both.
    public let differs: Bool?

    /// numerator ÷ denominator: the rate over the regions that give both; nil ("undefined") when none
    /// does or their bases sum to zero.
    public var rate: Double? {
        guard let numerator, let denominator, denominator != 0 else { return nil }
        return numerator / denominator
    }

    /// Whether the value covers only part of the region: some regions below give no figure, or give
    /// only part of theirs. A reported figure is whole.
    public var isPartial: Bool { !valueCoverage.isComplete }

    /// Whether value, base and rate rest on different regions (here or further down), so that value ÷
    /// base is not the rate.
    public let valueAndRateDiffer: Bool
}

/// A roll-up of one indicator in one year to the regions of one level.
public struct RollupResult: Hashable, Sendable {
    /// What was rolled up.
    public let indicator: Indicator
    /// The year.
    public let year: Int
    /// The level rolled up to.
    public let level: AdministrativeLevel
    /// The levels whose own figures went into the roll-up, from the top down.
    public let usedLevels: [AdministrativeLevel]
    /// How rates were combined.
    public let combination: RateCombination
    /// One row per region of `level` (inside `within`), in region order, with a figure or not.
    public let rows: [RollupRow]
    /// All the rows together (the national or whole-area figure); nil when the area is the one row.
    public let total: RollupRow?
    /// Regions at any depth whose own figure differs beyond rounding from the sum of those below them.
    public let differing: [Region]
    /// Which periods' figures were rolled up: each year's headline figures unless asked otherwise.
    public var periods: PeriodChoice = .years
    /// The periods other than a plain year among the figures used, with how many of each.
    public var periodsUsed: [Period: Int] = [:]
    /// Figures of the year for other periods that the choice left out, with how many of each.
    public var periodsLeftOut: [Period: Int] = [:]
    /// The figures used that two documents give differently: the one used and the other.
    public var conflicts: [SourceConflict] = []
}

/// Why a roll-up cannot be made.
public enum RollupError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownIndicator(IndicatorID)
    case doesNotAddUp(IndicatorID)
    case levelNotAbove(level: AdministrativeLevel, source: AdministrativeLevel)

    public var description: String {
        switch self {
        case let .unknownIndicator(id): "unknown indicator “\(id)”"
        case let .doesNotAddUp(id): "\(id) does not add up over regions (it is a per-unit figure)"
        case let .levelNotAbove(level, source): "cannot roll \(source.name) figures up to the \(level.name) level: it is not above"
        }
    }
}

extension RollupResult {
    /// Rolls an indicator up to the regions of `level`: each region's own figure where it reports one,
    /// otherwise the sum of the regions below it, worked out from the bottom up
    /// (``Dataset/levelSums(indicator:year:level:sourceLevel:within:)``).
    ///
    /// - Parameters:
    ///   - sourceLevel: the deepest level whose figures are used; by default every level below `level`.
    ///   - within: only regions inside this one.
    ///   - combination: how rates combine; the ratio of sums unless the mean of rates is asked for.
    ///   - periods: which figures are summed: by default the year's headline figures; a term's totals
    ///     and half-years only when asked (``PeriodChoice/only(_:)``, ``PeriodChoice/any``).
    public init(_ dataset: Dataset, indicator id: IndicatorID, year: Int, level: AdministrativeLevel,
                sourceLevel: AdministrativeLevel? = nil, within: RegionID? = nil,
                combination: RateCombination = .ratioOfSums, periods: PeriodChoice = .years) throws(RollupError) {
        guard let indicator = dataset.catalogue[id] else { throw .unknownIndicator(id) }
        guard indicator.spatial == .sum else { throw .doesNotAddUp(id) }
        let sums: LevelSums
        do { sums = try dataset.levelSums(indicator: id, year: year, level: level, sourceLevel: sourceLevel, within: within, periods: periods) } catch {
            switch error {
            case .unknownIndicator: throw .unknownIndicator(id)
            case let .levelNotAbove(level, source): throw .levelNotAbove(level: level, source: source)
            }
        }
        let g = dataset.gazetteer
        let rows = zip(sums.regions, sums.rows).map { index, figure in RollupRow(figure, region: g[index], dataset: dataset, combination: combination) }
        // A dataset without a country region still gets its whole-area row, under its first region's name
        // (there is one: a total needs rows).
        let total = sums.total.map { t in
            RollupRow(t, region: sums.totalRegion.map { g[$0] } ?? g.regions[0], dataset: dataset, combination: combination)
        }
        self.init(indicator: indicator, year: year, level: level, usedLevels: sums.usedLevels, combination: combination, rows: rows,
                  total: total,
                  differing: sums.differing.map { g[$0] })
        self.periods = periods
        periodsUsed = sums.periodsUsed
        periodsLeftOut = sums.periodsLeftOut
        let byRow = dataset.conflictsByRow
        if !byRow.isEmpty { conflicts = sums.usedRows.compactMap { byRow[$0] } }
    }
}

extension RollupRow {
    init(_ f: LevelSums.Figure, region: Region, dataset: Dataset, combination: RateCombination) {
        self.init(region: region, value: f.value, base: f.base, numerator: f.numerator, denominator: f.denominator,
                  meanOfRates: combination == .meanOfRates ? f.meanOfRates : nil, qualifier: f.qualifier,
                  valueCoverage: f.valueCoverage, baseCoverage: f.baseCoverage, rateCoverage: f.rateCoverage,
                  reported: f.reportedRow.map { dataset[$0] }, sumBelow: f.sumBelow, differs: f.differs,
                  valueAndRateDiffer: f.rate != nil && f.isUneven)
    }
}
