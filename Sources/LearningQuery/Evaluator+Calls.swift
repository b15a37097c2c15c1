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
        var bound: [String: (value: Value, span: SourceSpan)] = [:]
        var positional = 0
        if let leading {
            guard let first = function.parameters.first else {
                throw QueryError(context.source.diagnostic("E205", "\(name) takes no arguments, so nothing can flow into it with “|”", at: nameSpan))
            }
            bound[first.name] = leading
            positional = 1
        }
        for argument in arguments {
            let value = try evaluate(argument.value, scope)
            if let label = argument.label {
                guard let parameter = function.parameters.first(where: { $0.name == label }) else {
                    let near = closestMatches(to: label, among: function.parameters.map(\.name), limit: 1).first
                    throw QueryError(context.source.diagnostic("E203", "\(name) has no argument “\(label)”", at: argument.labelSpan ?? span,
                                                               hint: (near.map { "did you mean `\($0):`? " } ?? "") + "usage: \(function.signature)"))
                }
                guard bound[parameter.name] == nil else {
                    throw QueryError(context.source.diagnostic("E205", "“\(label)” is given twice", at: argument.labelSpan ?? span, hint: "usage: \(function.signature)"))
                }
                bound[parameter.name] = (value, argument.value.span)
            } else {
                guard positional < function.parameters.count else {
                    throw QueryError(context.source.diagnostic("E205", "\(name) takes at most \(function.parameters.count) arguments", at: argument.value.span,
                                                               hint: "usage: \(function.signature)"))
                }
                bound[function.parameters[positional].name] = (value, argument.value.span)
                positional += 1
            }
        }
        for parameter in function.parameters where !parameter.isOptional && bound[parameter.name] == nil {
            throw QueryError(context.source.diagnostic("E204", "\(name) needs “\(parameter.name)” (\(parameter.type))", at: span,
                                                       hint: "usage: \(function.signature); for example: \(function.example)"))
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
        var bound: [String: Value] = [:]
        var positional = 0
        if let leading {
            guard let first = d.parameters.first else {
                throw QueryError(context.source.diagnostic("E205", "\(d.name) takes no arguments, so nothing can flow into it with “|”", at: nameSpan))
            }
            bound[first.name] = leading.0
            positional = 1
        }
        for argument in arguments {
            let value = try evaluate(argument.value, scope)
            if let label = argument.label {
                guard d.parameters.contains(where: { $0.name == label }) else {
                    let near = closestMatches(to: label, among: user.parameterNames, limit: 1).first
                    throw QueryError(context.source.diagnostic("E203", "\(d.name) has no argument “\(label)”", at: argument.labelSpan ?? span,
                                                               hint: (near.map { "did you mean `\($0):`? " } ?? "") + "usage: \(d.signature)"))
                }
                guard bound[label] == nil else {
                    throw QueryError(context.source.diagnostic("E205", "“\(label)” is given twice", at: argument.labelSpan ?? span, hint: "usage: \(d.signature)"))
                }
                bound[label] = value
            } else {
                guard positional < d.parameters.count else {
                    throw QueryError(context.source.diagnostic("E205", "\(d.name) takes at most \(d.parameters.count) arguments", at: argument.value.span,
                                                               hint: "usage: \(d.signature)"))
                }
                bound[d.parameters[positional].name] = value
                positional += 1
            }
        }
        let inner = context.calling(user, with: [:])
        for parameter in d.parameters where bound[parameter.name] == nil {
            guard let defaultValue = parameter.defaultValue else {
                throw QueryError(context.source.diagnostic("E204", "\(d.name) needs “\(parameter.name)”", at: span, hint: "usage: \(d.signature)"))
            }
            // A default is evaluated where it was written, with the parameters bound so far.
            inner.bindings.merge(bound) { _, new in new }
            bound[parameter.name] = try Evaluator(context: inner).evaluate(defaultValue, nil)
        }
        let body = context.calling(user, with: bound)
        defer { for w in body.warnings where !context.warnings.contains(w) { context.warnings.append(w) } }
        return try Evaluator(context: body).evaluate(d.body, nil)
    }

    func unknownFunction(_ name: String, _ span: SourceSpan) -> QueryError {
        let near = closestMatches(to: name, among: Functions.all.map(\.name) + Array(context.functions.keys) + Array(Functions.aggregates), limit: 1).first
        var hint = near.map { "did you mean `\($0)`?" }
        if hint == nil, context.dataset.catalogue[IndicatorID(name)] != nil { hint = "\(name) is an indicator, not a function" }
        return QueryError(context.source.diagnostic("E221", "unknown function “\(Diagnostic.excerpt(name))”", at: span, hint: hint))
    }
}
