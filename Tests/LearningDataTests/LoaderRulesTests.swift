import Testing
@testable import LearningData

/// The loader's rules for periods, derived figures, qualifiers and region ids: each refusal located.
@Suite("Loader rules: periods, derived rules, qualifiers, region ids")
struct LoaderRulesTests {
    static let header = "region,indicator,year,period,value,qualifier,derived,document,quote"
    static let document = "Năm 2022 có gần 54 dòng họ học tập, tăng 11 dòng họ so với năm 2021; tặng 80 phần quà, mỗi phần 1 triệu đồng."

    static func load(_ row: String) throws -> [Diagnostic] {
        try TemporaryDataset(figures: header + "\n" + row + "\n", documents: ["doc.txt": document]).errors()
    }

    @Test("a refused row says what and where", arguments: [
        // period and year
        ("ho-chi-minh/binh-thanh,members,2021,2020-2022,5,,,,", 2, 32, "filed under its last year, 2022, not 2021"),
        ("ho-chi-minh/binh-thanh,members,2022,2023-2022,5,,,,", 2, 37, "its last year comes before its first"),
        ("ho-chi-minh/binh-thanh,members,2022,2022-H3,5,,,,", 2, 37, "“H3” is not a part of a year"),
        ("ho-chi-minh/binh-thanh,members,2022,2022-12M,5,,,,", 2, 37, "is not a part of a year"),
        ("ho-chi-minh/binh-thanh,members,2022,giữa năm,5,,,,", 2, 37, "does not start with a year"),
        ("ho-chi-minh/binh-thanh,members,2022,2021-H1,5,,,,", 2, 32, "filed under its year, 2021, not 2022"),
        // derived rules: arithmetic of printed numbers that gives the value
        ("ho-chi-minh/binh-thanh,learning_clan,2021,,44,,54 - 11,doc.txt,tăng 11 dòng họ", 2, 48, "the rule gives 43, but the value is 44"),
        ("ho-chi-minh/binh-thanh,learning_clan,2021,,43,,the 54 clans less 11,doc.txt,tăng 11 dòng họ", 2, 48, "does not start with the rule's arithmetic"),
        ("ho-chi-minh/binh-thanh,learning_clan,2021,,43,,54 - 11 extra,doc.txt,tăng 11 dòng họ", 2, 56, "expected + − × ÷ or the end"),
        ("ho-chi-minh/binh-thanh,members,2016,,9804,,10.380 - 576,,", 2, 44, "write 10380 for 10.380"),
        ("ho-chi-minh/binh-thanh,learning_clan,2021,,43,,54 - 11,doc.txt,tăng 11 dòng họ so với năm 2021", 2, 48, "the rule's 54 is not printed in the quote"),
        ("ho-chi-minh/binh-thanh,learning_clan,2021,,43,,(54 - 11,,", 2, 56, "a bracket is not closed"),
        // qualifiers must be printed
        ("ho-chi-minh/binh-thanh,gifts,2022,,80,over,,doc.txt,tặng 80 phần quà", 2, 39, "the quote does not say “hơn”"),
        ("ho-chi-minh/binh-thanh,gifts,2022,,80,about,,doc.txt,tặng 80 phần quà", 2, 39, "“khoang”"),
    ])
    func refused(_ row: String, _ line: Int, _ column: Int, _ words: String) throws {
        let errors = try Self.load(row)
        #expect(errors.count == 1, "\(errors)")
        let first = try #require(errors.first)
        #expect(first.location?.line == line)
        #expect(first.location?.column == column, "\(first)")
        #expect("\(first)".contains(words), "\(first)")
    }

    @Test("rows that keep the rules load", arguments: [
        "ho-chi-minh/binh-thanh,members,2022,2020-2022,5,,,,",
        "ho-chi-minh/binh-thanh,members,2022,2022-H1,5,,,,",
        "ho-chi-minh/binh-thanh,members,2022,2022-q3,5,,,,",
        "ho-chi-minh/binh-thanh,members,2022,2022 – 9M,5,,,,",
        "ho-chi-minh/binh-thanh,members,2022,2022,5,,,,",
        "ho-chi-minh/binh-thanh,learning_clan,2021,,43,,54 − 11: the 54 clans of 2022 are 11 more,doc.txt,có gần 54 dòng họ học tập [...] tăng 11 dòng họ",
        "ho-chi-minh/binh-thanh,gifts_value,2022,,80000000,,80 × 1000000,doc.txt,tặng 80 phần quà [...] 1 triệu đồng",
        "ho-chi-minh/binh-thanh,learning_clan,2022,,54,nearly,,doc.txt,có gần 54 dòng họ học tập",
        "ho-chi-minh/binh-thanh,learning_clan,2022,,54,gần,,doc.txt,có gần 54 dòng họ học tập",
    ])
    func accepted(_ row: String) throws {
        let folder = try TemporaryDataset(figures: Self.header + "\n" + row + "\n", documents: ["doc.txt": Self.document])
        #expect(try DatasetLoader.load(from: folder.path).count == 1)
    }

    @Test("a region id written under one parent with another parent is refused at the parent")
    func idAndParent() throws {
        let regions = TemporaryDataset.regions + "quang-nam,Quảng Nam,tỉnh,vn,,\nquang-tri,Quảng Trị,tỉnh,vn,,\nquang-nam/x,X,huyện,quang-tri,,\n"
        let errors = try TemporaryDataset(figures: TemporaryDataset.header + "\n", regions: regions).errors()
        let first = try #require(errors.first)
        #expect(first.location?.line == 9)
        #expect(first.location?.column == 21)
        #expect(first.message == "region “quang-nam/x” is written under “quang-nam”, but its parent is “quang-tri”")
    }

    @Test("a column the loader does not know is refused with the nearest known one", arguments: [
        ("stated_percentage", "stated_percent"), ("notes", "note"), ("qualifer", "qualifier"), ("valeu", "value"), ("source", nil),
    ] as [(String, String?)])
    func unknownColumn(_ column: String, _ near: String?) throws {
        let figures = "region,indicator,year,value,\(column)\nho-chi-minh/binh-thanh,members,2022,5,x\n"
        let errors = try TemporaryDataset(figures: figures).errors()
        let first = try #require(errors.first)
        #expect(first.message == "unknown column “\(column)”")
        #expect(first.location?.line == 1 && first.location?.column == 29)
        #expect(first.hint?.contains("x_\(column)") == true)
        if let near { #expect(first.hint?.hasPrefix("did you mean “\(near)”?") == true, "\(first)") }
    }

    @Test("the user's own x_ columns are kept and shown after the standard ones, in figures and regions")
    func extraColumns() throws {
        let figures = """
            region,indicator,year,value,x_source,x_page
            ho-chi-minh/binh-thanh,members,2022,5,báo cáo A,
            bac-kan/bac-kan,members,2021,7,,12
            bac-kan/bac-kan,members,2022,8,,

            """
        let regions = """
            id,name,kind,parent,x_code
            vn,Việt Nam,quốc gia,,
            ho-chi-minh,Hồ Chí Minh,thành phố trực thuộc trung ương,vn,79
            ho-chi-minh/binh-thanh,Bình Thạnh,quận,ho-chi-minh,765
            bac-kan,Bắc Kạn,tỉnh,vn,
            bac-kan/bac-kan,Bắc Kạn,thành phố thuộc tỉnh,bac-kan,

            """
        let dataset = try DatasetLoader.load(from: try TemporaryDataset(figures: figures, regions: regions).path)
        #expect(dataset.extraColumns == ["x_source", "x_page"])
        #expect(dataset.observations.map(\.extras) == [["x_page": "12"], ["x_source": "báo cáo A"], [:]])
        #expect(dataset.gazetteer.extraColumns == ["x_code"])
        #expect(dataset.gazetteer.regions.first { $0.name == "Bình Thạnh" }?.extras == ["x_code": "765"])
    }

    @Test("a scope naming those registered is refused for the indicator of its own", arguments: ["đăng ký", "số hộ đăng ký", "Registered households"])
    func registeredScope(_ scope: String) throws {
        let figures = "region,indicator,year,scope,value\nho-chi-minh/binh-thanh,learning_family,2022,\(scope),66328\n"
        let errors = try TemporaryDataset(figures: figures).errors()
        #expect(errors.count == 1)
        #expect(errors.first?.location?.column == 45)
        #expect(errors.first?.expected == "indicator learning_family_registered, with no scope")
    }
}

