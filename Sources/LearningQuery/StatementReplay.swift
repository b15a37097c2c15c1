/// A statement as a saved session writes it, so that the saved script runs again to the same result
/// wherever it is saved and whatever was given to it: a parameter keeps the value it was given, and a
/// relative path of `import` or `read_csv` is written absolute (it was read from the folder of the
/// text it was written in, which the saved script is not).
enum StatementReplay {
    static func text(_ statement: Statement, in source: SourceText, arguments: [String: ScriptArgument], files: ScriptFiles) -> String {
        if case let .parameter(d) = statement, let given = arguments[d.name] {
            return "param \(d.name)" + (d.typeWritten ? ": \(d.type.rawValue)" : "") + " = \(given.literal)"
        }
        var replacements: [(SourceSpan, String)] = []
        func absolute(_ path: String, _ span: SourceSpan) {
            guard !path.hasPrefix("/") else { return }
            replacements.append((span, ScriptArgument.quoted(files.resolve(path, from: source.directory))))
        }
        var pending: [Expr] = []
        switch statement {
        case let .importFile(path, pathSpan, _): absolute(path, pathSpan)
        case let .binding(_, _, e), let .expression(e): pending = [e]
        case let .function(f): pending = [f.body] + f.parameters.compactMap(\.defaultValue)
        case let .parameter(d): pending = d.defaultValue.map { [$0] } ?? []
        }
        while let e = pending.popLast() {
            if case let .call("read_csv", arguments, _, _) = e,
               let path = arguments.first(where: { $0.label == "path" }) ?? arguments.first(where: { $0.label == nil }),
               case let .string(text, span) = path.value {
                absolute(text, span)
            }
            pending += e.children
        }
        let whole = statement.span
        var scalars = Array(source.text(whole).unicodeScalars)
        for (span, literal) in replacements.sorted(by: { $0.0.start > $1.0.start }) {
            let start = span.start - whole.start, end = span.end - whole.start
            guard start >= 0, end <= scalars.count, start <= end else { continue }
            scalars.replaceSubrange(start..<end, with: literal.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
