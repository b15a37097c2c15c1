import Testing
import TestSupport
@testable import LearningData

/// A province P with districts D1 (communes C1, C2) and D2 (commune C3), and D3 with no communes.
private func hierarchy() throws -> Gazetteer {
    try Gazetteer([
        Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil),
        Region(id: "p", name: "P", kind: .province, parent: "vn"),
        Region(id: "p/d1", name: "D1", kind: .ruralDistrict, parent: "p"),
        Region(id: "p/d2", name: "D2", kind: .ruralDistrict, parent: "p"),
        Region(id: "p/d3", name: "D3", kind: .ruralDistrict, parent: "p"),
        Region(id: "p/d1/c1", name: "C1", kind: .commune, parent: "p/d1"),
        Region(id: "p/d1/c2", name: "C2", kind: .commune, parent: "p/d1"),
        Region(id: "p/d2/c3", name: "C3", kind: .commune, parent: "p/d2"),
    ])
}

private func dataset(_ rows: [(String, Double?, Double?, Qualifier)]) throws -> Dataset {
    var builder = DatasetBuilder(gazetteer: try hierarchy())
    for (region, value, base, qualifier) in rows {
        try builder.append(Observation(region: RegionID(region), indicator: "learning_family", year: 2020, value: value, base: base, qualifier: qualifier))
    }
    return try builder.build(name: "levels")
}

@Suite("The roll-up kernel: own figure or the sum below")
struct LevelSumsTests {
    @Test("a sum is only as exact as its least exact part", arguments: [
        (Qualifier.exact, Qualifier.exact, Qualifier.exact), (.exact, .nearly, .nearly), (.nearly, .nearly, .nearly),
        (.nearly, .over, .about), (.over, .atLeast, .over), (.range, .exact, .atLeast), (.about, .over, .about),
    ])
    func qualifierSums(a: Qualifier, b: Qualifier, sum: Qualifier) {
        #expect(a.combined(with: b) == sum)
        #expect(b.combined(with: a) == sum)
    }

    @Test("a reported figure may be rounded at its last non-zero digit, to two significant digits at most", arguments: [
        (5658.0, 0.5), (5100, 50), (12000, 500), (20000, 500), (841_000_000, 500_000), (100, 5), (7, 0.5),
    ])
    func tolerance(x: Double, expected: Double) {
        #expect(LevelSums.roundingTolerance(x) == expected)
    }

    @Test("what a row holds, as a reason says it", arguments: [
        (Observation(region: "p", indicator: "learning_family", year: 2021, target: Target(value: 90, isRate: true, comparison: .above)), "only a target"),
        (Observation(region: "p", indicator: "learning_family", year: 2020, statedPercent: try! StatedPercent(printed: "85%")), "only a stated percentage"),
        (Observation(region: "p", indicator: "learning_family", year: 2020, target: Target(value: 90, isRate: true, comparison: .atLeast),
                     statedPercent: try! StatedPercent(printed: "85%")), "only a target and a stated percentage"),
        (Observation(region: "p", indicator: "learning_family", year: 2020, value: 3), "a figure"),
        (Observation(region: "p", indicator: "learning_family", year: 2020, value: 3, base: 4), "a figure and a base"),
        (Observation(region: "p", indicator: "learning_family", year: 2020), "no figure"),
    ])
    func contents(o: Observation, said: String) {
        #expect(o.contents == said)
    }

    @Test("own figure where reported, else the sum below; the rate over the regions that give both")
    func ownOrSum() throws {
        let data = try dataset([
            ("p/d1/c1", 40, 50, .exact), ("p/d1/c2", 30, nil, .exact),   // D1 = C1 + C2, only C1 with a base
            ("p/d2", 100, 120, .nearly), ("p/d2/c3", 90, 110, .exact),  // D2 reports its own
            ("p/d3", 10, nil, .exact),                                   // D3 has no communes
        ])
        let sums = try data.levelSums(indicator: "learning_family", year: 2020, level: .province)
        let p = try #require(sums.rows.first)
        #expect(p.value == 180)
        #expect(p.valueCoverage.count == 3 && p.valueCoverage.expected == 3)
        #expect(p.base == 50 + 120 && p.baseCoverage.count == 2)
        #expect(p.numerator == 40 + 100 && p.denominator == 50 + 120 && p.rateCoverage.count == 2 && p.rateCoverage.partialParts == 1)
        #expect(p.qualifier == .nearly)
        #expect(p.isUneven)
        #expect(sums.usedLevels == [.district, .commune])
        // D2 = 100 (gần) against 90 below: complete, and 90 is beyond 100's half-unit of 5.
        #expect(sums.differing.map { data.gazetteer[$0].id } == ["p/d2"])
        let districts = try data.levelSums(indicator: "learning_family", year: 2020, level: .district)
        #expect(districts.regions.map { data.gazetteer[$0].id } == ["p/d1", "p/d2", "p/d3"])
        #expect(districts.rows[1].sumBelow == 90 && districts.rows[1].differs == true)
        #expect(districts.rows[2].isReported && districts.rows[2].sumBelow == nil && districts.rows[2].differs == nil)
    }

    @Test("a partial sum below a larger reported figure is no contradiction; one above it is")
    func partialBelow() throws {
        let lower = try dataset([("p/d1", 100, nil, .exact), ("p/d1/c1", 60, nil, .exact)])
        #expect(try lower.levelSums(indicator: "learning_family", year: 2020, level: .district).rows[0].differs == false)
        let higher = try dataset([("p/d1", 100, nil, .exact), ("p/d1/c1", 160, nil, .exact)])
        #expect(try higher.levelSums(indicator: "learning_family", year: 2020, level: .district).rows[0].differs == true)
        let over = try dataset([("p/d1", 100, nil, .over), ("p/d1/c1", 60, nil, .exact), ("p/d1/c2", 80, nil, .exact)])
        #expect(try over.levelSums(indicator: "learning_family", year: 2020, level: .district).rows[0].differs == false)   // "hơn 100"
    }

    @Test("property: the kernel gives what a recursive reference gives, for random data", arguments: 0..<40)
    func property(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let ids = ["p", "p/d1", "p/d2", "p/d3", "p/d1/c1", "p/d1/c2", "p/d2/c3"]
        var rows: [(String, Double?, Double?, Qualifier)] = []
        for id in ids where generator.next() % 3 == 0 {
            let value: Double? = generator.next() % 4 == 0 ? nil : Double(generator.next() % 1000)
            let base: Double? = generator.next() % 2 == 0 ? nil : Double(1 + generator.next() % 1000)
            if value != nil || base != nil { rows.append((id, value, base, .exact)) }
        }
        let data = try dataset(rows)
        let own = Dictionary(uniqueKeysWithValues: rows.map { ($0.0, ($0.1, $0.2)) })
        let children = ["p": ["p/d1", "p/d2", "p/d3"], "p/d1": ["p/d1/c1", "p/d1/c2"], "p/d2": ["p/d2/c3"]]
        // value, base, numerator, denominator of a region: its own when it gives a value (or only a base
        // with nothing below), else its children's, each quantity over those that give it.
        func figure(_ id: String) -> (Double?, Double?, Double?, Double?) {
            var sums: (Double?, Double?, Double?, Double?) = (nil, nil, nil, nil)
            for c in children[id] ?? [] {
                let f = figure(c)
                if let v = f.0 { sums.0 = (sums.0 ?? 0) + v }
                if let b = f.1 { sums.1 = (sums.1 ?? 0) + b }
                if let n = f.2, let d = f.3 { sums.2 = (sums.2 ?? 0) + n; sums.3 = (sums.3 ?? 0) + d }
            }
            if let (v, b) = own[id], v != nil || (sums.0 == nil && sums.1 == nil) {
                return (v, b, v != nil && b != nil ? v : nil, v != nil ? b : nil)
            }
            return sums
        }
        let sums = try data.levelSums(indicator: "learning_family", year: 2020, level: .district)
        for (index, f) in zip(sums.regions, sums.rows) {
            let expected = figure(data.gazetteer[index].id.rawValue)
            #expect(f.value == expected.0 && f.base == expected.1 && f.numerator == expected.2 && f.denominator == expected.3, "\(data.gazetteer[index].id) \(rows)")
        }
        let province = try data.levelSums(indicator: "learning_family", year: 2020, level: .province)
        let p = figure("p")
        #expect(province.rows[0].value == p.0 && province.rows[0].rate == p.2.flatMap { n in p.3.flatMap { $0 != 0 ? n / $0 : nil } })
    }
}
