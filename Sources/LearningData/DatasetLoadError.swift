/// Why a dataset was refused: every problem found, each with its file, line and column. Nothing of a
/// refused dataset is kept.
public struct DatasetLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order; at most ``DatasetLoadError/limit``.
    public let diagnostics: [Diagnostic]
    /// How many more problems were found than are listed (counted up to ``countLimit``).
    public let omitted: Int
    /// Whether reading stopped before the end of the file, so that more problems may follow the
    /// ones counted (a record the CSV rules cannot split, or more than ``countLimit`` problems).
    public let stoppedEarly: Bool

    /// How many problems are listed before the loader stops collecting.
    public static let limit = 50
    /// How many problems past the listed ones are counted before the loader stops reading.
    public static let countLimit = 10_000

    /// Whether more problems were found than are listed.
    public var truncated: Bool { omitted > 0 }

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic], omitted: Int = 0, stoppedEarly: Bool = false) {
        self.diagnostics = diagnostics
        self.omitted = omitted
        self.stoppedEarly = stoppedEarly
    }

    public var description: String {
        var text = diagnostics.map(\.description).joined(separator: "\n\n")
        if omitted > 0 {
            let more = stoppedEarly ? "at least \(omitted) more problems" : (omitted == 1 ? "1 more problem" : "\(omitted) more problems")
            text += "\n\n(\(more) not shown; fix these first)"
        }
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

/// Problems found so far: the first ``DatasetLoadError/limit`` kept whole, the rest counted. The
/// same message again (the same missing document or unknown region on row after row) is not a new
/// problem: it is told once, with the other lines it is on.
struct ProblemList {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var omitted = 0
    private var firstWithMessage: [String: Int] = [:]
    private var repeatedOn: [Int: [Int]] = [:]

    /// Whether a problem added now is still kept whole.
    var hasRoom: Bool { diagnostics.count < DatasetLoadError.limit }

    /// Whether enough problems were counted that reading on would only cost time.
    var isFull: Bool { omitted >= DatasetLoadError.countLimit }

    mutating func add(_ error: any Error) {
        let found: [Diagnostic]
        if let d = error as? Diagnostic { found = [d] }
        else if let e = error as? DatasetLoadError { found = e.diagnostics; omitted += e.omitted }
        else { found = [Diagnostic(message: String(describing: error))] }
        for d in found { add(d) }
    }

    private mutating func add(_ d: Diagnostic) {
        let key = (d.location?.file ?? "") + "\u{1}" + d.message
        if let first = firstWithMessage[key] {
            repeatedOn[first, default: []].append(d.location?.line ?? 0)
        } else if hasRoom {
            firstWithMessage[key] = diagnostics.count
            diagnostics.append(d)
        } else {
            omitted += 1
        }
    }

    func throwIfAny(stoppedEarly: Bool = false) throws(DatasetLoadError) {
        guard !diagnostics.isEmpty else { return }
        let told = diagnostics.indices.map { i in repeatedOn[i].map { Self.withRepeats(diagnostics[i], $0) } ?? diagnostics[i] }
        throw DatasetLoadError(told, omitted: omitted, stoppedEarly: stoppedEarly || isFull)
    }

    private static func withRepeats(_ d: Diagnostic, _ lines: [Int]) -> Diagnostic {
        let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? " and \(lines.count - 5) more" : "")
        return Diagnostic(d.severity, code: d.code, message: d.message + " (the same on \(lines.count) more line\(lines.count == 1 ? "" : "s"): \(shown))",
                          location: d.location, sourceLine: d.sourceLine, length: d.length, expected: d.expected, hint: d.hint)
    }
}
