import Testing
@testable import LearningData

@Suite("Regions and lookup by name")
struct GazetteerTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try Dataset.embedded().gazetteer
    }

    @Test("a name finds its region however it is typed", arguments: [
        ("binh thanh", "ho-chi-minh/binh-thanh"), ("Q. Bình Thạnh", "ho-chi-minh/binh-thanh"),
        ("quận Bình Thạnh", "ho-chi-minh/binh-thanh"), ("BÌNH THẠNH", "ho-chi-minh/binh-thanh"),
        ("Bi\u{300}nh Tha\u{323}nh", "ho-chi-minh/binh-thanh"), ("ho-chi-minh/binh-thanh", "ho-chi-minh/binh-thanh"),
        ("TP.HCM", "ho-chi-minh"), ("tphcm", "ho-chi-minh"), ("Thành phố Hồ Chí Minh", "ho-chi-minh"), ("Sài Gòn", "ho-chi-minh"),
        ("lien huong", "binh-thuan/tuy-phong/lien-huong"), ("thị trấn Liên Hương", "binh-thuan/tuy-phong/lien-huong"),
        ("TT. Liên Hương", "binh-thuan/tuy-phong/lien-huong"), ("xa han da", "yen-bai/yen-binh/han-da"),
        ("thành phố Bắc Kạn", "bac-kan/bac-kan"), ("TP Bắc Kạn", "bac-kan/bac-kan"), ("tỉnh Bắc Kạn", "bac-kan"),
        ("huyện Kiên Hải", "kien-giang/kien-hai"), ("thị xã Nghĩa Lộ", "yen-bai/nghia-lo"), ("  kien hai ", "kien-giang/kien-hai"),
    ])
    func lookup(name: String, id: String) throws {
        #expect(try gazetteer.lookup(name).id == RegionID(id))
    }

    @Test("a name shared by two regions is an error listing both with their ids")
    func ambiguous() {
        do {
            _ = try gazetteer.lookup("Bắc Kạn")
            Issue.record("Bắc Kạn was not ambiguous")
        } catch {
            guard case let .ambiguous(_, candidates) = error else { Issue.record("\(error)"); return }
            #expect(Set(candidates.map(\.id)) == ["bac-kan", "bac-kan/bac-kan"])
            #expect(error.description.contains("bac-kan/bac-kan"))
            #expect(error.description.contains("id bac-kan)"))
            #expect(error.description.contains("level: \"district\" or \"province\""))
        }
    }

    @Test("asking for a level settles an ambiguous name", arguments: [
        (AdministrativeLevel.district, "bac-kan/bac-kan"), (.province, "bac-kan"),
    ])
    func level(level: AdministrativeLevel, id: String) throws {
        #expect(try gazetteer.lookup("bac kan", level: level).id == RegionID(id))
        #expect(try gazetteer.lookup("Yên Bái", level: level).id == RegionID(id.replacingOccurrences(of: "bac-kan", with: "yen-bai")))
    }

    @Test("a wrong kind, a misspelling and nothing are errors that say so")
    func errors() {
        #expect(throws: RegionLookupError.noneOfThatKind(query: "quận Bắc Kạn", asked: "quận",
                                                          found: ["bac-kan", "bac-kan/bac-kan"].compactMap { gazetteer[RegionID($0)] })) {
            try gazetteer.lookup("quận Bắc Kạn")
        }
        do {
            _ = try gazetteer.lookup("binh tanh")
        } catch {
            #expect(error.regions.map(\.id) == ["ho-chi-minh/binh-thanh", "binh-thuan"])
            #expect(error.description == "no region is named “binh tanh”; did you mean “Bình Thạnh” (quận Bình Thạnh, id ho-chi-minh/binh-thanh) or “Bình Thuận” (tỉnh Bình Thuận, id binh-thuan)?")
        }
        #expect(throws: RegionLookupError.empty) { try gazetteer.lookup("  ") }
    }

    @Test("parents are as the reports had them")
    func hierarchy() throws {
        #expect(gazetteer.ancestors(of: "binh-thuan/tuy-phong/lien-huong").map(\.name) == ["Tuy Phong", "Bình Thuận", "Việt Nam"])
        #expect(gazetteer.ancestors(of: "yen-bai/yen-binh/han-da").map(\.qualifiedName) == ["huyện Yên Bình", "tỉnh Yên Bái", "Việt Nam"])
        #expect(gazetteer["ho-chi-minh/binh-thanh"]?.kind == .urbanDistrict)
        #expect(gazetteer["binh-thuan/tuy-phong/lien-huong"]?.level == .commune)
        #expect(gazetteer["bac-kan/bac-kan"]?.kind == .provincialCity)
        let hanDa = try #require(gazetteer.index(of: "yen-bai/yen-binh/han-da"))
        let yenBai = try #require(gazetteer.index(of: "yen-bai"))
        #expect(gazetteer.ancestor(of: hanDa, at: .province) == yenBai)
        #expect(gazetteer.isWithin(hanDa, yenBai))
        #expect(gazetteer.childIndices(of: yenBai).count == 5)
    }

    @Test("every region but the country has a parent, and every parent is a level above")
    func levels() {
        for region in gazetteer.regions {
            guard let parent = region.parent.flatMap({ gazetteer[$0] }) else {
                #expect(region.kind == .country)
                continue
            }
            #expect(parent.level < region.level, "\(region.id)")
        }
    }

    @Test("a list of regions that is not a hierarchy is refused")
    func invalid() {
        let a = Region(id: "a", name: "A", kind: .province, parent: "b")
        let b = Region(id: "b", name: "B", kind: .province, parent: "a")
        #expect(throws: GazetteerError.cycle("a")) { try Gazetteer([a, b]) }
        #expect(throws: GazetteerError.duplicateID("a")) { try Gazetteer([a, a]) }
        #expect(throws: GazetteerError.unknownParent("a", "b")) { try Gazetteer([a]) }
    }

    @Test("a cycle is reported by a region on it, not by a region that only hangs below it")
    func cycleMember() {
        let below = Region(id: "below", name: "Below", kind: .province, parent: "a")
        let a = Region(id: "a", name: "A", kind: .province, parent: "b")
        let b = Region(id: "b", name: "B", kind: .province, parent: "a")
        #expect(throws: GazetteerError.cycle("b")) { try Gazetteer([below, b, a]) }
    }

    @Test("levels and kinds read from their names")
    func names() {
        #expect(AdministrativeLevel(name: "district") == .district)
        #expect(AdministrativeLevel(name: "cấp huyện") == .district)
        #expect(AdministrativeLevel(name: "huyen") == .district)
        #expect(AdministrativeLevel(name: "xã") == .commune)
        #expect(AdministrativeLevel(name: "galaxy") == nil)
        #expect(AdministrativeKind(name: "thi tran") == .township)
        #expect(AdministrativeKind(name: "thành phố thuộc tỉnh") == .provincialCity)
    }
}
