import LearningData

/// A span of the source: offsets in Unicode scalars of the NFC text, and where it starts.
public struct SourceSpan: Hashable, Sendable {
    /// First scalar, and one past the last.
    public let start: Int, end: Int
    /// Line and column (both from 1) of the first scalar.
    public let line: Int, column: Int

    /// A span covering both.
    func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: start, end: max(end, other.end), line: line, column: column)
    }
}

/// The text a query was read from, kept to show the line under a message.
public struct SourceText: Sendable {
    /// The name shown in messages (`<input>`, a script's path).
    public let name: String
    /// The text in NFC, as scalars.
    let scalars: [Unicode.Scalar]
    /// Scalar offset where each line starts.
    private let lineStarts: [Int]
    /// The line number of the first line (a statement inside a script starts on a later line).
    let firstLine: Int
    /// The folder of the file the text was read from, against which its relative paths (`import`,
    /// `read_csv`) are read; nil for typed input, whose paths are read against the current folder.
    public let directory: String?

    /// Wraps a text; it is normalised to NFC first.
    public init(_ text: String, name: String = "<input>", firstLine: Int = 1, directory: String? = nil) {
        self.name = name
        self.firstLine = firstLine
        self.directory = directory
        scalars = Array(VietnameseText.nfc(text).unicodeScalars)
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The text of a line (numbered as shown in messages).
    func lineText(_ line: Int) -> String {
        let index = line - firstLine
        guard index >= 0, index < lineStarts.count else { return "" }
        let start = lineStarts[index]
        var end = start
        while end < scalars.count, scalars[end] != "\n", scalars[end] != "\r" { end += 1 }
        // Very long lines are cut around the start so a message stays readable.
        return String(String.UnicodeScalarView(scalars[start..<min(end, start + 400)]))
    }

    /// The text of a span.
    func text(_ span: SourceSpan) -> String {
        String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(span.end, scalars.count)]))
    }

    /// A diagnostic at a span.
    func diagnostic(_ code: String, _ message: String, at span: SourceSpan, severity: Diagnostic.Severity = .error,
                    expected: String? = nil, hint: String? = nil) -> Diagnostic {
        let length = span.line == lineOf(span.end) ? max(1, span.end - span.start) : max(1, lineText(span.line).unicodeScalars.count - span.column + 1)
        return Diagnostic(severity, code: code, message: message, location: SourceLocation(file: name, line: span.line, column: span.column),
                          sourceLine: lineText(span.line), length: length, expected: expected, hint: hint)
    }

    private func lineOf(_ offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + firstLine
    }
}

/// An error of the query language: a diagnostic with a stable code.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// The diagnostic, rendered with the source line and a caret.
    public let diagnostic: Diagnostic

    /// Wraps a diagnostic.
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    /// The stable code ("E201").
    public var code: String { diagnostic.code }
    public var description: String { diagnostic.description }
}
