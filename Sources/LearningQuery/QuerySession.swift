import LearningData

/// The result of one statement.
public struct StatementOutcome: Sendable {
    /// The statement's text.
    public let text: String
    /// Its value; nil when it failed.
    public let value: Value?
    /// Its error, if it failed.
    public let error: QueryError?
    /// Warnings it raised (division by zero, a missing figure...).
    public let warnings: [Diagnostic]
    /// For `let name = …` (and `param`, and a function), the name bound.
    public let binding: String?
    /// Whether the statement only defines something (a binding, a function, a parameter, an import),
    /// so that its value is not shown.
    public let quiet: Bool
    /// The statement as a saved session writes it, to run again to the same result: a parameter with
    /// the value it was given, a relative path of `import` or `read_csv` made absolute.
    public let replay: String

    /// Whether it succeeded.
    public var succeeded: Bool { error == nil }

    init(text: String, value: Value?, error: QueryError?, warnings: [Diagnostic], binding: String?, quiet: Bool = false, replay: String? = nil) {
        self.text = text
        self.value = value
        self.error = error
        self.warnings = warnings
        self.binding = binding
        self.quiet = quiet
        self.replay = replay ?? text
    }
}

/// A query session: a dataset, the `let` bindings made so far, and output settings. The one entry
/// point of the language for the command line, the shell, notebooks and tests: text in, outcomes out,
/// no terminal.
public final class QuerySession {
    /// The dataset queried.
    public private(set) var dataset: Dataset
    /// How values are written.
    public var settings: OutputSettings
    /// Raise it from another thread to interrupt a running evaluation.
    public let cancellation: CancellationFlag
    /// How much memory one statement may take before it is stopped with E901 (half the machine's
    /// memory by default).
    public var memoryLimit: MemoryLimit
    /// How `import` and `read_csv` reach files (the disk; files in memory in tests).
    public var files: ScriptFiles = .disk
    private var bindings: [String: Value] = [:]
    /// The functions defined so far (`let name(…) = …`).
    private var functions: [String: UserFunction] = [:]

    /// The names of the functions the session defined, sorted.
    public var functionNames: [String] { functions.keys.sorted() }

    /// The functions the session defined, as they are called (`share(ind, r, y = latest)`), by name.
    public var functionSignatures: [String] { functions.keys.sorted().compactMap { functions[$0]?.definition.signature } }
    /// Reads resident memory for `memoryLimit` (a stand-in in tests).
    var memoryGauge: @Sendable () -> Int? = ResidentMemory.current
    /// Whether table operators run on the column engine; false runs every expression row by row,
    /// the reference `EngineDifferentialTests` compares the engine with.
    var vectorised = true

    /// A session over a dataset; `cancellation` may be shared with a signal handler.
    public init(dataset: Dataset, settings: OutputSettings = OutputSettings(), cancellation: CancellationFlag = CancellationFlag(),
                memoryLimit: MemoryLimit = .default) {
        self.dataset = dataset
        self.settings = settings
        self.cancellation = cancellation
        self.memoryLimit = memoryLimit
    }

    /// The names bound with `let`, sorted.
    public var bindingNames: [String] { bindings.keys.sorted() }

    /// The value of a binding.
    public func binding(_ name: String) -> Value? { bindings[name] }

    /// Binds a name to a value, as `let` would (the shell binds the previous result while a `|` line runs).
    public func bind(_ name: String, _ value: Value) { bindings[name] = value }

    /// Forgets one binding (the shell's name for the previous result, once a `|` line has run).
    public func unbind(_ name: String) { bindings[name] = nil }

    /// Forgets every binding.
    public func reset() {
        bindings = [:]
        functions = [:]
    }

    /// Switches to another dataset; bindings made on the old one are forgotten.
    public func use(_ dataset: Dataset) {
        self.dataset = dataset
        bindings = [:]
        functions = [:]
    }

    /// Runs every statement of a text. The whole text is parsed and its names checked first, so an
    /// error there runs nothing; then statements run in order, each failure reported and the rest run
    /// unless `stopAtFirstError`.
    ///
    /// - Parameters:
    ///   - name: shown in messages (`<input>`, a script's path).
    ///   - firstLine: the line number of the text's first line, when it is part of a longer script.
    ///   - file: the script's path, when the text is a file's: its relative paths (`import`,
    ///     `read_csv`) are read from its folder, and a library importing it back is a cycle.
    ///   - arguments: values for the script's parameters (`param`), checked with ``checkArguments(_:for:name:)``.
    public func run(_ text: String, name: String = "<input>", firstLine: Int = 1, stopAtFirstError: Bool = false,
                    file: String? = nil, arguments: [ScriptArgument] = []) -> [StatementOutcome] {
        cancellation.reset()
        let path = file.map { files.resolve($0, from: nil) }
        let source = SourceText(text, name: name, firstLine: firstLine, directory: path.map(ScriptFiles.directory))
        // The builtin tables are made once for the whole text and dropped after it: every cell that
        // names one shares it, and a session does not hold a national `figures` between inputs.
        let builtins = BuiltinTables.Cache(dataset)
        let libraries = LibraryCache(files: files, script: path)
        let given = Dictionary(arguments.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
            var resolver = Resolver(context: context(source, builtins, libraries))
            try resolver.check(statements)
        } catch {
            return [StatementOutcome(text: text, value: nil, error: error, warnings: [], binding: nil)]
        }
        var outcomes: [StatementOutcome] = []
        for statement in statements {
            let context = context(source, builtins, libraries)
            context.arguments = given
            let statementText = source.text(statement.span)
            let name = Self.boundName(statement)
            do {
                let value = try Evaluator(context: context).run(statement)
                bindings = context.bindings
                functions = context.functions
                outcomes.append(StatementOutcome(text: statementText, value: value, error: nil, warnings: context.warnings, binding: name,
                                                 quiet: statement.isDefinition, replay: StatementReplay.text(statement, in: source, arguments: given, files: files)))
            } catch {
                let located = Self.located(error, at: statement.span, in: source)
                outcomes.append(StatementOutcome(text: statementText, value: nil, error: located, warnings: context.warnings, binding: name, quiet: statement.isDefinition))
                if stopAtFirstError || error.code == "E900" { break }
            }
        }
        return outcomes
    }

    private static func boundName(_ statement: Statement) -> String? {
        switch statement {
        case let .binding(bound, _, _): bound
        case let .function(definition): definition.name
        case let .parameter(declaration): declaration.name
        case .expression, .importFile: nil
        }
    }

    // MARK: Script parameters

    /// A value for a parameter as `--set` gives it: `name=value`, the value read as the language reads
    /// one (`"Bắc Kạn"`, `2017`, `latest`), or as text when it does not read as one (`Bắc Kạn`).
    public func scriptArgument(setting text: String) throws(QueryError) -> ScriptArgument {
        try ScriptArguments.setting(text) { source in
            guard let statements = try? Parser.parse(source), statements.count == 1, case .expression = statements[0] else { return nil }
            let context = context(source, BuiltinTables.Cache(dataset), LibraryCache(files: files, script: nil))
            return try? Evaluator(context: context).run(statements[0])
        }
    }

    /// Values for parameters as `:load FILE a: "Bắc Kạn", year: 2017` writes them, each evaluated here.
    public func scriptArguments(_ text: String, name: String = "<input>") throws(QueryError) -> [ScriptArgument] {
        let source = SourceText(text, name: name)
        let context = context(source, BuiltinTables.Cache(dataset), LibraryCache(files: files, script: nil))
        var out: [ScriptArgument] = []
        for argument in try Parser.parseLabelledValues(source) {
            guard let label = argument.label, let labelSpan = argument.labelSpan else { continue }
            let value = try Evaluator(context: context).evaluate(argument.value, nil)
            out.append(ScriptArgument(name: label, value: value, literal: source.text(argument.value.span), source: source,
                                      nameSpan: labelSpan, valueSpan: argument.value.span))
        }
        return out
    }

    /// Checks values given to a script against the parameters it declares (`param`): each must name
    /// one, once, with a value of its type. A text that does not parse is not checked: running it
    /// reports its error.
    public func checkArguments(_ arguments: [ScriptArgument], for text: String, name: String) throws(QueryError) {
        guard !arguments.isEmpty else { return }
        let source = SourceText(text, name: name)
        let statements = (try? Parser.parse(source)) ?? []
        try ScriptArguments.check(arguments, against: ScriptArguments.declarations(statements), script: name, in: source)
    }

    /// The parameters a script declares, as written (`a = "Bình Thạnh"`), for help and messages.
    public func parameters(of text: String, name: String) -> [String] {
        let source = SourceText(text, name: name)
        return ScriptArguments.declarations((try? Parser.parse(source)) ?? []).map { source.text($0.span).dropFirst("param".count).trimmingWhitespace }
    }

    /// The memory limit's stop, which is no one place's fault, told at the statement it stopped, so
    /// that a script's reader knows which one. (An interruption is not: its user knows.)
    static func located(_ error: QueryError, at span: SourceSpan, in source: SourceText) -> QueryError {
        let d = error.diagnostic
        guard d.location == nil, d.code == "E901" else { return error }
        return QueryError(source.diagnostic(d.code, d.message, at: span, severity: d.severity, hint: d.hint))
    }

    /// Evaluates a text that must be one expression and returns its value, or throws its first error.
    public func evaluate(_ text: String) throws(QueryError) -> Value {
        let outcomes = run(text)
        if let failed = outcomes.first(where: { !$0.succeeded }), let error = failed.error { throw error }
        return outcomes.last?.value ?? .null
    }

    /// A value written with the session's settings.
    public func render(_ value: Value) -> String { Renderer.render(value, settings) }

    private func context(_ source: SourceText, _ builtins: BuiltinTables.Cache, _ libraries: LibraryCache) -> EvaluationContext {
        let context = EvaluationContext(dataset: dataset, bindings: bindings, source: source, cancellation: cancellation,
                                        builtins: builtins, libraries: libraries, memoryLimit: memoryLimit, memoryGauge: memoryGauge)
        context.functions = functions
        context.vectorised = vectorised
        return context
    }
}
