/// The reference of the built-in functions, made from the registry so that it cannot drift from it.
public enum Reference {
    /// The topics, in reference order, with their titles.
    public static let topics: [(key: String, title: String)] = [
        ("data", "Data"), ("trends", "Trends"), ("targets", "Targets and checks"), ("ranking", "Ranking and comparison"), ("geography", "Geography"), ("tables", "Your own tables"), ("charts", "Charts"), ("utility", "Utility"),
    ]

    /// The functions section of `docs/query-language.md`, in Markdown.
    public static func functionsMarkdown() -> String {
        var out: [String] = []
        for (key, title) in topics {
            out.append("### \(title)")
            out.append("")
            for f in Functions.all where f.topic == key {
                out.append("#### `\(f.signature)` → \(f.returns)")
                out.append("")
                out.append(f.summary)
                if let columns = f.columns { out.append("Columns: " + columns.map { "`\($0)`" }.joined(separator: ", ") + ".") }
                out.append("")
                out.append("```")
                out.append(f.example)
                out.append("```")
                out.append("")
            }
        }
        out.append("### Aggregates (inside `group … aggregate`)")
        out.append("")
        for (name, summary) in Functions.aggregateSummaries { out.append("- `\(name)`: \(summary)") }
        return out.joined(separator: "\n")
    }

    /// The table operators, for completion and help.
    public static let tableOperators = ["where", "select", "derive", "sort", "take", "top", "group", "pivot", "join", "union"]

    /// Words that are not names: keywords and constants.
    public static let keywords = ["let", "param", "import", "and", "or", "not", "in", "true", "false", "null", "latest", "desc", "asc", "by", "aggregate", "on", "inner", "left"]

    /// The columns of the built-in tables.
    public static let figuresColumns = FiguresColumns.names
    public static let regionsColumns = BuiltinTables.regionColumns
    public static let indicatorsColumns = BuiltinTables.indicatorColumns
    public static let tableNames = ["figures", "regions", "indicators"]

    /// The parameter names of a function, for completing named arguments.
    public static func parameters(of function: String) -> [String] {
        Functions.named[function]?.parameters.map(\.name) ?? []
    }

    /// Help on the operators, for `:help operators`.
    public static let operatorsHelp = """
        |  pipeline: the value on the left flows into the stage on the right   figures | where year == 2022
        or, and, not   three-valued logic (null and false is false)          year == 2022 and value > 100
        == != < <= > >=   comparison; x == null asks whether x is missing     rate > 75%
        ~ !~   match text ignoring case and diacritics                        region ~ "binh thanh"
        in, not in   membership in a list                                     year in [2016, 2018]
        + - * /   arithmetic; percent − percent is percentage points          77.07% - 75%
        .   field of a record or region                                       target(fund_raised, "Liên Hương", 2018).status
        table operators: where, select, derive, sort [desc], take N, top N by x, group k aggregate n = f(x), pivot [col],
          join [inner|left] TABLE on key [== right_key], …   (regions meet names through the gazetteer), union TABLE
        scripts: let f(x, y = 1) = …   param name: type = default   import "lib/file.khq"
        aggregates: count(), sum(x), min(x), max(x), avg(x), first(x), last(x), rate(numerator, denominator)
        """

    /// Help on the statements that are not expressions, for `:help let`, `:help param`, `:help import`.
    public static let statementHelp: [String: String] = [
        "let": "let name = expression      binds a name for the rest of the session\nlet name(p, q = default) = body      a function of your own (:help functions lists them)",
        "param": "param name: type = default      a parameter of the script: --set name=value (command line), :load FILE name: value (shell),\n    a notebook run's --set; type is text, number, year, bool, list or any (read from the default when left out)",
        "import": "import \"lib/file.khq\"      the library's let bindings and functions, here; the path is read from the importing file's folder\n    (typed input: the current folder); a library holds definitions only; cycles are refused",
        "join": "left | join [inner|left] TABLE on key, left_key == right_key, …\n    the rows of TABLE whose keys match; a region meets a name of it through the gazetteer (\"Q. Bình Thạnh\"); notes count matches",
        "union": "left | union TABLE      the rows of TABLE after these; the same columns, in any order",
    ]

    /// Help for one function, for the shell's `:help NAME`.
    public static func help(for name: String) -> String? {
        if let statement = statementHelp[name] { return statement }
        guard let f = Functions.named[name] else { return nil }
        return "\(f.signature) → \(f.returns)\n\(f.summary)\nexample: \(f.example)"
    }
}
