import Testing
import TestSupport
import LearningData
@testable import LearningTrends

/// A province with two districts and three communes: C1 and C2 in D1, C3 in D2.
func smallHierarchy() throws -> Gazetteer {
    try Gazetteer([
        Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil),
        Region(id: "p", name: "Tỉnh P", kind: .province, parent: "vn"),
        Region(id: "p/d1", name: "Huyện Một", kind: .ruralDistrict, parent: "p"),
        Region(id: "p/d2", name: "Huyện Hai", kind: .ruralDistrict, parent: "p"),
        Region(id: "p/d1/c1", name: "Xã Một", kind: .commune, parent: "p/d1"),
        Region(id: "p/d1/c2", name: "Xã Hai", kind: .commune, parent: "p/d1"),
        Region(id: "p/d2/c3", name: "Xã Ba", kind: .commune, parent: "p/d2"),
    ])
}

@Suite("Roll-ups up the hierarchy")
struct RollupTests {
    func dataset(_ rows: [(String, Double?, Double?)], year: Int = 2020, extra: [Observation] = []) throws -> Dataset {
        var builder = DatasetBuilder(gazetteer: try smallHierarchy())
        for (region, value, base) in rows {
            try builder.append(Observation(region: RegionID(region), indicator: "learning_family", year: year, value: value, base: base))
        }
        for o in extra { try builder.append(o) }
        return try builder.build(name: "small")
    }

    @Test("a rate rolls up as the sum of numerators over the sum of denominators, with coverage")
    func ratioOfSums() throws {
        let data = try dataset([("p/d1/c1", 50, 100), ("p/d1/c2", 30, 50), ("p/d2/c3", nil, 80)])
        let districts = try RollupResult(data, indicator: "learning_family", year: 2020, level: .district)
        #expect(districts.usedLevels == [.commune])
        #expect(districts.rows.map(\.region.id) == ["p/d1", "p/d2"])
        let d1 = districts.rows[0], d2 = districts.rows[1]
        #expect(d1.value == 80)
        #expect(d1.base == 150)
        #expect(close(d1.rate, 80.0 / 150))
        #expect(d1.valueCoverage.count == 2 && d1.valueCoverage.expected == 2 && !d1.isPartial)
        #expect(d2.value == nil)
        #expect(d2.base == 80)          // a base is summed over the regions that give one, value or not
        #expect(d2.rate == nil)
        #expect(d2.isPartial)
        let province = try RollupResult(data, indicator: "learning_family", year: 2020, level: .province)
        #expect(province.rows.count == 1)
        #expect(close(province.rows[0].rate, 80.0 / 150))
        // The province's coverage counts its districts: one gives a value, both a base, one a rate.
        #expect(province.rows[0].valueCoverage.count == 1 && province.rows[0].valueCoverage.expected == 2)
        #expect(province.rows[0].baseCoverage.count == 2 && province.rows[0].rateCoverage.count == 1)
        #expect(province.rows[0].valueAndRateDiffer)
        #expect(province.total?.value == 80)
    }

    @Test("the mean of rates only when asked for, and it differs")
    func meanOfRates() throws {
        let data = try dataset([("p/d1/c1", 50, 100), ("p/d1/c2", 30, 50)])
        let plain = try RollupResult(data, indicator: "learning_family", year: 2020, level: .district)
        #expect(plain.rows[0].meanOfRates == nil)
        let mean = try RollupResult(data, indicator: "learning_family", year: 2020, level: .district, combination: .meanOfRates)
        #expect(close(mean.rows[0].meanOfRates, 0.55))
        #expect(close(mean.rows[0].rate, 80.0 / 150))
    }

    @Test("a zero base gives an undefined rate, not a crash")
    func zeroBase() throws {
        let data = try dataset([("p/d1/c1", 0, 0)])
        let r = try RollupResult(data, indicator: "learning_family", year: 2020, level: .district)
        #expect(r.rows[0].value == 0)
        #expect(r.rows[0].rate == nil)
    }

    @Test("a region's own figure is used as reported, the sum below shown beside it, never added to it")
    func reported() throws {
        let own = Observation(region: "p/d1", indicator: "learning_family", year: 2020, value: 999, base: 1000)
        let data = try dataset([("p/d1/c1", 50, 100)], extra: [own])
        let r = try RollupResult(data, indicator: "learning_family", year: 2020, level: .district)
        #expect(r.rows[0].value == 999)
        #expect(r.rows[0].base == 1000)
        #expect(r.rows[0].reported?.value == 999)
        #expect(r.rows[0].sumBelow == 50)
        #expect(r.rows[0].differs == false)     // one commune of two: a smaller sum is no contradiction
        #expect(r.rows[0].valueCoverage.isReported && !r.rows[0].isPartial)
    }

    @Test("within a region, and on the seeds")
    func seeds() throws {
        let data = try Dataset.embedded()
        let provinces = try RollupResult(data, indicator: "learning_family", year: 2018, level: .province)
        let binhThuan = try #require(provinces.rows.first { $0.region.id == "binh-thuan" })
        #expect(binhThuan.value == 5658)
        #expect(binhThuan.base == 7862)
        let within = try RollupResult(data, indicator: "learning_family", year: 2018, level: .province, within: "yen-bai")
        #expect(within.rows.map(\.region.id) == ["yen-bai"])
        #expect(within.rows[0].value == nil)
        #expect(throws: RollupError.unknownIndicator("nope")) { try RollupResult(data, indicator: "nope", year: 2018, level: .province) }
        #expect(throws: RollupError.levelNotAbove(level: .commune, source: .commune)) {
            try RollupResult(data, indicator: "learning_family", year: 2018, level: .commune, sourceLevel: .commune)
        }
    }

    @Test("property: the rolled-up rate equals the rate of the summed rows, for random data")
    func property() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var rows: [(String, Double?, Double?)] = []
            var numerator = 0.0, denominator = 0.0, values = 0.0
            for id in ["p/d1/c1", "p/d1/c2", "p/d2/c3"] where generator.next() % 4 != 0 {
                let base = Double(generator.next() % 1000)
                let value = Double(generator.next() % 1000)
                let hasBase = generator.next() % 3 != 0
                rows.append((id, value, hasBase ? base : nil))
                values += value
                if hasBase { numerator += value; denominator += base }
            }
            let r = try RollupResult(try dataset(rows), indicator: "learning_family", year: 2020, level: .province, sourceLevel: .commune)
            let total = try #require(r.total)
            #expect(total.value == (rows.isEmpty ? nil : values))
            #expect(total.rate == (denominator > 0 ? numerator / denominator : nil))
        }
    }
}

