/// The stable identifier of an indicator, e.g. `learning_family`; a bare name in the query language.
public struct IndicatorID: Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The identifier as written in `figures.csv`.
    public let rawValue: String

    /// Wraps an identifier as written.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}

/// What a rate of an indicator is taken over.
public struct Denominator: Hashable, Sendable {
    /// What the denominator counts, in Vietnamese ("tổng số hộ hoặc số hộ đăng ký").
    public let vietnamese: String
    /// The same in English.
    public let english: String
    /// The kind of base assumed when an observation does not say.
    public let defaultKind: BaseKind
}

/// One thing the associations report: its names, unit, denominator and how it aggregates.
public struct Indicator: Hashable, Sendable, Identifiable, CustomStringConvertible {
    /// Its identifier.
    public let id: IndicatorID
    /// Its Vietnamese name ("Gia đình học tập").
    public let name: String
    /// Other Vietnamese names for the same thing ("Gia đình hiếu học").
    public let synonyms: [String]
    /// Its English label ("Learning families").
    public let label: String
    /// What it counts.
    public let unit: MeasurementUnit
    /// What its rate is taken over; nil when it has no rate.
    public let denominator: Denominator?
    /// How it adds up over time.
    public let temporal: TemporalAggregation
    /// How it adds up over regions.
    public let spatial: SpatialAggregation
    /// A sentence on what is counted, for help texts.
    public let summary: String

    /// Creates an indicator; names are stored in NFC.
    public init(id: IndicatorID, name: String, synonyms: [String] = [], label: String, unit: MeasurementUnit,
                denominator: Denominator? = nil, temporal: TemporalAggregation, spatial: SpatialAggregation = .sum,
                summary: String) {
        self.id = id
        self.name = VietnameseText.nfc(name)
        self.synonyms = synonyms.map(VietnameseText.nfc)
        self.label = label
        self.unit = unit
        self.denominator = denominator
        self.temporal = temporal
        self.spatial = spatial
        self.summary = summary
    }

    /// Whether the indicator has a rate (recognised over total or registered, members over population).
    public var hasRate: Bool { denominator != nil }

    public var description: String { "\(id) (\(name))" }
}
