import LearningData

/// Index push-down: a source followed by `where` is narrowed before the filter runs, through the
/// dataset's index by indicator and year, so `figures | where indicator == members and year == 2022`
/// reads one block of rows instead of every row, and `targets(2024) | where indicator == fund_raised`
/// evaluates the targets of one indicator instead of all.
///
/// Only conditions that are a top-level `and` of `indicator == X` or `year == N` (X an indicator, N a
/// year, neither depending on the row) narrow a source. The rest of the condition (the residual) still
/// runs on what is left; the equalities the narrowing already guarantees are not tested again row by
/// row. The answer is the one the plain evaluation gives.
extension Evaluator {
    /// The source's value narrowed by the stage after it and what is left of that stage's condition
    /// (nil when nothing is left), or nil when it cannot be narrowed.
    func narrowedSource(_ source: Expr, by stage: Stage?, _ scope: RowScope?) throws(QueryError) -> (value: Value, residual: Expr?)? {
        guard let stage, case let .filter(condition) = stage.kind else { return nil }
        switch source {
        case .name("figures", _):
            guard scope?.value("figures") == nil, context.bindings["figures"] == nil else { return nil }
            let keys = constants(in: condition, columns: FiguresColumns.names)
            guard keys.indicator != nil || keys.year != nil else { return nil }
            let table = Table(figures: context.dataset, rows: figureRows(indicator: keys.indicator?.value, year: keys.year))
            return (.table(table), residual(condition, without: keys.used))
        case let .call("targets", arguments, nameSpan, span):
            // Only when no argument gives the indicator already, by name or as the second one.
            guard context.bindings["targets"] == nil, !arguments.contains(where: { $0.label == "indicator" }),
                  arguments.filter({ $0.label == nil }).count < 2 else { return nil }
            let keys = constants(in: condition, columns: TargetColumns.names)
            guard let indicator = keys.indicator else { return nil }
            let narrowed = arguments + [Argument(label: "indicator", labelSpan: nil, value: indicator.expr)]
            let value = try call("targets", narrowed, nameSpan: nameSpan, span: span, scope, leading: nil)
            return (value, residual(condition, without: [indicator.conjunct]))
        default:
            return nil
        }
    }

    /// The condition without the conjuncts at these positions (nil when none is left), rebuilt as a
    /// left-leaning `and` in the original order.
    private func residual(_ condition: Expr, without used: Set<Int>) -> Expr? {
        let kept = Self.conjuncts(condition).enumerated().filter { !used.contains($0.offset) }.map(\.element)
        guard var result = kept.first else { return nil }
        for next in kept.dropFirst() { result = .binary("and", result, next, result.span.through(next.span)) }
        return result
    }

    /// The rows of the figures table with this indicator and year (either may be absent), in the
    /// table's order.
    private func figureRows(indicator: Indicator?, year: Int?) -> [Int32] {
        let dataset = context.dataset
        let indicators = indicator.map { [$0.id] } ?? dataset.catalogue.indicators.map(\.id)
        var rows: [Int32] = []
        for id in indicators {
            let block = year.map { dataset.rows(indicator: id, year: $0) } ?? dataset.rows(indicator: id)
            rows.append(contentsOf: block.lazy.map { Int32($0) })
        }
        return rows
    }

    /// The indicator and year a condition pins, from its top-level `and` of equalities.
    private func constants(in condition: Expr, columns: [String])
        -> (indicator: (value: Indicator, expr: Expr, conjunct: Int)?, year: Int?, used: Set<Int>) {
        var indicator: (value: Indicator, expr: Expr, conjunct: Int)? = nil
        var year: Int? = nil
        var used = Set<Int>()
        for (position, conjunct) in Self.conjuncts(condition).enumerated() {
            guard case let .binary("==", left, right, _) = conjunct else { continue }
            for (column, constant) in [(left, right), (right, left)] {
                guard case let .name(name, _) = column else { continue }
                if name == "indicator", indicator == nil, let found = self.indicator(constant, columns: columns) {
                    indicator = (found, constant, position)
                    used.insert(position)
                } else if name == "year", year == nil, case let .number(x, _) = constant, let y = Int(exactly: x) {
                    year = y
                    used.insert(position)
                }
            }
        }
        return (indicator, year, used)
    }

    /// The indicator an expression names without depending on the row: a name that is not a column,
    /// or an indicator's id or name in quotes.
    private func indicator(_ e: Expr, columns: [String]) -> Indicator? {
        switch e {
        case let .name(name, span):
            guard !columns.contains(name), case let .indicator(found)? = try? lookup(name, span, nil) else { return nil }
            return found
        case let .string(text, _):
            let catalogue = context.dataset.catalogue
            return catalogue[IndicatorID(text)] ?? catalogue.lookup(text)
        default:
            return nil
        }
    }

    static func conjuncts(_ e: Expr) -> [Expr] {
        if case let .binary("and", left, right, _) = e { return conjuncts(left) + conjuncts(right) }
        return [e]
    }
}
