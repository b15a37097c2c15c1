import LearningData

/// How to fill a gap in a series, when a caller asks for it explicitly.
public enum FillMethod: String, Sendable, CaseIterable, Codable {
    /// The last known value before the gap stands for the missing years.
    case carryForward = "carry_forward"
    /// A straight line between the known values on either side; never outside the known range.
    case linear

    /// Reads a method from its name (`carry_forward`, `carry forward`, `locf`, `linear`).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_") {
        case "carry_forward", "locf", "forward", "ffill": self = .carryForward
        case "linear", "interpolate": self = .linear
        default: return nil
        }
    }
}

extension Series {
    /// The series with its gaps filled by `method`, each made-up point marked with the method.
    ///
    /// Only years between the first and last point are filled, and only from points that have the
    /// quantity: values from values, rates from rates. Nothing is extrapolated.
    public func filled(_ method: FillMethod) -> Series {
        guard points.count >= 2 else { return self }
        var out = points
        for (earlier, later) in zip(points, points.dropFirst()) where later.year - earlier.year > 1 {
            for year in (earlier.year + 1)..<later.year {
                out.append(fillPoint(year: year, earlier: earlier, later: later, method: method))
            }
        }
        return Series(indicator: indicator, region: region, points: out)
    }

    private func fillPoint(year: Int, earlier: SeriesPoint, later: SeriesPoint, method: FillMethod) -> SeriesPoint {
        func between(_ a: Double?, _ b: Double?) -> Double? {
            guard let a else { return nil }
            switch method {
            case .carryForward: return a
            case .linear:
                guard let b else { return nil }
                let t = Double(year - earlier.year) / Double(later.year - earlier.year)
                return a + (b - a) * t
            }
        }
        let rate = between(earlier.rate?.rate, later.rate?.rate).map { RateReading(rate: $0, source: .computed) }
        return SeriesPoint(year: year, value: between(earlier.value, later.value), base: between(earlier.base, later.base),
                           rate: rate, fill: method)
    }
}
