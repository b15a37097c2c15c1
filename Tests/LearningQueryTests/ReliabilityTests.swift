import Synchronization
import Testing
import TestSupport
import LearningData
@testable import LearningQuery

/// The query-language side of the reliability issue: memory, exact numbers, argument ranges, charts
/// and JSON.
@Suite("Reliability of the query language")
struct ReliabilityTests {
    static func session(_ format: OutputFormat = .csv) throws -> QuerySession {
        QuerySession(dataset: try Dataset.embedded(), settings: OutputSettings(format: format, maxRows: nil, maxCellWidth: nil))
    }

    static func output(_ query: String, _ format: OutputFormat = .csv) throws -> (text: String, codes: [String]) {
        let session = try session(format)
        let outcomes = session.run(query)
        let text = outcomes.map { $0.value.map(session.render) ?? "" }.joined(separator: "\n")
        return (text, outcomes.flatMap { ($0.error.map { [$0.code] } ?? []) + $0.warnings.map(\.code) })
    }

    // MARK: Memory

    @Test("a builtin table in every cell is one shared table, not a copy a row")
    func sharedTables() throws {
        let session = try Self.session()
        guard case let .table(t)? = try? session.evaluate("figures | derive r = regions | derive f = figures"), let r = t.columnIndex("r"), let f = t.columnIndex("f") else {
            Issue.record("no table"); return
        }
        func storageAddress(_ v: Value) -> String {
            guard case let .table(inner) = v else { return "not a table" }
            switch inner.storage {
            case let .columns(columns): return columns.withUnsafeBufferPointer { "\(String(describing: $0.baseAddress))" }
            case let .rows(source, rows): return "\(ObjectIdentifier(source))" + (rows.list?.withUnsafeBufferPointer { "\(String(describing: $0.baseAddress))" } ?? "all \(rows.count)")
            }
        }
        #expect(Set((0..<t.rowCount).map { storageAddress(t.value(row: $0, column: r)) }).count == 1)
        #expect(Set((0..<t.rowCount).map { storageAddress(t.value(row: $0, column: f)) }).count == 1)
    }

    @Test("a statement that grows memory past the limit stops with E901, and the session goes on")
    func memoryLimit() throws {
        let session = try Self.session()
        // A stand-in for resident memory that grows by 1 MiB each time it is read.
        let reads = Atomic<Int>(0)
        session.memoryGauge = { (reads.add(1, ordering: .relaxed).newValue) << 20 }
        session.memoryLimit = MemoryLimit(bytes: 8 << 20)
        _ = session.run("let kept = 41")
        let rows = (0..<20_000).map(String.init).joined(separator: ", ")
        // Lists are made row by row: the limit is checked every 256 rows.
        let outcome = session.run("table([\(rows)]) | derive x = [value, value * 2] | count()")
        #expect(outcome.first?.error?.code == "E901")
        #expect(outcome.first?.error?.diagnostic.location?.line == 1)
        #expect(outcome.first?.error.map { "\($0)".contains("8 MiB") } == true)
        #expect(try session.evaluate("kept + 1").numeric == 42)
        // The column kernels check it once per column they make.
        let kernels = session.run("table([\(rows)])" + String(repeating: " | derive x = value * 2", count: 12) + " | count()")
        #expect(kernels.first?.error?.code == "E901")
        session.memoryLimit = .none
        #expect(try session.evaluate("table([\(rows)]) | derive x = value * 2 | count()").numeric == 20_000)
    }

    @Test("memory sizes as people write them", arguments: [
        ("2G", 2 << 30), ("512M", 512 << 20), ("1,5 GiB", 3 << 29), ("800 MB", 800 << 20), ("64k", 64 << 10), ("off", nil),
    ])
    func sizes(_ text: String, _ bytes: Int?) {
        #expect(MemoryLimit(parsing: text) == MemoryLimit(bytes: bytes))
    }

    @Test("sizes that are not sizes", arguments: ["", "-1G", "2 parsecs", "G", "1e400"])
    func badSizes(_ text: String) { #expect(MemoryLimit(parsing: text) == nil) }

    // MARK: Numbers

    @Test("a number literal a double cannot hold is refused where it is written", arguments: [
        ("9007199254740993", 1), ("12345678901234567890", 1), ("1 + 3.14159265358979323846", 5), ("take 1 + 99999999999999999", 10),
    ])
    func inexactLiterals(_ query: String, _ column: Int) throws {
        let outcome = try Self.session().run(query)
        #expect(outcome.first?.error?.code == "E104")
        #expect(outcome.first?.error?.diagnostic.location?.column == column)
    }

    @Test("numbers a double holds are taken as written", arguments: ["9007199254740992", "0.1", "1e20", "123456789012.25"])
    func exactLiterals(_ query: String) throws {
        #expect(try Self.session().run(query).first?.succeeded == true)
    }

    @Test("no format writes a number with an exponent", arguments: OutputFormat.allCases)
    func noExponent(_ format: OutputFormat) throws {
        let (text, _) = try Self.output("{big: 1e20, small: 0.00000015, huge: 1e300}", format)
        #expect(!text.contains("e+") && !text.contains("e-") && !text.contains("E+"), "\(text)")
        #expect(text.contains("100") && text.contains("000"))
    }

    @Test("round() leaves alone what it cannot round, and rounds the rest", arguments: [
        ("round(1e300, 2)", 1e300), ("round(9007199254740992, 3)", 9007199254740992), ("round(123456789.12345679, 9)", 123456789.12345679),
        ("round(2.25, 1)", 2.3), ("round(-1.5)", -2), ("round(1234.5678, 2)", 1234.57),
    ])
    func rounding(_ query: String, _ expected: Double) throws {
        #expect(try Self.session().evaluate(query).numeric == expected)
    }

    @Test("an overflowed sum is null with W203 in every format, never ∞", arguments: OutputFormat.allCases)
    func overflowedSum(_ format: OutputFormat) throws {
        let (text, codes) = try Self.output("table([1e308, 1e308, 1]) | derive k = 1 | group k aggregate s = sum(value), a = avg(value)", format)
        #expect(codes.contains("W203"))
        #expect(!text.contains("∞") && !text.lowercased().contains("inf") && !text.contains("nan"), "\(text)")
    }

    // MARK: Arguments

    @Test("a whole number out of range is told apart from one that is not whole", arguments: [
        ("round(1, 999999999999)", "E207", "from 0 to 9"), ("round(1, 2.5)", "E206", "must be a whole number, not 2.5"),
        ("series(learning_family, \"Liên Hương\") | trend(min_points: -5)", "E207", "from 2 to 1000"),
        ("last(0)", "E207", "from 1 to 1000"), ("figures | take -1", "E231", "0 or more"),
    ])
    func argumentRanges(_ query: String, _ code: String, _ words: String) throws {
        let error = try Self.session().run(query).first?.error
        #expect(error?.code == code)
        #expect(error.map { "\($0)".contains(words) } == true, "\(String(describing: error))")
    }

    @Test("take with more rows than any table has takes them all")
    func takeMany() throws {
        #expect(try Self.session().evaluate("figures | take 1e18 | count()").numeric == 95)
    }

    // MARK: Output

    @Test("JSON writes a target as an object with numbers as numbers")
    func jsonTargets() throws {
        let (text, _) = try Self.output("figures | where target != null | select target | take 40", .json)
        #expect(text.contains(#"{"operator":">=","value":60000000,"unit":"money"}"#))
        #expect(text.contains(#"{"operator":">","value":92,"unit":"percent"}"#))
        #expect(!text.contains(#""target":""#))
    }

    @Test("bars of a column of mixed units warn and are drawn as plain numbers")
    func mixedBars() throws {
        let session = try Self.session(.table)
        let outcome = session.run("figures | where year == 2018 and region ~ \"Liên Hương\" | bars(\"value\", label: \"indicator\")")
        #expect(outcome.first?.warnings.contains { $0.code == "W202" } == true)
        guard case let .chart(chart)? = outcome.first?.value else { Issue.record("no chart"); return }
        #expect(chart.unit == .number)
        #expect(!session.render(.chart(chart)).contains("đ"))
    }

    @Test("a negative bar grows left of the zero line, a positive one right, on one scale")
    func negativeBars() throws {
        let chart = Chart(title: "t", unit: .number, content: .bars([Chart.Bar(label: "a", value: -10), Chart.Bar(label: "b", value: 30)]))
        let lines = chart.text(.vi).split(separator: "\n").map(String.init)
        #expect(lines[1] == "a " + String(repeating: "█", count: 10) + "│ -10")
        #expect(lines[2] == "b " + String(repeating: " ", count: 10) + "│" + String(repeating: "█", count: 30) + " 30")
    }

    // MARK: Long input

    @Test("an unknown name of a megabyte is reported briefly")
    func longUnknownName() throws {
        let name = String(repeating: "x", count: 1_000_000)
        let error = try Self.session().run(name).first?.error
        #expect(error?.code == "E201")
        #expect(error.map { "\($0)".count < 1_000 } == true)
    }
}
