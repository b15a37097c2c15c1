import LearningData

/// One rule broken by one observation.
public struct Violation: Hashable, Sendable {
    /// The rule.
    public let rule: ValidationRule
    /// The observation it was checked on.
    public let observation: Observation
    /// The two sides as evaluated (nil where missing and counted as zero).
    public let left: Double?, right: Double?

    /// "learning_family 2022 in Bình Thạnh: value 51119 > base 50000 (recognised ≤ total)".
    public var message: String {
        let l = left.map(PlainNumber.format) ?? "missing", r = right.map(PlainNumber.format) ?? "missing"
        let scope = observation.scope.map { " [\($0)]" } ?? ""
        return "\(observation.indicator) \(observation.year) in \(observation.region)\(scope): \(rule.left) = \(l), \(rule.right) = \(r); expected \(rule.left) \(rule.op.rawValue) \(rule.right) (\(rule.summary))"
    }
}

/// Checks validation rules against a dataset.
public struct Validator: Sendable {
    /// The rules checked.
    public let rules: [ValidationRule]

    /// A validator with the built-in rules and any the caller adds.
    public init(rules: [ValidationRule] = ValidationRule.builtIn, adding extra: [ValidationRule] = []) {
        self.rules = rules + extra
    }

    /// Every violation, most important first, then by region, indicator and year.
    public func violations(in dataset: Dataset) -> [Violation] {
        var out: [Violation] = []
        let parts = PartIndex(dataset)
        for rule in rules {
            let rows: [Int] = rule.indicators.map { ids in ids.sorted().flatMap { Array(dataset.rows(indicator: $0)) } } ?? Array(0..<dataset.count)
            for row in rows {
                let o = dataset[row]
                let left = evaluate(rule.left, o, row: row, dataset, parts)
                let right = evaluate(rule.right, o, row: row, dataset, parts)
                switch rule.missing {
                case .skipIfAnyMissing where left == nil || right == nil: continue
                case .skipIfAllMissing where left == nil && right == nil: continue
                default: break
                }
                if !rule.op.holds(left ?? 0, right ?? 0) {
                    out.append(Violation(rule: rule, observation: o, left: left, right: right))
                }
            }
        }
        return out.sorted { a, b in
            if a.rule.importance != b.rule.importance { return a.rule.importance > b.rule.importance }
            return (a.observation.region.rawValue, a.observation.indicator.rawValue, a.observation.year, a.rule.id)
                < (b.observation.region.rawValue, b.observation.indicator.rawValue, b.observation.year, b.rule.id)
        }
    }

    private func evaluate(_ e: RuleExpression, _ o: Observation, row: Int, _ dataset: Dataset, _ parts: PartIndex) -> Double? {
        switch e {
        case let .field(f): return Self.read(f, o)
        case let .indicator(id, f):
            return dataset.headline(indicator: id, region: o.region, year: o.year).flatMap { Self.read(f, $0) }
        case let .partsSum(f):
            let values = parts.parts(of: row).compactMap { Self.read(f, dataset[$0]) }
            return values.isEmpty ? nil : values.reduce(0, +)
        case let .constant(c): return c
        case let .sum(terms):
            let values = terms.compactMap { evaluate($0, o, row: row, dataset, parts) }
            return values.count == terms.count ? values.reduce(0, +) : nil
        }
    }

    private static func read(_ f: ObservationField, _ o: Observation) -> Double? {
        switch f {
        case .value: o.value
        case .base: o.base
        case .valueMax: o.valueMax
        case .target: o.target?.value
        case .statedShare: o.percentOf == .base ? o.statedPercent?.value : nil
        }
    }
}

/// Which scoped rows are parts of which: a scope "A: B" is a part of the row scoped "A" when there is
/// one, and top-level parts belong to the headline figure of the same region, indicator and year.
private struct PartIndex {
    private var partsOf: [Int: [Int]] = [:]

    init(_ dataset: Dataset) {
        var byKey: [Key: Int] = [:]
        var scoped: [(row: Int, key: Key, scope: String)] = []
        for row in 0..<dataset.count {
            let key = Key(region: dataset.columns.region[row], indicator: dataset.columns.indicator[row], year: dataset.columns.year[row], period: dataset.period(at: row), scope: dataset.scope(at: row))
            byKey[key] = row
            if let scope = key.scope { scoped.append((row, key, scope)) }
        }
        for (row, key, scope) in scoped {
            let parent = scope.range(of: ": ").map { String(scope[..<$0.lowerBound]) }
            var owner = Key(region: key.region, indicator: key.indicator, year: key.year, period: key.period, scope: parent)
            if parent != nil, byKey[owner] == nil { owner.scope = nil }
            if let whole = byKey[owner] { partsOf[whole, default: []].append(row) }
        }
    }

    func parts(of row: Int) -> [Int] { partsOf[row] ?? [] }

    private struct Key: Hashable {
        let region: Gazetteer.Index, indicator: IndicatorCatalogue.Index, year: Int16
        let period: Period?
        var scope: String?
    }
}
