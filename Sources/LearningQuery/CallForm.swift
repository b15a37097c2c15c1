import LearningData

/// What a call is checked and bound against, the same for a built-in and a user function: its name,
/// parameters (each optional or not), how it is written and an example for messages.
struct CallForm {
    let name: String
    let parameters: [Parameter]
    let signature: String
    let example: String?

    /// E204 for a parameter the call leaves out and may not.
    func missing(_ parameter: Parameter, at span: SourceSpan, in source: SourceText) -> QueryError {
        QueryError(source.diagnostic("E204", "\(name) needs “\(parameter.name)”" + (parameter.type.isEmpty ? "" : " (\(parameter.type))"), at: span,
                                     hint: "usage: \(signature)" + (example.map { "; for example: \($0)" } ?? "")))
    }

    /// E203 for a label no parameter has, with the nearest one.
    func unknownLabel(_ label: String, at span: SourceSpan, in source: SourceText) -> QueryError {
        let near = closestMatches(to: label, among: parameters.map(\.name), limit: 1).first
        return QueryError(source.diagnostic("E203", "\(name) has no argument “\(label)”", at: span,
                                            hint: (near.map { "did you mean `\($0):`? " } ?? "") + "usage: \(signature)"))
    }

    /// E205 for more arguments than parameters.
    func tooMany(at span: SourceSpan, in source: SourceText) -> QueryError {
        QueryError(source.diagnostic("E205", "\(name) takes at most \(parameters.count) arguments", at: span, hint: "usage: \(signature)"))
    }
}

extension BuiltinFunction {
    var form: CallForm { CallForm(name: name, parameters: parameters, signature: signature, example: example) }
}

extension FunctionDefinition {
    /// A parameter with a default may be left out; its type is whatever the call gives.
    var form: CallForm {
        CallForm(name: name, parameters: parameters.map { Parameter($0.name, "", optional: $0.defaultValue != nil) }, signature: signature, example: nil)
    }
}
