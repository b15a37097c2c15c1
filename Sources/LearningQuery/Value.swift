import LearningData
import LearningTrends

/// A value of the query language.
///
/// Numbers carry what they measure, because it decides how they print and combine: a percent minus a
/// percent is percentage points, money prints with "đ", a year never gets a thousands separator.
///
/// Large payloads are boxed (`indirect`), so a value is a few words and tables of values copy cheaply.
public enum Value: Sendable {
    /// Missing. Arithmetic with it gives missing; it is never zero.
    case null
    /// A plain number.
    case number(Double)
    /// A percentage, in percent units (77.07 for 77,07 %).
    case percent(Double)
    /// A difference of percentages, in percentage points.
    case points(Double)
    /// An amount of money in đồng.
    case money(Double)
    /// A calendar year.
    case year(Int)
    /// Text.
    case text(String)
    /// True or false.
    case bool(Bool)
    /// A list of values.
    case list([Value])
    /// Named fields, in order.
    indirect case record(Record)
    /// Rows and named columns.
    indirect case table(Table)
    /// An indicator's figures for a region, year by year.
    indirect case series(Series)
    /// A region of the dataset.
    indirect case region(Region)
    /// An indicator of the catalogue.
    indirect case indicator(Indicator)
    /// A relative period: `latest`, `last(5)`.
    indirect case period(RelativePeriod)
    /// A target ("≥ 800.000.000 đ", "> 92%"); `money` says whether its amount is in đồng.
    indirect case target(Target, money: Bool)
    /// A chart: SVG in notebooks, Unicode in a terminal.
    indirect case chart(Chart)

    /// The name of the value's type, as messages use it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .number: "number"
        case .percent: "percent"
        case .points: "percentage points"
        case .money: "money"
        case .year: "year"
        case .text: "text"
        case .bool: "boolean"
        case .list: "list"
        case .record: "record"
        case .table: "table"
        case .series: "series"
        case .region: "region"
        case .indicator: "indicator"
        case .period: "period"
        case .target: "target"
        case .chart: "chart"
        }
    }

    /// Whether it is missing.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The number inside a numeric value (a year counts), nil otherwise.
    public var numeric: Double? {
        switch self {
        case let .number(x), let .percent(x), let .points(x), let .money(x): x
        case let .year(y): Double(y)
        case let .target(t, _): t.value
        default: nil
        }
    }

    /// A numeric value of the same kind as `self` holding `x` (a year stays a year only for whole x).
    func sameKind(_ x: Double) -> Value {
        switch self {
        case .percent: .percent(x)
        case .points: .points(x)
        case .money: .money(x)
        case .year where x == x.rounded() && abs(x) < 1e6: .year(Int(x))
        default: .number(x)
        }
    }

    /// A figure of an indicator as a value: money for đồng, a plain number otherwise; nil is null.
    static func figure(_ x: Double?, unit: MeasurementUnit) -> Value {
        guard let x else { return .null }
        return unit.isMoney ? .money(x) : .number(x)
    }

    /// A fraction (0.7707) as a percent value (77,07 %); nil is null.
    static func rate(_ fraction: Double?) -> Value { fraction.map { .percent($0 * 100) } ?? .null }

    /// Optional text as a value.
    static func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
}

/// Named fields in order, like a row on its own.
public struct Record: Sendable {
    /// The fields.
    public var fields: [(name: String, value: Value)]

    /// Creates a record.
    public init(_ fields: [(name: String, value: Value)]) { self.fields = fields }

    /// The value of a field, if present.
    public subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }

    /// The field names.
    public var names: [String] { fields.map(\.name) }
}
