extension FiguresRowScanner {
    /// Where a text field is in the buffer: `start..<end`, without its surrounding quotes; `escaped`
    /// when it holds `""` for a quote mark. Empty (start == end) when the field is empty.
    struct TextSpan: Sendable {
        var start = 0, end = 0
        var escaped = false
        var isEmpty: Bool { start == end }
    }

    /// The text fields of a record that the scanner leaves to ``ProvenanceResolver``.
    struct TextSpans: Sendable {
        var document = TextSpan(), quote = TextSpan(), note = TextSpan(), scope = TextSpan(), period = TextSpan()
        /// The stated percentage as printed: a quote must print it.
        var stated = TextSpan()
        var hasAny: Bool { !(document.isEmpty && quote.isEmpty && note.isEmpty && scope.isEmpty && period.isEmpty) }
    }

    /// A record the scanner read into columns whose texts are still to be checked: its row in the
    /// piece's columns, where it starts (for the row reader, if the check declines it) and its fields.
    struct TextRow: Sendable {
        var row: Int
        var offset: Int, line: Int
        var spans: TextSpans
        var details = ObservationDetails()
    }
}
