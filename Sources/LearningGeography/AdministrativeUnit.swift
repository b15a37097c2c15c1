/// One official unit of Vietnam's map, with the time it was valid and its parent during that time.
public struct AdministrativeUnit: Hashable, Sendable, Identifiable, CustomStringConvertible {
    /// Its id: a path of slugs (`yen-bai/yen-binh/han-da`); see `seeds/geography/SOURCE.md`.
    public let id: RegionID
    /// Its official code (General Statistics Office): 2 digits for a province, 3 for a district, 5 for
    /// a commune. Codes are reused across the reorganisation: a code names one unit on a given day.
    public let code: String
    /// The code it had before 1 July 2025, when it went on after with another (a province that kept
    /// its name but took another's code: Gia Lai was 64, is 52).
    public let formerCode: String?
    /// Its kind ("tỉnh", "quận", "phường", "đặc khu"…).
    public let kind: AdministrativeKind
    /// Its name without the kind ("Bình Thạnh").
    public let name: String
    /// Its parent while it was valid; nil for a province (under the country).
    public let parent: RegionID?
    /// The first day it was valid, if known (nil: before the source's records begin).
    public let validFrom: CalendarDay?
    /// The last day it was valid; nil while it still is.
    public let validUntil: CalendarDay?
    /// Other names people write ("TP.HCM", "Bắc Cạn").
    public let aliases: [String]
    /// Its area in km², where the source gives it (communes from 2025).
    public let areaKm2: Double?

    /// Creates a unit.
    public init(id: RegionID, code: String, formerCode: String? = nil, kind: AdministrativeKind, name: String, parent: RegionID?,
                validFrom: CalendarDay? = nil, validUntil: CalendarDay? = nil, aliases: [String] = [], areaKm2: Double? = nil) {
        self.id = id
        self.code = code
        self.formerCode = formerCode
        self.kind = kind
        self.name = name
        self.parent = parent
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.aliases = aliases
        self.areaKm2 = areaKm2
    }

    /// The level it belongs to.
    public var level: AdministrativeLevel { kind.level }

    /// Its name with its kind ("quận Bình Thạnh").
    public var qualifiedName: String { "\(kind.prefix) \(name)" }

    /// Whether it was valid on a day.
    public func isValid(on day: CalendarDay) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validUntil.map { day <= $0 } ?? true)
    }

    /// Whether it was valid on some day of a year.
    public func isValid(inYear year: Int) -> Bool {
        (validFrom.map { $0 <= .endOf(year) } ?? true) && (validUntil.map { $0 >= .startOf(year) } ?? true)
    }

    /// Its years of validity, for people: "until 2025", "from 2025", "throughout".
    public var lifetime: String {
        switch (validFrom, validUntil) {
        case (nil, nil): "throughout"
        case let (nil, until?): "until \(until)"
        case let (from?, nil): "from \(from)"
        case let (from?, until?): "\(from) to \(until)"
        }
    }

    /// Its code on a day: ``formerCode`` before 1 July 2025 where it has one.
    public func code(on day: CalendarDay) -> String {
        if let formerCode, day < .reorganisation { return formerCode }
        return code
    }

    public var description: String { "\(qualifiedName) (\(id), \(lifetime))" }
}
