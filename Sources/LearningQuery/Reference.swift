/// The reference of the built-in functions, made from the registry so that it cannot drift from it.
public enum Reference {
    /// The topics, in reference order, with their titles.
    public static let topics: [(key: String, title: String)] = [
        ("data", "Data"), ("trends", "Trends"), ("targets", "Targets and checks"), ("ranking", "Ranking and comparison"), ("utility", "Utility"),
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

    /// Help for one function, for the shell's `:help NAME`.
    public static func help(for name: String) -> String? {
        guard let f = Functions.named[name] else { return nil }
        return "\(f.signature) → \(f.returns)\n\(f.summary)\nexample: \(f.example)"
    }
}
