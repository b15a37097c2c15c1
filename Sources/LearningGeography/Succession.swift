/// What became of a unit, or what a unit was made of: one link of the map's history.
public struct Succession: Hashable, Sendable, CustomStringConvertible {
    /// How much of the earlier unit went into the later one.
    public enum Share: String, Hashable, Sendable {
        /// All of it: a province merged into another, a commune merged whole into a new one.
        case whole
        /// Part of it: a commune divided between several new ones. The source does not say how much.
        case part
    }

    /// The unit before (valid until the change).
    public let earlier: RegionID
    /// The unit after (valid from the change).
    public let later: RegionID
    /// Whether all of `earlier` went into `later`.
    public let share: Share
    /// The day the change took effect.
    public let day: CalendarDay

    /// Creates a link.
    public init(earlier: RegionID, later: RegionID, share: Share, day: CalendarDay) {
        self.earlier = earlier
        self.later = later
        self.share = share
        self.day = day
    }

    public var description: String { "\(earlier) → \(later) (\(share.rawValue), \(day))" }
}
