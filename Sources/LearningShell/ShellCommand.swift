import LearningQuery
import LearningData

/// A shell command: a line that starts with `:`.
public enum ShellCommand: Equatable, Sendable {
    case help(topic: String?)
    case quit
    case load(path: String)
    case save(path: String)
    case format(OutputFormat)
    case locale(NumberStyle)
    case output(path: String?)
    case once(path: String)
    case timer(Bool)
    case last
    case open(path: String)
    case regions(pattern: String)
    case indicators
    case show
    case reset
    case bail(Bool)
    case memory(MemoryLimit)
    case extract(path: String)

    /// Every command name, with the shape of its argument and what it does, for help and completion.
    public static let all: [(name: String, argument: String, summary: String)] = [
        ("help", "[topic]", "help on a function, an operator, a command, or a topic (functions, operators, commands)"),
        ("quit", "", "leave the shell (Ctrl-D too)"),
        ("load", "FILE [name: value, …]", "run a script, giving its parameters (param) values: :load compare.khq a: \"Bắc Kạn\", year: 2017"),
        ("save", "FILE", "write this session's successful inputs as a script (atomically)"),
        ("format", "table|csv|json|markdown", "how results are written"),
        ("locale", "vi|en", "number style: 2.631 and 77,07% or 2,631 and 77.07%"),
        ("output", "[FILE]", "send results to a file; without a file, back to the screen"),
        ("once", "FILE", "send the next result only to a file"),
        ("timer", "on|off", "show how long each statement takes"),
        ("last", "", "the previous result in full, every row"),
        ("open", "FILE.csv|FOLDER", "switch to a dataset of your own; an error keeps the current one"),
        ("regions", "[pattern]", "the regions, or those whose name contains the pattern (diacritics ignored)"),
        ("indicators", "", "the indicator catalogue"),
        ("show", "", "the current settings"),
        ("reset", "", "forget every let binding"),
        ("bail", "on|off", "stop a script (:load) at its first error"),
        ("extract", "REPORT.txt", "draft a report's figures as a table, each with its confidence (khuyenhoc add puts them in a dataset folder)"),
        ("memory", "SIZE|off", "the most memory one statement may take before it is stopped, e.g. 2G or 512M (default: half the machine's)"),
    ]

    /// Parses a command line (with its leading `:`); unambiguous prefixes are accepted (`:fo csv`).
    public static func parse(_ line: String) throws(ShellError) -> ShellCommand {
        var text = Substring(line.trimmingWhitespace)
        guard text.first == ":" else { throw ShellError("a command starts with “:”") }
        text = text.dropFirst()
        let word = String(text.prefix { !$0.isWhitespace }).lowercased()
        let argument = text.dropFirst(word.count).trimmingWhitespace
        guard !word.isEmpty else { throw ShellError("a command name is missing after “:”; :help commands lists them") }
        let matches = all.map(\.name).filter { $0.hasPrefix(word) }
        let name: String
        if matches.contains(word) { name = word } else if matches.count == 1 { name = matches[0] } else if matches.isEmpty {
            let near = closestMatches(to: word, among: all.map(\.name), limit: 1).first
            throw ShellError("unknown command “:\(word)”" + (near.map { "; did you mean :\($0)?" } ?? "; :help commands lists them"))
        } else {
            throw ShellError("“:\(word)” could be " + matches.map { ":\($0)" }.joined(separator: ", ") + "; type more letters")
        }
        func required(_ what: String) throws(ShellError) -> String {
            guard !argument.isEmpty else { throw ShellError(":\(name) needs \(what)") }
            return argument
        }
        func onOff() throws(ShellError) -> Bool {
            switch argument.lowercased() {
            case "on", "true", "yes", "1": return true
            case "off", "false", "no", "0": return false
            default: throw ShellError(":\(name) takes on or off")
            }
        }
        switch name {
        case "help": return .help(topic: argument.isEmpty ? nil : argument)
        case "quit": return .quit
        case "load": return .load(path: try required("a file"))
        case "save": return .save(path: try required("a file"))
        case "format":
            guard let format = OutputFormat(rawValue: argument.lowercased()) ?? OutputFormat.allCases.first(where: { !argument.isEmpty && $0.rawValue.hasPrefix(argument.lowercased()) }) else {
                throw ShellError(":format takes table, csv, json or markdown")
            }
            return .format(format)
        case "locale":
            guard let style = NumberStyle(rawValue: argument.lowercased()) else { throw ShellError(":locale takes vi or en") }
            return .locale(style)
        case "output": return .output(path: argument.isEmpty ? nil : argument)
        case "once": return .once(path: try required("a file"))
        case "timer": return .timer(try onOff())
        case "last": return .last
        case "open": return .open(path: try required("a dataset folder or figures file"))
        case "regions": return .regions(pattern: argument)
        case "indicators": return .indicators
        case "show": return .show
        case "reset": return .reset
        case "extract": return .extract(path: try required("a report's text file"))
        case "memory":
            guard let limit = MemoryLimit(parsing: try required("a size such as 2G, 512M, or off")) else {
                throw ShellError(":memory takes a size such as 2G, 512M or 1,5GiB, or off")
            }
            return .memory(limit)
        default: return .bail(try onOff())
        }
    }
}

/// A shell error: a message for the user, the shell goes on.
public struct ShellError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Whether `message` is rendered diagnostics that carry their own “error:” (a loader's or a
    /// script's), shown as they are.
    public let isRendered: Bool
    /// Creates the error.
    public init(_ message: String) {
        self.message = message
        isRendered = false
    }
    /// An error whose text is rendered diagnostics, with their own “error:” label.
    public init(rendered: String) {
        message = rendered
        isRendered = true
    }
    public var description: String { message }
    /// The text the shell prints: the message after “error: ”, or rendered diagnostics as they are.
    public var shown: String { isRendered ? message : "error: \(message)" }
}
