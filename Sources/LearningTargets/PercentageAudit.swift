import LearningData

/// What the checker found for one stated percentage.
public enum PercentageVerdict: Hashable, Sendable {
    /// The printed figure is the computed one rounded at its precision.
    case rounded
    /// The printed figure is the computed one cut at its precision.
    case truncated
    /// The printed figure is off by this many percentage points (printed − computed).
    case disagrees(points: Double)
    /// A number needed to recompute it is not printed.
    case uncheckable(reason: String)

    /// Whether the printed figure is acceptable.
    public var agrees: Bool {
        switch self {
        case .rounded, .truncated: true
        case .disagrees, .uncheckable: false
        }
    }
}

/// One stated percentage, recomputed.
public struct PercentageFinding: Hashable, Sendable {
    /// The observation (with its quote in ``Observation/provenance``).
    public let observation: Observation
    /// As printed.
    public let stated: StatedPercent
    /// What the row's numbers give, in percent, when they can.
    public let computed: Double?
    /// The verdict.
    public let verdict: PercentageVerdict
}

/// Recomputes every stated percentage of a dataset from its own numbers and reports each one: agreeing
/// (rounded or truncated at the printed precision), disagreeing (with both figures), or uncheckable.
/// The source is never corrected.
public struct PercentageAudit: Hashable, Sendable {
    /// Every stated percentage, in row order.
    public let findings: [PercentageFinding]

    /// Audits a dataset.
    public init(_ dataset: Dataset) {
        var out: [PercentageFinding] = []
        for row in 0..<dataset.count where !dataset.columns.statedPercent[row].isNaN {
            let o = dataset[row]
            guard let stated = o.statedPercent else { continue }
            let computed = o.computedPercent
            let verdict: PercentageVerdict
            if let computed {
                switch stated.agreement(with: computed) {
                case .rounded: verdict = .rounded
                case .truncated: verdict = .truncated
                case let .disagrees(difference): verdict = .disagrees(points: difference)
                }
            } else {
                verdict = .uncheckable(reason: Self.reason(o))
            }
            out.append(PercentageFinding(observation: o, stated: stated, computed: computed, verdict: verdict))
        }
        findings = out
    }

    /// The disagreeing ones.
    public var disagreements: [PercentageFinding] {
        findings.filter { if case .disagrees = $0.verdict { return true } else { return false } }
    }

    private static func reason(_ o: Observation) -> String {
        if o.value == nil { return "the count is not printed" }
        switch o.percentOf {
        case .target: return "the target is not printed as an amount"
        case .base: return o.baseKind == .population ? "the population is not printed" : "the base is not printed"
        }
    }
}
