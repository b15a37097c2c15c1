/// The rule that gives a derived figure: arithmetic on printed numbers, optionally followed by ": "
/// and words for people (`54 − 11: the 54 clans of 2022 are 11 more than in 2021`).
///
/// The loader evaluates the expression and compares it with the row's value, and checks that each of
/// its numbers is printed in the quote, so a derived figure is as traceable as a printed one.
/// Numbers are plain (`10380`, `43.85`); the operators are `+`, `-` or `−`, `*` or `×`, `/` or `÷`,
/// with brackets.
public struct DerivationRule: Sendable, Equatable {
    /// The expression, as written.
    public let expression: String
    /// The words after the colon, if any.
    public let explanation: String?
    /// The numbers the expression uses, in order.
    public let numbers: [Double]
    /// What the expression gives.
    public let value: Double

    /// Reads a rule; a text that does not start with an expression is an error saying where.
    public init(_ text: String) throws(FieldError) {
        let colon = text.firstIndex(of: ":")
        expression = String(text[..<(colon ?? text.endIndex)]).trimmingWhitespace
        explanation = colon.map { String(text[text.index(after: $0)...]).trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
        var parser = Parser(Array(expression.unicodeScalars))
        let leading = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        do throws(FieldError) {
            let result = try parser.sum()
            parser.skipSpaces()
            guard parser.atEnd else { throw parser.problem("expected + − × ÷ or the end of the expression") }
            guard result.isFinite else { throw FieldError("the rule's result is too large to be a number") }
            value = result
            numbers = parser.numbers
        } catch {
            throw FieldError("“\(Diagnostic.excerpt(text))” does not start with the rule's arithmetic: \(error.message)",
                             offset: leading + error.offset)
        }
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var numbers: [Double] = []
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i >= s.count }

        func problem(_ message: String) -> FieldError { FieldError(message, offset: i) }

        mutating func skipSpaces() { while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\u{A0}" { i += 1 } }

        mutating func take(_ options: Set<Unicode.Scalar>) -> Unicode.Scalar? {
            skipSpaces()
            guard i < s.count, options.contains(s[i]) else { return nil }
            i += 1
            return s[i - 1]
        }

        mutating func sum() throws(FieldError) -> Double {
            var x = try product()
            while let op = take(["+", "-", "−"]) { x = op == "+" ? x + (try product()) : x - (try product()) }
            return x
        }

        mutating func product() throws(FieldError) -> Double {
            var x = try factor()
            while let op = take(["*", "×", "/", "÷"]) {
                let y = try factor()
                if op == "*" || op == "×" { x *= y } else {
                    guard y != 0 else { throw problem("division by zero") }
                    x /= y
                }
            }
            return x
        }

        mutating func factor() throws(FieldError) -> Double {
            if take(["-", "−"]) != nil { return -(try factor()) }
            if take(["("]) != nil {
                let x = try sum()
                guard take([")"]) != nil else { throw problem("a bracket is not closed") }
                return x
            }
            skipSpaces()
            let start = i
            while i < s.count, (s[i].value >= 48 && s[i].value <= 57) || s[i] == "." { i += 1 }
            let text = String(String.UnicodeScalarView(s[start..<i]))
            guard !text.isEmpty else { throw problem("expected a number") }
            let fraction = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first
            guard let x = PlainNumber.parse(text), fraction?.count != 3 else {
                i = start
                throw problem("“\(text)” is not a plain number: rules use “.” as the decimal point, so write 10380 for 10.380")
            }
            numbers.append(x)
            return x
        }
    }
}
