import LearningData

/// How a rate is combined over regions.
public enum RateCombination: String, Sendable, CaseIterable, Codable {
    /// Sum of numerators over sum of denominators: the only correct rate of the whole. The default.
    case ratioOfSums = "ratio_of_sums"
    /// The plain mean of the regions' rates, for when a caller really wants it (each region counts the
    /// same whatever its size). Never the default.
    case meanOfRates = "mean_of_rates"
}

/// One region's figure rolled up from the regions below it.
public struct RollupRow: Hashable, Sendable {
    /// The region rolled up to.
    public let region: Region
    /// Sum of the values of the regions below that have one; nil when none has.
    public let value: Double?
    /// Sum of the values of the regions below that have both a value and a base (the rate's numerator).
    public let numerator: Double?
    /// Sum of their bases (the rate's denominator).
    public let base: Double?
    /// Mean of their rates, only when ``RateCombination/meanOfRates`` was asked for.
    public let meanOfRates: Double?
    /// How many regions below have a value.
    public let contributing: Int
    /// How many of them also have a base, and so count in the rate.
    public let withBase: Int
    /// How many regions of the source level lie below.
    public let expected: Int
    /// The region's own headline figure for the year, if it reports one: to compare with the sum.
    public let reported: Observation?

    /// numerator ÷ base; nil ("undefined") when the base sum is zero or missing.
    public var rate: Double? {
        guard let numerator, let base, base != 0 else { return nil }
        return numerator / base
    }

    /// Whether some regions below have no figure, so the sum covers only part of the region.
    public var isPartial: Bool { contributing < expected }
}

/// A roll-up of one indicator in one year to the regions of one level.
public struct RollupResult: Hashable, Sendable {
    /// What was rolled up.
    public let indicator: Indicator
    /// The year.
    public let year: Int
    /// The level rolled up to, and the level the figures came from.
    public let level: AdministrativeLevel, sourceLevel: AdministrativeLevel
    /// How rates were combined.
    public let combination: RateCombination
    /// One row per region of `level` that has regions of `sourceLevel` below it, by region order.
    public let rows: [RollupRow]
    /// All the source figures together (the national or whole-area figure).
    public let total: RollupRow?
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
    /// Rolls an indicator up to the regions of `level`, in one pass over the indicator's rows for the year.
    ///
    /// - Parameters:
    ///   - sourceLevel: the level whose headline figures are summed; by default the deepest level below
    ///     `level` that has figures that year, so a region's own figure and its children's are never
    ///     added together.
    ///   - within: only regions below this one.
    ///   - combination: how rates combine; the ratio of sums unless the mean of rates is asked for.
    public init(_ dataset: Dataset, indicator id: IndicatorID, year: Int, level: AdministrativeLevel,
                sourceLevel: AdministrativeLevel? = nil, within: RegionID? = nil,
                combination: RateCombination = .ratioOfSums) throws(RollupError) {
        guard let indicator = dataset.catalogue[id] else { throw .unknownIndicator(id) }
        guard indicator.spatial == .sum else { throw .doesNotAddUp(id) }
        let sums: LevelSums
        do { sums = try dataset.levelSums(indicator: id, year: year, level: level, sourceLevel: sourceLevel, within: within) } catch {
            switch error {
            case .unknownIndicator: throw .unknownIndicator(id)
            case let .levelNotAbove(level, source): throw .levelNotAbove(level: level, source: source)
            }
        }
        let g = dataset.gazetteer
        let rows = sums.regions.indices.map { k in
            RollupRow(sums.sums[k], region: g[sums.regions[k]], reported: sums.reportedRows[k].map { dataset[$0] }, combination: combination)
        }
        let area = within.flatMap { g[$0] } ?? g.regions.first { $0.level == .country } ?? g.regions[0]
        self.init(indicator: indicator, year: year, level: level, sourceLevel: sums.sourceLevel, combination: combination, rows: rows,
                  total: sums.total.expected > 0 ? RollupRow(sums.total, region: area, reported: nil, combination: combination) : nil)
    }
}

extension RollupRow {
    init(_ s: LevelSums.Sums, region: Region, reported: Observation?, combination: RateCombination) {
        self.init(region: region, value: s.contributing > 0 ? s.value : nil, numerator: s.withBase > 0 ? s.numerator : nil,
                  base: s.withBase > 0 ? s.base : nil,
                  meanOfRates: combination == .meanOfRates && s.withBase > 0 ? s.rateSum / Double(s.withBase) : nil,
                  contributing: s.contributing, withBase: s.withBase, expected: s.expected, reported: reported)
    }
}
