/// The kind of an administrative unit, as its Vietnamese prefix names it ("quận", "thị trấn"...).
///
/// Several kinds share a level: quận, huyện, thị xã and thành phố thuộc tỉnh are all district-level.
public enum AdministrativeKind: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case country
    case province
    case centralCity
    case urbanDistrict
    case ruralDistrict
    case districtTown
    case provincialCity
    case commune
    case ward
    case township
    /// "Đặc khu": an island special zone, a commune-level unit from 1 July 2025 (Phú Quốc, Côn Đảo…).
    case specialZone
    case quarter
    case village
    case residentialGroup

    /// The level the kind belongs to.
    public var level: AdministrativeLevel {
        switch self {
        case .country: .country
        case .province, .centralCity: .province
        case .urbanDistrict, .ruralDistrict, .districtTown, .provincialCity: .district
        case .commune, .ward, .township, .specialZone: .commune
        case .quarter, .village, .residentialGroup: .neighbourhood
        }
    }

    /// The Vietnamese name of the kind, as written in `regions.csv`.
    public var vietnamese: String {
        switch self {
        case .country: "quốc gia"
        case .province: "tỉnh"
        case .centralCity: "thành phố trực thuộc trung ương"
        case .urbanDistrict: "quận"
        case .ruralDistrict: "huyện"
        case .districtTown: "thị xã"
        case .provincialCity: "thành phố thuộc tỉnh"
        case .commune: "xã"
        case .ward: "phường"
        case .township: "thị trấn"
        case .specialZone: "đặc khu"
        case .quarter: "khu phố"
        case .village: "thôn"
        case .residentialGroup: "tổ dân phố"
        }
    }

    /// The word put before a name ("thành phố Bắc Kạn", "quận Bình Thạnh").
    public var prefix: String {
        switch self {
        case .centralCity, .provincialCity: "thành phố"
        default: vietnamese
        }
    }

    /// The English name of the kind.
    public var english: String {
        switch self {
        case .country: "country"
        case .province: "province"
        case .centralCity: "centrally-run city"
        case .urbanDistrict: "urban district"
        case .ruralDistrict: "rural district"
        case .districtTown: "district-level town"
        case .provincialCity: "provincial city"
        case .commune: "commune"
        case .ward: "ward"
        case .township: "township"
        case .specialZone: "special zone"
        case .quarter: "quarter"
        case .village: "village"
        case .residentialGroup: "residential group"
        }
    }

    public var description: String { vietnamese }

    /// Reads a kind from its Vietnamese name, its English name or its Swift case name, ignoring case and
    /// diacritics ("thị trấn", "thi tran", "township").
    public init?(name: String) {
        guard let kind = Self.byFoldedName[VietnameseText.fold(name)] else { return nil }
        self = kind
    }

    /// Every accepted spelling, folded, folded once: a national gazetteer reads a kind per region.
    private static let byFoldedName: [String: AdministrativeKind] = {
        var table: [String: AdministrativeKind] = [:]
        for kind in allCases.reversed() {
            for key in [VietnameseText.fold(kind.vietnamese), kind.english, kind.rawValue.lowercased()] { table[key] = kind }
        }
        return table
    }()

    /// The prefixes a user may type before a name, folded, with the kinds each may mean; longest first so
    /// that "thanh pho" is tried before "t".
    package static let typedPrefixes: [(folded: String, kinds: Set<AdministrativeKind>)] = {
        let cities: Set<AdministrativeKind> = [.centralCity, .provincialCity]
        let table: [(String, Set<AdministrativeKind>)] = [
            ("thanh pho truc thuoc trung uong", [.centralCity]), ("thanh pho thuoc tinh", [.provincialCity]),
            ("thanh pho", cities), ("tp", cities), ("tinh", [.province]), ("t", [.province]),
            ("quan", [.urbanDistrict]), ("q", [.urbanDistrict]), ("huyen", [.ruralDistrict]), ("h", [.ruralDistrict]),
            ("thi xa", [.districtTown]), ("tx", [.districtTown]),
            ("thi tran", [.township]), ("tt", [.township]), ("xa", [.commune]), ("x", [.commune]),
            ("phuong", [.ward]), ("p", [.ward]), ("dac khu", [.specialZone]), ("khu pho", [.quarter]), ("kp", [.quarter]),
            ("thon", [.village]), ("to dan pho", [.residentialGroup]), ("tdp", [.residentialGroup]),
        ]
        return table.sorted { $0.0.count > $1.0.count }
    }()

    private static let prefixesByFirstWord: [String: [(folded: String, kinds: Set<AdministrativeKind>)]] =
        Dictionary(grouping: typedPrefixes) { String($0.folded.split(separator: " ")[0]) }

    /// Splits a folded name into the kinds its prefix names and the rest: "q binh thanh" gives
    /// ([.urbanDistrict], "binh thanh"). A prefix is only taken when a name follows it.
    package static func splitPrefix(folded: String) -> (kinds: Set<AdministrativeKind>?, rest: String) {
        // Only the prefixes that start with the name's first word can match: one lookup for most names.
        guard let space = folded.firstIndex(of: " "), let candidates = prefixesByFirstWord[String(folded[..<space])] else { return (nil, folded) }
        for (prefix, kinds) in candidates where folded.hasPrefix(prefix + " ") {
            return (kinds, String(folded.dropFirst(prefix.count + 1)))
        }
        return (nil, folded)
    }
}
