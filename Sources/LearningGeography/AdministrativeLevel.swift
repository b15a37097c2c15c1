/// The tiers of Vietnam's administration that the reports speak of, from the country down.
public enum AdministrativeLevel: Int, Sendable, CaseIterable, Comparable, Codable, CustomStringConvertible {
    /// The country.
    case country = 0
    /// Tỉnh and thành phố trực thuộc trung ương.
    case province = 1
    /// Quận, huyện, thị xã, thành phố thuộc tỉnh.
    case district = 2
    /// Xã, phường, thị trấn.
    case commune = 3
    /// Below the commune: khu phố, thôn, tổ dân phố.
    case neighbourhood = 4

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The English word, also the level's name in the query language (`level: "district"`).
    public var name: String {
        switch self {
        case .country: "country"
        case .province: "province"
        case .district: "district"
        case .commune: "commune"
        case .neighbourhood: "neighbourhood"
        }
    }

    /// The Vietnamese word for the tier ("cấp huyện").
    public var vietnamese: String {
        switch self {
        case .country: "quốc gia"
        case .province: "cấp tỉnh"
        case .district: "cấp huyện"
        case .commune: "cấp xã"
        case .neighbourhood: "dưới cấp xã"
        }
    }

    /// The English word for several regions of the level, as coverage counts them ("3 of 4 districts").
    public var plural: String {
        switch self {
        case .country: "countries"
        case .province: "provinces"
        case .district: "districts"
        case .commune: "communes"
        case .neighbourhood: "neighbourhoods"
        }
    }

    public var description: String { name }

    /// Reads a level from its English or Vietnamese name, ignoring case and diacritics
    /// ("district", "huyen", "cấp huyện").
    public init?(name: String) {
        let key = VietnameseText.fold(name)
        let stripped = key.hasPrefix("cap ") ? String(key.dropFirst(4)) : key
        if let level = Self.allCases.first(where: { $0.name == key || VietnameseText.fold($0.vietnamese) == key }) {
            self = level
        } else if let kind = AdministrativeKind.allCases.first(where: { VietnameseText.fold($0.vietnamese) == stripped }) {
            self = kind.level
        } else {
            return nil
        }
    }
}
