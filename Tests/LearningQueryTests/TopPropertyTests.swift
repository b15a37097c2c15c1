import Testing
import TestSupport
import LearningData
import LearningQuery

/// `top N by KEY` finds its rows without sorting the table, and promises the rows of
/// `sort KEY desc | take N` (`asc`: of `sort KEY | take N`), ties in table order and missing keys last.
/// Here for random keys, directions, N, filters and groupings, over the seeds and over random
/// datasets with many ties and many missing values; ``TopTests`` holds the hand-picked cases.
@Suite("top N is sort | take N, for any table")
struct TopPropertyTests {
    /// Sort keys of every kind: numbers with gaps, text, expressions, a computed column.
    static let keys = ["value", "base", "rate", "year", "region", "indicator", "value / base", "-value", "2022 - year",
                       "value * 0", "target", "stated", "derived"]

    /// A random figures file over some of the seeds' regions: values from a handful so that ties are
    /// the rule, bases often missing, some rows with only a stated percentage (no value).
    static func dataset(_ random: inout SplitMix64) throws -> Dataset {
        let regions = Array(try Dataset.embedded().gazetteer.regions.map(\.id.rawValue).prefix(12))
        var lines = ["region,indicator,year,value,base,stated_percent"]
        for region in regions {
            for indicator in ["members", "learning_family", "chapters"] {
                for year in 2014...2022 where Int.random(in: 0..<3, using: &random) > 0 {
                    let value = Int.random(in: 0...4, using: &random)
                    if Int.random(in: 0..<8, using: &random) == 0 {
                        lines.append("\(region),\(indicator),\(year),,,\"\(value)0%\"")
                    } else {
                        let base = Bool.random(using: &random) ? "" : String(value + Int.random(in: 0...3, using: &random))
                        lines.append("\(region),\(indicator),\(year),\(value),\(base),")
                    }
                }
            }
        }
        let regionsFile = Seeds.file(named: DatasetLoader.regionsFileName) ?? ""
        return try DatasetLoader.parse(figures: SourceFile(name: "random.csv", bytes: Array(lines.joined(separator: "\n").utf8)),
                                       regions: SourceFile(name: "regions.csv", bytes: Array(regionsFile.utf8)),
                                       documents: DocumentStore(), name: "random")
    }

    /// The rows a pipeline gives, as CSV, every row; or its error.
    static func rows(_ session: QuerySession, _ query: String) -> String {
        let outcomes = session.run(query)
        if let error = outcomes.first(where: { !$0.succeeded })?.error { return "error \(error.code): \(error.diagnostic.message)" }
        return outcomes.last?.value.map(session.render) ?? ""
    }

    @Test("random keys, directions, N and filters, on the seeds and on random datasets")
    func sameRows() throws {
        var random = SplitMix64(seed: 0x70_9)
        let settings = OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil)
        var datasets = [try Dataset.embedded()]
        for _ in 0..<3 { datasets.append(try Self.dataset(&random)) }
        let sessions = datasets.map { QuerySession(dataset: $0, settings: settings) }
        let filters = ["", " | where year >= 2018", " | where indicator == members", " | where value > 1", " | take 40"]
        for _ in 0..<200 {
            let session = sessions.randomElement(using: &random) ?? sessions[0]
            let key = Self.keys.randomElement(using: &random) ?? "value"
            let n = [0, 1, 2, 5, 17, 60, 1000].randomElement(using: &random) ?? 1
            let ascending = Bool.random(using: &random)
            let source = "figures" + (filters.randomElement(using: &random) ?? "")
            let top = "\(source) | top \(n) by \(key)\(ascending ? " asc" : "")"
            let sortTake = "\(source) | sort \(key)\(ascending ? "" : " desc") | take \(n)"
            let a = Self.rows(session, top), b = Self.rows(session, sortTake)
            #expect(a == b, "\(top) on \(session.dataset.name)")
            #expect(!a.hasPrefix("error"), "\(top): \(a)")
        }
    }

    @Test("on grouped tables, keyed by an aggregate")
    func grouped() throws {
        var random = SplitMix64(seed: 0x70_A)
        let session = QuerySession(dataset: try Self.dataset(&random), settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
        for _ in 0..<80 {
            let keys = ["region", "indicator", "year", "region, indicator", "indicator, year"].randomElement(using: &random) ?? "region"
            let aggregate = ["t = sum(value)", "t = count()", "t = max(base)", "t = avg(value)", "t = rate(value, base)"].randomElement(using: &random) ?? "t = count()"
            let n = Int.random(in: 0...30, using: &random)
            let ascending = Bool.random(using: &random)
            let source = "figures | group \(keys) aggregate \(aggregate)"
            let top = "\(source) | top \(n) by t\(ascending ? " asc" : "")"
            let sortTake = "\(source) | sort t\(ascending ? "" : " desc") | take \(n)"
            let a = Self.rows(session, top), b = Self.rows(session, sortTake)
            #expect(a == b, "\(top)")
            #expect(!a.hasPrefix("error"), "\(top): \(a)")
        }
    }
}
