import Testing
import LearningGeography

/// The national map of `seeds/geography/`, against the source's counts and the facts of the 2025
/// reorganisation that every analyst of these figures meets.
@Suite("Vietnam's map before and after 1 July 2025")
struct NationalMapTests {
    let map = NationalMap.embedded
    static let before = CalendarDay.endOf(2022), after = CalendarDay.endOf(2026)

    @Test("counts per level and date are the source's", arguments: [
        (AdministrativeLevel.province, 2022, 63), (.district, 2022, 696), (.commune, 2022, 10_035),
        (.province, 2026, 34), (.district, 2026, 0), (.commune, 2026, 3_321),
    ])
    func counts(_ level: AdministrativeLevel, _ year: Int, _ expected: Int) {
        #expect(map.units(on: .endOf(year), level: level).count == expected)
    }

    @Test("every commune before 2025 went into at least one commune after, of its province's successor")
    func everyCommuneMaps() {
        let old = map.units(on: Self.before, level: .commune)
        var split = 0
        for commune in old {
            let next = map.successors(of: commune.id)
            #expect(!next.isEmpty, "\(commune.id) has no successor")
            if next.contains(where: { $0.share == .part }) { split += 1 }
            guard case let .whole(province) = map.placement(of: commune.id, level: .province, on: Self.after) else {
                Issue.record("\(commune.id) has no province in 2026"); continue
            }
            for link in next { #expect(map[link.later]?.parent == province.id, "\(commune.id) → \(link.later) leaves \(province.id)") }
        }
        #expect(split == 471)
    }

    @Test("provinces that merged resolve to their successor as of 2026", arguments: [
        ("Bắc Kạn", "thai-nguyen"), ("Bình Thuận", "lam-dong"), ("Kiên Giang", "an-giang"), ("Yên Bái", "lao-cai"),
        ("Hồ Chí Minh", "ho-chi-minh"), ("Hà Nội", "ha-noi"), ("Bà Rịa - Vũng Tàu", "ho-chi-minh"),
    ])
    func mergedProvinces(_ name: String, _ successor: String) throws {
        let old = try map.unit(named: name, on: Self.before, level: .province)
        guard case let .whole(now) = map.placement(of: old.id, level: .province, on: Self.after) else { Issue.record("\(name) not placed"); return }
        #expect(now.id.rawValue == successor)
    }

    @Test("the seeds' regions are real units, with their parents of the reports' time", arguments: [
        ("binh-thuan/tuy-phong/lien-huong", AdministrativeKind.township, "binh-thuan/tuy-phong"),
        ("ho-chi-minh/binh-thanh", .urbanDistrict, "ho-chi-minh"), ("bac-kan/bac-kan", .provincialCity, "bac-kan"),
        ("kien-giang/kien-hai", .ruralDistrict, "kien-giang"), ("yen-bai/nghia-lo", .districtTown, "yen-bai"),
        ("yen-bai/yen-binh/han-da", .commune, "yen-bai/yen-binh"), ("yen-bai/tran-yen", .ruralDistrict, "yen-bai"),
    ])
    func seedRegions(_ id: String, _ kind: AdministrativeKind, _ parent: String) throws {
        let unit = try #require(map[RegionID(id)])
        #expect(unit.kind == kind)
        #expect(unit.parent == RegionID(parent))
        #expect(unit.isValid(on: .endOf(2020)))
    }

    @Test("“Bình Thạnh” is the district in 2022 and the ward of Hồ Chí Minh in 2026")
    func binhThanh() throws {
        #expect(try map.unit(named: "Bình Thạnh", on: Self.before, level: .district).id == "ho-chi-minh/binh-thanh")
        let ward = try map.unit(named: "Bình Thạnh", on: Self.after)
        #expect(ward.id == "ho-chi-minh/phuong-binh-thanh")
        #expect(ward.kind == .ward && ward.parent == "ho-chi-minh")
        #expect(try map.unit(named: "quận Bình Thạnh", on: nil).id == "ho-chi-minh/binh-thanh")
    }

    @Test("an ambiguous name lists its candidates with kinds, parents and years; a parent after a comma settles it")
    func ambiguous() throws {
        do {
            _ = try map.unit(named: "Bình Thạnh", on: Self.before)
            Issue.record("expected an ambiguity")
        } catch let error {
            let text = error.description
            #expect(text.contains("quận Bình Thạnh (Hồ Chí Minh, until 2025-06-30; ho-chi-minh/binh-thanh)"), "\(text)")
            #expect(text.contains("add the kind or the parent"))
        }
        #expect(try map.unit(named: "Bình Thạnh, Hồ Chí Minh", on: Self.before).id == "ho-chi-minh/binh-thanh")
        #expect(throws: UnitLookupError.self) { try map.unit(named: "Bình Thạnhh", on: nil) }
    }

    @Test("a district's figure has no place at district level after 2025; a split commune is split")
    func placements() throws {
        guard case .none = map.placement(of: "ho-chi-minh/binh-thanh", level: .district, on: Self.after) else { Issue.record("districts after 2025"); return }
        let splitOne = try #require(map.units(on: Self.before, level: .commune).first { c in map.successors(of: c.id).contains { $0.share == .part } })
        guard case let .split(parts) = map.placement(of: splitOne.id, level: .commune, on: Self.after) else { Issue.record("\(splitOne.id) not split"); return }
        #expect(parts.count >= 2)
        guard case let .whole(province) = map.placement(of: "yen-bai/yen-binh/han-da", level: .province, on: Self.after) else { Issue.record("Hán Đà"); return }
        #expect(province.id == "lao-cai")
    }

    @Test("predecessors say what a new unit was made of; codes name one unit on a day")
    func history() {
        #expect(Set(map.predecessors(of: "thai-nguyen").map(\.earlier)) == ["bac-kan"])
        #expect(map.successors(of: "bac-kan").map(\.later) == ["thai-nguyen"])
        #expect(map.unit(code: "52", on: Self.before)?.id == "binh-dinh")
        #expect(map.unit(code: "52", on: Self.after)?.id == "gia-lai")
        #expect(map["gia-lai"]?.code(on: Self.before) == "64")
    }

    @Test("days are read as Vietnamese and ISO write them", arguments: [("2026", "2026-12-31"), ("2025-07-01", "2025-07-01"), ("1/7/2025", "2025-07-01")])
    func days(_ text: String, _ iso: String) {
        #expect(CalendarDay(parsing: text)?.description == iso)
    }
}
