import Foundation
import Testing
import TestSupport
import LearningData
import LearningSynth
@testable import LearningQuery

/// Index push-down must never change an answer: each query is run as written (narrowed through the
/// index) and in a form the narrowing cannot touch (the condition under `not … !=`), and both must
/// print the same. Run on the seeds and on a synthetic national sample.
@Suite("Index push-down")
struct NarrowingTests {
    static let synthetic: Dataset? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khuyenhoc-narrowing-\(UUID().uuidString)").path
        var options = SyntheticDataset.Options()
        (options.provinces, options.districtsPerProvince, options.communesPerDistrict, options.years) = (2, 3, 5, 2018...2024)
        guard (try? SyntheticDataset.write(to: folder, options: options)) != nil else { return nil }
        return try? DatasetLoader.load(from: folder)
    }()

    static func csv(_ query: String, _ dataset: Dataset) -> String {
        let session = QuerySession(dataset: dataset, settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
        return session.run(query).map { $0.value.map(session.render) ?? "error: \($0.error.map { "\($0)" } ?? "")" }.joined(separator: "\n")
    }

    @Test("a narrowed query answers as the unnarrowed one", arguments: [
        ("figures | where indicator == members and year == 2022", "figures | where not (indicator != members or year != 2022)"),
        ("figures | where year == 2018 and value > 100", "figures | where not (year != 2018) and value > 100"),
        ("figures | where indicator == learning_family | sort rate desc | take 5", "figures | where not (indicator != learning_family) | sort rate desc | take 5"),
        ("figures | where indicator == \"Gia đình hiếu học\"", "figures | where not (indicator != learning_family)"),
        ("targets(2021) | where indicator == fund_raised", "targets(2021) | where not (indicator != fund_raised)"),
        ("targets() | where indicator == fund_raised and status == \"exceeded\" | count()",
         "targets() | where not (indicator != fund_raised) and status == \"exceeded\" | count()"),
        ("targets(2024) | where status == \"exceeded\" and indicator == fund_raised | top 3 by attainment",
         "targets(2024) | where status == \"exceeded\" and not (indicator != fund_raised) | top 3 by attainment"),
        ("figures | where indicator == members and year == 1999", "figures | where not (indicator != members or year != 1999)"),
        ("targets(2021, fund_raised) | where indicator == fund_raised | count()",
         "targets(2021, fund_raised) | where not (indicator != fund_raised) | count()"),
        ("targets(indicator: fund_raised) | where indicator == fund_raised | count()",
         "targets(indicator: fund_raised) | where not (indicator != fund_raised) | count()"),
    ])
    func sameAnswers(_ narrowed: String, _ plain: String) throws {
        for dataset in [try Dataset.embedded(), try #require(Self.synthetic)] {
            let a = Self.csv(narrowed, dataset), b = Self.csv(plain, dataset)
            #expect(a == b, "\(narrowed)")
            #expect(!a.hasPrefix("error"), "\(narrowed): \(a)")
        }
    }

    @Test("a column named like an indicator is not taken for one, and a binding named figures is left alone")
    func notFooled() throws {
        let dataset = try Dataset.embedded()
        let session = QuerySession(dataset: dataset, settings: OutputSettings(format: .csv))
        let outcomes = session.run("""
            let figures = table([1, 2, 3])
            figures | where value == 2
            """)
        #expect(outcomes.last?.error == nil)
        #expect(outcomes.last.flatMap { $0.value }.map(session.render) == "value\r\n2")
    }
}

@Suite("Districts ranked on their communes")
struct SummedRankingTests {
    @Test("rank and rank_change at a level with no figures of its own rank the summed communes, ratio of sums")
    func summed() throws {
        let dataset = try #require(NarrowingTests.synthetic)
        let session = QuerySession(dataset: dataset, settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
        let ranked = try session.evaluate("rank(learning_family, year: 2024, level: \"district\")")
        guard case let .table(table) = ranked else { Issue.record("not a table"); return }
        #expect(table.rowCount == 6)
        #expect(table.notes.contains { $0.contains("ranked on their commune figures summed") })
        // Each district's rate is the rate of its communes' rows summed, recomputed here by hand.
        let rollup = try session.evaluate("rollup(learning_family, 2024, \"district\")")
        guard case let .table(sums) = rollup else { Issue.record("not a table"); return }
        let rateColumn = try #require(sums.columnIndex("rate")), basisColumn = try #require(table.columnIndex("basis"))
        let rates = Dictionary(uniqueKeysWithValues: (0..<sums.rowCount).map { row in
            (ValueFormatter.human(sums.value(row: row, column: 0), .en), sums.value(row: row, column: rateColumn).numeric ?? .nan)
        })
        var previous = Double.infinity
        for row in 0..<table.rowCount {
            let name = ValueFormatter.human(table.value(row: row, column: 1), .en)
            let rate = try #require(table.value(row: row, column: 3).numeric)
            #expect(close(rates[name], rate))
            #expect(rate <= previous)
            previous = rate
            #expect(ValueFormatter.human(table.value(row: row, column: basisColumn), .en).hasPrefix("sum of"))
        }
        let moves = try session.evaluate("rank_change(learning_family, 2018, 2024, level: \"district\")")
        guard case let .table(change) = moves else { Issue.record("not a table"); return }
        #expect(change.rowCount == 6)
    }
}
