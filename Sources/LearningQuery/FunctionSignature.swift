import LearningData
import LearningTrends
import LearningRanking

/// A parameter of a built-in function.
public struct Parameter: Sendable {
    /// Its name, also its label when passed by name (`year: 2017`).
    public let name: String
    /// What it takes, for messages and help ("indicator", "region or text", "year or latest").
    public let type: String
    /// Whether it may be left out.
    public let isOptional: Bool

    init(_ name: String, _ type: String, optional: Bool = false) {
        self.name = name
        self.type = type
        self.isOptional = optional
    }
}

/// A built-in function: its signature, documentation and implementation.
public struct BuiltinFunction: Sendable {
    /// Its name.
    public let name: String
    /// Its parameters, in positional order.
    public let parameters: [Parameter]
    /// What it returns ("table", "percent", "record").
    public let returns: String
    /// The columns of the table it returns, when it returns one and they are fixed.
    public let columns: [String]?
    /// One sentence on what it does.
    public let summary: String
    /// An example that runs on the embedded dataset.
    public let example: String
    /// The help topic it belongs to.
    public let topic: String
    let body: @Sendable (inout CallArguments) throws(QueryError) -> Value

    /// `rank(indicator, year: latest, level?, ...)`, for messages and help.
    public var signature: String {
        "\(name)(" + parameters.map { $0.isOptional ? "\($0.name)?: \($0.type)" : "\($0.name): \($0.type)" }.joined(separator: ", ") + ")"
    }
}

/// The arguments of one call, bound to parameter names, with the tools to read them as the types a
/// function needs; a wrong type is an error that names the parameter and the signature.
public struct CallArguments {
    let function: BuiltinFunction
    var values: [String: (value: Value, span: SourceSpan)]
    let callSpan: SourceSpan
    let context: EvaluationContext

    var dataset: Dataset { context.dataset }

    func wrongType(_ name: String, expected: String, got value: Value, at span: SourceSpan) -> QueryError {
        QueryError(context.source.diagnostic("E206", "\(function.name): “\(name)” must be \(expected), not \(value.typeName)",
                                             at: span, hint: "usage: \(function.signature)"))
    }

    func has(_ name: String) -> Bool { values[name].map { !$0.value.isNull } ?? false }

    func span(_ name: String) -> SourceSpan { values[name]?.span ?? callSpan }

    func raw(_ name: String) -> Value { values[name]?.value ?? .null }

    func indicator(_ name: String) throws(QueryError) -> Indicator {
        let span = self.span(name)
        switch raw(name) {
        case let .indicator(indicator): return indicator
        case let .text(text):
            if let found = dataset.catalogue.lookup(text) { return found }
            throw QueryError(context.source.diagnostic("E202", "unknown indicator “\(Diagnostic.excerpt(text))”", at: span,
                                                       hint: dataset.catalogue.suggestions(for: text).first.map { "did you mean `\($0)`?" }))
        case let other: throw wrongType(name, expected: "an indicator (such as learning_family)", got: other, at: span)
        }
    }

    func region(_ name: String) throws(QueryError) -> Region {
        let span = self.span(name)
        switch raw(name) {
        case let .region(region): return region
        case let .text(text):
            // The call's own year, if it has one, is the time the name is meant for.
            let year: Int? = if case let .year(y) = raw("year") { y } else if case let .number(x) = raw("year"), x == x.rounded(), abs(x) < 10_000 { Int(x) } else { nil }
            return try context.lookupRegion(text, year: year, at: span)
        case let other: throw wrongType(name, expected: "a region (a name in quotes, or region(...))", got: other, at: span)
        }
    }

    func year(_ name: String) throws(QueryError) -> Int {
        switch raw(name) {
        case let .year(y): return y
        case let .number(x) where x == x.rounded() && abs(x) < 10_000: return Int(x)
        case let other: throw wrongType(name, expected: "a year (such as 2018)", got: other, at: span(name))
        }
    }

    func optionalYear(_ name: String) throws(QueryError) -> Int? { has(name) ? try year(name) : nil }

    /// A whole-number argument within `range`: a number that is not whole, and a whole number out of
    /// range, are told apart, each at the argument.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(QueryError) -> Int {
        guard case let .number(x) = raw(name) else { throw wrongType(name, expected: "a whole number", got: raw(name), at: span(name)) }
        guard x == x.rounded(), x.isFinite else {
            throw QueryError(context.source.diagnostic("E206", "\(function.name): “\(name)” must be a whole number, not \(PlainNumber.format(x))",
                                                       at: span(name), hint: "usage: \(function.signature)"))
        }
        guard x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw QueryError(context.source.diagnostic("E207", "\(function.name): “\(name)” must be from \(range.lowerBound) to \(range.upperBound), not \(PlainNumber.format(x))",
                                                       at: span(name), hint: "usage: \(function.signature)"))
        }
        return Int(x)
    }

    func text(_ name: String) throws(QueryError) -> String {
        switch raw(name) {
        case let .text(t): return t
        case let .indicator(i): return i.id.rawValue
        case let other: throw wrongType(name, expected: "text", got: other, at: span(name))
        }
    }

    func optionalText(_ name: String) throws(QueryError) -> String? { has(name) ? try text(name) : nil }

    func series(_ name: String) throws(QueryError) -> Series {
        switch raw(name) {
        case let .series(series): return series
        case let other: throw wrongType(name, expected: "a series (from series(indicator, region))", got: other, at: span(name))
        }
    }

    func table(_ name: String) throws(QueryError) -> Table {
        switch raw(name) {
        case let .table(table): return table
        case let .series(series): return SeriesTable.table(series)
        case let other: throw wrongType(name, expected: "a table", got: other, at: span(name))
        }
    }

    func level(_ name: String) throws(QueryError) -> AdministrativeLevel? {
        guard has(name) else { return nil }
        let t = try text(name)
        guard let level = AdministrativeLevel(name: t) else {
            throw QueryError(context.source.diagnostic("E207", "unknown level “\(t)”", at: span(name),
                                                       expected: AdministrativeLevel.allCases.map { "\"\($0.name)\"" }.joined(separator: ", ")))
        }
        return level
    }

    /// Which regions are ranked or compared together: a level's name, `"any"` (every level together),
    /// or by default the level most of them share.
    func levelChoice(_ name: String) throws(QueryError) -> LevelChoice {
        guard has(name) else { return .automatic }
        let t = try text(name)
        guard let choice = LevelChoice(name: t) else {
            throw QueryError(context.source.diagnostic("E207", "unknown level “\(Diagnostic.excerpt(t))”", at: span(name),
                                                       expected: (AdministrativeLevel.allCases.map(\.name) + ["any"]).map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        return choice
    }

    /// Which periods' figures an analysis takes (`periods: "any"`, `periods: "2016-2020"`); each
    /// year's headline figures when absent.
    func periodChoice(_ name: String) throws(QueryError) -> PeriodChoice {
        guard has(name) else { return .years }
        if case let .number(x) = raw(name), let y = Int(exactly: x) { return (try? PeriodChoice(parsing: String(y))) ?? .years }
        let t = try text(name)
        do { return try PeriodChoice(parsing: t) } catch {
            throw QueryError(context.source.diagnostic("E207", "“\(Diagnostic.excerpt(t))” is not a choice of periods: \(error.reason)", at: span(name),
                                                       expected: "\"years\" (the default), \"any\", or one period: " + PeriodError.forms))
        }
    }

    /// Whether `per: "year"` asks for flows over other periods as yearly figures.
    func perYear(_ name: String) throws(QueryError) -> Bool {
        try choice(name, default: false, { ["year": true, "period": false][$0.lowercased()] }, options: ["year", "period"])
    }

    /// A choice among named options ("competition", "dense"...), or the default when absent.
    func choice<T>(_ name: String, default value: T, _ parse: (String) -> T?, options: [String]) throws(QueryError) -> T {
        guard has(name) else { return value }
        let t = try text(name)
        guard let parsed = parse(t) else {
            throw QueryError(context.source.diagnostic("E207", "“\(Diagnostic.excerpt(t))” is not a choice for “\(name)”", at: span(name),
                                                       expected: options.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        return parsed
    }

    /// A failure of the computation itself (no figure for that year...), at the call.
    func failure(_ message: String, hint: String? = nil) -> QueryError {
        QueryError(context.source.diagnostic("E301", message, at: callSpan, hint: hint))
    }
}
