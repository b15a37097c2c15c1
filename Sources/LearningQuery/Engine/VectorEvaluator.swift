import LearningData
import LearningEngine

/// Evaluates an expression over every row of a table at once: the engine behind `where`, `select`,
/// `derive`, `sort`, `top` and `group`.
///
/// Each node takes the fastest of three paths, and gives the value the row-by-row evaluator gives:
/// - an expression that reads no column is evaluated once (and only if some row asks for it);
/// - an expression that reads one coded column (a region, an indicator, a text) is evaluated by the
///   row-by-row evaluator once per distinct code among the rows asked about, in order of first
///   appearance, and the answers spread back over the rows: `region ~ "Bình"` on two million rows is
///   as many evaluations as there are regions;
/// - arithmetic, comparisons and logic over number and truth columns run as column kernels
///   (``NumberKernels``), with the same unit rules (``NumberKind``) and the same warnings;
/// - anything else (calls over several columns, records, lists) is evaluated row by row.
///
/// `active` says which rows the caller asks about: `a and b` asks `b` only about the rows where `a`
/// is not false, as the row-by-row evaluator does, so a warning or an error on another row is not
/// raised.
struct VectorEvaluator {
    let evaluator: Evaluator
    let table: Table
    private let names: [String: Int]
    private let cache = ColumnCache()

    init(_ evaluator: Evaluator, _ table: Table) {
        self.evaluator = evaluator
        self.table = table
        names = Dictionary(table.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The typed columns read so far, each read once per stage.
    private final class ColumnCache {
        var columns: [Int: ColumnData] = [:]
    }

    private var count: Int { table.rowCount }
    private var context: EvaluationContext { evaluator.context }

    /// A column of the table, read once.
    func column(_ index: Int) -> ColumnData {
        if let c = cache.columns[index] { return c }
        let c = context.vectorised ? table.vector(column: index) : .values(table.values(column: index))
        cache.columns[index] = c
        return c
    }

    /// The expression's value on every row as a column.
    func values(_ e: Expr, active: RowMask? = nil) throws(QueryError) -> ColumnData {
        try vector(e, active: active).column(count: count)
    }

    /// The expression's value on every row.
    func vector(_ e: Expr, active: RowMask?) throws(QueryError) -> Vector {
        guard context.vectorised else { return .column(try rowByRow(e, active: active)) }
        switch e {
        case let .number(x, _): return .scalar(.number(x))
        case let .percent(x, _): return .scalar(.percent(x))
        case let .string(s, _): return .scalar(.text(s))
        case let .bool(b, _): return .scalar(.bool(b))
        case .null: return .scalar(.null)
        case let .name(name, _):
            if let index = names[name] { return .column(column(index)) }
        default: break
        }
        try context.checkpoint()
        let references = ColumnReferences.of(e, in: names)
        if references.isEmpty { return try constant(e, active: active) }
        if references.count == 1, let index = references.first, case let .codes(codes, book) = column(index) {
            if case let .binary(op, .name, .string(pattern, _), _) = e, op == "~" || op == "!~" {
                return .column(.truths(matches(codes, book, pattern, negated: op == "!~", active: active)))
            }
            return .column(try perCode(e, index, codes, book, active: active))
        }
        switch e {
        case let .negate(inner, span): return try negate(inner, span, e, active: active)
        case let .not(inner, _):
            if let t = try truths(inner, active: active) { return .column(.truths(t.negated())) }
        case let .binary(op, left, right, span):
            if let v = try binary(op, left, right, span, active: active) { return v }
        default: break
        }
        return .column(try rowByRow(e, active: active))
    }

    // MARK: Paths

    /// An expression that reads no column: its value once, on the first row asked about (so that a
    /// name it does not know is reported with the table's columns), if any row is.
    private func constant(_ e: Expr, active: RowMask?) throws(QueryError) -> Vector {
        guard let first = active.map({ $0.active.firstIndex(of: true) }) ?? (count > 0 ? 0 : nil) else { return .scalar(.null) }
        var scope = RowScope(table)
        scope.row = first
        return .scalar(try evaluator.evaluate(e, scope))
    }

    /// An expression over one coded column: evaluated once per distinct code the active rows hold.
    private func perCode(_ e: Expr, _ index: Int, _ codes: [Int32], _ book: CodeBook, active: RowMask?) throws(QueryError) -> ColumnData {
        let name = table.columnNames[index]
        // Distinct codes (missing as -1, kept apart) in order of first appearance among the active rows.
        var slot = [Int32](repeating: -1, count: book.count + 1)       // code + 1 → its place in `distinct`
        var distinct: [Int32] = []
        for (row, code) in codes.enumerated() where active?.active[row] ?? true {
            let key = Int(max(code, -1)) + 1
            if slot[key] < 0 { slot[key] = Int32(distinct.count); distinct.append(code) }
        }
        // The distinct values under the column's name, the other columns present but empty (the
        // expression reads none of them; messages list the table's columns).
        let placeholder = ColumnData.truths(Truths(repeating: Truths.missing, count: distinct.count))
        let small = Table(columns: table.columnNames.enumerated().map { k, other in
            k == index ? Column(name, distinct.map(book.value)) : Column(other, data: placeholder)
        })
        var scope = RowScope(small)
        var results: [Value] = []
        results.reserveCapacity(distinct.count)
        for i in distinct.indices {
            try context.tick()
            scope.row = i
            results.append(try evaluator.evaluate(e, scope))
        }
        // Each row's place in `results`; rows nobody asked about are missing.
        let places = codes.enumerated().map { row, code -> Int32 in
            (active?.active[row] ?? true) ? slot[Int(max(code, -1)) + 1] : -1
        }
        let answers = ColumnData.values(results)
        if let t = answers.asTruths {
            return .truths(Truths(NumberKernels.decode(places, t.bytes, missing: Truths.missing)))
        }
        if let (numbers, kinds) = answers.asNumbers {
            let spread = NumberKernels.decode(places, numbers, missing: .nan)
            switch kinds {
            case .uniform: return .numbers(spread, kinds)
            case let .perRow(k): return .numbers(spread, .perRow(NumberKernels.decode(places, k, missing: .number)))
            }
        }
        return .codes(places, CodeBook(results))
    }

    /// `column ~ "text"` over a coded column: the texts of each distinct code among the active rows
    /// folded and searched once, on both cores (the row-by-row evaluator's rule: a region matches by
    /// its name, kind and name, id or aliases; missing stays missing).
    private func matches(_ codes: [Int32], _ book: CodeBook, _ pattern: String, negated: Bool, active: RowMask?) -> Truths {
        var used = [Bool](repeating: false, count: book.count)
        for (row, code) in codes.enumerated() where code >= 0 && (active?.active[row] ?? true) { used[Int(code)] = true }
        let distinct = used.indices.filter { used[$0] }
        let folded = FoldedPattern(pattern)
        let found = Parallel.map(distinct.count) { i -> UInt8 in
            let value = book.value(Int32(distinct[i]))
            if value.isNull { return Truths.missing }
            let hit = Evaluator.texts(of: value).contains { folded.matches($0) }
            return hit != negated ? Truths.yes : Truths.no
        }
        var byCode = [UInt8](repeating: Truths.missing, count: book.count)
        for (i, code) in distinct.enumerated() { byCode[code] = found[i] }
        return Truths(codes.enumerated().map { row, code in
            code < 0 || !(active?.active[row] ?? true) ? Truths.missing : byCode[Int(code)]
        })
    }

    /// The row-by-row evaluator on each active row (missing on the others).
    private func rowByRow(_ e: Expr, active: RowMask?) throws(QueryError) -> ColumnData {
        var scope = RowScope(table)
        var out: [Value] = []
        out.reserveCapacity(count)
        for row in 0..<count {
            guard active?.active[row] ?? true else { out.append(.null); continue }
            try context.tick()
            scope.row = row
            out.append(try evaluator.evaluate(e, scope))
        }
        return .values(out)
    }

    // MARK: Kernels

    /// Numbers on every row: a column, or a number (or null) for all.
    private func numbers(_ v: Vector) -> (operand: NumberKernels.Operand, kinds: ColumnData.NumberKinds)? {
        switch v {
        case .scalar(.null): return (.scalar(.nan), .uniform(.number))
        case let .scalar(value):
            guard let kind = NumberKind(of: value), let x = value.numeric, !x.isNaN else { return nil }
            return (.scalar(x), .uniform(kind))
        case let .column(c):
            guard let (x, kinds) = c.asNumbers else { return nil }
            return (.column(x), kinds)
        }
    }

    /// The expression as truths, or nil when some row's value is not true, false or null.
    private func truths(_ e: Expr, active: RowMask?) throws(QueryError) -> Truths? {
        switch try vector(e, active: active) {
        case .scalar(.null): return Truths(repeating: Truths.missing, count: count)
        case let .scalar(.bool(b)): return Truths(repeating: b ? Truths.yes : Truths.no, count: count)
        case .scalar: return nil
        case let .column(c): return c.asTruths
        }
    }

    private func negate(_ inner: Expr, _ span: SourceSpan, _ e: Expr, active: RowMask?) throws(QueryError) -> Vector {
        if let (operand, kinds) = numbers(try vector(inner, active: active)), case let .column(x) = operand, !Self.holdsYears(kinds) {
            return .column(.numbers(NumberKernels.negate(x), kinds))
        }
        return .column(try rowByRow(e, active: active))
    }

    private static func holdsYears(_ kinds: ColumnData.NumberKinds) -> Bool {
        switch kinds {
        case let .uniform(k): k == .year
        case let .perRow(k): k.contains(.year)
        }
    }

    private func binary(_ op: String, _ left: Expr, _ right: Expr, _ span: SourceSpan, active: RowMask?) throws(QueryError) -> Vector? {
        switch op {
        case "and", "or": return try logical(op, left, right, active: active).map { .column(.truths($0)) }
        case "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=": break
        default: return nil
        }
        guard let a = numbers(try vector(left, active: active)), let b = numbers(try vector(right, active: active)) else { return nil }
        if let comparison = NumberKernels.Comparison(rawValue: op) {
            if op == "==" || op == "!=" { return .column(.truths(equality(a.operand, b.operand, negated: op == "!="))) }
            return .column(.truths(NumberKernels.compare(a.operand, comparison, b.operand, count: count)))
        }
        guard let arithmetic = NumberKernels.Arithmetic(rawValue: op) else { return nil }
        let (values, findings) = NumberKernels.arithmetic(a.operand, arithmetic, b.operand, count: count, active: active)
        if findings.dividedByZero { context.warn("W201", "division by zero gives null", at: span) }
        if findings.overflowed { context.warn("W203", "the result is too large to be a number; it is null", at: span) }
        return .column(.numbers(values, Self.kinds(op, a.kinds, b.kinds, values)))
    }

    /// `==` as the language has it: null equals only null (`x == null` asks whether x is missing),
    /// numbers by value whatever they measure; `!=` its negation. Never missing.
    private func equality(_ a: NumberKernels.Operand, _ b: NumberKernels.Operand, negated: Bool) -> Truths {
        let (yes, no) = negated ? (Truths.no, Truths.yes) : (Truths.yes, Truths.no)
        if case let .column(x) = a, case let .scalar(y) = b {
            // Against one number or null: no operand to look at per row.
            return x.withUnsafeBufferPointer { x in
                Truths(Parallel.fill(x.count) { range, out in
                    if y.isNaN {
                        for i in range { out[i] = x[i].isNaN ? yes : no }
                    } else {
                        for i in range { out[i] = x[i] == y ? yes : no }
                    }
                })
            }
        }
        return Truths(Parallel.map(count) { i in
            let x = a.at(i), y = b.at(i)
            if y.isNaN { return x.isNaN ? yes : no }
            return !x.isNaN && x == y ? yes : no
        })
    }

    /// The kinds of `a op b`, row by row when the sides' kinds vary or a year is not whole.
    private static func kinds(_ op: String, _ a: ColumnData.NumberKinds, _ b: ColumnData.NumberKinds, _ values: [Double]) -> ColumnData.NumberKinds {
        if case let .uniform(x) = a, case let .uniform(y) = b {
            let kind = NumberKind.arithmetic(op, x, y)
            return kind == .year && !values.allSatisfy({ $0.isNaN || NumberKind.isYear($0) }) ? .perRow(values.map { NumberKind.isYear($0) ? .year : .number }) : .uniform(kind)
        }
        // Five kinds a side: the rule looked up in a table of its 25 answers, not asked per row.
        let all = NumberKind.allCases
        let table = all.flatMap { l in all.map { r in NumberKind.arithmetic(op, l, r) } }
        return .perRow(values.indices.map { i in
            let kind = table[Int(a.kind(i).rawValue) * all.count + Int(b.kind(i).rawValue)]
            return kind == .year && !NumberKind.isYear(values[i]) ? .number : kind
        })
    }

    /// `and`/`or` over truths; the right side is asked only about the rows the left does not settle.
    /// Nil when a side is not true, false or null on some row (the row-by-row evaluator then says which).
    private func logical(_ op: String, _ left: Expr, _ right: Expr, active: RowMask?) throws(QueryError) -> Truths? {
        guard let l = try truths(left, active: active) else { return nil }
        let settled = op == "and" ? Truths.no : Truths.yes
        let rest = (active ?? RowMask(all: count)).narrowed(by: l, droppingWhere: settled)
        guard let r = try truths(right, active: rest) else { return nil }
        return op == "and" ? l.and(r) : l.or(r)
    }
}
