import Testing
import TestSupport
import LearningData
import LearningTrends
import LearningTargets
import LearningRanking

/// The README's analytics example, with the values it states.
@Suite("The README's analytics example")
struct AnalyticsReadmeTests {
    @Test("every value the README shows")
    func example() throws {
        let data = try Dataset.embedded()
        let lienHuong = try #require(Series(data, indicator: "learning_family", region: "binh-thuan/tuy-phong/lien-huong"))
        let change = try lienHuong.change(from: 2016, to: 2018)
        #expect(change.absolute == 3027)
        #expect(NumberWriter.percent(change.relativePercent ?? 0, style: .vi, fractionDigits: 2) == "115,05%")
        #expect(NumberWriter.points(change.ratePoints ?? 0, style: .vi) == "+34,94 điểm %")
        #expect(NumberWriter.percent(change.cagrPercent ?? 0, style: .vi, fractionDigits: 2) == "46,65%")
        #expect(lienHuong.filled(.linear).point(2017)?.value == 4144.5)

        let provinces = try RollupResult(data, indicator: "learning_family", year: 2018, level: .province)
        #expect(provinces.rows.first { $0.region.id == "binh-thuan" }?.value == 5658)

        let fundObservation = try #require(data.headline(indicator: "fund_raised", region: "binh-thuan/tuy-phong/lien-huong", year: 2018))
        let fund = try #require(Attainment(fundObservation))
        #expect(close(fund.percentOfTarget, 162.15))
        #expect(fund.status == .exceeded)
        #expect(PercentageAudit(data).disagreements.count == 4)
        #expect(Validator().violations(in: data).isEmpty)
        let projection = TargetReport(data, year: 2021).evaluation(indicator: "fund_raised", region: "kien-giang/kien-hai", year: 2021)?.projection
        #expect(projection?.status == .onTrack)

        let ranking = try Ranking(data, indicator: "learning_family", year: .latest)
        #expect(ranking.entries.map(\.region.name) == ["Bắc Kạn", "Bình Thạnh"])
        #expect(ranking.entries.map(\.year) == [2017, 2022])
        #expect(ranking.entries.map { NumberWriter.decimal($0.score, style: .vi, fractionDigits: 2) } == ["97,16", "77,07"])
        #expect(ranking.missing.map(\.region.name) == ["Kiên Hải"])
        #expect(ranking.levels.leftOut.map(\.name) == ["Liên Hương"])

        let (pair, notes) = try RegionComparison.resolve(["Bình Thạnh", "Bắc Kạn"], in: data.gazetteer)
        #expect(notes.count == 1)
        let comparison = try RegionComparison(data, regions: pair.map(\.id))
        #expect(comparison.yearsDiffer)
    }
}
