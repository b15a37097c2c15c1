/// Two documents that give one figure (the same region, indicator, year and scope) differently: the
/// dataset uses one, by a stated rule, and keeps the other to show.
public struct SourceConflict: Sendable {
    /// The row the dataset uses, in its columns.
    public let usedRow: Int
    /// The figure the dataset uses: from the row later in `figures.csv`.
    public let used: Observation
    /// The figure the other document gives.
    public let other: Observation

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
                .first(where: { Int(columns.year[$0]) == o.year && scope(at: $0) == o.scope }) else { return nil }
            return SourceConflict(usedRow: row, used: self[row], other: o)
        }
    }
}
