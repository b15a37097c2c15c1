/// What an indicator counts.
public enum MeasurementUnit: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case households, clans, communities, communes, units, people, members, chapters, groups
    case vnd, scholarships, gifts, classes, attendances, centres, commendations, items

    /// Whether amounts are money in đồng, written with "đ" or "VND".
    public var isMoney: Bool { self == .vnd }

    /// The Vietnamese word for one of it ("hộ", "dòng họ", "đồng").
    public var vietnamese: String {
        switch self {
        case .households: "hộ"
        case .clans: "dòng họ"
        case .communities: "cộng đồng"
        case .communes: "xã"
        case .units: "đơn vị"
        case .people: "người"
        case .members: "hội viên"
        case .chapters: "chi hội"
        case .groups: "tổ"
        case .vnd: "đồng"
        case .scholarships: "suất"
        case .gifts: "phần quà"
        case .classes: "lớp"
        case .attendances: "lượt người"
        case .centres: "trung tâm"
        case .commendations: "khen thưởng"
        case .items: "cái"
        }
    }

    /// The English name, plural ("households", "VND").
    public var english: String { self == .vnd ? "VND" : rawValue }

    public var description: String { english }
}

/// What a rate's denominator counts for a given observation.
public enum BaseKind: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// All units in the area ("so với tổng số hộ").
    case total
    /// Units that registered for the title ("hộ dân đăng ký").
    case registered
    /// The population ("so với dân số"): for members as a share of the people.
    case population

    /// The Vietnamese phrase for it.
    public var vietnamese: String {
        switch self {
        case .total: "tổng số"
        case .registered: "số đăng ký"
        case .population: "dân số"
        }
    }

    public var description: String { rawValue }
}

/// How values combine over time for one region.
public enum TemporalAggregation: String, Sendable, Codable {
    /// Flows (funds raised, new members, classes held): the years add up.
    case sum
    /// Stocks and annual statuses (members, recognised families): the latest year stands for the period.
    case last
}

/// How values combine over the regions below a region.
public enum SpatialAggregation: String, Sendable, Codable {
    /// Counts and money add up; rates are the sum of numerators over the sum of denominators.
    case sum
    /// Nothing meaningful adds up (e.g. a per-commune target).
    case none
}
