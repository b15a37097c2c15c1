/// A place the reports give figures for: a province, district, commune or neighbourhood.
public struct Region: Hashable, Sendable, Identifiable, CustomStringConvertible {
    /// Its stable identifier.
    public let id: RegionID
    /// Its name as printed, without the kind ("Bình Thạnh", not "quận Bình Thạnh"), in NFC.
    public let name: String
    /// What kind of unit it is; this fixes its ``level``.
    public let kind: AdministrativeKind
    /// The region it lay in when the report was written; nil only for the country.
    public let parent: RegionID?
    /// Other names it goes by ("TP.HCM", "Sài Gòn").
    public let aliases: [String]
    /// Where the documents show where it lies (or why general knowledge was used).
    public let evidence: String
    /// The user's own columns of `regions.csv` (`x_…`) that this region fills, by column name.
    public let extras: [String: String]
    /// For a unit of Vietnam's map: the first and last days it was valid (nil when not known, or still
    /// valid). A user's own regions have neither.
    public var validFrom: CalendarDay? = nil, validUntil: CalendarDay? = nil

    /// Creates a region; the name and aliases are stored in NFC.
    public init(id: RegionID, name: String, kind: AdministrativeKind, parent: RegionID?, aliases: [String] = [], evidence: String = "",
                extras: [String: String] = [:]) {
        self.id = id
        self.name = VietnameseText.nfc(name)
        self.kind = kind
        self.parent = parent
        self.aliases = aliases.map(VietnameseText.nfc)
        self.evidence = evidence
        self.extras = extras
    }

    /// A region as a dataset pack stores it: the texts taken as they are (they were NFC when packed).
    init(packed id: RegionID, name: String, kind: AdministrativeKind, parent: RegionID?, aliases: [String], evidence: String,
         extras: [String: String], validFrom: CalendarDay?, validUntil: CalendarDay?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.aliases = aliases
        self.evidence = evidence
        self.extras = extras
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// A region for a unit of Vietnam's map, with its lifetime.
    public init(_ unit: AdministrativeUnit) {
        self.init(id: unit.id, name: unit.name, kind: unit.kind, parent: unit.parent, aliases: unit.aliases,
                  evidence: "Vietnam's map (vietnamadminunits), code \(unit.code)")
        validFrom = unit.validFrom
        validUntil = unit.validUntil
    }

    /// Its administrative level.
    public var level: AdministrativeLevel { kind.level }

    /// Whether it was valid on some day of a year (always, for a region with no lifetime).
    public func isValid(inYear year: Int) -> Bool {
        (validFrom.map { $0 <= .endOf(year) } ?? true) && (validUntil.map { $0 >= .startOf(year) } ?? true)
    }

    /// Whether it has a lifetime (a unit of the map that began or ended).
    public var hasLifetime: Bool { validFrom != nil || validUntil != nil }

    /// Its name with its kind before it: "quận Bình Thạnh", "thành phố Bắc Kạn".
    public var qualifiedName: String { kind == .country ? name : "\(kind.prefix) \(name)" }

    public var description: String { "\(qualifiedName) (\(id))" }
}
