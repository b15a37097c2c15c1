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

    /// Evaluates the targets of a dataset, optionally of one year or one indicator only, by year, then
    /// region (in gazetteer order), then indicator (in catalogue order), then scope.
    ///
    /// It reads only the rows of the indicators and year asked for (the dataset's index), and orders
    /// them by numbers, never by text.
    public init(_ dataset: Dataset, year: Int? = nil, indicator: IndicatorID? = nil) {
        let sortedRows = Self.rows(dataset, year: year, indicator: indicator)
        evaluations = sortedRows.map { row in
            let o = dataset[row]
            let attainment = Attainment(o)
            return TargetEvaluation(observation: o, region: dataset.region(at: row), indicator: dataset.indicator(at: row),
                                    attainment: attainment, projection: attainment == nil ? TargetProjection(dataset, target: o) : nil)
        }
    }

    /// The rows that carry a target (of one year, or one indicator, if asked), in the report's order:
    /// by year, then region (gazetteer order), then indicator (catalogue order), then scope. It reads
    /// only the rows of the indicators and year asked for, and orders them by numbers, never by text.
    public static func rows(_ dataset: Dataset, year: Int? = nil, indicator: IndicatorID? = nil) -> [Int] {
        var rows: [Int] = []
        let indicators = indicator.map { [$0] } ?? dataset.catalogue.indicators.map(\.id)
        let flags = dataset.columns.flags
        for id in indicators {
            let block = year.map { dataset.rows(indicator: id, year: $0) } ?? dataset.rows(indicator: id)
            for row in block where flags[row].hasTarget { rows.append(row) }
        }
        let c = dataset.columns
        // The dataset's rows are by indicator, year, region and scope, so within one year and region
        // the row number gives catalogue order and then scope order.
        return rows.map { row in (key: Int64(c.year[row]) << 32 | Int64(c.region[row]), row: row) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
            .map(\.row)
    }

    /// The evaluation of one region's target for an indicator and year, if there is one.
    public func evaluation(indicator: IndicatorID, region: RegionID, year: Int) -> TargetEvaluation? {
        evaluations.first { $0.indicator.id == indicator && $0.region.id == region && $0.observation.year == year && $0.observation.isHeadline }
    }
}
