import LearningData

/// A period named relative to the data: one year, the latest year, the latest up to a year, or the
/// last few years.
public enum RelativePeriod: Hashable, Sendable, CustomStringConvertible {
    /// Exactly this year.
    case year(Int)
    /// The latest year with a figure.
    case latest
    /// The latest year with a figure, up to and including this one.
    case asOf(Int)
    /// The last N calendar years up to the latest year with a figure.
    case last(Int)

    public var description: String {
        switch self {
        case let .year(y): "\(y)"
        case .latest: "latest"
        case let .asOf(y): "as of \(y)"
        case let .last(n): "last \(n) years"
        }
    }
}

extension Series {
    /// The points a period selects: one for a year, latest and as-of, several for the last N years.
    public func points(in period: RelativePeriod) -> [SeriesPoint] {
        switch period {
        case let .year(y): return points.filter { $0.year == y }
        case .latest: return points.last.map { [$0] } ?? []
        case let .asOf(y): return points.last { $0.year <= y }.map { [$0] } ?? []
        case let .last(n):
            guard let latest = points.last?.year, n > 0 else { return [] }
            return points.filter { $0.year > latest - n }
        }
    }
}

/// A series summed or taken over several years, by the indicator's rule over time.
public struct TemporalAggregate: Hashable, Sendable {
    /// The rule applied: flows add up, stocks and statuses take their latest year.
    public let rule: TemporalAggregation
    /// The aggregated value.
    public let value: Double?
    /// The rate over the period: for flows the sum of numerators over the sum of bases, for stocks the
    /// latest year's rate.
    public let rate: Double?
    /// The years that had a figure, and how many years the period spans.
    public let yearsWithFigures: [Int], yearsInPeriod: Int

    /// Whether some years of the period have no figure.
    public var isPartial: Bool { yearsWithFigures.count < yearsInPeriod }
}

extension Series {
    /// The series over a span of years by the indicator's rule: a sum for flows (funds raised, classes),
    /// the latest year for stocks (members) and annual statuses (recognised families).
    public func aggregate(over years: ClosedRange<Int>) -> TemporalAggregate {
        let inside = points.filter { years.contains($0.year) && $0.fill == nil }
        switch indicator.temporal {
        case .last:
            let last = inside.last { $0.value != nil || $0.rate != nil }
            return TemporalAggregate(rule: .last, value: last?.value, rate: last?.rate?.rate,
                                     yearsWithFigures: inside.map(\.year), yearsInPeriod: years.count)
        case .sum:
            let valued = inside.compactMap(\.value)
            let pairs = inside.compactMap { p in p.value.flatMap { v in p.base.map { (v, $0) } } }
            let base = pairs.reduce(0) { $0 + $1.1 }
            return TemporalAggregate(rule: .sum, value: valued.isEmpty ? nil : valued.reduce(0, +),
                                     rate: pairs.isEmpty || base == 0 ? nil : pairs.reduce(0) { $0 + $1.0 } / base,
                                     yearsWithFigures: inside.filter { $0.value != nil }.map(\.year), yearsInPeriod: years.count)
        }
    }
}
