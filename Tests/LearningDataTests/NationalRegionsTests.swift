import Testing
@testable import LearningData

/// Datasets that name official units without listing them: the loader takes them from Vietnam's map.
@Suite("Official units without regions.csv")
struct NationalRegionsTests {
    @Test("a folder with no regions.csv names units by id or by name in its row's year")
    func noRegionsFile() throws {
        let figures = """
            region,indicator,year,value
            quận Bình Thạnh,learning_family,2022,51119
            Bình Thạnh,members,2026,3000
            ha-noi/ba-dinh,learning_family,2022,20000
            huyện Trấn Yên,members,2022,6000

            """
        let d = try DatasetLoader.load(from: try TemporaryDataset(figures: figures, regions: nil, documents: [:]).path)
        #expect(d.count == 4)
        #expect(Set(d.observations.map(\.region)) == ["ho-chi-minh/binh-thanh", "ho-chi-minh/phuong-binh-thanh", "ha-noi/ba-dinh", "yen-bai/tran-yen"])
        // The units beside them at the time are there, so coverage counts them all: Hà Nội's 30 districts of 2022.
        let sums = try d.levelSums(indicator: "learning_family", year: 2022, level: .province, within: "ha-noi")
        let hanoi = try #require(sums.rows.first)
        #expect(hanoi.valueCoverage.count == 1 && hanoi.valueCoverage.expected == 30)
        // In 2026 Hồ Chí Minh has communes, not districts.
        let later = try d.levelSums(indicator: "members", year: 2026, level: .province, within: "ho-chi-minh")
        #expect(later.rows.first?.valueCoverage.partLevel == .commune)
    }

    @Test("a name no unit of the year has, or several have, is refused at its line with the candidates")
    func refusedNames() throws {
        let figures = "region,indicator,year,value\nBình Thạnh,members,2022,5\nBinh Thanhh,members,2022,5\n"
        let errors = try TemporaryDataset(figures: figures, regions: nil, documents: [:]).errors()
        #expect(errors.count == 2)
        #expect(errors.first?.location?.line == 2)
        #expect(errors.first?.message.contains("quận Bình Thạnh (Hồ Chí Minh, until 2025-06-30; ho-chi-minh/binh-thanh)") == true)
        #expect(errors.last?.message.contains("no unit of Vietnam's map is named “Binh Thanhh”") == true)
    }

    @Test("regions.csv attaches a village to its official commune, and refuses an official id under another parent")
    func regionsFile() throws {
        let regions = """
            id,name,kind,parent,aliases,evidence
            yen-bai/yen-binh/han-da/thon-1,Thôn 1,thôn,yen-bai/yen-binh/han-da,,a village of Hán Đà

            """
        let figures = "region,indicator,year,value\nyen-bai/yen-binh/han-da/thon-1,learning_family,2020,40\n"
        let d = try DatasetLoader.load(from: try TemporaryDataset(figures: figures, regions: regions, documents: [:]).path)
        #expect(d.gazetteer["yen-bai/yen-binh/han-da"]?.validUntil == .lastDayBeforeReorganisation)
        #expect(try d.levelSums(indicator: "learning_family", year: 2020, level: .province).rows.first { $0.value != nil }?.value == 40)

        let wrong = """
            id,name,kind,parent,aliases,evidence
            vn,Việt Nam,quốc gia,,,
            bac-kan,Bắc Kạn,tỉnh,vn,,
            yen-bai,Yên Bái,tỉnh,bac-kan,,

            """
        let errors = try TemporaryDataset(figures: "region,indicator,year,value\n", regions: wrong, documents: [:]).errors()
        let official = try #require(errors.first { $0.message.contains("is the official") })
        #expect(official.message == "“yen-bai” is the official tỉnh Yên Bái, whose parent is “vn” (quốc gia Việt Nam), not “bac-kan”")
    }
}
