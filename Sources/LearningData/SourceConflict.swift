/// Two documents that give one figure (the same region, indicator, period and scope) differently: the
/// dataset uses one, by a stated rule, and keeps the other to show.
public struct SourceConflict: Hashable, Sendable {
    /// The row the dataset uses, in its columns.
    public let usedRow: Int
    /// The figure the dataset uses: from the row later in `figures.csv`.
    public let used: Observation
    /// The figure the other document gives.
    public let other: Observation

    /// What identifies a figure: two rows with the same are two sources of one figure.
    public struct Figure: Hashable, Sendable {
        public let region: RegionID, indicator: IndicatorID, year: Int, period: Period?, scope: String?

        /// The figure an observation gives.
        public init(_ o: Observation) {
            region = o.region
            indicator = o.indicator
            year = o.year
            period = o.period
            scope = o.scope
        }
    }

    /// For an answer that used ``used``: which document it took and what the other gives, the region
    /// called by `regionName` ("Kê Sát members 2020: 5350 from ha-lam-2021.txt used; ha-lam-2020.txt gives 5200").
    public func usedNote(regionName: String) -> String {
        func figure(_ o: Observation) -> String { o.value.map(PlainNumber.format) ?? o.statedPercent?.text ?? o.target?.csvText ?? "no figure" }
        let key = "\(regionName) \(used.indicator) \(used.period?.description ?? String(used.year))" + (used.scope.map { " (\($0))" } ?? "")
        return "\(key): \(figure(used)) from \(used.provenance?.document ?? "?") used; \(other.provenance?.document ?? "?") gives \(figure(other))"
    }

    /// The rule that chose ``used``, for people.
    public static let rule = "the row later in figures.csv is used (reports are added as they come, so the later is the newer)"
}

extension Dataset {
    /// Every figure two documents give (see ``superseded``), with the one used and the other, in
    /// the dataset's order.
    public var conflicts: [SourceConflict] {
        guard let other = superseded else { return [] }
        return (0..<other.count).compactMap { k in
            let o = other[k]
            guard let row = rows(indicator: o.indicator, region: o.region).map(Int.init)
                .first(where: { Int(columns.year[$0]) == o.year && scope(at: $0) == o.scope && period(at: $0) == o.period }) else { return nil }
            return SourceConflict(usedRow: row, used: self[row], other: o)
        }
    }

    /// The conflicts by the row the dataset uses, for answers that say which source they used; empty
    /// at no cost when no two sources disagree.
    public var conflictsByRow: [Int: SourceConflict] {
        guard superseded != nil else { return [:] }
        return Dictionary(conflicts.map { ($0.usedRow, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The conflicts by the figure the dataset uses (region, indicator, year, period, scope).
    public var conflictsByFigure: [SourceConflict.Figure: SourceConflict] {
        guard superseded != nil else { return [:] }
        return Dictionary(conflicts.map { (SourceConflict.Figure($0.used), $0) }, uniquingKeysWith: { a, _ in a })
    }
}
