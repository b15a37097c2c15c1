import LearningData
import LearningQuery

/// How a value is shown in a notebook: the nbformat `data` of an output, one entry per MIME type.
public enum MimeBundle {
    /// The bundle of a value: text/plain always; text/html and text/markdown for tables; image/svg+xml
    /// for charts.
    public static func bundle(_ value: Value, style: NumberStyle = .vi) -> [String: JSON] {
        let plain = OutputSettings(format: .table, style: style, maxRows: 100, maxCellWidth: nil)
        var data: [String: JSON] = ["text/plain": JSON.lines(Renderer.render(value, plain))]
        switch value {
        case let .chart(chart):
            data["image/svg+xml"] = JSON.lines(ChartSVG.render(chart, style: style))
        case .table, .series, .record, .list:
            data["text/html"] = JSON.lines(HTMLTable.render(value, style: style))
            var markdown = plain
            markdown.format = .markdown
            data["text/markdown"] = JSON.lines(Renderer.render(value, markdown))
        default:
            break
        }
        return data
    }
}

/// A value as an HTML table (or a <pre> for a single value), escaped, numbers right-aligned.
enum HTMLTable {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func render(_ value: Value, style: NumberStyle) -> String {
        guard let table = tabular(value) else { return "<pre>" + escape(Renderer.render(value, OutputSettings(style: style))) + "</pre>" }
        let names = table.columnNames
        var out = ["<table>", "<thead><tr>" + names.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for row in 0..<table.rowCount {
            let cells = names.indices.map { c -> String in
                let v = table.value(row: row, column: c)
                let text = escape(Renderer.cell(v, style: style))
                return Renderer.isNumeric(v) ? "<td style=\"text-align:right\">\(text)</td>" : "<td>\(text)</td>"
            }
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        out.append("</tbody>")
        out.append("</table>")
        out += table.notes.map { "<p><em>note: \(escape($0))</em></p>" }
        return out.joined(separator: "\n")
    }

    static func tabular(_ value: Value) -> Table? {
        switch value {
        case let .table(t): return t
        case let .record(r): return Table(columns: [Column("field", r.fields.map { .text($0.name) }), Column("value", r.fields.map(\.value))])
        default: return Renderer.table(of: value)
        }
    }
}
