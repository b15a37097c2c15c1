import LearningTrends

/// What a script parameter takes. Written after its name (`param year: year = latest`) or read from
/// its default (`"Bình Thạnh"` is text, `latest` a year), so that a value given from outside the
/// script is checked before anything runs.
public enum ParameterType: String, Sendable, CaseIterable {
    /// A text: a region's name or id, a level, a period.
    case text
    /// A number of any unit.
    case number
    /// A year: 2017, `latest`, `last(5)`.
    case year
    /// True or false.
    case bool
    /// A list.
    case list
    /// Anything.
    case any

    /// The type a default written in the script implies; `any` where the expression is not a literal.
    static func implied(by e: Expr) -> ParameterType {
        switch e {
        case .string: .text
        case .number, .percent: .number
        case .bool: .bool
        case .list: .list
        case .name("latest", _): .year
        case let .call(name, _, _, _) where name == "last": .year
        case let .negate(inner, _): implied(by: inner) == .number ? .number : .any
        default: .any
        }
    }

    /// Whether a value fits, with a year given as a plain number (`--set year=2017`) made a year.
    func accepting(_ value: Value) -> Value? {
        switch (self, value) {
        case (.any, _), (_, .null): value
        case (.text, .text), (.bool, .bool), (.list, .list): value
        case (.number, .number), (.number, .percent), (.number, .money), (.number, .points), (.number, .year): value
        case (.year, .year), (.year, .period): value
        case let (.year, .number(x)) where x == x.rounded() && (1000...3000).contains(x): .year(Int(x))
        default: nil
        }
    }

    /// How a value of this type is described in a message.
    var described: String {
        switch self {
        case .text: "a text in quotes, such as \"Bắc Kạn\""
        case .number: "a number"
        case .year: "a year: 2017, latest or last(5)"
        case .bool: "true or false"
        case .list: "a list, such as [\"Bình Thạnh\", \"Bắc Kạn\"]"
        case .any: "a value"
        }
    }
}
