import LearningData

/// What regions are ranked by.
public enum RankingMeasure: String, Sendable, CaseIterable, Codable {
    /// The rate in percent: value ÷ base, or the stated percentage when only that is printed.
    case rate
    /// The figure itself.
    case value
    /// The figure as a percentage of the population, where the population is printed or derivable from
    /// members' stated share ("12,82% so với dân số").
    case perCapita = "per_capita"
    /// The figure as a percentage of its target.
    case attainment

    /// Reads a measure by name (`rate`, `value`, `per_capita`, `attainment`).
    public init?(name: String) {
        self.init(rawValue: name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_"))
    }

    /// The score of an observation under this measure, and whether it rests on a stated or derived
    /// figure rather than printed numbers; or why there is none, said as what the row holds ("only a
    /// target", "a figure but no base or stated percentage to make a rate").
    func score(_ o: Observation, _ dataset: Dataset) -> Result<(score: Double, isIndirect: Bool), Unscored> {
        switch self {
        case .value:
            guard let value = o.value else { return .failure(.init(o.contents)) }
            return .success((value, o.isDerived))
        case .rate:
            guard let reading = o.rateReading else {
                return .failure(.init(o.value == nil ? o.contents : "a figure but no base or stated percentage to make a rate"))
            }
            return .success((reading.rate * 100, reading.source == .stated))
        case .perCapita:
            guard let value = o.value else { return .failure(.init(o.contents)) }
            guard let population = dataset.population(region: o.region, year: o.year), population.population > 0 else {
                return .failure(.init("a figure but the population is not known"))
            }
            return .success((value / population.population * 100, population.derived))
        case .attainment:
            guard let ratio = o.attainmentRatio else {
                if o.target == nil { return .failure(.init(o.value == nil ? o.contents : "a figure but no target")) }
                return .failure(.init(o.value == nil && o.statedPercent == nil ? "only a target, no actual to compare with it" : "a target and an actual that cannot be compared"))
            }
            return .success((ratio * 100, o.rateReading?.source == .stated))
        }
    }

    /// What a score of this measure is called in a reason ("2018 has a rate").
    var noun: String {
        switch self {
        case .rate: "rate"
        case .value: "figure"
        case .perCapita: "figure per head"
        case .attainment: "target and actual"
        }
    }
}

/// Why a region has no score.
struct Unscored: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Which year each region is ranked on.
public enum YearAlignment: Hashable, Sendable, CustomStringConvertible {
    /// The same year for all; regions without it are listed as missing.
    case year(Int)
    /// Each region's latest year with a score, shown beside its rank.
    case latest
    /// Each region's latest year with a score up to this one.
    case asOf(Int)

    public var description: String {
        switch self {
        case let .year(y): "\(y)"
        case .latest: "each region's latest year"
        case let .asOf(y): "each region's latest year up to \(y)"
        }
    }

    /// Whether a year is allowed.
    public func admits(_ year: Int) -> Bool {
        switch self {
        case let .year(y): year == y
        case .latest: true
        case let .asOf(y): year <= y
        }
    }
}
