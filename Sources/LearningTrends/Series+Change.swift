#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LearningData

/// The change of a series between two years: absolute and relative for the value, and percentage points
/// for the rate, never mixed up.
public struct Change: Hashable, Sendable {
    /// The years compared.
    public let fromYear: Int, toYear: Int
    /// The values at each end (nil when not printed).
    public let fromValue: Double?, toValue: Double?
    /// The rates at each end, as fractions.
    public let fromRate: Double?, toRate: Double?

    /// Number of years between the two ends.
    public var years: Int { toYear - fromYear }

    /// to − from, in the indicator's unit.
    public var absolute: Double? {
        guard let fromValue, let toValue else { return nil }
        return toValue - fromValue
    }

    /// (to − from) ÷ from, in percent; nil ("undefined") when the start is zero or missing.
    public var relativePercent: Double? {
        guard let fromValue, let toValue, fromValue != 0 else { return nil }
        return (toValue - fromValue) / abs(fromValue) * 100
    }

    /// The change of the rate in percentage points (70 % to 77 % is +7 points, not +10 %).
    public var ratePoints: Double? {
        guard let fromRate, let toRate else { return nil }
        return (toRate - fromRate) * 100
    }

    /// The relative change of the rate, in percent (for completeness; say so when you show it).
    public var rateRelativePercent: Double? {
        guard let fromRate, let toRate, fromRate != 0 else { return nil }
        return (toRate - fromRate) / fromRate * 100
    }

    /// Compound annual growth of the value over the real number of years, in percent per year; nil when
    /// either end is missing or not positive, or the years are the same.
    public var cagrPercent: Double? {
        guard let fromValue, let toValue, fromValue > 0, toValue > 0, years > 0 else { return nil }
        return (pow(toValue / fromValue, 1 / Double(years)) - 1) * 100
    }

    /// The average change of the rate per year in percentage points.
    public var ratePointsPerYear: Double? {
        guard let ratePoints, years > 0 else { return nil }
        return ratePoints / Double(years)
    }
}

/// Why a change cannot be computed.
public enum ChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A year has no point in the series.
    case noFigure(year: Int, available: [Int])
    /// The two years are the same.
    case sameYear(Int)

    public var description: String {
        switch self {
        case let .noFigure(year, available):
            let list = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            return "the series has no figure for \(year) (years with figures: \(list))"
        case let .sameYear(year): return "a change needs two different years, not \(year) twice"
        }
    }
}

extension Series {
    /// The change between two years that both have a point.
    public func change(from: Int, to: Int) throws(ChangeError) -> Change {
        guard from != to else { throw .sameYear(from) }
        guard let a = point(from) else { throw .noFigure(year: from, available: years) }
        guard let b = point(to) else { throw .noFigure(year: to, available: years) }
        return Change(fromYear: a.year, toYear: b.year, fromValue: a.value, toValue: b.value, fromRate: a.rate?.rate, toRate: b.rate?.rate)
    }

    /// The change from the first to the last point.
    public var overallChange: Change? {
        guard let a = points.first, let b = points.last, a.year != b.year else { return nil }
        return Change(fromYear: a.year, toYear: b.year, fromValue: a.value, toValue: b.value, fromRate: a.rate?.rate, toRate: b.rate?.rate)
    }

    /// The change between each point and the one before it. Over a gap the change spans the real number
    /// of years (2016 → 2018 is one step of two years); ``Change/years`` says how many.
    public var yearOverYear: [Change] {
        zip(points, points.dropFirst()).map { a, b in
            Change(fromYear: a.year, toYear: b.year, fromValue: a.value, toValue: b.value, fromRate: a.rate?.rate, toRate: b.rate?.rate)
        }
    }

    /// Compound annual growth between two years, in percent per year.
    public func cagr(from: Int, to: Int) throws(ChangeError) -> Double? {
        try change(from: from, to: to).cagrPercent
    }
}
