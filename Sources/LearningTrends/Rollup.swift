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
        let g = dataset.gazetteer
        let withinIndex = within.flatMap { g.index(of: $0) }
        let rows = dataset.rows(indicator: id, year: year).filter { dataset.scope(at: $0) == nil }
        func inArea(_ r: Gazetteer.Index) -> Bool { withinIndex.map { g.isWithin(r, $0) } ?? true }
        let source = sourceLevel ?? rows.map { g[dataset.columns.region[$0]].level }.filter { $0 > level }.max() ?? AdministrativeLevel(rawValue: level.rawValue + 1) ?? level
        guard source > level else { throw .levelNotAbove(level: level, source: source) }

        // Each region's ancestor at the target level, computed once per region, not per row.
        let target = (0..<g.count).map { g.ancestor(of: Gazetteer.Index($0), at: level) }
        var expected = [Int](repeating: 0, count: g.count)
        var totalExpected = 0
        for r in 0..<g.count where g.regions[r].level == source && inArea(Gazetteer.Index(r)) {
            totalExpected += 1
            if let t = target[r] { expected[Int(t)] += 1 }
        }
        var sums = [Accumulator](repeating: Accumulator(), count: g.count)
        var total = Accumulator()
        var reported: [Gazetteer.Index: Int] = [:]
        for row in rows {
            let r = dataset.columns.region[row]
            let region = g[r]
            if region.level == level, inArea(r) { reported[r] = row }
            guard region.level == source, inArea(r), let t = target[Int(r)] else { continue }
            let value = dataset.value(at: row), base = dataset.base(at: row)
            sums[Int(t)].add(value: value, base: base)
            total.add(value: value, base: base)
        }
        var out: [RollupRow] = []
        for t in 0..<g.count where expected[t] > 0 {
            out.append(sums[t].row(region: g.regions[t], expected: expected[t], reported: reported[Gazetteer.Index(t)].map { dataset[$0] }, combination: combination))
        }
        let area = withinIndex.map { g[$0] } ?? g.regions.first { $0.level == .country } ?? g.regions[0]
        self.init(indicator: indicator, year: year, level: level, sourceLevel: source, combination: combination, rows: out,
                  total: totalExpected > 0 ? total.row(region: area, expected: totalExpected, reported: nil, combination: combination) : nil)
    }
}

/// Running sums for one region of a roll-up.
private struct Accumulator {
    var value = 0.0, numerator = 0.0, base = 0.0, rateSum = 0.0
    var contributing = 0, withBase = 0

    mutating func add(value v: Double?, base b: Double?) {
        guard let v else { return }
        value += v
        contributing += 1
        if let b {
            numerator += v
            base += b
            withBase += 1
            if b != 0 { rateSum += v / b }
        }
    }

    func row(region: Region, expected: Int, reported: Observation?, combination: RateCombination) -> RollupRow {
        RollupRow(region: region, value: contributing > 0 ? value : nil, numerator: withBase > 0 ? numerator : nil,
                  base: withBase > 0 ? base : nil,
                  meanOfRates: combination == .meanOfRates && withBase > 0 ? rateSum / Double(withBase) : nil,
                  contributing: contributing, withBase: withBase, expected: expected, reported: reported)
    }
}
