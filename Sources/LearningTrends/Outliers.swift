import LearningData

/// How unusual values are scored.
public enum OutlierMethod: Hashable, Sendable, CustomStringConvertible {
    /// 0.6745 × (x − median) ÷ MAD, flagged beyond the threshold (3.5 by Iglewicz and Hoaglin). Robust to
    /// the outliers themselves; the default.
    case modifiedZScore(threshold: Double = 3.5)
    /// (x − mean) ÷ standard deviation, flagged beyond the threshold (3 by convention).
    case zScore(threshold: Double = 3)
    /// (x − min) ÷ (max − min); the lowest or highest value is flagged when the gap to its nearest
    /// neighbour is at least `threshold` of the range.
    case minMax(threshold: Double = 0.5)

    /// The default method.
    public static let standard = OutlierMethod.modifiedZScore()

    /// Reads a method by name: `modified_z` (or `mad`), `z` (or `zscore`), `minmax`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "-", with: "_") {
        case "modified_z", "modified_zscore", "mad", "robust": self = .modifiedZScore()
        case "z", "zscore", "z_score": self = .zScore()
        case "minmax", "min_max": self = .minMax()
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case let .modifiedZScore(t): "modified z-score (|score| > \(t))"
        case let .zScore(t): "z-score (|score| > \(t))"
        case let .minMax(t): "min-max (isolated extreme, gap ≥ \(t) of the range)"
        }
    }
}

/// One scored value.
public struct OutlierScore: Hashable, Sendable {
    /// What the value is of (a year, a region).
    public let label: String
    /// The value.
    public let value: Double
    /// Its score under the method.
    public let score: Double
    /// Whether it is flagged.
    public let isOutlier: Bool
}

/// Scores for a set of values, the flagged ones, and a warning when there is too little to judge.
public struct OutlierReport: Hashable, Sendable {
    /// The method used.
    public let method: OutlierMethod
    /// Every value with its score, in the order given.
    public let scores: [OutlierScore]
    /// Why the result should not be trusted, if it should not.
    public let warning: String?

    /// The flagged values.
    public var outliers: [OutlierScore] { scores.filter(\.isOutlier) }

    /// The fewest values a judgement is made on.
    public static let minimumPoints = 4

    /// Scores labelled values by `method`.
    public init(_ values: [(label: String, value: Double)], method: OutlierMethod = .standard) {
        self.method = method
        let xs = values.map(\.value)
        guard xs.count >= Self.minimumPoints else {
            scores = values.map { OutlierScore(label: $0.label, value: $0.value, score: 0, isOutlier: false) }
            warning = "\(xs.count) values are too few to judge outliers (at least \(Self.minimumPoints) are needed); none is flagged"
            return
        }
        var warning: String? = nil
        let scored: [(Double, Bool)]
        switch method {
        case let .modifiedZScore(threshold):
            let median = Self.median(xs)
            let mad = Self.median(xs.map { abs($0 - median) })
            if mad > 0 {
                scored = xs.map { let s = 0.6745 * ($0 - median) / mad; return (s, abs(s) > threshold) }
            } else {
                // More than half the values are equal: fall back on the mean absolute deviation.
                let meanAD = xs.reduce(0) { $0 + abs($1 - median) } / Double(xs.count)
                warning = "more than half the values are equal (MAD is 0); scored with the mean absolute deviation"
                scored = xs.map { meanAD > 0 ? { let s = ($0 - median) / (1.253314 * meanAD); return (s, abs(s) > threshold) }($0) : (0, false) }
            }
        case let .zScore(threshold):
            let mean = xs.reduce(0, +) / Double(xs.count)
            let sd = (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)).squareRoot()
            scored = xs.map { sd > 0 ? { let s = ($0 - mean) / sd; return (s, abs(s) > threshold) }($0) : (0, false) }
        case let .minMax(threshold):
            let low = xs.min() ?? 0, high = xs.max() ?? 0, range = high - low
            let sorted = xs.sorted()
            let lowGap = sorted.count > 1 ? (sorted[1] - sorted[0]) / max(range, .leastNonzeroMagnitude) : 0
            let highGap = sorted.count > 1 ? (sorted[sorted.count - 1] - sorted[sorted.count - 2]) / max(range, .leastNonzeroMagnitude) : 0
            scored = xs.map { x in
                let s = range > 0 ? (x - low) / range : 0
                return (s, range > 0 && ((x == low && lowGap >= threshold) || (x == high && highGap >= threshold)))
            }
        }
        scores = zip(values, scored).map { OutlierScore(label: $0.label, value: $0.value, score: $1.0, isOutlier: $1.1) }
        self.warning = warning
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Scores the years of a series (its values, or its rates as fractions).
    public init(_ series: Series, quantity: LinearTrend.Quantity = .value, method: OutlierMethod = .standard) {
        self.init(series.numbers(quantity).map { (String($0.year), $0.value) }, method: method)
    }

    /// Scores the regions of one level in one year by an indicator's headline value or rate.
    public init(_ dataset: Dataset, indicator: IndicatorID, year: Int, level: AdministrativeLevel? = nil,
                quantity: LinearTrend.Quantity = .value, method: OutlierMethod = .standard) {
        var values: [(String, Double)] = []
        for row in dataset.rows(indicator: indicator, year: year) where dataset.isHeadline(at: row) {
            let region = dataset.region(at: row)
            guard level == nil || region.level == level else { continue }
            let number = quantity == .value ? dataset.value(at: row) : dataset[row].rateReading?.rate
            if let number { values.append((region.name, number)) }
        }
        self.init(values, method: method)
    }
}
