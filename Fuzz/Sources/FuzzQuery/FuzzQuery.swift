// Fuzz target: the front of the query language (bytes to text, lexer, parser, name resolution) and the
// diagnostics it writes. Nothing is evaluated: FuzzEvaluate does that.

import FuzzSupport
import LearningData
@testable import LearningQuery

/// One input: a script's bytes. Every error must be a diagnostic, never a trap; every span a token or
/// statement gives must lie inside the text, since messages cut the source line with it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text: String
    do {
        text = try ScriptText.decode(FuzzInput.bytes(data, size), name: "<fuzz>")
    } catch {
        _ = error.description
        return 0
    }
    let source = SourceText(text, name: "<fuzz>")
    let length = source.scalars.count
    do {
        var previous = 0
        for token in try Lexer.tokens(source) {
            let span = token.span
            invariant(0 <= span.start && span.start <= span.end && span.end <= length,
                      "token \(token.kind) has span \(span.start)..<\(span.end) in a text of \(length) scalars")
            invariant(span.start >= previous, "token \(token.kind) at \(span.start) starts before the one before it (\(previous))")
            previous = span.start
        }
        let statements = try Parser.parse(source)
        for statement in statements {
            let span = statement.span
            invariant(0 <= span.start && span.start <= span.end && span.end <= length,
                      "a statement has span \(span.start)..<\(span.end) in a text of \(length) scalars")
            _ = source.text(span)
        }
        let context = EvaluationContext(dataset: SeedData.dataset, bindings: [:], source: source, cancellation: CancellationFlag())
        var resolver = Resolver(context: context)
        try resolver.check(statements)
    } catch {
        _ = error.description
    }
    return 0
}
