import LearningData

/// A number a rule reads for the observation it is checked on.
public enum ObservationField: String, Sendable, CaseIterable, Codable {
    /// The figure.
    case value
    /// The denominator.
    case base
    /// The upper end of a range.
    case valueMax = "value_max"
    /// The target's amount or rate (the low end of a range).
    case target
    /// The stated percentage, when it is a share of the base.
    case statedShare = "stated_share"
}

/// One side of a validation rule.
public indirect enum RuleExpression: Hashable, Sendable, CustomStringConvertible {
    /// A field of the observation checked.
    case field(ObservationField)
    /// A field of another indicator's headline figure for the same region and year.
    case indicator(IndicatorID, ObservationField)
    /// The sum of a field over the observation's parts: for a headline figure its top-level scoped rows;
    /// for a scoped row ("trực thuộc phường") its sub-parts ("trực thuộc phường: khu phố").
    case partsSum(ObservationField)
    /// A number.
    case constant(Double)
    /// The sum of several expressions.
    case sum([RuleExpression])

    public var description: String {
        switch self {
        case let .field(f): f.rawValue
        case let .indicator(id, f): "\(id).\(f.rawValue)"
        case let .partsSum(f): "sum of parts' \(f.rawValue)"
        case let .constant(c): PlainNumber.format(c)
        case let .sum(terms): terms.map(\.description).joined(separator: " + ")
        }
    }
}

/// How a rule compares its sides.
public enum RuleOperator: String, Sendable, CaseIterable, Codable {
    case lessOrEqual = "<="
    case less = "<"
    case greaterOrEqual = ">="
    case greater = ">"
    case equal = "=="
    case notEqual = "!="

    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .lessOrEqual: a <= b
        case .less: a < b
        case .greaterOrEqual: a >= b
        case .greater: a > b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}

/// How much a violation matters; violations come back most important first.
public enum RuleImportance: Int, Sendable, Comparable, CaseIterable, Codable, CustomStringConvertible {
    case low = 1, medium = 2, high = 3

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { ["", "low", "medium", "high"][rawValue] }
}

/// What a rule does when a side is missing (DHIS2's missing-value strategies). Missing is never zero
/// unless the rule says so.
public enum MissingValuePolicy: String, Sendable, CaseIterable, Codable {
    /// Skip the check when either side is missing (the default).
    case skipIfAnyMissing = "skip_if_any_missing"
    /// Skip only when both sides are missing; a missing side then counts as zero.
    case skipIfAllMissing = "skip_if_all_missing"
    /// Always check, missing sides counting as zero.
    case neverSkip = "never_skip"
}

/// A validation rule: left side, operator, right side, importance and missing-value policy, checked on
/// every observation of the indicators it applies to.
public struct ValidationRule: Hashable, Sendable, Identifiable {
    /// A stable identifier (`recognised_within_base`).
    public let id: String
    /// What the rule says, for people.
    public let summary: String
    /// The sides and how they compare.
    public let left: RuleExpression, op: RuleOperator, right: RuleExpression
    /// How much a violation matters.
    public let importance: RuleImportance
    /// What to do when a side is missing.
    public let missing: MissingValuePolicy
    /// The indicators it is checked on; nil for all.
    public let indicators: Set<IndicatorID>?

    /// Creates a rule.
    public init(id: String, summary: String, left: RuleExpression, _ op: RuleOperator, right: RuleExpression,
                importance: RuleImportance = .medium, missing: MissingValuePolicy = .skipIfAnyMissing, indicators: Set<IndicatorID>? = nil) {
        self.id = id
        self.summary = summary
        self.left = left
        self.op = op
        self.right = right
        self.importance = importance
        self.missing = missing
        self.indicators = indicators
    }
}

extension ValidationRule {
    /// The rules every dataset is checked against.
    public static let builtIn: [ValidationRule] = [
        ValidationRule(id: "recognised_within_base", summary: "recognised ≤ total (or ≤ registered, as the base says)",
                       left: .field(.value), .lessOrEqual, right: .field(.base), importance: .high),
        ValidationRule(id: "value_not_negative", summary: "a figure is not negative",
                       left: .field(.value), .greaterOrEqual, right: .constant(0), importance: .high),
        ValidationRule(id: "base_not_negative", summary: "a base is not negative",
                       left: .field(.base), .greaterOrEqual, right: .constant(0), importance: .high),
        ValidationRule(id: "share_within_100", summary: "a share of the base is at most 100%",
                       left: .field(.statedShare), .lessOrEqual, right: .constant(100), importance: .high),
        ValidationRule(id: "family_recognised_within_registered", summary: "learning families recognised ≤ families registered",
                       left: .field(.value), .lessOrEqual, right: .indicator("learning_family_registered", .value),
                       importance: .medium, indicators: ["learning_family"]),
        ValidationRule(id: "clan_recognised_within_registered", summary: "learning clans recognised ≤ clans registered",
                       left: .field(.value), .lessOrEqual, right: .indicator("learning_clan_registered", .value),
                       importance: .medium, indicators: ["learning_clan"]),
        ValidationRule(id: "new_members_within_members", summary: "new members ≤ members",
                       left: .field(.value), .lessOrEqual, right: .indicator("members", .value),
                       importance: .medium, indicators: ["new_members"]),
        ValidationRule(id: "range_ordered", summary: "the low end of a range ≤ its high end",
                       left: .field(.value), .lessOrEqual, right: .field(.valueMax), importance: .medium),
        ValidationRule(id: "parts_within_whole", summary: "the parts listed add up to no more than the whole",
                       left: .partsSum(.value), .lessOrEqual, right: .field(.value), importance: .low),
    ]
}
