import LearningData

/// Reading values given to a script from outside and checking them against its `param`s, before
/// anything of the script runs.
enum ScriptArguments {
    /// `name=value` as `--set` writes it. The value is read as the language reads a value (`"Bắc Kạn"`,
    /// `2017`, `latest`, `true`); what does not read as one (`Bắc Kạn`, whose quotes the command line
    /// took) is taken as text, as papermill does.
    static func setting(_ text: String, evaluate: (SourceText) -> Value?) throws(QueryError) -> ScriptArgument {
        let source = SourceText(text, name: "--set")
        let scalars = Array(VietnameseText.nfc(text).unicodeScalars)
        let whole = SourceSpan(start: 0, end: max(1, scalars.count), line: 1, column: 1)
        guard let equals = scalars.firstIndex(of: "=") else {
            throw QueryError(source.diagnostic("E112", "--set takes NAME=VALUE", at: whole, hint: "for example --set a=\"Bắc Kạn\" --set year=2017"))
        }
        let name = String(String.UnicodeScalarView(scalars[..<equals])).trimmingWhitespace
        let nameSpan = SourceSpan(start: 0, end: max(1, equals), line: 1, column: 1)
        guard isName(name) else {
            throw QueryError(source.diagnostic("E112", "“\(Diagnostic.excerpt(name))” is not a parameter's name", at: nameSpan,
                                               expected: "NAME=VALUE, the name in letters, digits and _"))
        }
        let valueText = String(String.UnicodeScalarView(scalars[(equals + 1)...]))
        let valueSpan = SourceSpan(start: equals + 1, end: max(equals + 2, scalars.count), line: 1, column: equals + 2)
        if let value = evaluate(SourceText(valueText, name: "--set")), !valueText.trimmingWhitespace.isEmpty {
            return ScriptArgument(name: name, value: value, literal: valueText.trimmingWhitespace, source: source, nameSpan: nameSpan, valueSpan: valueSpan)
        }
        return ScriptArgument(name: name, value: .text(valueText), literal: ScriptArgument.quoted(valueText), source: source, nameSpan: nameSpan, valueSpan: valueSpan)
    }

    private static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Checks given values against the parameters a script declares: each must name one, once, with a
    /// value of its type.
    static func check(_ arguments: [ScriptArgument], against declarations: [ParameterDeclaration], script: String, in scriptSource: SourceText) throws(QueryError) {
        var seen = Set<String>()
        for argument in arguments {
            guard seen.insert(argument.name).inserted else {
                throw QueryError(argument.source.diagnostic("E205", "“\(argument.name)” is given twice", at: argument.nameSpan))
            }
            guard let declaration = declarations.first(where: { $0.name == argument.name }) else {
                let names = declarations.map(\.name)
                let near = closestMatches(to: argument.name, among: names, limit: 1).first
                let known = names.isEmpty ? "\(script) declares no parameters (param NAME = default)" : "its parameters: " + names.joined(separator: ", ")
                throw QueryError(argument.source.diagnostic("E134", "\(script) has no parameter “\(Diagnostic.excerpt(argument.name))”", at: argument.nameSpan,
                                                            hint: (near.map { "did you mean “\($0)”? " } ?? "") + known))
            }
            guard declaration.type.accepting(argument.value) != nil else { throw wrongType(argument, declaration, in: scriptSource) }
        }
    }

    /// E135: a value of the wrong type for its parameter, shown where it was given.
    static func wrongType(_ argument: ScriptArgument, _ declaration: ParameterDeclaration, in script: SourceText) -> QueryError {
        let at = "\(script.name):\(declaration.nameSpan.line)"
        return QueryError(argument.source.diagnostic("E135", "“\(argument.name)” takes \(declaration.type.described), not \(argument.value.typeName) \(argument.literal)",
                                                     at: argument.valueSpan, hint: "the script declares it at \(at): \(script.text(declaration.span))"))
    }

    /// The parameters a program declares at its top level.
    static func declarations(_ statements: [Statement]) -> [ParameterDeclaration] {
        statements.compactMap { if case let .parameter(d) = $0 { d } else { nil } }
    }
}
