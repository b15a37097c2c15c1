/// The stable identifier of a region, e.g. `ho-chi-minh/binh-thanh`: its parent's id, a slash, and its
/// own name without diacritics.
public struct RegionID: Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The identifier as written in `regions.csv`.
    public let rawValue: String

    /// Wraps an identifier as written.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}
