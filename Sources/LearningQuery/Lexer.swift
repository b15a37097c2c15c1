import LearningData

/// Turns source text into tokens.
///
/// Numbers are written the programming way (`2022`, `0.5`, `75%`); a number such as `2.631`, which a
/// Vietnamese reader takes for 2631, is refused as ambiguous. Comments run from `--` to the end of the
/// line. A line break ends a statement, except inside brackets, after `|` or `,`, or before a line
/// that starts with `|`.
struct Lexer {
    let source: SourceText
    private var i = 0
    private var line: Int
    private var lineStart = 0
    private var tokens: [Token] = []

    /// The symbols, longest first so that `<=` wins over `<`.
    static let symbols = ["==", "!=", "<=", ">=", "!~", "|", "(", ")", "[", "]", "{", "}", ",", ":", "=", "<", ">",
                          "+", "-", "*", "/", "~", ".", ";"]

    init(_ source: SourceText) {
        self.source = source
        line = source.firstLine
    }

    /// All tokens, ending with `.end`.
    static func tokens(_ source: SourceText) throws(QueryError) -> [Token] {
        var lexer = Lexer(source)
        try lexer.run()
        return joinContinuations(lexer.tokens)
    }

    private var s: [Unicode.Scalar] { source.scalars }

    private mutating func run() throws(QueryError) {
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                add(.newline, from: i, length: 1)
                i += 1
                line += 1
                lineStart = i
            } else if c == " " || c == "\t" || c == "\r" || c == "\u{A0}" || c == "\u{FEFF}" {
                i += 1
            } else if c == "-", i + 1 < s.count, s[i + 1] == "-" {
                while i < s.count, s[i] != "\n" { i += 1 }
            } else if Self.isDigit(c) {
                try number()
            } else if c == "\"" || c == "'" {
                try string(quote: c)
            } else if c.properties.isAlphabetic || c == "_" {
                identifier()
            } else if let symbol = Self.symbols.first(where: { matches($0) }) {
                add(.symbol(symbol), from: i, length: symbol.unicodeScalars.count)
                i += symbol.unicodeScalars.count
            } else {
                let span = here(length: 1)
                let hint: String? = c == "#" ? "comments start with “--”" : (c == "&" ? "write “and”" : nil)
                throw QueryError(source.diagnostic("E101", "unexpected character “\(c)”", at: span, hint: hint))
            }
        }
        add(.end, from: s.count, length: 0)
    }

    private func matches(_ symbol: String) -> Bool {
        var k = i
        for scalar in symbol.unicodeScalars {
            guard k < s.count, s[k] == scalar else { return false }
            k += 1
        }
        return true
    }

    private mutating func number() throws(QueryError) {
        let start = i
        var text = ""
        func digits() {
            while i < s.count, Self.isDigit(s[i]) || (s[i] == "_" && i + 1 < s.count && Self.isDigit(s[i + 1])) {
                if s[i] != "_" { text.unicodeScalars.append(s[i]) }
                i += 1
            }
        }
        digits()
        let integerPart = text
        var fraction = ""
        if i + 1 < s.count, s[i] == ".", Self.isDigit(s[i + 1]) {
            text += "."
            i += 1
            let before = text.count
            digits()
            fraction = String(text.dropFirst(before))
        }
        if i < s.count, s[i] == "e" || s[i] == "E", i + 1 < s.count, Self.isDigit(s[i + 1]) || ((s[i + 1] == "-" || s[i + 1] == "+") && i + 2 < s.count && Self.isDigit(s[i + 2])) {
            text += "e"
            i += 1
            if s[i] == "-" || s[i] == "+" { text.unicodeScalars.append(s[i]); i += 1 }
            digits()
        }
        let span = SourceSpan(start: start, end: i, line: line, column: start - lineStart + 1)
        if fraction.count == 3, integerPart != "0", !text.contains("e"), !(i < s.count && s[i] == "%") {
            throw QueryError(source.diagnostic("E103", "“\(Diagnostic.excerpt(source.text(span)))” is ambiguous", at: span,
                                               hint: "in queries “.” is the decimal point; write \(integerPart)\(fraction) for \(integerPart).\(fraction) thousand, or \(integerPart).\(fraction)0 for the decimal"))
        }
        guard let value = Double(text), value.isFinite else {
            throw QueryError(source.diagnostic("E102", "the number “\(Diagnostic.excerpt(source.text(span)))” is too large", at: span))
        }
        // A double keeps 15 to 17 significant digits: 9007199254740993 would silently become …992.
        let power = text.split(separator: "e").dropFirst().first.flatMap { Int($0) } ?? 0
        let printed = ExactDecimal.Significand(digits: (integerPart + fraction).utf8.map { $0 - 48 }, fractionDigits: fraction.count, scale: power)
        guard ExactDecimal.holds(value, printed) else {
            throw QueryError(source.diagnostic("E104", "“\(Diagnostic.excerpt(source.text(span)))” has more digits than a number can hold exactly; it would be \(PlainNumber.format(value))", at: span,
                                               hint: "numbers keep 15 to 17 significant digits; whole numbers are exact up to 9007199254740992"))
        }
        if i < s.count, s[i] == "%" {
            i += 1
            add(.percent(value), from: start, length: i - start)
        } else {
            add(.number(value), from: start, length: i - start)
        }
    }

    private mutating func string(quote: Unicode.Scalar) throws(QueryError) {
        let start = i, startLine = line, startColumn = i - lineStart + 1
        i += 1
        var out = String.UnicodeScalarView()
        while i < s.count, s[i] != quote {
            if s[i] == "\n" { break }
            if s[i] == "\\", i + 1 < s.count {
                i += 1
                switch s[i] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(s[i])
                }
            } else {
                out.append(s[i])
            }
            i += 1
        }
        guard i < s.count, s[i] == quote else {
            let span = SourceSpan(start: start, end: start + 1, line: startLine, column: startColumn)
            throw QueryError(source.diagnostic("E104", "this text is never closed", at: span,
                                               expected: "a closing \(quote == "\"" ? "\"" : "'") on the same line"))
        }
        i += 1
        tokens.append(Token(kind: .string(String(out)), span: SourceSpan(start: start, end: i, line: startLine, column: startColumn)))
    }

    private mutating func identifier() {
        let start = i
        while i < s.count, s[i].properties.isAlphabetic || Self.isDigit(s[i]) || s[i] == "_" { i += 1 }
        add(.identifier(String(String.UnicodeScalarView(s[start..<i]))), from: start, length: i - start)
    }

    private mutating func add(_ kind: Token.Kind, from start: Int, length: Int) {
        tokens.append(Token(kind: kind, span: SourceSpan(start: start, end: start + length, line: line, column: start - lineStart + 1)))
    }

    private func here(length: Int) -> SourceSpan {
        SourceSpan(start: i, end: i + length, line: line, column: i - lineStart + 1)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// Drops the line breaks that do not end a statement: inside brackets, after `|` or `,`, before `|`,
    /// and repeated or leading ones.
    static func joinContinuations(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var depth = 0
        // The next token that is not a line break, for each position: one pass from the end.
        var nextSignificant = [Int](repeating: tokens.count, count: tokens.count + 1)
        for k in stride(from: tokens.count - 1, through: 0, by: -1) {
            nextSignificant[k] = tokens[k].kind == .newline ? nextSignificant[k + 1] : k
        }
        for (k, token) in tokens.enumerated() {
            switch token.kind {
            case .symbol("("), .symbol("["), .symbol("{"): depth += 1
            case .symbol(")"), .symbol("]"), .symbol("}"): depth = max(0, depth - 1)
            default: break
            }
            guard token.kind == .newline || token.isSymbol(";") else { out.append(token); continue }
            if depth > 0, token.kind == .newline { continue }
            if let previous = out.last, previous.kind == .newline || previous.isSymbol("|") || previous.isSymbol(",") { continue }
            if out.isEmpty { continue }
            let next = nextSignificant[k + 1]
            if token.kind == .newline, next < tokens.count, tokens[next].isSymbol("|") { continue }
            out.append(Token(kind: .newline, span: token.span))
        }
        return out
    }
}
