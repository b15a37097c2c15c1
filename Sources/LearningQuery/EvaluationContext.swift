import LearningData
import Synchronization

/// A flag another thread may raise to stop a long evaluation (the shell's Ctrl-C).
public final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// A lowered flag.
    public init() {}

    /// Asks the running evaluation to stop.
    public func raise() { raised.store(true, ordering: .relaxed) }

    /// Lowers the flag before the next evaluation.
    public func reset() { raised.store(false, ordering: .relaxed) }

    /// Whether it was raised.
    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}

/// What an evaluation needs: the dataset, the session's bindings, the source for messages, and where
/// warnings go.
public final class EvaluationContext {
    /// The dataset queried.
    public let dataset: Dataset
    /// The session's `let` bindings.
    var bindings: [String: Value]
    /// The session's own functions (`let name(…) = …`), each with the text it was defined in.
    var functions: [String: UserFunction] = [:]
    /// How many user-function calls deep the evaluation is: bounded, so that a recursion stops.
    var callDepth = 0
    /// The text being evaluated.
    let source: SourceText
    /// Warnings (division by zero...) raised so far.
    var warnings: [Diagnostic] = []
    /// Raised to cancel.
    let cancellation: CancellationFlag
    /// The tables every statement may name (`figures`, `regions`, `indicators`), made once per input and shared by every cell that names one.
    let builtins: BuiltinTables.Cache
    /// The libraries the input imports, read once, and the chain of imports being followed.
    let libraries: LibraryCache
    /// The values given from outside to the script's parameters, by name (none inside a library).
    var arguments: [String: ScriptArgument] = [:]
    /// How much the statement may add to the process's memory.
    let memoryLimit: MemoryLimit
    /// Reads the process's resident memory (replaced in tests).
    private let memoryGauge: @Sendable () -> Int?
    /// Resident memory when the statement began, the base of `memoryLimit`.
    private let memoryAtStart: Int?
    private var rowsSinceCheck = 0
    /// Whether table operators run on typed columns (``VectorEvaluator``); false evaluates every
    /// expression row by row, the reference the differential test compares the engine with.
    var vectorised = true

    init(dataset: Dataset, bindings: [String: Value], source: SourceText, cancellation: CancellationFlag,
         builtins: BuiltinTables.Cache? = nil, libraries: LibraryCache? = nil, memoryLimit: MemoryLimit = .none,
         memoryGauge: @escaping @Sendable () -> Int? = ResidentMemory.current) {
        self.dataset = dataset
        self.libraries = libraries ?? LibraryCache(files: .disk, script: nil)
        self.bindings = bindings
        self.source = source
        self.cancellation = cancellation
        self.builtins = builtins ?? BuiltinTables.Cache(dataset)
        self.memoryLimit = memoryLimit
        self.memoryGauge = memoryGauge
        memoryAtStart = memoryLimit.bytes == nil ? nil : memoryGauge()
    }

    /// The context a user function's body is evaluated in: the text it was written in (so that its
    /// errors point into it), the session's bindings with the parameters over them, one call deeper.
    func calling(_ function: UserFunction, with parameters: [String: Value]) -> EvaluationContext {
        let child = reading(function.source)
        child.bindings.merge(parameters) { _, parameter in parameter }
        child.callDepth = callDepth + 1
        return child
    }

    /// A context for another text (a library's, a function's body): the same session, its messages
    /// pointing into that text.
    func reading(_ text: SourceText) -> EvaluationContext {
        let child = EvaluationContext(dataset: dataset, bindings: bindings, source: text, cancellation: cancellation, builtins: builtins,
                                      libraries: libraries, memoryLimit: memoryLimit, memoryGauge: memoryGauge)
        child.functions = functions
        child.callDepth = callDepth
        child.vectorised = vectorised
        return child
    }

    /// Called once per row by the table operators: every 256 rows it checks the cancellation flag and
    /// the memory the statement has taken.
    func tick() throws(QueryError) {
        rowsSinceCheck += 1
        if rowsSinceCheck >= 256 {
            rowsSinceCheck = 0
            if cancellation.isRaised { throw QueryError(Diagnostic(.error, code: "E900", message: "Interrupted")) }
            try checkMemory()
        }
    }

    /// Called by the column kernels once per column they make: checks the cancellation flag and
    /// the memory the statement has taken, as ``tick()`` does every 256 rows.
    func checkpoint() throws(QueryError) {
        rowsSinceCheck = 255
        try tick()
    }

    private func checkMemory() throws(QueryError) {
        guard let limit = memoryLimit.bytes, let start = memoryAtStart, let now = memoryGauge(), now - start > limit else { return }
        throw QueryError(Diagnostic(.error, code: "E901", message: "the statement was stopped: it took more than \(memoryLimit) of memory, the limit for one statement",
                                    hint: "narrow it with `where` or `take` first, or raise the limit (:memory in the shell, --memory-limit on the command line)"))
    }

    /// Records a warning once per message and place.
    func warn(_ code: String, _ message: String, at span: SourceSpan, hint: String? = nil) {
        let d = source.diagnostic(code, message, at: span, severity: .warning, hint: hint)
        if !warnings.contains(d) { warnings.append(d) }
    }

    /// Finds a region by what the user typed; an ambiguous or unknown name is an error listing the
    /// candidates or the nearest names.
    /// - Parameter year: the year the call is about, which settles a name of both maps ("Bình Thạnh"
    ///   of 2022 is the district, of 2026 the ward).
    func lookupRegion(_ text: String, level: AdministrativeLevel? = nil, year: Int? = nil, at span: SourceSpan) throws(QueryError) -> Region {
        do {
            return try dataset.gazetteer.lookup(text, level: level, year: year)
        } catch {
            let code: String
            var hint: String? = nil
            switch error {
            case let .ambiguous(_, candidates):
                code = "E302"
                let levels = Array(Set(candidates.map(\.level.name))).sorted()
                hint = "write region(\"\(text)\", level: \"\(levels.first ?? "district")\") or use an id in quotes, such as \"\(candidates.first?.id.rawValue ?? "")\""
            case .notFound: code = "E303"
            default: code = "E303"
            }
            throw QueryError(source.diagnostic(code, error.description, at: span, hint: hint))
        }
    }
}
