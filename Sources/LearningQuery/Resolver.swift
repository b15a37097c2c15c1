import LearningData

/// Checks every name of a program before anything is evaluated: variables, columns, indicators,
/// functions and their named arguments. It follows the columns of tables through the pipeline where
/// they are known (the built-in tables, functions that declare theirs, `select`, `derive`, `group`);
/// where they are not, column names are left for the evaluator to check.
struct Resolver {
    /// What a name or expression is known to hold.
    enum Shape {
        case table([String])
        case unknownTable
        case other
    }

    private let context: EvaluationContext
    private(set) var bindings: [String: Shape]
    /// The user functions known so far: the session's, then those the program defines.
    private(set) var functions: [String: FunctionDefinition]

    init(context: EvaluationContext) {
        self.context = context
        functions = context.functions.mapValues(\.definition)
        bindings = context.bindings.mapValues { value in
            switch value {
            case let .table(t): .table(t.columnNames)
            case .series: .table(SeriesTable.columns)
            default: .other
            }
        }
    }

    private var evaluator: Evaluator { Evaluator(context: context) }

    mutating func check(_ statements: [Statement]) throws(QueryError) {
        for statement in statements {
            switch statement {
            case let .binding(name, _, expr): bindings[name] = try shape(expr, columns: nil)
            case let .expression(expr): _ = try shape(expr, columns: nil)
            case let .function(definition):
                // Known inside its own body, so that a recursion resolves (and is bounded when run).
                functions[definition.name] = definition
                var inner = self
                // A parameter may hold anything: a table's columns are checked when it is known.
                for parameter in definition.parameters {
                    if let defaultValue = parameter.defaultValue { _ = try inner.shape(defaultValue, columns: nil) }
                    inner.bindings[parameter.name] = .unknownTable
                }
                _ = try inner.shape(definition.body, columns: nil)
            case let .parameter(declaration):
                if let defaultValue = declaration.defaultValue { _ = try shape(defaultValue, columns: nil) }
                bindings[declaration.name] = declaration.type == .any || declaration.type == .list ? .unknownTable : .other
            case let .importFile(path, pathSpan, _):
                try follow(try context.libraries.library(path, at: pathSpan, in: context.source))
            }
        }
    }

    /// Checks a library's statements as if written here: what it binds and defines is known after.
    private mutating func follow(_ library: Library) throws(QueryError) {
        context.libraries.enter(library)
        defer { context.libraries.leave() }
        var inner = Resolver(context: context.reading(library.source))
        inner.bindings = bindings
        inner.functions = functions
        try inner.check(library.statements)
        bindings = inner.bindings
        functions = inner.functions
    }

    /// `columns` are the columns of the row an expression is evaluated on, nil outside table operators
    /// and `[]`-less when unknown (then any name might be a column).
    private func shape(_ e: Expr, columns: [String]?, rowUnknown: Bool = false) throws(QueryError) -> Shape {
        switch e {
        case .number, .percent, .string, .bool, .null: return .other
        case let .name(name, span):
            if let columns, columns.contains(name) { return .other }
            if rowUnknown { return .other }
            if let known = bindings[name] { return known }
            switch name {
            case "figures": return .table(FiguresColumns.names(context.dataset))
            case "regions": return .table(BuiltinTables.regionColumns + context.dataset.gazetteer.extraColumns)
            case "indicators": return .table(BuiltinTables.indicatorColumns)
            case "latest": return .other
            default: break
            }
            if context.dataset.catalogue[IndicatorID(name)] != nil { return .other }
            throw evaluator.unknownName(name, span, columns: columns ?? [])
        case let .negate(inner, _), let .not(inner, _):
            _ = try shape(inner, columns: columns, rowUnknown: rowUnknown)
            return .other
        case let .binary(_, l, r, _):
            _ = try shape(l, columns: columns, rowUnknown: rowUnknown)
            _ = try shape(r, columns: columns, rowUnknown: rowUnknown)
            return .other
        case let .call(name, arguments, nameSpan, span):
            return try call(name, arguments, nameSpan: nameSpan, span: span, leading: false, columns: columns, rowUnknown: rowUnknown)
        case let .list(items, _):
            for item in items { _ = try shape(item, columns: columns, rowUnknown: rowUnknown) }
            return .other
        case let .record(fields, _):
            for (_, value) in fields { _ = try shape(value, columns: columns, rowUnknown: rowUnknown) }
            return .other
        case let .member(base, _, _):
            _ = try shape(base, columns: columns, rowUnknown: rowUnknown)
            return .other
        case let .pipeline(left, stages, _):
            var current = try shape(left, columns: columns, rowUnknown: rowUnknown)
            for stage in stages { current = try apply(stage, to: current) }
            return current
        }
    }

    private func call(_ name: String, _ arguments: [Argument], nameSpan: SourceSpan, span: SourceSpan, leading: Bool,
                      columns: [String]?, rowUnknown: Bool) throws(QueryError) -> Shape {
        guard let function = Functions.named[name] else {
            // Aggregates are checked where they belong, inside group … aggregate.
            if Functions.aggregates.contains(name) { return .other }
            if let user = functions[name] {
                try checkCall(user.form, arguments, span: span, leading: leading, columns: columns, rowUnknown: rowUnknown)
                return .unknownTable
            }
            throw evaluator.unknownFunction(name, nameSpan)
        }
        try checkCall(function.form, arguments, span: span, leading: leading, columns: columns, rowUnknown: rowUnknown)
        if let declared = function.columns { return .table(declared) }
        return function.returns == "table" ? .unknownTable : .other
    }

    /// A call's arguments against its function's parameters (a built-in's or a user function's): each
    /// label a parameter's, no more arguments than parameters, every parameter that may not be left out
    /// given; and each argument's own names.
    private func checkCall(_ form: CallForm, _ arguments: [Argument], span: SourceSpan, leading: Bool,
                           columns: [String]?, rowUnknown: Bool) throws(QueryError) {
        var given = Set<String>()
        var positional = leading ? 1 : 0
        if leading, let first = form.parameters.first { given.insert(first.name) }
        for argument in arguments {
            if let label = argument.label {
                guard form.parameters.contains(where: { $0.name == label }) else {
                    throw form.unknownLabel(label, at: argument.labelSpan ?? span, in: context.source)
                }
                given.insert(label)
            } else {
                if positional < form.parameters.count { given.insert(form.parameters[positional].name) }
                positional += 1
            }
            _ = try shape(argument.value, columns: columns, rowUnknown: rowUnknown)
        }
        if positional > form.parameters.count { throw form.tooMany(at: span, in: context.source) }
        for parameter in form.parameters where !parameter.isOptional && !given.contains(parameter.name) {
            throw form.missing(parameter, at: span, in: context.source)
        }
    }

    private func apply(_ stage: Stage, to input: Shape) throws(QueryError) -> Shape {
        let columns: [String]?
        switch input {
        case let .table(names): columns = names
        default: columns = nil
        }
        let unknown = columns == nil
        func row(_ e: Expr) throws(QueryError) { _ = try shape(e, columns: columns ?? [], rowUnknown: unknown) }
        switch stage.kind {
        case let .filter(condition):
            try row(condition)
            return input
        case let .select(assignments):
            for a in assignments { try row(a.value) }
            return .table(assignments.map { $0.name ?? Evaluator.columnName($0.value, context.source) })
        case let .derive(assignments):
            for a in assignments { try row(a.value) }
            guard let columns else { return .unknownTable }
            return .table(columns + assignments.compactMap(\.name).filter { !columns.contains($0) })
        case let .sort(keys):
            for key in keys { try row(key.value) }
            return input
        case let .take(count):
            _ = try shape(count, columns: nil)
            return input
        case let .top(count, key, _):
            _ = try shape(count, columns: nil)
            try row(key)
            return input
        case let .group(keys, aggregates):
            if let columns {
                for (name, span) in keys where !columns.contains(name) { throw evaluator.unknownName(name, span, columns: columns) }
            }
            for a in aggregates {
                guard case let .call(function, arguments, _, _) = a.value, Functions.aggregates.contains(function) else {
                    throw QueryError(context.source.diagnostic("E220", "each aggregate is a call such as sum(value)", at: a.value.span,
                                                               expected: "count(), sum(x), min(x), max(x), avg(x), first(x), last(x), rate(numerator, denominator)"))
                }
                for argument in arguments { try row(argument.value) }
            }
            return .table(keys.map(\.0) + aggregates.compactMap(\.name))
        case .pivot:
            return .unknownTable
        case let .join(_, table, keys):
            let right = try shape(table, columns: nil)
            var rightColumns: [String]? = nil
            if case let .table(names) = right { rightColumns = names }
            for key in keys {
                if let columns, !columns.contains(key.left) { throw evaluator.unknownName(key.left, key.leftSpan, columns: columns) }
                if let rightColumns, !rightColumns.contains(key.right) { throw evaluator.unknownName(key.right, key.rightSpan, columns: rightColumns) }
            }
            guard let columns, let rightColumns else { return .unknownTable }
            return .table(JoinPlan.columnNames(left: columns, right: rightColumns, keys: keys).map(\.name))
        case let .union(table):
            _ = try shape(table, columns: nil)
            return input
        case let .call(name, arguments, nameSpan):
            return try call(name, arguments, nameSpan: nameSpan, span: stage.span, leading: true, columns: nil, rowUnknown: false)
        }
    }
}
