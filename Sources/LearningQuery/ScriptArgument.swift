import LearningData

/// A value given to a script's parameter from outside it: `--set a="Bắc Kạn"` on the command line,
/// `:load compare.khq a: "Bắc Kạn"` in the shell, a notebook run's `--set`.
public struct ScriptArgument: Sendable {
    /// The parameter it is for.
    public let name: String
    /// Its value.
    public let value: Value
    /// The value as the language writes it (`"Bắc Kạn"`, `2017`), which `:save` keeps.
    public let literal: String
    /// Where it was written, for messages.
    let source: SourceText
    let nameSpan: SourceSpan
    let valueSpan: SourceSpan

    /// A text as a literal of the language, in double quotes with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
