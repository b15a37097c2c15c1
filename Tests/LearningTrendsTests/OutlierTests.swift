import Testing
import TestSupport
import LearningData
@testable import LearningTrends

@Suite("Outliers")
struct OutlierTests {
    let values: [(label: String, value: Double)] = [("a", 10), ("b", 11), ("c", 12), ("d", 11), ("e", 10), ("f", 50)]

    @Test("the modified z-score flags the far value by default")
    func modified() {
        let report = OutlierReport(values)
        #expect(report.outliers.map(\.label) == ["f"])
        #expect(report.warning == nil)
        // median 11, MAD 1: f scores 0.6745 × 39.
        #expect(close(report.scores.last?.score, 0.6745 * 39))
    }

    @Test("z-score and min-max on request")
    func others() {
        #expect(OutlierReport(values, method: .zScore(threshold: 2)).outliers.map(\.label) == ["f"])
        #expect(OutlierReport(values, method: .zScore()).outliers.isEmpty)
        #expect(OutlierReport(values, method: .minMax()).outliers.map(\.label) == ["f"])
        #expect(OutlierMethod(name: "mad") == .modifiedZScore())
        #expect(OutlierMethod(name: "minmax") == .minMax())
    }

    @Test("too few values give a warning and no verdict")
    func tooFew() throws {
        let report = OutlierReport(Array(values.prefix(3)))
        #expect(report.outliers.isEmpty)
        #expect(report.warning?.contains("too few") == true)
        let series = try #require(Series(try Dataset.embedded(), indicator: "learning_family", region: "binh-thuan/tuy-phong/lien-huong"))
        #expect(OutlierReport(series).warning != nil)
    }

    @Test("equal values do not divide by zero")
    func equal() {
        let same = OutlierReport([("a", 5), ("b", 5), ("c", 5), ("d", 5)])
        #expect(same.outliers.isEmpty)
        let mostly = OutlierReport([("a", 5), ("b", 5), ("c", 5), ("e", 5), ("d", 20)])  // mean AD 3: d scores 15 ÷ (1.253314 × 3) ≈ 3.99
        #expect(mostly.warning?.contains("MAD is 0") == true)
        #expect(mostly.outliers.map(\.label) == ["d"])
    }
}
