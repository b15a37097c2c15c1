import LearningData

extension Evaluator {
    /// Calls a function: `leading` is the value flowing in from the left of a `|`.
    func call(_ name: String, _ arguments: [Argument], nameSpan: SourceSpan, span: SourceSpan, _ scope: RowScope?,
              leading: (Value, SourceSpan)?) throws(QueryError) -> Value {
        guard let function = Functions.named[name] else {
            if let user = context.functions[name] {
                return try callUser(user, arguments, nameSpan: nameSpan, span: span, scope, leading: leading)
            }
            if Functions.aggregates.contains(name) {
                throw QueryError(context.source.diagnostic("E222", "\(name)() is an aggregate: it is used inside “group … aggregate”", at: nameSpan,
                                                           hint: "figures | group region aggregate n = \(name)(value)"))
            }
            throw unknownFunction(name, nameSpan)
        }
        let form = function.form
        let bound = try bind(form, arguments, nameSpan: nameSpan, span: span, scope, leading: leading)
        for parameter in function.parameters where !parameter.isOptional && bound[parameter.name] == nil {
            throw form.missing(parameter, at: span, in: context.source)
        }
        var call = CallArguments(function: function, values: bound, callSpan: span, context: context)
        return try function.body(&call)
    }

    /// Calls a function the session defined: arguments bound to parameters by position or name (the
    /// value from the left of a `|` first), defaults for the rest, then the body in its own context.
    func callUser(_ user: UserFunction, _ arguments: [Argument], nameSpan: SourceSpan, span: SourceSpan, _ scope: RowScope?,
                  leading: (Value, SourceSpan)?) throws(QueryError) -> Value {
        let d = user.definition
        guard context.callDepth < UserFunction.maximumDepth else {
            throw QueryError(context.source.diagnostic("E223", "\(d.name) calls itself, or other functions call each other, more than \(UserFunction.maximumDepth) deep",
                                                       at: nameSpan, hint: "a recursion needs a case that stops it; this one did not stop"))
        }
        var bound = try bind(d.form, arguments, nameSpan: nameSpan, span: span, scope, leading: leading).mapValues(\.value)
        let inner = context.calling(user, with: [:])
        for parameter in d.parameters where bound[parameter.name] == nil {
            guard let defaultValue = parameter.defaultValue else { throw d.form.missing(Parameter(parameter.name, ""), at: span, in: context.source) }
            // A default is evaluated where it was written, with the parameters bound so far.
            inner.bindings.merge(bound) { _, new in new }
            bound[parameter.name] = try Evaluator(context: inner).evaluate(defaultValue, nil)
        }
        let body = context.calling(user, with: bound)
        defer { for w in body.warnings where !context.warnings.contains(w) { context.warnings.append(w) } }
        return try Evaluator(context: body).evaluate(d.body, nil)
    }

    /// Binds a call's arguments to its function's parameters, by position or label (the value from the
    /// left of a `|` first), each argument evaluated in the caller's scope; what is left out is the
    /// caller's to check.
    private func bind(_ form: CallForm, _ arguments: [Argument], nameSpan: SourceSpan, span: SourceSpan, _ scope: RowScope?,
                      leading: (Value, SourceSpan)?) throws(QueryError) -> [String: (value: Value, span: SourceSpan)] {
        var bound: [String: (value: Value, span: SourceSpan)] = [:]
        var positional = 0
        if let leading {
            guard let first = form.parameters.first else {
                throw QueryError(context.source.diagnostic("E205", "\(form.name) takes no arguments, so nothing can flow into it with “|”", at: nameSpan))
            }
            bound[first.name] = leading
            positional = 1
        }
        for argument in arguments {
            let value = try evaluate(argument.value, scope)
            if let label = argument.label {
                guard form.parameters.contains(where: { $0.name == label }) else {
                    throw form.unknownLabel(label, at: argument.labelSpan ?? span, in: context.source)
                }
                guard bound[label] == nil else {
                    throw QueryError(context.source.diagnostic("E205", "“\(label)” is given twice", at: argument.labelSpan ?? span, hint: "usage: \(form.signature)"))
                }
                bound[label] = (value, argument.value.span)
            } else {
                guard positional < form.parameters.count else { throw form.tooMany(at: argument.value.span, in: context.source) }
                bound[form.parameters[positional].name] = (value, argument.value.span)
                positional += 1
            }
        }
        return bound
    }

    func unknownFunction(_ name: String, _ span: SourceSpan) -> QueryError {
        let near = closestMatches(to: name, among: Functions.all.map(\.name) + Array(context.functions.keys) + Array(Functions.aggregates), limit: 1).first
        var hint = near.map { "did you mean `\($0)`?" }
        if hint == nil, context.dataset.catalogue[IndicatorID(name)] != nil { hint = "\(name) is an indicator, not a function" }
        return QueryError(context.source.diagnostic("E221", "unknown function “\(Diagnostic.excerpt(name))”", at: span, hint: hint))
    }
}
