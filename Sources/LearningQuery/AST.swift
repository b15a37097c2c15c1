/// An expression, as parsed.
indirect enum Expr: Sendable {
    case number(Double, SourceSpan)
    case percent(Double, SourceSpan)
    case string(String, SourceSpan)
    case bool(Bool, SourceSpan)
    case null(SourceSpan)
    /// A bare name: a column, a `let` binding, an indicator id, a table, a constant.
    case name(String, SourceSpan)
    case negate(Expr, SourceSpan)
    case not(Expr, SourceSpan)
    /// `+ - * / == != < <= > >= ~ !~ in and or`.
    case binary(String, Expr, Expr, SourceSpan)
    case call(String, [Argument], nameSpan: SourceSpan, SourceSpan)
    case list([Expr], SourceSpan)
    case record([(String, Expr)], SourceSpan)
    /// `expr.field`; the span is the field name's.
    case member(Expr, String, SourceSpan)
    /// `left | stage | stage`.
    case pipeline(Expr, [Stage], SourceSpan)

    /// The expressions directly inside this one (stages' expressions included).
    var children: [Expr] {
        switch self {
        case .number, .percent, .string, .bool, .null, .name: []
        case let .negate(e, _), let .not(e, _), let .member(e, _, _): [e]
        case let .binary(_, l, r, _): [l, r]
        case let .call(_, arguments, _, _): arguments.map(\.value)
        case let .list(items, _): items
        case let .record(fields, _): fields.map(\.1)
        case let .pipeline(left, stages, _): [left] + stages.flatMap(\.expressions)
        }
    }

    /// How deep the tree goes, measured without recursion (a long chain of operators is a deep tree).
    var depth: Int {
        var deepest = 0
        var stack: [(Expr, Int)] = [(self, 1)]
        while let (e, d) = stack.popLast() {
            deepest = max(deepest, d)
            for child in e.children { stack.append((child, d + 1)) }
        }
        return deepest
    }

    var span: SourceSpan {
        switch self {
        case let .number(_, s), let .percent(_, s), let .string(_, s), let .bool(_, s), let .null(s), let .name(_, s),
             let .negate(_, s), let .not(_, s), let .binary(_, _, _, s), let .call(_, _, _, s), let .list(_, s),
             let .record(_, s), let .pipeline(_, _, s): s
        case let .member(base, _, field): base.span.through(field)
        }
    }
}

/// An argument of a call, positional or named (`year: 2017`).
struct Argument: Sendable {
    let label: String?
    let labelSpan: SourceSpan?
    let value: Expr
}

/// `name = expr`, or an expression alone in `select` (its column keeps its name).
struct Assignment: Sendable {
    let name: String?
    let value: Expr
}

/// A sort key with its direction.
struct SortKey: Sendable {
    let value: Expr
    let descending: Bool
}

/// One stage of a pipeline, after `|`.
struct Stage: Sendable {
    enum Kind: Sendable {
        case filter(Expr)
        case select([Assignment])
        case derive([Assignment])
        case sort([SortKey])
        case take(Expr)
        case top(Expr, by: Expr, descending: Bool)
        case group(keys: [(String, SourceSpan)], aggregates: [Assignment])
        case pivot(column: String?)
        /// `join [inner|left] TABLE on KEY, …`: the rows of the right table whose keys match.
        case join(JoinSide, Expr, keys: [JoinKey])
        /// `union TABLE`: the rows of another table with the same columns, after these.
        case union(Expr)
        /// Any function: the value on the left becomes its first argument.
        case call(String, [Argument], nameSpan: SourceSpan)
    }

    let kind: Kind
    let span: SourceSpan

    /// The expressions the stage holds.
    var expressions: [Expr] {
        switch kind {
        case let .filter(e), let .take(e): [e]
        case let .select(a), let .derive(a): a.map(\.value)
        case let .sort(keys): keys.map(\.value)
        case let .top(n, key, _): [n, key]
        case let .group(_, aggregates): aggregates.map(\.value)
        case .pivot: []
        case let .join(_, table, _), let .union(table): [table]
        case let .call(_, arguments, _): arguments.map(\.value)
        }
    }
}

/// Which rows of the left table a `join` keeps.
enum JoinSide: String, Sendable {
    /// Only rows with a match.
    case inner
    /// Every row; those without a match get empty right-hand columns.
    case left
}

/// A key of a `join`: a column of the left table equal to one of the right (`region`, or
/// `region == name`).
struct JoinKey: Sendable {
    let left: String
    let leftSpan: SourceSpan
    let right: String
    let rightSpan: SourceSpan
}

/// A statement: a binding that lasts for the session, a function defined for it, a parameter of the
/// script, a library imported, or an expression whose value is shown.
enum Statement: Sendable {
    case binding(String, SourceSpan, Expr)
    case expression(Expr)
    case function(FunctionDefinition)
    case parameter(ParameterDeclaration)
    /// `import "lib/shares.khq"`: the path as written and where it stands.
    case importFile(String, pathSpan: SourceSpan, SourceSpan)

    var span: SourceSpan {
        switch self {
        case let .binding(_, s, e): s.through(e.span)
        case let .expression(e): e.span
        case let .function(f): f.span
        case let .parameter(p): p.span
        case let .importFile(_, _, s): s
        }
    }

    /// Whether it only defines something (a binding, a function, a parameter, a library), so that no
    /// value of it is shown.
    var isDefinition: Bool {
        if case .expression = self { return false }
        return true
    }
}

/// `param name: type = default`: a value the script's runner may give (`--set name=…`, `:load FILE
/// name: …`), the default otherwise.
struct ParameterDeclaration: Sendable {
    let name: String
    let nameSpan: SourceSpan
    /// What it takes: written after `:`, or read from the default.
    let type: ParameterType
    /// Whether the type was written (`param year: year = latest`) rather than read from the default.
    let typeWritten: Bool
    /// The value when the runner gives none; nil when the runner must give one.
    let defaultValue: Expr?
    let span: SourceSpan
}

/// A user function, `let share(ind, r, y = latest) = rate(ind, r, y) - rate(ind, "Việt Nam", y)`:
/// parameters (each with an optional default) and a body, an expression or a pipeline.
struct FunctionDefinition: Sendable {
    let name: String
    let nameSpan: SourceSpan
    let parameters: [FunctionParameter]
    let body: Expr
    let span: SourceSpan
    /// How it is called, defaults as written: `share(ind, r, y = latest)`.
    let signature: String
}

/// A parameter of a user function.
struct FunctionParameter: Sendable {
    let name: String
    let span: SourceSpan
    /// The value when the call leaves it out; nil when the call must give it.
    let defaultValue: Expr?
}
