/// Why a dataset was refused: every problem found, each with its file, line and column. Nothing of a
/// refused dataset is kept.
public struct DatasetLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order; at most ``DatasetLoadError/limit``.
    public let diagnostics: [Diagnostic]
    /// Whether more problems were found than are listed.
    public let truncated: Bool

    /// How many problems are listed before the loader stops collecting.
    public static let limit = 50

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic], truncated: Bool = false) {
        self.diagnostics = diagnostics
        self.truncated = truncated
    }

    public var description: String {
        var text = diagnostics.map(\.description).joined(separator: "\n\n")
        if truncated { text += "\n\n(more problems not shown; fix these first)" }
        return text
    }
}

/// A file's name, as shown in messages, and its bytes.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics (a path as the user gave it, or a seed's file name).
    public let name: String
    /// Its contents.
    public let bytes: [UInt8]

    /// Creates a source file.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
