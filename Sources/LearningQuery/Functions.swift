import LearningData

/// Every built-in function of the language, by name. `:help`, the reference page and name checking
/// all read this one list.
public enum Functions {
    /// All functions, grouped by topic in the order of the reference.
    public static let all: [BuiltinFunction] = dataFunctions + trendFunctions + targetFunctions + sourceFunctions + rankingFunctions + geographyFunctions + tableFunctions + chartFunctions + utilityFunctions

    /// Functions by name.
    public static let named: [String: BuiltinFunction] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// The functions usable inside `group … aggregate` only.
    public static let aggregates: Set<String> = ["count", "sum", "min", "max", "avg", "first", "last", "rate"]

    /// What each aggregate does, for help and the reference.
    public static let aggregateSummaries: [(name: String, summary: String)] = [
        ("count()", "the number of rows in the group"),
        ("sum(x)", "the sum of x over the rows that have it (null when none has)"),
        ("min(x)", "the smallest x"),
        ("max(x)", "the largest x"),
        ("avg(x)", "the mean of x over the rows that have it"),
        ("first(x)", "x of the group's first row"),
        ("last(x)", "x of the group's last row"),
        ("rate(numerator, denominator)", "the sum of numerators over the sum of denominators, in percent: a rate of the whole, never a mean of rates"),
    ]
}

/// Shorthand for declaring a built-in function.
func builtin(_ name: String, _ parameters: [Parameter], returns: String, columns: [String]? = nil, topic: String,
             summary: String, example: String,
             _ body: @escaping @Sendable (inout CallArguments) throws(QueryError) -> Value) -> BuiltinFunction {
    BuiltinFunction(name: name, parameters: parameters, returns: returns, columns: columns, summary: summary, example: example,
                    topic: topic, body: body)
}
