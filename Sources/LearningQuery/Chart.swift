import LearningData

/// A chart: lines over years, or horizontal bars. A value of the language, drawn as SVG in notebooks
/// and exports, and with Unicode blocks in a terminal.
public struct Chart: Sendable {
    /// What the numbers are, for the axis and the labels.
    public enum Unit: String, Sendable { case number, percent, money }

    /// One line: a name for the legend, its points, and targets drawn dashed.
    public struct Line: Sendable {
        public let name: String
        public let points: [(year: Int, value: Double)]
        public let targets: [(year: Int, value: Double)]
    }

    /// One bar.
    public struct Bar: Sendable {
        public let label: String
        public let value: Double
    }

    /// Lines or bars.
    public enum Content: Sendable {
        case lines([Line])
        case bars([Bar])
    }

    public let title: String
    public let unit: Unit
    public let content: Content

    /// A number of this chart's unit, written for people.
    func format(_ x: Double, _ style: NumberStyle, short: Bool = false) -> String {
        switch unit {
        case .percent: return NumberWriter.percent(x, style: style, fractionDigits: short ? nil : 2)
        case .money: return short ? Self.shortMoney(x, style) : NumberWriter.money(x, style: style)
        case .number: return NumberWriter.decimal(x, style: style, maximumFractionDigits: short ? 1 : 2)
        }
    }

    /// "841 tr" / "841M" style amounts for axis ticks.
    static func shortMoney(_ x: Double, _ style: NumberStyle) -> String {
        let (scale, vi, en): (Double, String, String) = abs(x) >= 1e9 ? (1e9, " tỷ", "B") : abs(x) >= 1e6 ? (1e6, " tr", "M") : (1, "", "")
        return NumberWriter.decimal(x / scale, style: style, maximumFractionDigits: 1) + (style == .vi ? vi : en)
    }

    /// The terminal rendering: a sparkline per line (a space for a missing year), or bars of blocks.
    func text(_ style: NumberStyle) -> String {
        var out = [title]
        switch content {
        case let .lines(lines):
            let width = lines.map(\.name.count).max() ?? 0
            for line in lines {
                guard let first = line.points.first?.year, let last = line.points.last?.year else { continue }
                let values = line.points.map(\.value)
                let low = values.min() ?? 0, high = values.max() ?? 0
                let blocks = Array("▁▂▃▄▅▆▇█")
                var spark = ""
                for year in first...last {
                    guard let v = line.points.first(where: { $0.year == year })?.value else { spark += " "; continue }
                    spark.append(blocks[high > low ? Int(((v - low) / (high - low) * 7).rounded()) : 3])
                }
                let pad = String(repeating: " ", count: width - line.name.count)
                let listed = line.points.map { "\($0.year): \(format($0.value, style))" }.joined(separator: ", ")
                out.append("\(line.name)\(pad)  \(first) \(spark) \(last)   \(listed)")
            }
        case let .bars(bars):
            out += barLines(bars, style)
        }
        return out.joined(separator: "\n")
    }

    /// Bars of blocks on one scale of 40 columns from the zero line: a negative value grows to the left
    /// of it, a positive one to the right, so a loss never reads as a long gain.
    private func barLines(_ bars: [Bar], _ style: NumberStyle) -> [String] {
        let width = bars.map(\.label.count).max() ?? 0
        let below = bars.map { max(-$0.value, 0) }.max() ?? 0, above = bars.map { max($0.value, 0) }.max() ?? 0
        let columns = 40.0, perUnit = below + above > 0 ? columns / (below + above) : 0
        let left = Int((below * perUnit).rounded())
        return bars.map { bar in
            let length = Int((abs(bar.value) * perUnit).rounded())
            let label = bar.label + String(repeating: " ", count: width - bar.label.count) + " "
            let negative = bar.value < 0 ? String(repeating: "█", count: length) : ""
            let positive = bar.value > 0 ? String(repeating: "█", count: length) : ""
            return label + String(repeating: " ", count: max(left - negative.count, 0)) + negative + "│" + positive + " " + format(bar.value, style)
        }
    }
}
