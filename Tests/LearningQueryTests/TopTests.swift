import Testing
import TestSupport
import LearningData
@testable import LearningQuery

@Suite("top N without sorting every row")
struct TopTests {
    @Test("the first N kept in one pass are the first N of the full sort, ties and missing values included")
    func sameAsSorting() {
        var random = SplitMix64(seed: 11)
        for trial in 0..<200 {
            let n = Int(random.next() % 300)
            // Few distinct values, so ties are common; NaN for missing.
            let keys = (0..<n).map { _ in random.next() % 7 == 0 ? Double.nan : Double(random.next() % 20) }
            let descending = trial % 2 == 0
            let before = { (a: Int, b: Int) -> Bool in
                let x = keys[a], y = keys[b]
                if x == y || (x.isNaN && y.isNaN) { return a < b }
                if x.isNaN { return false }
                if y.isNaN { return true }
                return descending ? x > y : x < y
            }
            let sorted = Array(0..<n).sorted(by: before)
            for limit in [0, 1, 3, 10, n] {
                #expect(Evaluator.first(limit, of: n, by: before) == Array(sorted.prefix(limit)))
            }
        }
    }

    @Test("top and sort | take agree on the seeds, whatever the key", arguments: [
        ("figures | top 5 by value", "figures | sort value desc | take 5"),
        ("figures | top 5 by rate asc", "figures | sort rate | take 5"),
        ("figures | top 7 by region", "figures | sort region desc | take 7"),
        ("targets() | top 3 by attainment", "targets() | sort attainment desc | take 3"),
    ])
    func topIsSortTake(_ top: String, _ sortTake: String) throws {
        let session = QuerySession(dataset: try Dataset.embedded(), settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
        let a = session.run(top).compactMap { $0.value.map(session.render) }
        let b = session.run(sortTake).compactMap { $0.value.map(session.render) }
        #expect(a == b && !a.isEmpty, "\(top)")
    }
}
