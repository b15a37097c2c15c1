import LearningData

/// One target in the data: compared with its actual when that has arrived, projected when it has not.
public struct TargetEvaluation: Hashable, Sendable {
    /// The observation that carries the target.
    public let observation: Observation
    /// The region and indicator, resolved.
    public let region: Region, indicator: Indicator
    /// Actual against target, when the actual is known.
    public let attainment: Attainment?
    /// The projection, when the actual is not known.
    public let projection: TargetProjection?
}

/// Every target in a dataset (or in one year), each with its attainment or projection.
public struct TargetReport: Hashable, Sendable {
    /// The targets, by year, region and indicator.
    public let evaluations: [TargetEvaluation]

    /// Evaluates the targets of a dataset, optionally of one year or one indicator only.
    public init(_ dataset: Dataset, year: Int? = nil, indicator: IndicatorID? = nil) {
        var out: [TargetEvaluation] = []
        let rows = indicator.map { Array(dataset.rows(indicator: $0)) } ?? Array(0..<dataset.count)
        for row in rows where dataset.columns.flags[row].hasTarget {
            guard year == nil || Int(dataset.columns.year[row]) == year else { continue }
            let o = dataset[row]
            let attainment = Attainment(o)
            out.append(TargetEvaluation(observation: o, region: dataset.region(at: row), indicator: dataset.indicator(at: row),
                                        attainment: attainment,
                                        projection: attainment == nil ? TargetProjection(dataset, target: o) : nil))
        }
        evaluations = out.sorted {
            ($0.observation.year, $0.region.id.rawValue, $0.indicator.id.rawValue, $0.observation.scope ?? "")
                < ($1.observation.year, $1.region.id.rawValue, $1.indicator.id.rawValue, $1.observation.scope ?? "")
        }
    }

    /// The evaluation of one region's target for an indicator and year, if there is one.
    public func evaluation(indicator: IndicatorID, region: RegionID, year: Int) -> TargetEvaluation? {
        evaluations.first { $0.indicator.id == indicator && $0.region.id == region && $0.observation.year == year && $0.observation.scope == nil }
    }
}
