import LearningData

/// A least-squares straight line through a series: value (or rate) against year.
public struct LinearTrend: Hashable, Sendable {
    /// What the line is fitted to.
    public enum Quantity: String, Sendable, CaseIterable, Codable {
        /// The figure itself.
        case value
        /// The rate, as a fraction.
        case rate
    }

    /// What was fitted.
    public let quantity: Quantity
    /// Change per year.
    public let slope: Double
    /// The line's value at year 0 (use ``value(at:)`` rather than this).
    public let intercept: Double
    /// The share of the variance the line explains, 0…1 (1 when every point is on the line).
    public let rSquared: Double
    /// The years used.
    public let years: [Int]

    /// The line's value in a year: a projection when the year is outside the fitted ones.
    public func value(at year: Int) -> Double { intercept + slope * Double(year) }

    /// Whether `year` lies outside the fitted years (so ``value(at:)`` is an extrapolation).
    public func isProjection(_ year: Int) -> Bool {
        guard let first = years.first, let last = years.last else { return true }
        return year < first || year > last
    }
}

/// Why a trend cannot be fitted.
public enum TrendError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line through fewer than three points says nothing about a trend.
    case tooFewPoints(have: Int, need: Int)

    public var description: String {
        switch self {
        case let .tooFewPoints(have, need):
            "a trend needs at least \(need) years with figures; this series has \(have)"
        }
    }
}

extension Series {
    /// The points that have the quantity, as (year, number) pairs.
    public func numbers(_ quantity: LinearTrend.Quantity) -> [(year: Int, value: Double)] {
        points.compactMap { point in
            let number = quantity == .value ? point.value : point.rate?.rate
            return number.map { (point.year, $0) }
        }
    }

    /// The least-squares line through the series' figures (or rates); needs at least `minimumPoints`
    /// (three by default: two points always lie on a line).
    public func trend(_ quantity: LinearTrend.Quantity = .value, minimumPoints: Int = 3) throws(TrendError) -> LinearTrend {
        let data = numbers(quantity)
        guard data.count >= max(2, minimumPoints) else { throw .tooFewPoints(have: data.count, need: max(2, minimumPoints)) }
        guard let line = LeastSquaresLine(data.map { (Double($0.year), $0.value) }) else {
            throw .tooFewPoints(have: data.count, need: max(2, minimumPoints))
        }
        return LinearTrend(quantity: quantity, slope: line.slope, intercept: line.intercept, rSquared: line.rSquared, years: data.map(\.year))
    }
}
