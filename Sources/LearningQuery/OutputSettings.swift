import LearningData

/// How values are written out.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// Aligned, with box-drawing lines; for people.
    case table
    /// RFC 4180, UTF-8; numbers plain (77.07 for 77,07 %), for other programs.
    case csv
    /// A table is an array of objects keyed by column, a record an object, a series an array of years.
    case json
    /// A Markdown table, numbers in the chosen style.
    case markdown
}

/// The output settings of a session.
public struct OutputSettings: Sendable, Equatable {
    /// The format.
    public var format: OutputFormat
    /// Number style for people: vi (2.631; 77,07%) or en (2,631; 77.07%).
    public var style: NumberStyle
    /// Rows shown in table and Markdown output before the rest is cut (with a footer saying so); nil
    /// for all.
    public var maxRows: Int?
    /// Widest a cell of the table format gets before its text is cut with "…"; nil for no limit.
    public var maxCellWidth: Int?
    /// The width of the terminal: a wider table loses its rightmost columns, with a note naming them;
    /// nil for no limit.
    public var width: Int?

    /// Creates settings; by default a table in Vietnamese style, 40 rows.
    public init(format: OutputFormat = .table, style: NumberStyle = .vi, maxRows: Int? = 40, maxCellWidth: Int? = 48, width: Int? = nil) {
        self.format = format
        self.style = style
        self.maxRows = maxRows
        self.maxCellWidth = maxCellWidth
        self.width = width
    }
}
