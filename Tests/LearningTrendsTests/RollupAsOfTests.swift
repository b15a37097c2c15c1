import Testing
import LearningData
import LearningTrends

/// Figures of the old map re-expressed in the units of 2026 (`rollup(…, as_of: 2026)`).
@Suite("Roll-ups across the 2025 reorganisation")
struct RollupAsOfTests {
    static let map = NationalMap.embedded

    /// A dataset over real units: regions taken from the map with the parents of their time.
    static func dataset(_ ids: [RegionID], figures: [(RegionID, Double, Double?)], year: Int = 2022) throws -> Dataset {
        var regions = [Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil)]
        for id in ids {
            let u = try #require(map[id])
            regions.append(Region(id: u.id, name: u.name, kind: u.kind, parent: u.parent))
        }
        var builder = DatasetBuilder(gazetteer: try Gazetteer(regions))
        for (id, value, base) in figures { try builder.append(Observation(region: id, indicator: "learning_family", year: year, value: value, base: base)) }
        return try builder.build(name: "real units")
    }

    @Test("the old districts of two provinces that merged sum into the new province, with coverage of the provinces it is made of")
    func merged() throws {
        let d = try Self.dataset(["yen-bai", "yen-bai/tran-yen", "yen-bai/van-chan", "lao-cai"],
                                 figures: [("yen-bai/tran-yen", 100, 200), ("yen-bai/van-chan", 50, nil), ("lao-cai", 300, 400)])
        let r = try ReexpressedRollup(d, indicator: "learning_family", year: 2022, level: .province, asOf: .endOf(2026))
        let row = try #require(r.rows.first { $0.unit.id == "lao-cai" })
        #expect(row.value == 450)                     // 100 + 50 (Yên Bái's districts) + 300 (Lào Cai's own)
        #expect(row.base == 600 && row.rateCount == 2)
        #expect(row.rate == 400.0 / 600.0)            // Σ numerators ÷ Σ denominators over those that give both
        #expect(Set(row.parts.map(\.id)) == ["lao-cai", "yen-bai"])
        #expect(row.valueCount == 2)
        #expect(r.refused.isEmpty)
    }

    @Test("a commune divided in 2025 is not apportioned: it is named, with the communes it went into")
    func split() throws {
        let divided = try #require(Self.map.units(on: .endOf(2022), level: .commune).first { c in Self.map.successors(of: c.id).contains { $0.share == .part } })
        let district = try #require(divided.parent), province = try #require(Self.map[district]?.parent)
        let d = try Self.dataset([province, district, divided.id], figures: [(divided.id, 10, nil)])
        let r = try ReexpressedRollup(d, indicator: "learning_family", year: 2022, level: .commune, asOf: .endOf(2026))
        #expect(r.rows.allSatisfy { $0.value == nil })
        let refused = try #require(r.refused.first)
        #expect(refused.region.id == divided.id)
        #expect(refused.reason.hasPrefix("divided between "))
        // At the province level the same figure is whole: a commune never left its province's successor.
        let provinces = try ReexpressedRollup(d, indicator: "learning_family", year: 2022, level: .province, asOf: .endOf(2026))
        #expect(provinces.rows.compactMap(\.value) == [10])
    }

    @Test("split: area shares a divided commune's figure by the areas of the communes it went into, marked about; the shares add up to it")
    func apportioned() throws {
        let divided = try #require(Self.map.units(on: .endOf(2022), level: .commune).first { c in Self.map.successors(of: c.id).contains { $0.share == .part } })
        let district = try #require(divided.parent), province = try #require(Self.map[district]?.parent)
        let d = try Self.dataset([province, district, divided.id], figures: [(divided.id, 1000, 1200)])
        let r = try ReexpressedRollup(d, indicator: "learning_family", year: 2022, level: .commune, asOf: .endOf(2026), split: .area)
        let shared = r.rows.filter { $0.value != nil }
        #expect(shared.count == Self.map.successors(of: divided.id).count)
        #expect(abs(shared.compactMap(\.value).reduce(0, +) - 1000) < 1e-6)
        #expect(shared.allSatisfy { $0.qualifier == .about && $0.apportioned.map(\.id) == [divided.id] })
        #expect(r.refused.isEmpty)
    }
}
