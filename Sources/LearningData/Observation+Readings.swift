/// Where a rate comes from.
public enum RateSource: String, Sendable, Codable {
    /// value ÷ base, both printed (or derived).
    case computed
    /// Only the stated percentage is known ("100% khu phố"); it is used as printed.
    case stated
}

/// A rate (a fraction: 0.7707 for 77,07 %) and where it comes from.
public struct RateReading: Hashable, Sendable {
    /// The rate as a fraction.
    public let rate: Double
    /// Computed from the numbers, or taken from the stated percentage.
    public let source: RateSource

    /// Creates a reading.
    public init(rate: Double, source: RateSource) {
        self.rate = rate
        self.source = source
    }

    /// The rule for a figure's rate: value ÷ base when both are known and the base is not zero,
    /// otherwise the stated percentage when it is a share of the base; nil when neither.
    public init?(value: Double?, base: Double?, statedPercent: Double?, percentOf: PercentBasis) {
        if let value, let base, base != 0 {
            self.init(rate: value / base, source: .computed)
        } else if let statedPercent, percentOf == .base {
            self.init(rate: statedPercent / 100, source: .stated)
        } else {
            return nil
        }
    }
}

extension Dataset {
    /// The rate at a row, by the same rule as ``Observation/rateReading``, read from the columns.
    public func rateReading(at row: Int) -> RateReading? {
        let stated = columns.statedPercent[row]
        return RateReading(value: value(at: row), base: base(at: row), statedPercent: stated.isNaN ? nil : stated,
                           percentOf: columns.flags[row].percentOf)
    }
}

extension Observation {
    /// The observation's rate: value ÷ base when both are known (and the base is not zero), otherwise the
    /// stated percentage when it is a share of the base. The computed rate wins over a printed one that
    /// disagrees with it; ``RateReading/source`` says which was used.
    public var rateReading: RateReading? {
        RateReading(value: value, base: base, statedPercent: statedPercent?.value, percentOf: percentOf)
    }

    /// Actual over target as a fraction (1.6215 for 97.290.000 against 60.000.000): for an absolute target
    /// value ÷ target, for a rate target the rate (in percent) ÷ the target rate. Nil when either is
    /// missing or the target is zero.
    public var attainmentRatio: Double? {
        guard let target, target.value != 0 else { return nil }
        if target.isRate {
            guard let reading = rateReading else { return nil }
            return reading.rate * 100 / target.value
        }
        guard let value else { return nil }
        return value / target.value
    }
}

extension Dataset {
    /// The rows of the headline figures (``isHeadline(at:)``) of an indicator for a region, in year order.
    public func headlineRows(indicator: IndicatorID, region: RegionID) -> [Int] {
        rows(indicator: indicator, region: region).map(Int.init).filter { isHeadline(at: $0) }
    }

    /// The rows of a region's figures of an indicator with no scope, whatever their period, in year
    /// order and, within a year, the whole year first.
    public func unscopedRows(indicator: IndicatorID, region: RegionID) -> [Int] {
        rows(indicator: indicator, region: region).map(Int.init).filter { scope(at: $0) == nil }
    }

    /// The headline observation of an indicator for a region in a year.
    public func headline(indicator: IndicatorID, region: RegionID, year: Int) -> Observation? {
        observation(indicator: indicator, region: region, year: year, scope: nil)
    }

    /// The latest year, up to `asOf` if given, in which a region has a headline figure of an indicator.
    public func latestYear(indicator: IndicatorID, region: RegionID, asOf: Int? = nil) -> Int? {
        headlineRows(indicator: indicator, region: region).map { Int(columns.year[$0]) }.filter { year in asOf.map { year <= $0 } ?? true }.max()
    }

    /// A region's population in a year, where the data give it: the base of its `members` figure when
    /// that base is the population, or derived from members and their stated share of the population
    /// ("3.936 hội viên … 12,82% so với dân số" gives about 30.702 people).
    public func population(region: RegionID, year: Int) -> (population: Double, derived: Bool)? {
        guard let members = headline(indicator: "members", region: region, year: year), members.baseKind == .population else { return nil }
        if let base = members.base, base > 0 { return (base, false) }
        guard let value = members.value, let share = members.statedPercent?.value, share > 0 else { return nil }
        return (value / (share / 100), true)
    }
}
