import LearningData

/// Parses tokens into statements by recursive descent, one function per rule of the grammar:
///
/// ```ebnf
/// program        = { statement ( NEWLINE | ";" ) } ;
/// statement      = "let" IDENT "=" pipeline
///                | "let" IDENT "(" [ parameter { "," parameter } ] ")" "=" pipeline   (* a function *)
///                | "param" IDENT [ ":" TYPE ] [ "=" expression ]   (* a script parameter *)
///                | "import" STRING                                  (* a library *)
///                | pipeline ;
/// parameter      = IDENT [ "=" expression ] ;
/// TYPE           = "text" | "number" | "year" | "bool" | "list" | "any" ;
/// pipeline       = expression { "|" stage } ;
/// stage          = "where" expression
///                | "select" assignment { "," assignment }
///                | "derive" IDENT "=" expression { "," IDENT "=" expression }
///                | "sort" sort_key { "," sort_key }
///                | "take" expression
///                | "top" expression "by" expression [ "asc" | "desc" ]
///                | "group" IDENT { "," IDENT } "aggregate" IDENT "=" expression { "," IDENT "=" expression }
///                | "pivot" [ IDENT ]
///                | "join" [ "inner" | "left" ] expression "on" join_key { "," join_key }
///                | "union" expression
///                | IDENT [ "(" [ arguments ] ")" ] ;          (* a function: the left side is its first argument *)
/// join_key       = IDENT [ "==" IDENT ] ;
/// assignment     = [ IDENT "=" ] expression ;
/// sort_key       = expression [ "asc" | "desc" ] ;
/// expression     = or ;
/// or             = and { "or" and } ;
/// and            = not { "and" not } ;
/// not            = "not" not | comparison ;
/// comparison     = additive [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "!~" | "in" | "not" "in" ) additive ] ;
/// additive       = multiplicative { ( "+" | "-" ) multiplicative } ;
/// multiplicative = unary { ( "*" | "/" ) unary } ;
/// unary          = "-" unary | postfix ;
/// postfix        = primary { "." IDENT } ;
/// primary        = NUMBER | PERCENT | STRING | "true" | "false" | "null"
///                | IDENT [ "(" [ arguments ] ")" ]
///                | "(" pipeline ")" | "[" [ expression { "," expression } ] "]"
///                | "{" [ IDENT ":" expression { "," IDENT ":" expression } ] "}" ;
/// arguments      = argument { "," argument } ;
/// argument       = [ IDENT ":" ] expression ;
/// ```
///
/// NUMBER is `2022`, `0.5`, `1_000`; PERCENT is a number followed by `%`; STRING is in double or
/// single quotes; comments run from `--` to the end of the line.
struct Parser {
    private let tokens: [Token]
    private let source: SourceText
    private var position = 0
    private var depth = 0

    /// How deep expressions may nest before the parser refuses, so a pathological input cannot
    /// exhaust the stack.
    static let maximumDepth = 100

    /// Words that cannot name a binding.
    static let reserved: Set<String> = ["let", "and", "or", "not", "in", "true", "false", "null"]

    init(_ tokens: [Token], source: SourceText) {
        self.tokens = tokens
        self.source = source
    }

    /// Parses a whole program.
    static func parse(_ source: SourceText) throws(QueryError) -> [Statement] {
        var parser = Parser(try Lexer.tokens(source), source: source)
        return try parser.program()
    }

    /// Parses `name: value, …`, the values given to a script from outside.
    static func parseLabelledValues(_ source: SourceText) throws(QueryError) -> [Argument] {
        var parser = Parser(try Lexer.tokens(source), source: source)
        return try parser.labelledValues()
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func error(_ code: String, _ message: String, at span: SourceSpan? = nil, expected: String? = nil, hint: String? = nil) -> QueryError {
        QueryError(source.diagnostic(code, message, at: span ?? current.span, expected: expected, hint: hint))
    }

    private mutating func expectSymbol(_ symbol: String, _ what: String, opening: Token? = nil) throws(QueryError) -> Token {
        guard current.isSymbol(symbol) else {
            if let opening, current.kind == .end || current.kind == .newline {
                throw error("E111", "this “\(source.text(opening.span))” is never closed", at: opening.span, expected: "“\(symbol)” before the end of the statement")
            }
            throw error("E111", "expected \(what), found \(describe(current))", expected: "“\(symbol)”")
        }
        return advance()
    }

    /// A token as the user typed it, for messages.
    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number, .percent: "“\(source.text(token.span))”"
        default: token.display
        }
    }

    private mutating func identifier(_ what: String) throws(QueryError) -> (String, SourceSpan) {
        guard let name = current.identifier else { throw error("E112", "expected \(what), found \(describe(current))") }
        return (name, advance().span)
    }

    // MARK: Statements

    mutating func program() throws(QueryError) -> [Statement] {
        var statements: [Statement] = []
        while current.kind != .end {
            if current.kind == .newline { _ = advance(); continue }
            statements.append(try statement())
            guard current.kind == .newline || current.kind == .end else {
                let hint: String? = current.isSymbol(",") ? "in queries the decimal mark is “.” (37.28%); a comma separates arguments" : nil
                throw error("E110", "unexpected \(current.display) after a complete statement", hint: hint)
            }
        }
        return statements
    }

    /// How deep an expression tree may go: the evaluator walks it recursively, so a chain of thousands
    /// of operators (a 1 MB line of "1+1+…") is refused while it is read, before a tree that deep exists.
    static let maximumTreeDepth = 256

    /// The depth of `left` after one more operator, or E118 past the limit. `right` is usually small,
    /// so measuring it each time keeps the whole check linear in the input.
    private func deeper(_ leftDepth: Int, _ right: Expr, at span: SourceSpan) throws(QueryError) -> Int {
        let depth = max(leftDepth, right.depth) + 1
        if depth > Self.maximumTreeDepth {
            throw error("E118", "the expression is too deep (more than \(Self.maximumTreeDepth) operators or brackets inside one another)",
                        at: span, hint: "split it with let bindings")
        }
        return depth
    }

    private mutating func statement() throws(QueryError) -> Statement {
        try bareStatement()
    }

    private mutating func bareStatement() throws(QueryError) -> Statement {
        if current.isWord("param"), tokens[position + 1].identifier != nil { return .parameter(try parameterDeclaration()) }
        if current.isWord("import") {
            let start = advance().span
            guard case let .string(path) = current.kind else {
                throw error("E112", "expected the library's file in quotes after “import”, found \(describe(current))", expected: "import \"lib/shares.khq\"")
            }
            let pathSpan = advance().span
            return .importFile(path, pathSpan: pathSpan, start.through(pathSpan))
        }
        if current.isWord("let") {
            let start = advance().span
            let (name, span) = try identifier("a name after “let”")
            guard !Self.reserved.contains(name) else { throw error("E113", "“\(Diagnostic.excerpt(name))” is a reserved word and cannot be a name", at: span) }
            if current.isSymbol("(") { return .function(try functionDefinition(name, nameSpan: span, start: start)) }
            _ = try expectSymbol("=", "“=” after the name")
            let value = try pipeline()
            return .binding(name, start.through(span), value)
        }
        return .expression(try pipeline())
    }

    /// `param name: type = default`.
    private mutating func parameterDeclaration() throws(QueryError) -> ParameterDeclaration {
        let start = advance().span
        let (name, nameSpan) = try identifier("a parameter name after “param”")
        guard !Self.reserved.contains(name) else { throw error("E113", "“\(Diagnostic.excerpt(name))” is a reserved word and cannot be a name", at: nameSpan) }
        var written: ParameterType? = nil
        if current.isSymbol(":") {
            _ = advance()
            let (typeName, typeSpan) = try identifier("a type after “:”")
            guard let type = ParameterType(rawValue: typeName) else {
                let near = closestMatches(to: typeName, among: ParameterType.allCases.map(\.rawValue), limit: 1).first
                throw error("E112", "“\(Diagnostic.excerpt(typeName))” is not a type of parameter", at: typeSpan,
                            expected: ParameterType.allCases.map(\.rawValue).joined(separator: ", "), hint: near.map { "did you mean “\($0)”?" })
            }
            written = type
        }
        var defaultValue: Expr? = nil
        if current.isSymbol("=") {
            _ = advance()
            defaultValue = try expression()
        }
        let end = defaultValue?.span ?? tokens[max(0, position - 1)].span
        return ParameterDeclaration(name: name, nameSpan: nameSpan, type: written ?? defaultValue.map(ParameterType.implied) ?? .any,
                                    typeWritten: written != nil, defaultValue: defaultValue, span: start.through(end))
    }

    /// Labelled values given to a script from outside (`:load FILE a: "Bắc Kạn", year: 2017`).
    mutating func labelledValues() throws(QueryError) -> [Argument] {
        var out: [Argument] = []
        while current.kind != .end {
            if current.kind == .newline { _ = advance(); continue }
            guard let label = current.identifier, tokens[position + 1].isSymbol(":") else {
                throw error("E112", "expected NAME: VALUE, found \(describe(current))", expected: "a parameter's name, “:” and its value, such as a: \"Bắc Kạn\"")
            }
            let span = advance().span
            _ = advance()
            out.append(Argument(label: label, labelSpan: span, value: try expression()))
            if current.isSymbol(",") { _ = advance(); continue }
            guard current.kind == .end || current.kind == .newline else { throw error("E110", "unexpected \(current.display) after a value", expected: "“,” before the next NAME: VALUE") }
        }
        return out
    }

    /// The rest of `let name(…) = body`, after the name.
    private mutating func functionDefinition(_ name: String, nameSpan: SourceSpan, start: SourceSpan) throws(QueryError) -> FunctionDefinition {
        guard Functions.named[name] == nil, !Functions.aggregates.contains(name) else {
            throw error("E113", "“\(Diagnostic.excerpt(name))” is a built-in function and cannot be defined again", at: nameSpan)
        }
        _ = advance()   // (
        var parameters: [FunctionParameter] = []
        var texts: [String] = []
        while !current.isSymbol(")") {
            let (parameter, span) = try identifier("a parameter name")
            guard !Self.reserved.contains(parameter) else { throw error("E113", "“\(Diagnostic.excerpt(parameter))” is a reserved word and cannot be a parameter", at: span) }
            guard !parameters.contains(where: { $0.name == parameter }) else { throw error("E205", "the parameter “\(parameter)” is named twice", at: span) }
            var defaultValue: Expr? = nil
            if current.isSymbol("=") {
                _ = advance()
                defaultValue = try expression()
            } else if parameters.contains(where: { $0.defaultValue != nil }) {
                throw error("E204", "“\(parameter)” has no default but comes after one that has", at: span,
                            expected: "the parameters with defaults last")
            }
            parameters.append(FunctionParameter(name: parameter, span: span, defaultValue: defaultValue))
            texts.append(parameter + (defaultValue.map { " = " + source.text($0.span) } ?? ""))
            guard current.isSymbol(",") else { break }
            _ = advance()
        }
        _ = try expectSymbol(")", "“)” to close the parameters")
        _ = try expectSymbol("=", "“=” before the function's body")
        let body = try pipeline()
        return FunctionDefinition(name: name, nameSpan: nameSpan, parameters: parameters, body: body, span: start.through(body.span),
                                  signature: "\(name)(" + texts.joined(separator: ", ") + ")")
    }

    // MARK: Pipelines

    private mutating func pipeline() throws(QueryError) -> Expr {
        let left = try expression()
        var stages: [Stage] = []
        while current.isSymbol("|") {
            _ = advance()
            stages.append(try stage())
        }
        guard let last = stages.last else { return left }
        return .pipeline(left, stages, left.span.through(last.span))
    }

    private mutating func stage() throws(QueryError) -> Stage {
        guard let word = current.identifier else {
            throw error("E114", "expected a table operator or a function after “|”, found \(describe(current))",
                        expected: "where, select, derive, sort, take, top, group, pivot, or a function")
        }
        let start = advance().span
        let kind: Stage.Kind
        switch word {
        case "where", "filter":
            kind = .filter(try expression())
        case "select":
            kind = .select(try assignments(requireNames: false))
        case "derive":
            kind = .derive(try assignments(requireNames: true))
        case "sort":
            var keys = [try sortKey()]
            while current.isSymbol(",") { _ = advance(); keys.append(try sortKey()) }
            kind = .sort(keys)
        case "take":
            kind = .take(try expression())
        case "top":
            let count = try expression()
            guard current.isWord("by") else { throw error("E115", "expected “by” after the count of “top”", expected: "top N by EXPRESSION") }
            _ = advance()
            let key = try expression()
            var descending = true
            if current.isWord("asc") { _ = advance(); descending = false } else if current.isWord("desc") { _ = advance() }
            kind = .top(count, by: key, descending: descending)
        case "group":
            var keys = [try identifier("a column to group by")]
            while current.isSymbol(",") { _ = advance(); keys.append(try identifier("a column to group by")) }
            guard current.isWord("aggregate") else {
                throw error("E116", "expected “aggregate” after the grouping columns", expected: "group KEYS aggregate NAME = sum(x), ...")
            }
            _ = advance()
            kind = .group(keys: keys, aggregates: try assignments(requireNames: true))
        case "pivot":
            var column: String? = nil
            if let name = current.identifier { column = name; _ = advance() }
            kind = .pivot(column: column)
        case "join":
            var side = JoinSide.inner
            if let word = current.identifier, let named = JoinSide(rawValue: word), tokens[position + 1].identifier != "on" {
                side = named
                _ = advance()
            }
            let table = try expression()
            guard current.isWord("on") else { throw error("E115", "expected “on” and the key columns after the table of “join”", expected: "join left population on region") }
            _ = advance()
            var keys = [try joinKey()]
            while current.isSymbol(",") { _ = advance(); keys.append(try joinKey()) }
            kind = .join(side, table, keys: keys)
        case "union":
            kind = .union(try expression())
        default:
            var arguments: [Argument] = []
            if current.isSymbol("(") { arguments = try callArguments() }
            kind = .call(word, arguments, nameSpan: start)
        }
        return Stage(kind: kind, span: start.through(tokens[max(0, position - 1)].span))
    }

    private mutating func joinKey() throws(QueryError) -> JoinKey {
        let (left, leftSpan) = try identifier("a key column after “on”")
        guard current.isSymbol("==") else { return JoinKey(left: left, leftSpan: leftSpan, right: left, rightSpan: leftSpan) }
        _ = advance()
        let (right, rightSpan) = try identifier("the right table's key column after “==”")
        return JoinKey(left: left, leftSpan: leftSpan, right: right, rightSpan: rightSpan)
    }

    private mutating func assignments(requireNames: Bool) throws(QueryError) -> [Assignment] {
        var out = [try assignment(requireName: requireNames)]
        while current.isSymbol(",") { _ = advance(); out.append(try assignment(requireName: requireNames)) }
        return out
    }

    private mutating func assignment(requireName: Bool) throws(QueryError) -> Assignment {
        if let name = current.identifier, tokens[position + 1].isSymbol("=") {
            _ = advance()
            _ = advance()
            return Assignment(name: name, value: try expression())
        }
        if requireName { throw error("E117", "expected NAME = EXPRESSION, found \(describe(current))") }
        return Assignment(name: nil, value: try expression())
    }

    private mutating func sortKey() throws(QueryError) -> SortKey {
        let value = try expression()
        if current.isWord("desc") { _ = advance(); return SortKey(value: value, descending: true) }
        if current.isWord("asc") { _ = advance() }
        return SortKey(value: value, descending: false)
    }

    // MARK: Expressions

    private mutating func nested<T>(_ body: (inout Parser) throws(QueryError) -> T) throws(QueryError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw error("E118", "brackets and calls nest deeper than \(Self.maximumDepth) levels", hint: "split the expression with let bindings")
        }
        return try body(&self)
    }

    mutating func expression() throws(QueryError) -> Expr {
        try nested { (p: inout Parser) throws(QueryError) -> Expr in try p.or() }
    }

    private mutating func or() throws(QueryError) -> Expr {
        try leftAssociative({ $0.isWord("or") ? "or" : nil }) { (p: inout Parser) throws(QueryError) -> Expr in try p.and() }
    }

    private mutating func and() throws(QueryError) -> Expr {
        try leftAssociative({ $0.isWord("and") ? "and" : nil }) { (p: inout Parser) throws(QueryError) -> Expr in try p.not() }
    }

    /// One level of left-associative binary operators: `next { op next }`, each operator found by `match`.
    private mutating func leftAssociative(_ match: (Token) -> String?,
                                          _ next: (inout Parser) throws(QueryError) -> Expr) throws(QueryError) -> Expr {
        var left = try next(&self)
        var depth = left.depth
        while let op = match(current) {
            _ = advance()
            let right = try next(&self)
            depth = try deeper(depth, right, at: right.span)
            left = .binary(op, left, right, left.span.through(right.span))
        }
        return left
    }

    private mutating func not() throws(QueryError) -> Expr {
        if current.isWord("not") {
            let start = advance().span
            let inner = try nested { (p: inout Parser) throws(QueryError) -> Expr in try p.not() }
            return .not(inner, start.through(inner.span))
        }
        return try comparison()
    }

    private static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "~", "!~"]

    private mutating func comparison() throws(QueryError) -> Expr {
        let left = try additive()
        if case let .symbol(op) = current.kind, Self.comparisons.contains(op) {
            _ = advance()
            let right = try additive()
            return .binary(op, left, right, left.span.through(right.span))
        }
        if current.isSymbol("=") {
            throw error("E119", "“=” assigns; to compare, write “==”", hint: "write ==")
        }
        if current.isWord("in") {
            _ = advance()
            let right = try additive()
            return .binary("in", left, right, left.span.through(right.span))
        }
        if current.isWord("not"), tokens[position + 1].isWord("in") {
            _ = advance(); _ = advance()
            let right = try additive()
            let span = left.span.through(right.span)
            return .not(.binary("in", left, right, span), span)
        }
        return left
    }

    private mutating func additive() throws(QueryError) -> Expr {
        try leftAssociative(Self.symbol(in: ["+", "-"])) { (p: inout Parser) throws(QueryError) -> Expr in try p.multiplicative() }
    }

    private mutating func multiplicative() throws(QueryError) -> Expr {
        try leftAssociative(Self.symbol(in: ["*", "/"])) { (p: inout Parser) throws(QueryError) -> Expr in try p.unary() }
    }

    private static func symbol(in operators: Set<String>) -> (Token) -> String? {
        { token in if case let .symbol(s) = token.kind, operators.contains(s) { return s } else { return nil } }
    }

    private mutating func unary() throws(QueryError) -> Expr {
        if current.isSymbol("-") {
            let start = advance().span
            let inner = try nested { (p: inout Parser) throws(QueryError) -> Expr in try p.unary() }
            return .negate(inner, start.through(inner.span))
        }
        return try postfix()
    }

    private mutating func postfix() throws(QueryError) -> Expr {
        var value = try primary()
        var depth = value.depth
        while current.isSymbol(".") {
            _ = advance()
            let (field, span) = try identifier("a field name after “.”")
            depth = try deeper(depth, .null(span), at: span)
            value = .member(value, field, span)
        }
        return value
    }

    private mutating func primary() throws(QueryError) -> Expr {
        let token = current
        switch token.kind {
        case let .number(x): _ = advance(); return .number(x, token.span)
        case let .percent(x): _ = advance(); return .percent(x, token.span)
        case let .string(s): _ = advance(); return .string(s, token.span)
        case let .identifier(name):
            _ = advance()
            switch name {
            case "true": return .bool(true, token.span)
            case "false": return .bool(false, token.span)
            case "null": return .null(token.span)
            default: break
            }
            if current.isSymbol("(") {
                let arguments = try callArguments()
                return .call(name, arguments, nameSpan: token.span, token.span.through(tokens[position - 1].span))
            }
            return .name(name, token.span)
        case .symbol("("):
            _ = advance()
            let inner = try pipeline()
            _ = try expectSymbol(")", "“)” to close the bracket opened at column \(token.span.column)", opening: token)
            return inner
        case .symbol("["):
            _ = advance()
            var items: [Expr] = []
            if !current.isSymbol("]") {
                items.append(try expression())
                while current.isSymbol(",") { _ = advance(); items.append(try expression()) }
            }
            let end = try expectSymbol("]", "“]” to close the list", opening: token)
            return .list(items, token.span.through(end.span))
        case .symbol("{"):
            _ = advance()
            var fields: [(String, Expr)] = []
            if !current.isSymbol("}") {
                repeat {
                    if current.isSymbol(",") { _ = advance() }
                    let (name, _) = try identifier("a field name")
                    _ = try expectSymbol(":", "“:” after the field name")
                    fields.append((name, try expression()))
                } while current.isSymbol(",")
            }
            let end = try expectSymbol("}", "“}” to close the record", opening: token)
            return .record(fields, token.span.through(end.span))
        case .end, .newline:
            throw error("E120", "the input ends where a value was expected", expected: "a value: a number, text, a name or a call")
        default:
            throw error("E121", "expected a value, found \(describe(token))")
        }
    }

    private mutating func callArguments() throws(QueryError) -> [Argument] {
        let open = try expectSymbol("(", "“(”")
        var arguments: [Argument] = []
        if !current.isSymbol(")") {
            repeat {
                if current.isSymbol(",") { _ = advance() }
                if let label = current.identifier, tokens[position + 1].isSymbol(":") {
                    let span = advance().span
                    _ = advance()
                    arguments.append(Argument(label: label, labelSpan: span, value: try pipelineArgument()))
                } else {
                    arguments.append(Argument(label: nil, labelSpan: nil, value: try pipelineArgument()))
                }
            } while current.isSymbol(",")
        }
        _ = try expectSymbol(")", "“)” to close the call opened at column \(open.span.column)", opening: open)
        return arguments
    }

    private mutating func pipelineArgument() throws(QueryError) -> Expr {
        try pipeline()
    }
}
