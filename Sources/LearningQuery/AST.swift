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
    /// `expr.field`.
    case member(Expr, String, SourceSpan)
    /// `left | stage | stage`.
    case pipeline(Expr, [Stage], SourceSpan)

    var span: SourceSpan {
        switch self {
        case let .number(_, s), let .percent(_, s), let .string(_, s), let .bool(_, s), let .null(s), let .name(_, s),
             let .negate(_, s), let .not(_, s), let .binary(_, _, _, s), let .call(_, _, _, s), let .list(_, s),
             let .record(_, s), let .member(_, _, s), let .pipeline(_, _, s): s
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
        /// Any function: the value on the left becomes its first argument.
        case call(String, [Argument], nameSpan: SourceSpan)
    }

    let kind: Kind
    let span: SourceSpan
}

/// A statement: a binding that lasts for the session, or an expression whose value is shown.
enum Statement: Sendable {
    case binding(String, SourceSpan, Expr)
    case expression(Expr)

    var span: SourceSpan {
        switch self {
        case let .binding(_, s, e): s.through(e.span)
        case let .expression(e): e.span
        }
    }
}
