import LearningData
import LearningTrends

/// How one value reads in a cell: for people (in a number style) or for machines (plain).
enum ValueFormatter {
    /// For people: "2.631", "77,07%", "+2,07 điểm %", "97.290.000 đ", "2022", "–" for missing.
    static func human(_ v: Value, _ style: NumberStyle) -> String {
        if let x = v.numeric, !x.isFinite { return human(.null, style) }   // an overflow is missing, never ∞
        switch v {
        case .null: return "–"
        case let .number(x):
            return NumberWriter.decimal(x, style: style, maximumFractionDigits: x == x.rounded() ? 0 : 4)
        case let .percent(x): return NumberWriter.percent(x, style: style, fractionDigits: 2)
        case let .points(x): return NumberWriter.points(x, style: style, fractionDigits: 2)
        case let .money(x): return NumberWriter.money(x, style: style)
        case let .year(y): return String(y)
        case let .text(t): return t
        case let .bool(b): return b ? "true" : "false"
        case let .region(r): return r.name
        case let .indicator(i): return i.id.rawValue
        case let .period(p): return p.description
        case let .target(t, money): return t.formatted(style: style, money: money)
        case let .chart(c): return "(chart: \(c.title))"
        case let .list(items): return "[" + items.map { human($0, style) }.joined(separator: ", ") + "]"
        case let .record(r): return "{" + r.fields.map { "\($0.name): \(human($0.value, style))" }.joined(separator: ", ") + "}"
        case let .table(t): return "(table: \(t.rowCount) rows)"
        case let .series(s): return "(series: \(s.indicator.id), \(s.region.name), \(s.points.count) years)"
        }
    }

    /// For machines: plain numbers ("77.07", "2631"), empty for missing.
    static func plain(_ v: Value) -> String {
        if let x = v.numeric, !x.isFinite { return "" }
        switch v {
        case .null: return ""
        case let .number(x), let .percent(x), let .points(x), let .money(x): return PlainNumber.format(x)
        case let .region(r): return r.name
        case let .target(t, _): return t.csvText
        default: return human(v, .en)
        }
    }

    /// Whether the value is a number, so a table aligns it to the right.
    static func isNumeric(_ v: Value) -> Bool {
        switch v {
        case .number, .percent, .points, .money, .year: true
        default: false
        }
    }
}
