import Testing
import TestSupport
import LearningData
@testable import LearningQuery

@Suite("top N without sorting every row")
struct TopTests {
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
