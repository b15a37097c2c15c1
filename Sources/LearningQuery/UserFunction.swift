/// A function a session defined (`let share(ind, r, y) = …`), with the text it was written in, so that
/// an error in its body points into that text, whichever input calls it.
struct UserFunction: Sendable {
    let definition: FunctionDefinition
    let source: SourceText

    /// How deep calls of user functions may nest before the evaluation stops: a recursion that never
    /// ends is refused, not run until the stack overflows.
    static let maximumDepth = 32

    /// The parameters' names, in order.
    var parameterNames: [String] { definition.parameters.map(\.name) }
}
