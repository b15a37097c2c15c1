import Foundation
import LearningData

/// Draws a ``Chart`` as a standalone SVG: title, axes with ticks, gridlines, a legend, lines with a
/// marker on every figure (joined only between consecutive years, so a gap stays a gap), targets as
/// dashed marks, and bars with their values. Text is UTF-8, so Vietnamese labels keep their diacritics.
public enum ChartSVG {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    /// The SVG document.
    public static func render(_ chart: Chart, style: NumberStyle) -> String {
        switch chart.content {
        case let .lines(lines): return renderLines(chart, lines, style)
        case let .bars(bars): return renderBars(chart, bars, style)
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func number(_ x: Double) -> String { PlainNumber.format((x * 10).rounded() / 10) }

    /// Round tick values covering 0…high (and low when it is negative).
    static func ticks(low: Double, high: Double) -> [Double] {
        let top = max(high, low + 1), bottom = min(0, low)
        guard top.isFinite, bottom.isFinite else { return [0, 1] }
        let rough = (top - bottom) / 5
        // The power of ten at or below the rough step, however large the values: about five ticks always.
        let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(max(rough, 1e-9))))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        var out: [Double] = []
        var t = (bottom / step).rounded(.down) * step
        while t <= top + step * 0.999 { out.append(t); t += step }
        return out
    }

    private static func header(width: Int, height: Int, title: String) -> [String] {
        ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">",
         "<rect width=\"\(width)\" height=\"\(height)\" fill=\"white\"/>",
         "<text x=\"\(width / 2)\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(escape(title))</text>"]
    }

    static func renderLines(_ chart: Chart, _ lines: [Chart.Line], _ style: NumberStyle) -> String {
        // The legend gets the room its longest name needs (about 7 px a character at 12 px).
        let legendWidth = Double(lines.map(\.name.count).max() ?? 10) * 7 + 55
        let plotWidth = 520.0, left = 90.0, top = 45.0, bottom = 50.0
        let width = Int(left + plotWidth + legendWidth), height = 400
        let plotW = plotWidth, plotH = Double(height) - top - bottom
        let years = lines.flatMap { $0.points.map(\.year) + $0.targets.map(\.year) }
        let values = lines.flatMap { $0.points.map(\.value) + $0.targets.map(\.value) }
        let firstYear = years.min() ?? 2000, lastYear = max(years.max() ?? 2001, (years.min() ?? 2000) + 1)
        let yTicks = ticks(low: values.min() ?? 0, high: values.max() ?? 1)
        let yLow = yTicks.first ?? 0, yHigh = yTicks.last ?? 1
        // Half a year of room at each end keeps the first and last markers off the axes.
        func x(_ year: Int) -> Double { left + (Double(year - firstYear) + 0.5) / Double(lastYear - firstYear + 1) * plotW }
        func y(_ v: Double) -> Double { top + plotH - (v - yLow) / max(yHigh - yLow, 1e-9) * plotH }
        var out = header(width: width, height: height, title: chart.title)
        for t in yTicks {
            out.append("<line x1=\"\(number(left))\" y1=\"\(number(y(t)))\" x2=\"\(number(left + plotW))\" y2=\"\(number(y(t)))\" stroke=\"#e0e0e0\"/>")
            out.append("<text x=\"\(number(left - 8))\" y=\"\(number(y(t) + 4))\" text-anchor=\"end\">\(escape(chart.format(t, style, short: true)))</text>")
        }
        let yearStep = max(1, (lastYear - firstYear + 9) / 10)
        for year in stride(from: firstYear, through: lastYear, by: yearStep) {
            out.append("<line x1=\"\(number(x(year)))\" y1=\"\(number(top + plotH))\" x2=\"\(number(x(year)))\" y2=\"\(number(top + plotH + 5))\" stroke=\"#333\"/>")
            out.append("<text x=\"\(number(x(year)))\" y=\"\(number(top + plotH + 20))\" text-anchor=\"middle\">\(year)</text>")
        }
        out.append("<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(top + plotH))\" stroke=\"#333\"/>")
        out.append("<line x1=\"\(number(left))\" y1=\"\(number(top + plotH))\" x2=\"\(number(left + plotW))\" y2=\"\(number(top + plotH))\" stroke=\"#333\"/>")
        for (i, line) in lines.enumerated() {
            let color = palette[i % palette.count]
            // Join only consecutive years: a missing year leaves a gap.
            var run: [(Int, Double)] = []
            func flush() {
                if run.count > 1 {
                    out.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"" + run.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ") + "\"/>")
                }
                run = []
            }
            for point in line.points {
                if let last = run.last, point.year != last.0 + 1 { flush() }
                run.append((point.year, point.value))
            }
            flush()
            for point in line.points {
                out.append("<circle cx=\"\(number(x(point.year)))\" cy=\"\(number(y(point.value)))\" r=\"4\" fill=\"\(color)\"><title>\(escape(line.name)) \(point.year): \(escape(chart.format(point.value, style)))</title></circle>")
            }
            for target in line.targets {
                let half = plotW / Double(lastYear - firstYear + 1) * 0.3
                out.append("<line x1=\"\(number(x(target.year) - half))\" y1=\"\(number(y(target.value)))\" x2=\"\(number(x(target.year) + half))\" y2=\"\(number(y(target.value)))\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"6,4\"><title>target \(target.year): \(escape(chart.format(target.value, style)))</title></line>")
            }
            let legendY = top + 10 + Double(i) * 20
            out.append("<line x1=\"\(number(left + plotW + 15))\" y1=\"\(number(legendY))\" x2=\"\(number(left + plotW + 35))\" y2=\"\(number(legendY))\" stroke=\"\(color)\" stroke-width=\"2\"/>")
            out.append("<text x=\"\(number(left + plotW + 40))\" y=\"\(number(legendY + 4))\">\(escape(line.name))</text>")
        }
        if lines.contains(where: { !$0.targets.isEmpty }) {
            let legendY = top + 10 + Double(lines.count) * 20
            out.append("<line x1=\"\(number(left + plotW + 15))\" y1=\"\(number(legendY))\" x2=\"\(number(left + plotW + 35))\" y2=\"\(number(legendY))\" stroke=\"#555\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>")
            out.append("<text x=\"\(number(left + plotW + 40))\" y=\"\(number(legendY + 4))\">\(style == .vi ? "chỉ tiêu" : "target")</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    static func renderBars(_ chart: Chart, _ bars: [Chart.Bar], _ style: NumberStyle) -> String {
        let left = 190.0, right = 110.0, top = 45.0, row = 28.0
        let width = 720, height = Int(top + row * Double(max(bars.count, 1)) + 45)
        let plotW = Double(width) - left - right
        let high = max(bars.map(\.value).max() ?? 1, 0), low = min(bars.map(\.value).min() ?? 0, 0)
        let xTicks = ticks(low: low, high: high)
        let xLow = xTicks.first ?? 0, xHigh = xTicks.last ?? 1
        func x(_ v: Double) -> Double { left + (v - xLow) / max(xHigh - xLow, 1e-9) * plotW }
        var out = header(width: width, height: height, title: chart.title)
        let axisY = top + row * Double(bars.count) + 5
        for t in xTicks {
            out.append("<line x1=\"\(number(x(t)))\" y1=\"\(number(top))\" x2=\"\(number(x(t)))\" y2=\"\(number(axisY))\" stroke=\"#e0e0e0\"/>")
            out.append("<text x=\"\(number(x(t)))\" y=\"\(number(axisY + 18))\" text-anchor=\"middle\">\(escape(chart.format(t, style, short: true)))</text>")
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * row + 4
            let x0 = x(min(0, bar.value)), x1 = x(max(0, bar.value))
            out.append("<text x=\"\(number(left - 8))\" y=\"\(number(y + 15))\" text-anchor=\"end\">\(escape(bar.label))</text>")
            out.append("<rect x=\"\(number(x0))\" y=\"\(number(y))\" width=\"\(number(max(x1 - x0, 0.5)))\" height=\"\(number(row - 8))\" fill=\"\(palette[0])\"><title>\(escape(bar.label)): \(escape(chart.format(bar.value, style)))</title></rect>")
            out.append("<text x=\"\(number(x1 + 6))\" y=\"\(number(y + 15))\">\(escape(chart.format(bar.value, style)))</text>")
        }
        out.append("<line x1=\"\(number(x(0)))\" y1=\"\(number(top))\" x2=\"\(number(x(0)))\" y2=\"\(number(axisY))\" stroke=\"#333\"/>")
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
