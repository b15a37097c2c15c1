import Foundation
import LearningData
import LearningExtract
import LearningQuery

/// Where the shell writes: the screen for results and messages (a terminal, or a test's buffer).
public protocol ShellOutput: AnyObject {
    /// Writes text as it is.
    func write(_ text: String)
    /// Writes a message meant for standard error.
    func writeError(_ text: String)
}

/// The shell's logic, independent of the terminal: it takes complete inputs (statements or `:`
/// commands), runs them in a query session and writes results. The line editor feeds it; tests too.
public final class Shell {
    /// The query session: dataset, bindings, output settings.
    public let session: QuerySession
    /// Completion for the current dataset (rebuilt by `:open`).
    public private(set) var completer: Completer
    /// Set by `:quit`.
    public private(set) var shouldQuit = false
    /// The terminal width, read before each result; nil when unknown.
    public var terminalWidth: () -> Int? = { nil }
    /// Whether `:load` stops at the first error.
    public private(set) var bail = false
    private var timer = false
    /// The value of the last statement that succeeded (a `let` included): what a `|` line continues.
    private var lastValue: Value?
    /// A statement of the saved script that gives `lastValue` where the script has got to: the last
    /// statement itself, or for a `let`, its name.
    private var lastStatement: String?
    private var redirect: (path: String, once: Bool)?
    private let out: ShellOutput
    /// What `:save` writes: the statements that succeeded since the session began or since the last
    /// `:reset` or `:open`, in order, each in a form that stands alone (a `|` line is written with
    /// the statement it continues), so that the script run again gives the same results.
    public private(set) var savedInputs: [String] = []

    /// A shell over a session, writing to `output`.
    public init(session: QuerySession, output: ShellOutput) {
        self.session = session
        self.out = output
        completer = Completer(dataset: session.dataset)
    }

    /// The banner: the dataset, its size, and how to get help.
    public var banner: String {
        let d = session.dataset
        let years = d.yearRange.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" } ?? "none"
        return """
            khuyenhoc: \(d.name): \(d.gazetteer.count) regions, \(d.catalogue.count) indicators, \(d.count) figures, years \(years)
            Type a query (try: rank(learning_family, year: latest)), :help for help, :quit or Ctrl-D to leave.
            """
    }

    // MARK: Inputs

    /// Handles one complete input: a `:` command, a statement (or several), or a line starting with `|`,
    /// which continues the previous result.
    public func handle(_ input: String) {
        let trimmed = input.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
        if trimmed.hasPrefix(":") {
            do { try run(try ShellCommand.parse(trimmed)) } catch { out.writeError(error.shown + "\n") }
            return
        }
        if trimmed.hasPrefix("|") {
            continueLastResult(trimmed)
            return
        }
        runStatements(input, name: "<input>")
    }

    /// A `|` line, run on the previous result: that value is bound to a hidden name for the line and
    /// forgotten after, so later statements cannot come to depend on a name the saved script lacks.
    private func continueLastResult(_ line: String) {
        guard let lastValue, let lastStatement else {
            out.writeError("error: a line starting with “|” continues the previous result, and there is none yet\n")
            return
        }
        let hidden = Self.hiddenName(avoiding: line)
        let shadowed = session.binding(hidden)
        session.bind(hidden, lastValue)
        runStatements(hidden + " " + line, name: "<input>", continuing: Continuation(hidden: hidden, base: lastStatement))
        if let shadowed { session.bind(hidden, shadowed) } else { session.unbind(hidden) }
    }

    /// A `|` line being run: the hidden name standing for the previous result, and the statement of
    /// the saved script that gives that result.
    private struct Continuation {
        let hidden: String
        let base: String
    }

    /// `_`, or as many underscores as it takes for a name the line does not use itself: a `_` the
    /// user bound keeps its meaning inside the line, as it will in the saved script.
    static func hiddenName(avoiding line: String) -> String {
        let words = Set(identifiers(in: line))
        var name = "_"
        while words.contains(name) { name += "_" }
        return name
    }

    /// The words of a text that could be names, split as the lexer splits identifiers (strings and
    /// comments included: a few words too many only make the hidden name longer).
    static func identifiers(in text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    /// Runs a script's text through the shell: `:` commands on their own lines, statements continued
    /// while brackets are open or the next line starts with `|`.
    ///
    /// - Parameters:
    ///   - file: the script's path, against whose folder its relative paths are read.
    ///   - arguments: values for its parameters, already checked (``checkedArguments(_:for:name:)``).
    public func runScript(_ text: String, name: String, file: String? = nil, arguments: [ScriptArgument] = []) {
        failedInScript = false
        var buffer: [String] = []
        var bufferStart = 1
        func flush() {
            if !buffer.isEmpty, !buffer.joined().trimmingWhitespace.isEmpty {
                runStatements(buffer.joined(separator: "\n"), name: name, firstLine: bufferStart, stopAtFirstError: bail, file: file, arguments: arguments)
            }
            buffer = []
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if shouldQuit || (bail && failedInScript) { break }
            let trimmed = line.trimmingWhitespace
            if !buffer.isEmpty, InputCompleteness.isComplete(buffer.joined(separator: "\n")), !trimmed.isEmpty, !trimmed.hasPrefix("|"), !trimmed.hasPrefix("--") {
                flush()
            }
            if buffer.isEmpty, trimmed.hasPrefix(":") {
                handle(trimmed)
                continue
            }
            if buffer.isEmpty { bufferStart = index + 1 }
            buffer.append(line)
        }
        if !(bail && failedInScript) { flush() }
        failedInScript = false
    }

    private var failedInScript = false

    private func runStatements(_ text: String, name: String, continuing: Continuation? = nil, firstLine: Int = 1, stopAtFirstError: Bool = false,
                               file: String? = nil, arguments: [ScriptArgument] = []) {
        session.settings.width = terminalWidth()
        let started = DispatchTime.now()
        let outcomes = session.run(text, name: name, firstLine: firstLine, stopAtFirstError: stopAtFirstError, file: file, arguments: arguments)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        for outcome in outcomes {
            for warning in outcome.warnings { out.writeError("\(warning)\n") }
            if let error = outcome.error {
                failedInScript = true
                out.writeError(error.code == "E900" ? "Interrupted\n" : "\(error)\n")
                continue
            }
            guard let value = outcome.value else { continue }
            let saved = record(outcome, continuing: continuing)
            // A function or an import defines something but gives no value a `|` line could continue.
            if outcome.quiet, outcome.binding.flatMap(session.binding) == nil { continue }
            lastValue = value
            lastStatement = outcome.binding ?? saved
            if !outcome.quiet { emit(session.render(value)) }
        }
        if timer { out.write("time: \(NumberWriter.decimal(elapsed, style: session.settings.style, fractionDigits: 2)) ms\n") }
    }

    /// Keeps a successful statement for `:save` and returns it as kept. A `|` line is kept as the
    /// statement that gave the previous result (or the name a `let` bound it to) with the line piped
    /// on: nothing was saved between the two, so that statement gives the same value at that point of
    /// the script.
    private func record(_ outcome: StatementOutcome, continuing: Continuation?) -> String {
        var text = outcome.replay
        if let continuing, text.hasPrefix(continuing.hidden + " ") {
            text = continuing.base + "\n" + text.dropFirst(continuing.hidden.count + 1)
        }
        savedInputs.append(text)
        return text
    }

    /// After `:reset` or `:open`: no previous result, and `:save` starts afresh, since a script cannot
    /// forget bindings or change datasets (a name bound before could hide a built-in one after).
    private func startOver() {
        lastValue = nil
        lastStatement = nil
        savedInputs = []
    }

    private func emit(_ text: String) {
        guard let redirect else {
            out.write(text + "\n")
            return
        }
        do {
            try Self.append(text + "\n", to: redirect.path)
        } catch {
            out.writeError("error: cannot write to \(redirect.path): \(error); the result follows\n")
            out.write(text + "\n")
        }
        if redirect.once { self.redirect = nil }
    }

    static func append(_ text: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw ShellError("cannot create the file") }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ShellError("cannot open the file") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    // MARK: Commands

    func run(_ command: ShellCommand) throws(ShellError) {
        switch command {
        case .quit: shouldQuit = true
        case let .help(topic): out.write(help(topic) + "\n")
        case let .load(path): try load(path)
        case let .save(path): try save(path)
        case let .format(format): session.settings.format = format
        case let .locale(style): session.settings.style = style
        case let .output(path):
            redirect = path.map { ($0, false) }
            out.write(path.map { "results go to \($0)\n" } ?? "results go to the screen\n")
        case let .once(path): redirect = (path, true)
        case let .timer(on): timer = on
        case .last:
            guard let lastValue else { throw ShellError("there is no result yet") }
            var full = session.settings
            full.maxRows = nil
            full.maxCellWidth = nil
            out.write(Renderer.render(lastValue, full) + "\n")
        case let .open(path):
            do {
                let dataset = try DatasetLoader.load(from: path)
                session.use(dataset)
                completer = Completer(dataset: dataset)
                startOver()
                out.write("opened \(dataset.name): \(dataset.gazetteer.count) regions, \(dataset.count) figures; bindings cleared, :save starts afresh\n")
            } catch {
                throw ShellError(rendered: "\(error)\nthe current dataset stays: \(session.dataset.name)")
            }
        case let .regions(pattern):
            let escaped = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            show(pattern.isEmpty ? "regions" : "regions | where name ~ \"\(escaped)\" or id ~ \"\(escaped)\"")
        case .indicators: show("indicators | select id, name, label, unit, over_time")
        case .show: out.write(settingsText() + "\n")
        case .reset:
            session.reset()
            startOver()
            out.write("bindings forgotten; :save starts afresh\n")
        case let .bail(on): bail = on
        case let .memory(limit): session.memoryLimit = limit
        case let .extract(path): try extract(path)
        }
    }

    private func show(_ query: String) {
        do { emit(session.render(try session.evaluate(query))) } catch { out.writeError("\(error)\n") }
    }

    /// `:load FILE [name: value, …]`: the script run with values for its parameters, each checked
    /// against its `param`s before anything runs.
    private func load(_ argument: String) throws(ShellError) {
        let (path, rest) = Self.splitLoadArgument(argument)
        guard let data = FileManager.default.contents(atPath: path) else { throw ShellError("cannot read \(path)") }
        let text: String
        let arguments: [ScriptArgument]
        do {
            text = try ScriptText.decode([UInt8](data), name: path)
            arguments = rest.isEmpty ? [] : try session.scriptArguments(rest, name: "<:load \(path)>")
            try session.checkArguments(arguments, for: Self.statementsOnly(text), name: path)
        } catch {
            throw ShellError(rendered: "\(error)")
        }
        runScript(text, name: path, file: path, arguments: arguments)
    }

    /// The file of `:load FILE a: …` and what follows it: the whole argument when it names a file
    /// (a path with spaces), else its first word or the text in quotes at its start.
    static func splitLoadArgument(_ argument: String) -> (path: String, rest: String) {
        if FileManager.default.fileExists(atPath: argument) { return (argument, "") }
        if argument.hasPrefix("\""), let close = argument.dropFirst().firstIndex(of: "\"") {
            return (String(argument[argument.index(after: argument.startIndex)..<close]), argument[argument.index(after: close)...].trimmingWhitespace)
        }
        guard let space = argument.firstIndex(where: \.isWhitespace) else { return (argument, "") }
        return (String(argument[..<space]), argument[space...].trimmingWhitespace)
    }

    /// A script with its `:` command lines blanked (their line numbers kept), as the language reads it.
    static func statementsOnly(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace.hasPrefix(":") ? "" : String($0) }.joined(separator: "\n")
    }

    /// `:extract REPORT.txt`: the draft of a report, its regions found in the current dataset first,
    /// then on Vietnam's map.
    private func extract(_ path: String) throws(ShellError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ShellError("cannot read \(path) as UTF-8 text")
        }
        let regions = RegionResolver.either(.gazetteer(session.dataset.gazetteer), .nationalMap())
        let figures = Extractor(regions: regions).extract(text, document: (path as NSString).lastPathComponent).figures
        emit(DraftWriter.render(figures, as: .table) + "\(figures.count) rows drafted; khuyenhoc add \(path) --to FOLDER writes them for review")
    }

    private func save(_ path: String) throws(ShellError) {
        guard !savedInputs.isEmpty else { throw ShellError("nothing to save yet: no statement has succeeded") }
        let text = "-- saved by khuyenhoc from a session over \(session.dataset.name)\n" + savedInputs.joined(separator: "\n") + "\n"
        do { try AtomicFile.write(text, to: path) } catch { throw ShellError("\(error)") }
        out.write("saved \(savedInputs.count) statement\(savedInputs.count == 1 ? "" : "s") to \(path)\n")
    }

    private func settingsText() -> String {
        let s = session.settings
        let names = session.bindingNames
        return """
            dataset   \(session.dataset.name) (\(session.dataset.count) figures)
            format    \(s.format.rawValue)
            locale    \(s.style.rawValue)
            output    \(redirect.map { $0.once ? "\($0.path) (next result only)" : $0.path } ?? "screen")
            timer     \(timer ? "on" : "off")
            bail      \(bail ? "on" : "off")
            memory    \(session.memoryLimit) a statement
            bindings  \(names.isEmpty ? "none" : names.joined(separator: ", "))
            """
    }

    // MARK: Help

    func help(_ topic: String?) -> String {
        guard let topic = topic?.trimmingWhitespace.lowercased(), !topic.isEmpty else {
            return """
                Type a query and press Enter; a statement goes on over several lines while a bracket is open or a line
                ends with “|”, and a line starting with “|” continues the previous result. Tab completes names, region
                names in quotes (without diacritics), commands and files. Ctrl-R searches the history, Ctrl-C abandons
                a line or stops a long query, Ctrl-D leaves.

                  figures | where region ~ "binh thanh" and year == 2022 | select indicator, value, base, rate
                  rank(learning_family, year: latest)
                  compare("Bình Thạnh", "Bắc Kạn")

                :help functions    every function      :help operators   operators and table operators
                :help commands     every : command     :help NAME        one function or command
                The reference: docs/query-language.md
                """
        }
        switch topic {
        case "functions":
            let own = session.functionSignatures
            return Functions.all.map { "\($0.signature)\n    \($0.summary)\n    e.g. \($0.example)" }.joined(separator: "\n")
                + (own.isEmpty ? "" : "\n\nyour functions (let name(…) = …):\n" + own.map { "  " + $0 }.joined(separator: "\n"))
        case "operators", "operator", "table operators":
            return Reference.operatorsHelp
        case "commands", "command":
            return ShellCommand.all.map { ":" + $0.name + ($0.argument.isEmpty ? "" : " " + $0.argument) + "\n    " + $0.summary }.joined(separator: "\n")
        default:
            let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
            if let help = Reference.help(for: name) { return help }
            if let own = session.functionSignatures.first(where: { $0.hasPrefix(name + "(") }) { return "\(own)\n    your function, defined in this session" }
            if let command = ShellCommand.all.first(where: { $0.name == name }) {
                return ":\(command.name) \(command.argument)\n\(command.summary)"
            }
            if Reference.tableOperators.contains(name) || Functions.aggregates.contains(name) { return Reference.operatorsHelp }
            let near = closestMatches(to: name, among: Functions.all.map(\.name) + ShellCommand.all.map(\.name), limit: 1).first
            return "no help on “\(topic)”" + (near.map { "; did you mean :help \($0)?" } ?? "; :help lists the topics")
        }
    }
}
