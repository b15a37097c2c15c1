import Testing
import TestSupport
import LearningData
@testable import LearningTrends


@Suite("Series, change and growth")
struct SeriesTests {
    let dataset: Dataset
    let lienHuong: Series

    init() throws {
        dataset = try Dataset.embedded()
        lienHuong = try #require(Series(dataset, indicator: "learning_family", region: "binh-thuan/tuy-phong/lien-huong"))
    }

    @Test("a series holds the years with figures; a skipped year is a gap, not a zero")
    func points() throws {
        #expect(lienHuong.years == [2016, 2018])
        #expect(lienHuong.gaps == [2017])
        #expect(lienHuong.point(2017) == nil)
        let first = try #require(lienHuong.point(2016))
        #expect(first.value == 2631)
        #expect(first.base == 7106)
        #expect(close(first.rate?.rate, 2631.0 / 7106))
        #expect(first.rate?.source == .computed)
        #expect(first.provenance?.document == "000_f9252790b17971d2.txt")
        #expect(Series(dataset, indicator: "learning_family", region: "nowhere") == nil)
    }

    @Test("change 2016 → 2018 in Liên Hương: absolute, relative, percentage points, CAGR over two years")
    func change() throws {
        let change = try lienHuong.change(from: 2016, to: 2018)
        #expect(change.absolute == 3027)
        #expect(close(change.relativePercent, 115.05131128848348))
        #expect(close(change.ratePoints, 34.9413715039254))
        #expect(close(change.cagrPercent, 46.64627894647837))
        #expect(change.years == 2)
        #expect(close(change.ratePointsPerYear, 34.9413715039254 / 2))
        #expect(throws: ChangeError.noFigure(year: 2017, available: [2016, 2018])) { try lienHuong.change(from: 2016, to: 2017) }
        #expect(throws: ChangeError.sameYear(2016)) { try lienHuong.change(from: 2016, to: 2016) }
    }

    @Test("year over year spans gaps with their real length")
    func yearOverYear() {
        let steps = lienHuong.yearOverYear
        #expect(steps.count == 1)
        #expect(steps.first?.years == 2)
    }

    @Test("relative change from zero is undefined, not infinite; CAGR needs positive ends")
    func undefined() {
        let change = Change(fromYear: 2020, toYear: 2021, fromValue: 0, toValue: 5, fromRate: nil, toRate: nil)
        #expect(change.absolute == 5)
        #expect(change.relativePercent == nil)
        #expect(change.cagrPercent == nil)
        #expect(change.ratePoints == nil)
    }

    @Test("gaps are filled only when asked, by the method named, and only inside the known range")
    func fill() throws {
        let linear = lienHuong.filled(.linear)
        let mid = try #require(linear.point(2017))
        #expect(mid.value == 4144.5)
        #expect(mid.base == 7484)
        #expect(close(mid.rate?.rate, 0.5449573500611412))
        #expect(mid.fill == .linear)
        #expect(linear.point(2019) == nil)
        let carried = lienHuong.filled(.carryForward)
        #expect(carried.point(2017)?.value == 2631)
        #expect(carried.point(2017)?.fill == .carryForward)
        #expect(lienHuong.point(2017) == nil)
        #expect(FillMethod(name: "carry forward") == .carryForward)
        #expect(FillMethod(name: "spline") == nil)
    }

    @Test("a trend needs three points; a line is fitted and projected", arguments: [
        ([10.0, 20, 30], 10.0, 1.0, 50.0),
        ([1.0, 3, 2], 0.5, 0.25, 3.5),
    ])
    func trend(values: [Double], slope: Double, rSquared: Double, projected2020: Double) throws {
        #expect(throws: TrendError.tooFewPoints(have: 2, need: 3)) { try lienHuong.trend() }
        let series = Series(indicator: lienHuong.indicator, region: lienHuong.region,
                            points: zip(2016..., values).map { SeriesPoint(year: $0, value: $1) })
        let trend = try series.trend()
        #expect(close(trend.slope, slope))
        #expect(close(trend.rSquared, rSquared))
        #expect(close(trend.value(at: 2020), projected2020))
        #expect(trend.isProjection(2020))
        #expect(!trend.isProjection(2017))
    }

    @Test("a two-point line is available when asked for explicitly")
    func twoPointLine() throws {
        let line = try lienHuong.trend(.rate, minimumPoints: 2)
        #expect(close(line.slope, 0.349413715039254 / 2))
        #expect(line.rSquared == 1)
    }

    @Test("relative periods pick points", arguments: [
        (RelativePeriod.latest, [2018]), (.year(2016), [2016]), (.year(2017), []), (.asOf(2017), [2016]),
        (.asOf(2015), []), (.last(2), [2018]), (.last(3), [2016, 2018]),
    ])
    func periods(period: RelativePeriod, years: [Int]) {
        #expect(lienHuong.points(in: period).map(\.year) == years)
    }

    @Test("over time, flows add up and stocks take the latest year")
    func overTime() throws {
        let indicator = try #require(dataset.catalogue["fund_raised"])
        let members = try #require(dataset.catalogue["members"])
        let region = lienHuong.region
        let fund = Series(indicator: indicator, region: region, points: [
            SeriesPoint(year: 2019, value: 10, base: nil), SeriesPoint(year: 2020, value: 15)])
        let sum = fund.aggregate(over: 2019...2021)
        #expect(sum.value == 25)
        #expect(sum.rule == .sum)
        #expect(sum.isPartial)
        let stock = Series(indicator: members, region: region, points: [SeriesPoint(year: 2019, value: 100), SeriesPoint(year: 2020, value: 120)])
        #expect(stock.aggregate(over: 2019...2020).value == 120)
        #expect(!stock.aggregate(over: 2019...2020).isPartial)
        // Rates of flows over time: sum of numerators over sum of bases.
        let classes = Series(indicator: indicator, region: region, points: [
            SeriesPoint(year: 2019, value: 1, base: 4), SeriesPoint(year: 2020, value: 3, base: 4)])
        #expect(classes.aggregate(over: 2019...2020).rate == 0.5)
    }
}
