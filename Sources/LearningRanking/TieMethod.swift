/// How tied scores share ranks, with pandas' names as aliases.
public enum TieMethod: String, Sendable, CaseIterable, Codable {
    /// "1224": ties share the best rank and the next rank is skipped (pandas `min`). The default.
    case competition
    /// "1223": ties share the best rank and no rank is skipped.
    case dense
    /// "1234": ties are broken by region name (pandas `first`).
    case ordinal
    /// "1 2.5 2.5 4": ties share the mean of the ranks they span.
    case average
    /// "1334": ties share the worst rank they span (pandas `max`).
    case max

    /// Reads a method by its name or pandas' alias (`min`, `first`).
    public init?(name: String) {
        switch name.lowercased() {
        case "competition", "min", "standard": self = .competition
        case "dense": self = .dense
        case "ordinal", "first": self = .ordinal
        case "average", "mean", "fractional": self = .average
        case "max", "modified": self = .max
        default: return nil
        }
    }

    /// Ranks for scores already sorted best first, in one pass: `equal(i)` says whether item i ties
    /// with item i − 1.
    public func ranks(count: Int, equal: (Int) -> Bool) -> [Double] {
        var ranks = [Double](repeating: 0, count: count)
        var start = 0, dense = 0
        while start < count {
            var end = start + 1
            while end < count, equal(end) { end += 1 }
            dense += 1
            for i in start..<end {
                switch self {
                case .competition: ranks[i] = Double(start + 1)
                case .dense: ranks[i] = Double(dense)
                case .ordinal: ranks[i] = Double(i + 1)
                case .average: ranks[i] = Double(start + 1 + end) / 2
                case .max: ranks[i] = Double(end)
                }
            }
            start = end
        }
        return ranks
    }
}
