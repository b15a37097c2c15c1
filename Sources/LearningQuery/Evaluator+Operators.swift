import LearningData

extension Evaluator {
    func binary(_ op: String, _ leftExpr: Expr, _ rightExpr: Expr, _ span: SourceSpan, _ scope: RowScope?) throws(QueryError) -> Value {
        if op == "and" || op == "or" { return try logical(op, leftExpr, rightExpr, span, scope) }
        let left = try evaluate(leftExpr, scope)
        let right = try evaluate(rightExpr, scope)
        switch op {
        case "+", "-", "*", "/": return try arithmetic(op, left, right, span)
        case "==": return equality(left, right, rightExpr: rightExpr)
        case "!=":
            if case let .bool(b) = equality(left, right, rightExpr: rightExpr) { return .bool(!b) }
            return .null
        case "<", "<=", ">", ">=": return try order(op, left, right, span)
        case "~", "!~":
            if left.isNull || right.isNull { return .null }
            guard case let .text(pattern) = right else { throw typeError("“\(op)” needs text on its right, not \(right.typeName)", rightExpr.span) }
            let found = Self.texts(of: left).contains { VietnameseText.foldedContains($0, pattern) }
            return .bool(op == "~" ? found : !found)
        case "in":
            if left.isNull { return .null }
            let items: [Value]
            switch right {
            case let .list(values): items = values
            case let .table(table) where table.columnNames.count == 1: items = table.values(column: 0)
            default: throw typeError("“in” needs a list on its right, such as [2016, 2018], not \(right.typeName)", rightExpr.span)
            }
            return .bool(items.contains { if case .bool(true) = equality(left, $0, rightExpr: rightExpr) { return true } else { return false } })
        default:
            throw typeError("unknown operator “\(op)”", span)
        }
    }

    private func logical(_ op: String, _ leftExpr: Expr, _ rightExpr: Expr, _ span: SourceSpan, _ scope: RowScope?) throws(QueryError) -> Value {
        func truth(_ v: Value, _ e: Expr) throws(QueryError) -> Bool? {
            switch v {
            case .null: return nil
            case let .bool(b): return b
            default: throw typeError("“\(op)” needs true or false on both sides, not \(v.typeName)", e.span)
            }
        }
        let left = try truth(try evaluate(leftExpr, scope), leftExpr)
        if op == "and", left == false { return .bool(false) }
        if op == "or", left == true { return .bool(true) }
        let right = try truth(try evaluate(rightExpr, scope), rightExpr)
        switch (op, left, right) {
        case ("and", _, false): return .bool(false)
        case ("or", _, true): return .bool(true)
        case (_, nil, _), (_, _, nil): return .null
        case let (_, l?, r?): return .bool(op == "and" ? l && r : l || r)
        }
    }

    /// Arithmetic that keeps units straight: percent − percent is percentage points; a plain number takes
    /// the other side's unit; money ÷ money is a plain number; division by zero is null, with a warning.
    func arithmetic(_ op: String, _ left: Value, _ right: Value, _ span: SourceSpan) throws(QueryError) -> Value {
        finite(try rawArithmetic(op, left, right, span), span)
    }

    /// A number that overflowed (an infinity, or the NaN of infinity − infinity) as null, with W203:
    /// a sum too large to hold is missing, never ∞.
    func finite(_ result: Value, _ span: SourceSpan) -> Value {
        guard let x = result.numeric, !x.isFinite else { return result }
        context.warn("W203", "the result is too large to be a number; it is null", at: span)
        return .null
    }

    private func rawArithmetic(_ op: String, _ left: Value, _ right: Value, _ span: SourceSpan) throws(QueryError) -> Value {
        if left.isNull || right.isNull { return .null }
        if op == "+", case let .text(a) = left {
            // Text joins a number (written plainly, so "năm " + 2018 is "năm 2018"), a year or a name.
            switch right {
            case let .text(b): return .text(a + b)
            case let .number(x): return .text(a + PlainNumber.format(x))
            case .year, .region, .indicator: return .text(a + ValueFormatter.human(right, .vi))
            default: break
            }
        }
        guard let a = left.numeric, let b = right.numeric else {
            throw typeError("cannot use “\(op)” on \(left.typeName) and \(right.typeName)", span)
        }
        switch op {
        case "+", "-":
            let x = op == "+" ? a + b : a - b
            switch (left, right) {
            case (.percent, .percent): return op == "-" ? .points(x) : .percent(x)
            case (.year, .year): return .number(x)
            case (.number, _): return right.sameKind(x)
            default: return left.sameKind(x)
            }
        case "*":
            switch (left, right) {
            case (.number, _): return right.isYear ? .number(a * b) : right.sameKind(a * b)
            case (_, .number): return left.isYear ? .number(a * b) : left.sameKind(a * b)
            default: return .number(a * b)
            }
        default:
            guard b != 0 else {
                context.warn("W201", "division by zero gives null", at: span)
                return .null
            }
            switch (left, right) {
            case (.money, .money), (.percent, .percent), (.points, .points), (.number, .number): return .number(a / b)
            case (_, .number): return left.isYear ? .number(a / b) : left.sameKind(a / b)
            default: return .number(a / b)
            }
        }
    }

    /// Equality: a region equals its id or its name (folded), an indicator its id or a name; numbers
    /// compare by value across units. `x == null` asks whether x is missing.
    func equality(_ left: Value, _ right: Value, rightExpr: Expr) -> Value {
        if case .null = right { return .bool(left.isNull) }
        if case .null = left { return .bool(false) }
        switch (left, right) {
        case let (.region(a), .region(b)): return .bool(a.id == b.id)
        case let (.region(r), .text(t)), let (.text(t), .region(r)):
            let key = VietnameseText.fold(t)
            return .bool(r.id.rawValue == t || Self.texts(of: .region(r)).contains { VietnameseText.fold($0) == key })
        case let (.indicator(a), .indicator(b)): return .bool(a.id == b.id)
        case let (.indicator(i), .text(t)), let (.text(t), .indicator(i)):
            return .bool(i.id.rawValue == t || context.dataset.catalogue.lookup(t)?.id == i.id)
        case let (.text(a), .text(b)): return .bool(a == b)
        case let (.bool(a), .bool(b)): return .bool(a == b)
        default:
            if let a = left.numeric, let b = right.numeric { return .bool(a == b) }
            return .bool(false)
        }
    }

    func order(_ op: String, _ left: Value, _ right: Value, _ span: SourceSpan) throws(QueryError) -> Value {
        if left.isNull || right.isNull { return .null }
        let result: ComparisonResult
        if case let .text(a) = left, case let .text(b) = right {
            result = a < b ? .less : (a == b ? .equal : .greater)
        } else if let a = left.numeric, let b = right.numeric {
            result = a < b ? .less : (a == b ? .equal : .greater)
        } else {
            throw typeError("cannot compare \(left.typeName) with \(right.typeName)", span)
        }
        switch op {
        case "<": return .bool(result == .less)
        case "<=": return .bool(result != .greater)
        case ">": return .bool(result == .greater)
        default: return .bool(result != .less)
        }
    }

    enum ComparisonResult { case less, equal, greater }

    /// The texts a value may be matched by with `~`: a region's name, kind and name, aliases and id.
    static func texts(of value: Value) -> [String] {
        switch value {
        case let .region(r): [r.name, r.qualifiedName, r.id.rawValue] + r.aliases
        case let .indicator(i): [i.id.rawValue, i.name, i.label] + i.synonyms
        case let .text(t): [t]
        case let .year(y): [String(y)]
        default: []
        }
    }
}
