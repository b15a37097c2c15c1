import LearningData

/// A token of the query language.
public struct Token: Hashable, Sendable {
    /// What kind of token.
    public enum Kind: Hashable, Sendable {
        case number(Double)
        case percent(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        case newline
        case end
    }

    /// Its kind.
    public let kind: Kind
    /// Where it stands.
    public let span: SourceSpan

    /// The identifier's name, if it is one.
    var identifier: String? { if case let .identifier(name) = kind { return name } else { return nil } }

    /// Whether it is this symbol.
    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }

    /// Whether it is this word (an identifier used as a keyword).
    func isWord(_ w: String) -> Bool { kind == .identifier(w) }

    /// How it reads in a message.
    var display: String {
        switch kind {
        case let .number(x): "number \(x)"
        case let .percent(x): "percentage \(x)%"
        case let .string(s): "text \"\(s)\""
        case let .identifier(name): "“\(Diagnostic.excerpt(name))”"
        case let .symbol(s): "“\(s)”"
        case .newline: "the end of the line"
        case .end: "the end of the input"
        }
    }
}
