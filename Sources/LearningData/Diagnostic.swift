/// A place in a text file: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as shown to the user.
    public let file: String
    /// Line, from 1.
    public let line: Int
    /// Column, from 1, in characters.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A message about a place in a source text, rendered the way compilers do: location, message, the
/// source line, a caret under the spot, then what was expected and a hint.
///
/// ```
/// figures.csv:12:40: error: “1.5” is not a number
///    12 | …,2016,,,1.5,,7106,…
///       |          ^~~
///   expected: plain digits with “.” as the decimal point (97290000, 43.85)
///   hint: Vietnamese grouping (“97.290.000”) is not used in figures.csv
/// ```
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable { case error, warning, note }

    /// How serious it is.
    public let severity: Severity
    /// A stable code, for documentation and tests ("E101"); may be empty.
    public let code: String
    /// What is wrong, in plain words.
    public let message: String
    /// Where; nil for a problem with a whole file.
    public let location: SourceLocation?
    /// The text of the line, to show under the message.
    public let sourceLine: String?
    /// How many characters the caret marks (at least one).
    public let length: Int
    /// What was expected there.
    public let expected: String?
    /// A suggestion, when one is obvious.
    public let hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, code: String = "", message: String, location: SourceLocation? = nil,
                sourceLine: String? = nil, length: Int = 1, expected: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.length = max(1, length)
        self.expected = expected
        self.hint = hint
    }

    /// The full rendering, several lines, without a final newline.
    public var description: String {
        let label = code.isEmpty ? severity.rawValue : "\(severity.rawValue)[\(code)]"
        var lines = [(location.map { "\($0): " } ?? "") + "\(label): \(message)"]
        if let location, let sourceLine {
            let line = Array(Self.visible(sourceLine))
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            var column = max(1, min(location.column, line.count + 1))
            // A long line is shown as a window around the caret, so a megabyte of input is not echoed.
            let first = max(0, min(column - 1 - Self.contextBefore, line.count - Self.longestLine))
            let last = min(line.count, first + Self.longestLine)
            var shown = String(line[first..<last])
            if first > 0 { shown = "…" + shown; column = column - first + 1 }
            if last < line.count { shown += "…" }
            let width = max(1, min(length, shown.count - column + 1))
            lines.append(" \(number) | \(shown)")
            lines.append(" \(gutter) | " + String(repeating: " ", count: column - 1) + "^" + String(repeating: "~", count: width - 1))
        }
        if let expected { lines.append("  expected: \(expected)") }
        if let hint { lines.append("  hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a source line shown under a message, and how many of them before the caret.
    static let longestLine = 160, contextBefore = 60

    /// Text quoted in a message, cut to `limit` characters with the length said: a 10 000-character
    /// name is shown by its start, never whole.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        guard text.count > limit else { return String(text) }
        return String(text.prefix(limit)) + "… (\(text.count) characters)"
    }

    /// The line with tabs and other control characters shown as one space each, so a caret (or a table
    /// column) stays where it belongs.
    public static func visible(_ line: String) -> String {
        String(line.map { $0.isNewline || $0 == "\t" || ($0.asciiValue.map { $0 < 0x20 } ?? false) ? " " : $0 })
    }
}
