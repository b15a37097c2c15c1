import LearningData
import LearningTrends

/// Writes a value in one of the ``OutputFormat``s.
public enum Renderer {
    /// The rendering of a value, without a final newline.
    public static func render(_ value: Value, _ settings: OutputSettings) -> String {
        switch settings.format {
        case .table: return TextTable.render(value, settings)
        case .markdown: return MarkdownTable.render(value, settings)
        case .csv: return CSVWriter.render(value)
        case .json: return JSONWriter.render(value)
        }
    }

    /// The rows of a value seen as a table: a table as it is, a series by year, a record as one row,
    /// a list as one column; nil for a single value.
    static func tabular(_ value: Value) -> Table? {
        switch value {
        case let .table(t): return t
        case let .series(s): return SeriesTable.table(s)
        case let .record(r): return Table(columns: r.fields.map { Column($0.name, [$0.value]) })
        case let .list(items): return Table(columns: [Column("value", items)])
        default: return nil
        }
    }

    /// A value as a table, when it is one (a series by year, a list as one column).
    public static func table(of value: Value) -> Table? { tabular(value) }

    /// One cell written for people.
    public static func cell(_ value: Value, style: NumberStyle) -> String { ValueFormatter.human(value, style) }

    /// Whether a value is a number, so a table aligns it to the right.
    public static func isNumeric(_ value: Value) -> Bool { ValueFormatter.isNumeric(value) }

    /// A sparkline of a series' values: one block per year from the first to the last, a space for a
    /// year without a figure, so a gap is never drawn as a line.
    public static func sparkline(_ series: Series) -> String {
        let values = series.points.compactMap(\.value)
        guard let first = series.points.first?.year, let last = series.points.last?.year, let low = values.min(), let high = values.max() else { return "" }
        let blocks = Array("▁▂▃▄▅▆▇█")
        var out = ""
        for year in first...last {
            guard let v = series.point(year)?.value else { out += " "; continue }
            let level = high > low ? Int(((v - low) / (high - low) * 7).rounded()) : 3
            out.append(blocks[max(0, min(7, level))])
        }
        return out
    }
}

/// The aligned box table.
enum TextTable {
    static func render(_ value: Value, _ settings: OutputSettings) -> String {
        if case let .record(record) = value { return renderRecord(record, settings) }
        if case let .region(region) = value { return region.description }
        if case let .chart(chart) = value { return chart.text(settings.style) }
        guard let table = Renderer.tabular(value) else { return ValueFormatter.human(value, settings.style) }
        var text = renderTable(table, settings)
        if case let .series(series) = value {
            let spark = Renderer.sparkline(series)
            if !spark.isEmpty { text += "\n" + "\(series.points.first?.year ?? 0) \(spark) \(series.points.last?.year ?? 0)" }
        }
        return text
    }

    static func renderTable(_ table: Table, _ settings: OutputSettings) -> String {
        let allNames = table.columnNames
        var names = allNames
        let shown = min(table.rowCount, settings.maxRows ?? table.rowCount)
        var cells: [[String]] = []
        var numeric = [Bool](repeating: true, count: names.count)
        var anyValue = [Bool](repeating: false, count: names.count)
        var cut = false
        for row in 0..<shown {
            var line: [String] = []
            for column in names.indices {
                let v = table.value(row: row, column: column)
                if !v.isNull {
                    anyValue[column] = true
                    if !ValueFormatter.isNumeric(v) { numeric[column] = false }
                }
                var text = Diagnostic.visible(ValueFormatter.human(v, settings.style))
                if let limit = settings.maxCellWidth, text.count > limit { text = String(text.prefix(limit - 1)) + "…"; cut = true }
                line.append(text)
            }
            cells.append(line)
        }
        for column in names.indices where !anyValue[column] { numeric[column] = false }
        var widths = names.indices.map { c in max(names[c].count, cells.map { $0[c].count }.max() ?? 0) }
        // Columns that would run past the terminal are left out, and a note names them.
        var hidden: [String] = []
        if let limit = settings.width {
            var kept = 0, used = 1
            while kept < widths.count, kept == 0 || used + widths[kept] + 3 <= limit { used += widths[kept] + 3; kept += 1 }
            if kept < widths.count {
                hidden = Array(allNames[kept...])
                widths = Array(widths[..<kept])
                cells = cells.map { Array($0[..<kept]) }
            }
        }
        names = Array(allNames[..<widths.count])
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
        }
        func line(_ texts: [String], header: Bool) -> String {
            "│" + texts.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - texts[c].count)
                return " " + (numeric[c] ? pad + texts[c] : texts[c] + pad) + " "
            }.joined(separator: "│") + "│"
        }
        var out = [rule("┌", "┬", "┐"), line(names, header: true), rule("├", "┼", "┤")]
        out += cells.map { line($0, header: false) }
        out.append(rule("└", "┴", "┘"))
        out.append(footer(table.rowCount, shown))
        if cut { out.append("(long text cut with “…”; :format csv or json shows it whole)") }
        if !hidden.isEmpty {
            out.append("(\(hidden.count) more column\(hidden.count == 1 ? "" : "s") not shown for the terminal's width: \(hidden.joined(separator: ", ")); select fewer, or :format csv)")
        }
        out += table.notes.map { "note: \($0)" }
        return out.joined(separator: "\n")
    }

    static func footer(_ total: Int, _ shown: Int) -> String {
        shown < total ? "\(shown) of \(total) rows shown" : (total == 1 ? "1 row" : "\(total) rows")
    }

    static func renderRecord(_ record: Record, _ settings: OutputSettings) -> String {
        let width = record.names.map(\.count).max() ?? 0
        return record.fields.map { field in
            field.name + String(repeating: " ", count: width - field.name.count) + "  " + ValueFormatter.human(field.value, settings.style)
        }.joined(separator: "\n")
    }
}

/// Markdown tables.
enum MarkdownTable {
    static func render(_ value: Value, _ settings: OutputSettings) -> String {
        guard let table = Renderer.tabular(value) else { return ValueFormatter.human(value, settings.style) }
        let names = table.columnNames
        let shown = min(table.rowCount, settings.maxRows ?? table.rowCount)
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var numeric = names.indices.map { c in (0..<shown).contains { ValueFormatter.isNumeric(table.value(row: $0, column: c)) } }
        for c in names.indices where (0..<shown).contains(where: { r in let v = table.value(row: r, column: c); return !v.isNull && !ValueFormatter.isNumeric(v) }) {
            numeric[c] = false
        }
        var out = ["| " + names.map(escape).joined(separator: " | ") + " |",
                   "|" + names.indices.map { numeric[$0] ? "---:" : "---" }.joined(separator: "|") + "|"]
        for row in 0..<shown {
            out.append("| " + names.indices.map { escape(ValueFormatter.human(table.value(row: row, column: $0), settings.style)) }.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append(TextTable.footer(table.rowCount, shown))
        out += table.notes.map { "*note: \($0)*" }
        return out.joined(separator: "\n")
    }
}

/// RFC 4180 CSV, all rows.
enum CSVWriter {
    static func render(_ value: Value) -> String {
        guard let table = Renderer.tabular(value) else { return field(ValueFormatter.plain(value)) }
        var lines = [table.columnNames.map(field).joined(separator: ",")]
        for row in 0..<table.rowCount {
            lines.append(table.columnNames.indices.map { field(ValueFormatter.plain(table.value(row: row, column: $0))) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n")
    }

    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// JSON, all rows; numbers are numbers (a percent in percent units).
public enum JSONWriter {
    static func render(_ value: Value) -> String {
        switch value {
        case let .table(t): return array(t)
        case let .series(s): return array(SeriesTable.table(s))
        default: return scalar(value)
        }
    }

    static func array(_ t: Table) -> String {
        let names = t.columnNames
        let rows = (0..<t.rowCount).map { row in
            "{" + names.indices.map { string(names[$0]) + ":" + scalar(t.value(row: row, column: $0)) }.joined(separator: ",") + "}"
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    static func scalar(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case let .number(x), let .percent(x), let .points(x), let .money(x): return x.isFinite ? PlainNumber.format(x) : "null"
        case let .year(y): return String(y)
        case let .bool(b): return b ? "true" : "false"
        case let .list(items): return "[" + items.map(scalar).joined(separator: ",") + "]"
        case let .record(r): return "{" + r.fields.map { string($0.name) + ":" + scalar($0.value) }.joined(separator: ",") + "}"
        case .table, .series: return render(v)
        case let .target(t, money): return target(t, money: money)
        default: return string(ValueFormatter.human(v, .en))
        }
    }

    /// A target as an object, numbers as numbers: `{"operator": ">=", "value": 800000000, "unit":
    /// "money"}`, or with `"low"` and `"high"` for a range.
    static func target(_ t: Target, money: Bool) -> String {
        let unit = t.isRate ? "percent" : (money ? "money" : "number")
        let amount = t.upperBound.map { "\"low\":\(PlainNumber.format(t.value)),\"high\":\(PlainNumber.format($0))" }
            ?? "\"value\":\(PlainNumber.format(t.value))"
        let op = t.upperBound == nil ? t.comparison.rawValue : "range"
        return "{\"operator\":\(string(op)),\(amount),\"unit\":\(string(unit))}"
    }

    /// A string as a JSON literal: quotes, backslashes and control characters escaped, everything else
    /// (Vietnamese letters included) kept as it is.
    public static func string(_ s: String) -> String { JSONText.quoted(s) }
}
