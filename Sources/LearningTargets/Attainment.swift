import LearningData

/// Whether an actual reached its target.
public enum AttainmentStatus: String, Sendable, CaseIterable, Codable {
    /// Beyond the target (above it, or above the top of a target range).
    case exceeded
    /// Exactly on the target, or inside a target range.
    case met
    /// Short of the target.
    case missed
}

/// An actual against its target: "97.290.000 / 60.000.000 đồng" or "77,07 % against chỉ tiêu 75 %".
///
/// For a rate target, actual, target and gap are in percent and percentage points; for an absolute
/// target, in the indicator's unit.
public struct Attainment: Hashable, Sendable {
    /// The target.
    public let target: Target
    /// The actual: the value, or for a rate target the rate in percent.
    public let actual: Double
    /// For a rate target, whether the rate was computed from the numbers or taken as stated.
    public let rateSource: RateSource?
    /// actual − target (the low end of a range): an amount, or percentage points for a rate.
    public let gap: Double
    /// actual ÷ target in percent (162,15 % for the Liên Hương fund); nil when the target is zero.
    public let percentOfTarget: Double?
    /// Exceeded, met or missed.
    public let status: AttainmentStatus
    /// For a missed target: how much more was needed (an amount, or percentage points).
    public let shortfall: Double?
    /// For a missed rate target with a known base: how many more units (households, clans...) it took.
    public let unitsShort: Double?

    /// The attainment of an observation's target; nil when it has no target or no actual to compare.
    public init?(_ o: Observation) {
        guard let target = o.target else { return nil }
        let actual: Double
        var source: RateSource? = nil
        if target.isRate {
            guard let reading = o.rateReading else { return nil }
            actual = reading.rate * 100
            source = reading.source
        } else {
            guard let value = o.value else { return nil }
            actual = value
        }
        self.init(actual: actual, target: target, rateSource: source, value: o.value, base: o.base)
    }

    /// The attainment of the target at a row of a dataset, read from its columns (no observation is
    /// assembled): what ``init(_:)`` gives for `dataset[row]`.
    public init?(_ dataset: borrowing Dataset, row: Int) {
        guard let target = dataset.target(at: row) else { return nil }
        let value = dataset.value(at: row)
        if target.isRate {
            guard let reading = dataset.rateReading(at: row) else { return nil }
            self.init(actual: reading.rate * 100, target: target, rateSource: reading.source, value: value, base: dataset.base(at: row))
        } else {
            guard let value else { return nil }
            self.init(actual: value, target: target, rateSource: nil, value: value, base: dataset.base(at: row))
        }
    }

    /// The attainment of an actual against a target (`value` and `base` let a missed rate target say how
    /// many units were short).
    public init(actual: Double, target: Target, rateSource: RateSource? = nil, value: Double? = nil, base: Double? = nil) {
        self.target = target
        self.actual = actual
        self.rateSource = rateSource
        gap = actual - target.value
        percentOfTarget = target.value == 0 ? nil : actual / target.value * 100
        let met = target.isMet(by: actual)
        switch target.comparison {
        case .atLeast, .above:
            status = !met ? .missed : actual > (target.upperBound ?? target.value) ? .exceeded : (target.comparison == .above ? .exceeded : .met)
        case .exactly, .atMost, .below:
            status = met ? .met : .missed
        }
        if status == .missed, target.comparison == .atLeast || target.comparison == .above {
            shortfall = target.value - actual
            if target.isRate, let value, let base {
                let needed = target.value / 100 * base
                let units = target.comparison == .above ? (needed + 1).rounded(.down) : needed.rounded(.up)
                unitsShort = max(0, units - value)
            } else {
                unitsShort = nil
            }
        } else {
            shortfall = nil
            unitsShort = nil
        }
    }
}
