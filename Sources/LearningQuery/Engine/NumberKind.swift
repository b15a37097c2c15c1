/// What a number of the language measures, as a column stores it beside the numbers themselves.
///
/// The rules for combining kinds live here and only here: the row-by-row evaluator and the column
/// kernels both ask ``arithmetic(_:_:_:)``, so `percent − percent` is percentage points on both paths.
enum NumberKind: UInt8, Sendable, CaseIterable {
    case number, percent, points, money, year

    /// The kind of a numeric value, nil for any other value (and for null).
    init?(of value: Value) {
        switch value {
        case .number: self = .number
        case .percent: self = .percent
        case .points: self = .points
        case .money: self = .money
        case .year: self = .year
        default: return nil
        }
    }

    /// The value of this kind holding `x`; NaN is missing. A year that is not a whole number (a year
    /// plus a half) is a plain number, as ``Value/sameKind(_:)`` makes it.
    @inline(__always) func value(_ x: Double) -> Value {
        if x.isNaN { return .null }
        switch self {
        case .number: return .number(x)
        case .percent: return .percent(x)
        case .points: return .points(x)
        case .money: return .money(x)
        case .year: return Self.isYear(x) ? .year(Int(x)) : .number(x)
        }
    }

    /// Whether a number can be a year.
    @inline(__always) static func isYear(_ x: Double) -> Bool { x == x.rounded() && abs(x) < 1e6 }

    /// The kind of `left op right` for two numbers of these kinds (`+ - * /`), before a year result
    /// is checked to be whole.
    static func arithmetic(_ op: String, _ left: NumberKind, _ right: NumberKind) -> NumberKind {
        switch op {
        case "+", "-":
            switch (left, right) {
            case (.percent, .percent): return op == "-" ? .points : .percent
            case (.year, .year): return .number
            case (.number, _): return right
            default: return left
            }
        case "*":
            switch (left, right) {
            case (.number, _): return right == .year ? .number : right
            case (_, .number): return left == .year ? .number : left
            default: return .number
            }
        default:
            switch (left, right) {
            case (.money, .money), (.percent, .percent), (.points, .points), (.number, .number): return .number
            case (_, .number): return left == .year ? .number : left
            default: return .number
            }
        }
    }
}
