import LearningData
import LearningTrends

/// The row an expression inside a table operator is evaluated on.
struct RowScope {
    let table: Table
    let columns: [String: Int]
    var row: Int

    init(_ table: Table) {
        self.table = table
        columns = Dictionary(table.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        row = 0
    }

    func value(_ name: String) -> Value? { columns[name].map { table.value(row: row, column: $0) } }
}

/// Evaluates the tree of a statement, walking it (“Crafting Interpreters” style).
struct Evaluator {
    let context: EvaluationContext

    /// Evaluates a statement; a binding is stored in the context and its value returned.
    func run(_ statement: Statement) throws(QueryError) -> Value {
        switch statement {
        case let .binding(name, _, expr):
            let value = try evaluate(expr, nil)
            context.bindings[name] = value
            return value
        case let .expression(expr):
            return try evaluate(expr, nil)
        case let .function(definition):
            context.functions[definition.name] = UserFunction(definition: definition, source: context.source)
            return .text(definition.signature)
        case let .parameter(declaration):
            let value = try parameterValue(declaration)
            context.bindings[declaration.name] = value
            return value
        case let .importFile(path, pathSpan, _):
            let library = try context.libraries.library(path, at: pathSpan, in: context.source)
            try follow(library)
            return .text(library.path)
        }
    }

    /// A parameter's value: the one given from outside the script, else its default.
    private func parameterValue(_ d: ParameterDeclaration) throws(QueryError) -> Value {
        if let given = context.arguments[d.name] {
            guard let value = d.type.accepting(given.value) else { throw ScriptArguments.wrongType(given, d, in: context.source) }
            return value
        }
        guard let defaultValue = d.defaultValue else {
            throw QueryError(context.source.diagnostic("E136", "the script needs a value for “\(d.name)”, which has no default", at: d.nameSpan,
                                                       hint: "give it when running the script: --set \(d.name)=… on the command line, :load FILE \(d.name): … in the shell"))
        }
        let value = try evaluate(defaultValue, nil)
        guard let accepted = d.type.accepting(value) else {
            throw typeError("“\(d.name)” is declared \(d.type.rawValue) but its default is \(value.typeName)", defaultValue.span, hint: "its values must be \(d.type.described)")
        }
        return accepted
    }

    /// Runs a library's statements here: its bindings and functions are the session's after.
    private func follow(_ library: Library) throws(QueryError) {
        context.libraries.enter(library)
        defer { context.libraries.leave() }
        let inner = context.reading(library.source)
        defer { for w in inner.warnings where !context.warnings.contains(w) { context.warnings.append(w) } }
        for statement in library.statements { _ = try Evaluator(context: inner).run(statement) }
        context.bindings = inner.bindings
        context.functions = inner.functions
    }

    func evaluate(_ e: Expr, _ scope: RowScope?) throws(QueryError) -> Value {
        switch e {
        case let .number(x, _): return .number(x)
        case let .percent(x, _): return .percent(x)
        case let .string(s, _): return .text(s)
        case let .bool(b, _): return .bool(b)
        case .null: return .null
        case let .name(name, span): return try lookup(name, span, scope)
        case let .negate(inner, span):
            let v = try evaluate(inner, scope)
            if v.isNull { return .null }
            guard let x = v.numeric, !(v.isYear) else { throw typeError("cannot negate \(v.typeName)", span) }
            return v.sameKind(-x)
        case let .not(inner, span):
            switch try evaluate(inner, scope) {
            case .null: return .null
            case let .bool(b): return .bool(!b)
            case let other: throw typeError("“not” needs true or false, not \(other.typeName)", span)
            }
        case let .binary(op, left, right, span):
            return try binary(op, left, right, span, scope)
        case let .call(name, arguments, nameSpan, span):
            return try call(name, arguments, nameSpan: nameSpan, span: span, scope, leading: nil)
        case let .list(items, _):
            var values: [Value] = []
            for item in items { values.append(try evaluate(item, scope)) }
            return .list(values)
        case let .record(fields, _):
            var out: [(String, Value)] = []
            for (name, expr) in fields { out.append((name, try evaluate(expr, scope))) }
            return .record(Record(out))
        case let .member(base, field, span):
            return try member(try evaluate(base, scope), field, span)
        case let .pipeline(left, stages, _):
            var value: Value
            var rest = stages[...]
            if let narrowed = try narrowedSource(left, by: stages.first, scope) {
                value = narrowed.value
                rest = stages.dropFirst()
                if let residual = narrowed.residual, let first = stages.first {
                    value = try apply(Stage(kind: .filter(residual), span: first.span), to: value, scope)
                }
            } else {
                value = try evaluate(left, scope)
            }
            var stages = rest
            while let stage = stages.popFirst() {
                // `sort k | take n` is `top`'s bounded selection: the same rows, without sorting them all.
                if case let .sort(keys) = stage.kind, let next = stages.first, case let .take(count) = next.kind, case let .table(table) = value,
                   let n = try? rowCount(count, next.span) {
                    value = .table(table.selecting(try order(table, keys, limit: n)))
                    stages = stages.dropFirst()
                    continue
                }
                value = try apply(stage, to: value, scope)
            }
            return value
        }
    }

    // MARK: Names

    func lookup(_ name: String, _ span: SourceSpan, _ scope: RowScope?) throws(QueryError) -> Value {
        if let value = scope?.value(name) { return value }
        if let value = context.bindings[name] { return value }
        if let value = builtinName(name) { return value }
        if let indicator = context.dataset.catalogue[IndicatorID(name)] { return .indicator(indicator) }
        throw unknownName(name, span, columns: scope?.table.columnNames ?? [])
    }

    func builtinName(_ name: String) -> Value? {
        switch name {
        case "figures": return .table(context.builtins.figures)
        case "regions": return .table(context.builtins.regions)
        case "indicators": return .table(context.builtins.indicators)
        case "latest": return .period(.latest)
        default: return nil
        }
    }

    func unknownName(_ name: String, _ span: SourceSpan, columns: [String]) -> QueryError {
        if let function = Functions.named[name] {
            // Suggesting the name itself (a function's) would say nothing: say what it is.
            return QueryError(context.source.diagnostic("E201", "unknown name “\(Diagnostic.excerpt(name))”", at: span,
                                                        hint: "“\(name)” is a function, called as \(function.signature)" + (columns.isEmpty ? "" : "; the columns here: " + columns.joined(separator: ", "))))
        }
        var candidates: [String] = columns
        candidates += Array(context.bindings.keys)
        candidates += BuiltinTables.names
        candidates += context.dataset.catalogue.indicators.map(\.id.rawValue)
        candidates += Functions.all.map(\.name)
        let near = closestMatches(to: name.replacingOccurrences(of: "_", with: " "), among: candidates.map { $0.replacingOccurrences(of: "_", with: " ") }, limit: 1)
            .first.map { $0.replacingOccurrences(of: " ", with: "_") }
        var hint = near.map { "did you mean `\($0)`?" }
        if near == nil, Self.namesRegion(name, context.dataset.gazetteer) { hint = "a region name goes in quotes: \"\(name)\"" }
        if near == nil, let indicator = context.dataset.catalogue.lookup(name) { hint = "the indicator is written `\(indicator.id)`" }
        return QueryError(context.source.diagnostic("E201", "unknown name “\(Diagnostic.excerpt(name))”", at: span, hint: hint))
    }

    /// Whether a bare word is the name of one or more regions (then it was meant in quotes).
    static func namesRegion(_ name: String, _ gazetteer: Gazetteer) -> Bool {
        do {
            _ = try gazetteer.lookup(name.replacingOccurrences(of: "_", with: " "))
            return true
        } catch {
            if case .ambiguous = error { return true }
            return false
        }
    }

    // MARK: Members

    func member(_ value: Value, _ field: String, _ span: SourceSpan) throws(QueryError) -> Value {
        switch value {
        case .null: return .null
        case let .record(record):
            if let v = record[field] { return v }
            throw QueryError(context.source.diagnostic("E211", "the record has no field “\(field)”", at: span,
                                                       expected: record.names.joined(separator: ", ")))
        case let .region(region):
            switch field {
            case "name": return .text(region.name)
            case "id": return .text(region.id.rawValue)
            case "level": return .text(region.level.name)
            case "kind": return .text(region.kind.vietnamese)
            case "parent": return region.parent.flatMap { context.dataset.gazetteer[$0] }.map(Value.region) ?? .null
            default: throw QueryError(context.source.diagnostic("E211", "a region has no field “\(field)”", at: span, expected: "name, id, level, kind, parent"))
            }
        case let .indicator(indicator):
            switch field {
            case "id": return .text(indicator.id.rawValue)
            case "name": return .text(indicator.name)
            case "label": return .text(indicator.label)
            case "unit": return .text(indicator.unit.english)
            default: throw QueryError(context.source.diagnostic("E211", "an indicator has no field “\(field)”", at: span, expected: "id, name, label, unit"))
            }
        case let .table(table):
            guard let column = table.columnIndex(field) else {
                throw QueryError(context.source.diagnostic("E211", "the table has no column “\(field)”", at: span, expected: table.columnNames.joined(separator: ", ")))
            }
            return .list(table.values(column: column))
        default:
            throw typeError("\(value.typeName) has no fields", span)
        }
    }

    func typeError(_ message: String, _ span: SourceSpan, hint: String? = nil) -> QueryError {
        QueryError(context.source.diagnostic("E210", message, at: span, hint: hint))
    }
}

extension Value {
    var isYear: Bool { if case .year = self { return true } else { return false } }
}
