import Testing
import TestSupport
import LearningData
@testable import LearningTargets


@Suite("Targets against actuals")
struct AttainmentTests {
    let dataset: Dataset

    init() throws {
        dataset = try Dataset.embedded()
    }

    @Test("an absolute target: Liên Hương's fund, 97.290.000 against 60.000.000 đồng")
    func absolute() throws {
        let o = try #require(dataset.headline(indicator: "fund_raised", region: "binh-thuan/tuy-phong/lien-huong", year: 2018))
        let a = try #require(Attainment(o))
        #expect(a.actual == 97_290_000)
        #expect(a.gap == 37_290_000)
        #expect(close(a.percentOfTarget, 162.15))
        #expect(a.status == .exceeded)
        #expect(a.shortfall == nil)
        #expect(a.rateSource == nil)
    }

    @Test("a rate target: Bình Thạnh's learning families, 77,07 % against chỉ tiêu 75 %")
    func rate() throws {
        let o = try #require(dataset.headline(indicator: "learning_family", region: "ho-chi-minh/binh-thanh", year: 2022))
        let a = try #require(Attainment(o))
        #expect(close(a.actual, 77.07001567965264))
        #expect(close(a.gap, 2.0700156796526414))
        #expect(close(a.percentOfTarget, 102.76002090620352))
        #expect(a.status == .exceeded)
        #expect(a.rateSource == .computed)
    }

    @Test("a rate known only as stated is used, and says so; on the target exactly is met")
    func statedAndMet() throws {
        let community = try #require(dataset.headline(indicator: "learning_community", region: "ho-chi-minh/binh-thanh", year: 2022))
        let a = try #require(Attainment(community))
        #expect(a.actual == 100)
        #expect(a.rateSource == .stated)
        #expect(a.status == .exceeded)
        let tranYen = try #require(dataset.headline(indicator: "learning_commune", region: "yen-bai/tran-yen", year: 2020))
        #expect(Attainment(tranYen)?.status == .met)
    }

    @Test("missed targets say how far they are from being met", arguments: [
        (70.0, 100.0, Target(value: 75, isRate: true), 5.0, 5.0 as Double?),
        (92, 100, Target(value: 92, isRate: true, comparison: .above), 0, 1),
        (911, 1000, Target(value: 92, isRate: true, comparison: .above), 0.9, 10),
        (40, nil, Target(value: 60, isRate: false), 20, nil),
    ])
    func missed(value: Double, base: Double?, target: Target, shortfall: Double, units: Double?) throws {
        let o = Observation(region: "x", indicator: "learning_family", year: 2021, value: value, base: base, target: target)
        let a = try #require(Attainment(o))
        #expect(a.status == .missed)
        #expect(close(a.shortfall, shortfall))
        #expect(a.unitsShort == units)
    }

    @Test("range targets", arguments: [(900.0, AttainmentStatus.met), (800, .met), (1000, .met), (1200, .exceeded), (700, .missed)])
    func range(actual: Double, status: AttainmentStatus) {
        #expect(Attainment(actual: actual, target: Target(value: 800, upperBound: 1000, isRate: false)).status == status)
    }

    @Test("no actual, no target, or a zero target: no division, no crash")
    func undefined() {
        #expect(Attainment(Observation(region: "x", indicator: "fund_raised", year: 2021, target: Target(value: 1, isRate: false))) == nil)
        #expect(Attainment(Observation(region: "x", indicator: "fund_raised", year: 2021, value: 5)) == nil)
        let zero = Attainment(actual: 5, target: Target(value: 0, isRate: false))
        #expect(zero.percentOfTarget == nil)
        #expect(zero.status == .exceeded)
    }
}

@Suite("Next year's targets")
struct TargetReportTests {
    let report: TargetReport

    init() throws {
        report = TargetReport(try Dataset.embedded())
    }

    @Test("Kiên Hải's 2021 fund target of at least 800 triệu is on track from 2020's 841 triệu, carried forward")
    func fund() throws {
        let e = try #require(report.evaluation(indicator: "fund_raised", region: "kien-giang/kien-hai", year: 2021))
        #expect(e.attainment == nil)
        let p = try #require(e.projection)
        #expect(p.projected == 841_000_000)
        #expect(p.method == .carryForward(from: 2020))
        #expect(p.status == .onTrack)
        #expect(p.method?.description == "2020 carried forward (only one year known)")
    }

    @Test("a target with no history cannot be projected, and says why")
    func noHistory() throws {
        let e = try #require(report.evaluation(indicator: "learning_family", region: "kien-giang/kien-hai", year: 2021))
        #expect(e.projection?.status == .cannotProject)
        #expect(e.projection?.reason == "no earlier year has a figure to project from")
    }

    @Test("every target in the seeds is evaluated: the ones with actuals met or exceeded")
    func all() throws {
        let withActual = report.evaluations.filter { $0.attainment != nil }
        #expect(withActual.count == 8)
        #expect(withActual.allSatisfy { $0.attainment?.status != .missed })
        #expect(report.evaluations.count == 16)
        #expect(TargetReport(try Dataset.embedded(), year: 2021).evaluations.allSatisfy { $0.observation.year == 2021 })
    }

    @Test("projections by the method the history allows", arguments: [
        ([2018: 10.0, 2019: 20, 2020: 30], 40.0, "linear trend over 3 years"),
        ([2019: 10.0, 2020: 20], 30.0, "straight line through 2019 and 2020"),
    ])
    func methods(history: [Int: Double], projected: Double, method: String) throws {
        var builder = DatasetBuilder(gazetteer: try Dataset.embedded().gazetteer)
        for (year, value) in history { try builder.append(Observation(region: "yen-bai", indicator: "fund_raised", year: year, value: value)) }
        let target = Observation(region: "yen-bai", indicator: "fund_raised", year: 2021, target: Target(value: 35, isRate: false))
        try builder.append(target)
        let p = TargetProjection(try builder.build(name: "t"), target: target)
        #expect(close(p.projected, projected))
        #expect(p.method?.description == method)
        #expect(p.status == (projected >= 35 ? .onTrack : .offTrack))
    }
}

@Suite("Attainment read from the columns")
struct ColumnAttainmentTests {
    @Test("for every row of the seeds, the columns give what the assembled observation gives")
    func sameAsObservation() throws {
        let dataset = try Dataset.embedded()
        for row in 0..<dataset.count {
            let o = dataset[row]
            #expect(Attainment(dataset, row: row) == Attainment(o), "row \(row)")
            #expect(dataset.rateReading(at: row) == o.rateReading, "row \(row)")
            #expect(dataset.target(at: row) == o.target, "row \(row)")
        }
    }

    @Test("the report's rows are the rows with a target, by year, region and indicator")
    func reportRows() throws {
        let dataset = try Dataset.embedded()
        let rows = TargetReport.rows(dataset)
        #expect(rows.count == (0..<dataset.count).filter { dataset.columns.flags[$0].hasTarget }.count)
        let keys = rows.map { (Int(dataset.columns.year[$0]), Int(dataset.columns.region[$0]), Int(dataset.columns.indicator[$0])) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(TargetReport(dataset, year: 2021).evaluations.map(\.observation) == TargetReport.rows(dataset, year: 2021).map { dataset[$0] })
    }
}
