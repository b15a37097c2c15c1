import LearningData

/// How drafted rows are written.
public enum DraftFormat: String, Sendable, CaseIterable {
    /// `figures.csv`'s columns, ready to review and accept.
    case csv
    /// Aligned columns for reading in a terminal: the row's main fields and its reason.
    case table
    /// One object per row.
    case json
}

/// Writes drafted rows as CSV, a table or JSON.
public enum DraftWriter {
    /// The rows in a format, with a header for CSV.
    public static func render(_ figures: [DraftFigure], as format: DraftFormat) -> String {
        switch format {
        case .csv:
            return ([DraftFigure.columns] + figures.map(\.fields)).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .json:
            let rows = figures.map { f in "{" + zip(DraftFigure.columns, f.fields).filter { !$0.1.isEmpty }.map { "\(json($0.0)): \(json($0.1))" }.joined(separator: ", ") + "}" }
            return "[\n" + rows.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
        case .table:
            let header = ["indicator", "region", "year", "value", "base", "stated", "target", "confidence", "quote"]
            let rows = figures.map { f in
                [f.indicator.isEmpty ? "?" : f.indicator, f.region, f.period ?? f.year.map(String.init) ?? "", DraftFigure.plain(f.value), DraftFigure.plain(f.base),
                 f.statedPercent ?? "", f.target ?? "", f.confidence.rawValue, String(f.quote.prefix(70))]
            }
            let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
            return ([header] + rows).map { row in row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ") }
                .joined(separator: "\n") + "\n"
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func json(_ text: String) -> String { JSONText.quoted(text) }
}
