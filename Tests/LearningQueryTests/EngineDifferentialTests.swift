import Testing
import TestSupport
import LearningData
@testable import LearningQuery

/// The column engine gives what the row-by-row evaluator gives, cell for cell: random pipelines over
/// the seeds, the fixture province and random datasets (money, missing bases, zero bases, ties) run
/// twice, once on the engine and once with every expression evaluated row by row, and their printed
/// tables, warnings and errors compared.
@Suite("the column engine and the row-by-row evaluator agree")
struct EngineDifferentialTests {
    /// A random figures file: money and counts, values from a handful (ties), bases often missing or 0.
    static func dataset(_ random: inout SplitMix64) throws -> Dataset {
        let regions = Array(try Dataset.embedded().gazetteer.regions.map(\.id.rawValue).prefix(14))
        var lines = ["region,indicator,year,value,base,target,stated_percent"]
        for region in regions {
            for indicator in ["members", "learning_family", "fund_raised"] {
                for year in 2016...2022 where Int.random(in: 0..<3, using: &random) > 0 {
                    let value = Int.random(in: 0..<8, using: &random) == 0 ? "" : String(Int.random(in: 0...5, using: &random) * (indicator == "fund_raised" ? 1_000_000 : 1))
                    let base = ["", "", "0", String(Int.random(in: 1...9, using: &random))].randomElement(using: &random) ?? ""
                    let target = Bool.random(using: &random) ? "" : String(Int.random(in: 1...6, using: &random))
                    // A row without a value gives its figure as a stated percentage.
                    let stated = value.isEmpty ? "\"\(Int.random(in: 1...9, using: &random))0%\"" : ""
                    lines.append("\(region),\(indicator),\(year),\(value),\(value.isEmpty ? "" : base),\(target),\(stated)")
                }
            }
        }
        let regionsFile = Seeds.file(named: DatasetLoader.regionsFileName) ?? ""
        return try DatasetLoader.parse(figures: SourceFile(name: "random.csv", bytes: Array(lines.joined(separator: "\n").utf8)),
                                       regions: SourceFile(name: "regions.csv", bytes: Array(regionsFile.utf8)),
                                       documents: DocumentStore(), name: "random")
    }

    /// Random pipelines from a small grammar over the figures table's columns.
    struct Generator {
        var random: SplitMix64

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        mutating func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }

        mutating func number(_ depth: Int) -> String {
            if depth == 0 || chance(3) {
                return pick(["value", "base", "rate", "rate", "year", "target", "value", "0", "1", "2.5", "100", "2020", "50%", "12.5%", "null", "-3"])
            }
            switch random.next() % 5 {
            case 0: return "-(\(number(depth - 1)))"
            case 1: return "round(\(number(depth - 1)), 1)"
            default: return "(\(number(depth - 1)) \(pick(["+", "-", "*", "/"])) \(number(depth - 1)))"
            }
        }

        mutating func condition(_ depth: Int) -> String {
            if depth == 0 || chance(3) {
                switch random.next() % 6 {
                case 0: return "region == \(pick(["\"Bình Thạnh\"", "\"Bắc Kạn\"", "\"nowhere\"", "null"]))"
                case 1: return "indicator \(pick(["==", "!="])) \(pick(["members", "learning_family", "fund_raised", "\"members\""]))"
                case 2: return "\(pick(["region", "level", "parent", "indicator", "quote", "scope", "document"])) ~ \(pick(["\"b\"", "\"district\"", "\"Thạnh\"", "\"x\"", "\"hội\""]))"
                case 3: return "\(number(1)) \(pick(["==", "!=", "<", "<=", ">", ">="])) \(number(1))"
                case 4: return "\(pick(["value", "base", "year"])) in [\(pick(["0, 1, 2", "2018, 2020", "null"]))]"
                default: return pick(["true", "false", "null", "base == null", "value != null", "level == \"district\"", "quote == null", "scope != null", "quote == \"\""])
                }
            }
            switch random.next() % 3 {
            case 0: return "not (\(condition(depth - 1)))"
            default: return "(\(condition(depth - 1)) \(pick(["and", "or"])) \(condition(depth - 1)))"
            }
        }

        mutating func anything(_ depth: Int) -> String {
            switch random.next() % 6 {
            case 0: return condition(depth)
            case 1: return pick(["region", "indicator", "level", "parent", "region.name", "parent.name", "\"a\" + region.name", "[value, base]", "quote", "scope", "document", "derived"])
            default: return number(depth)
            }
        }

        mutating func stage() -> String {
            switch random.next() % 10 {
            case 9: return pick(["pivot", "pivot rate", "select region, year, v = \(anything(1)) | pivot v", "pivot base",
                                 "join (figures | where indicator == members | select region, year, m = value) on region, year",
                                 "join left (figures | where \(condition(1)) | select region, v = value) on region",
                                 "join (table([{region: \"Bình Thạnh\", p: 1}, {region: \"bac kan\", p: 2}, {region: \"nowhere\", p: 3}])) on region"])
            case 0, 1: return "where \(condition(3))"
            case 2, 8: return "derive \(pick(["x", "value", "y"])) = \(anything(3))"
            case 3: return "sort \(anything(2))\(pick(["", " desc"])), \(pick(["region", "year", "value desc"]))"
            case 4: return "top \(pick([0, 1, 3, 10, 500])) by \(anything(2))\(pick(["", " asc"]))"
            case 5: return "take \(pick([0, 2, 7, 100]))"
            case 6: return "select region, year, v = \(anything(2))"
            default:
                let keys = pick(["indicator", "region", "year", "indicator, year", "level, indicator", "parent", "base"])
                let x = number(2)
                return "group \(keys) aggregate s = sum(\(x)), n = count(), lo = min(\(x)), hi = max(value), a = avg(\(number(1))), r = rate(value, base), f = first(\(anything(1))), l = last(value)"
            }
        }

        mutating func pipeline() -> String {
            let source = pick(["figures", "figures", "figures | where indicator == members", "figures | where year == 2020 and value > 1"])
            return ([source] + (0..<Int(1 + random.next() % 3)).map { _ in stage() }).joined(separator: " | ")
        }
    }

    /// What a query gave: every cell with its kind and every bit of its number (a percent and
    /// percentage points print alike in CSV), the notes, or its error; then its warnings, as a set.
    static func outcome(_ session: QuerySession, _ query: String) -> String {
        let outcomes = session.run(query)
        let warnings = Set(outcomes.flatMap(\.warnings).map(\.description)).sorted().joined(separator: "\n")
        if let error = outcomes.first(where: { !$0.succeeded })?.error { return "error \(error.diagnostic)" }
        return (outcomes.last?.value.map(cells) ?? "") + "\n" + warnings
    }

    static func cells(_ value: Value) -> String {
        switch value {
        case let .table(t):
            let rows = (0..<t.rowCount).map { r in (0..<t.columnNames.count).map { cells(t.value(row: r, column: $0)) }.joined(separator: " | ") }
            return ([t.columnNames.joined(separator: " | ")] + rows + t.notes).joined(separator: "\n")
        case .null: return "null"
        case let .number(x): return "n\(x)"
        case let .percent(x): return "p\(x)"
        case let .points(x): return "pp\(x)"
        case let .money(x): return "đ\(x)"
        case let .year(y): return "y\(y)"
        case let .text(t): return "t\(t)"
        case let .bool(b): return "b\(b)"
        case let .list(items): return "[" + items.map(cells).joined(separator: ", ") + "]"
        case let .region(r): return "r\(r.id)"
        case let .indicator(i): return "i\(i.id)"
        case let .target(t, money): return "g\(t.csvText)\(money)"
        default: return value.typeName
        }
    }

    @Test("random pipelines print the same on both paths", arguments: [0, 1, 2, 3])
    func samePrintout(_ which: Int) throws {
        var random = SplitMix64(seed: 0xE9_61 + UInt64(which))
        let dataset: Dataset
        switch which {
        case 0: dataset = try Dataset.embedded()
        case 1: dataset = try fixtureDatasets("province-a")
        default: dataset = try Self.dataset(&random)
        }
        let settings = OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil)
        let engine = QuerySession(dataset: dataset, settings: settings)
        let rows = QuerySession(dataset: dataset, settings: settings)
        rows.vectorised = false
        var generator = Generator(random: random)
        var agreed = 0
        for _ in 0..<300 {
            let query = generator.pipeline()
            let a = Self.outcome(engine, query), b = Self.outcome(rows, query)
            #expect(a == b, "\(query)")
            if a == b { agreed += 1 }
        }
        #expect(agreed == 300)
    }
}

/// The column kernels take the kind of `a op b` from ``NumberKind/arithmetic(_:_:_:)``; the row-by-row
/// evaluator computes it value by value. They agree for every pair of kinds and every operator.
@Suite("number kinds combine the same on both paths")
struct NumberKindRuleTests {
    static let samples: [Value] = [.number(3), .percent(3), .points(3), .money(3), .year(2020), .number(0.5)]

    @Test("every kind with every kind, + - * /", arguments: ["+", "-", "*", "/"])
    func sameKinds(_ op: String) throws {
        let context = EvaluationContext(dataset: try Dataset.embedded(), bindings: [:], source: SourceText("x", name: "<test>"), cancellation: CancellationFlag())
        let evaluator = Evaluator(context: context)
        let span = SourceSpan(start: 0, end: 1, line: 1, column: 1)
        for left in Self.samples {
            for right in Self.samples {
                let value = try evaluator.arithmetic(op, left, right, span)
                guard let l = NumberKind(of: left), let r = NumberKind(of: right), let x = value.numeric else { continue }
                var kind = NumberKind.arithmetic(op, l, r)
                if kind == .year, !NumberKind.isYear(x) { kind = .number }
                #expect(NumberKind(of: value) == kind, "\(left) \(op) \(right)")
            }
        }
    }
}
