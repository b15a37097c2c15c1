import Testing
import LearningData

/// The library example of README.md, line for line, with the values the README states.
@Suite("The README's library example")
struct ReadmeExampleTests {
    @Test("every value the README shows")
    func example() throws {
        let data = try Dataset.embedded()
        let binhThanh = try data.gazetteer.lookup("binh thanh")
        #expect(try data.gazetteer.lookup("Q. Bình Thạnh") == binhThanh)
        #expect(try data.gazetteer.lookup("quận Bình Thạnh") == binhThanh)
        let bacKanCity = try data.gazetteer.lookup("Bắc Kạn", level: .district)
        #expect(bacKanCity.id == "bac-kan/bac-kan")
        #expect(throws: RegionLookupError.self) { try data.gazetteer.lookup("Bắc Kạn") }

        let family = try #require(data.observation(indicator: "learning_family", region: binhThanh.id, year: 2022))
        #expect(family.value == 51119)
        #expect(family.base == 66328)
        #expect(family.baseKind == .registered)
        #expect(family.rate.map { String($0).hasPrefix("0.7707") } == true)
        #expect(family.statedPercent?.text == "77,07%")
        #expect(family.target == Target(value: 75, isRate: true))
        #expect(family.provenance?.quote.hasPrefix("Qua bình xét toàn quận có 51.119/66.328 hộ dân đăng ký") == true)

        let members = data.rows(indicator: "members", year: 2022).map { data.region(at: $0).name }
        #expect(members == ["Bình Thạnh"])

        #expect(try VietnameseNumberReader.parse("43,85 triệu đồng").value == 43_850_000)
        #expect(NumberWriter.percent(37.28, style: .vi) == "37,28%")
        #expect(NumberWriter.money(1_234_567, style: .en) == "1,234,567 VND")
    }
}
