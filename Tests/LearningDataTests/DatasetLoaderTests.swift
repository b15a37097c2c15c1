import Foundation
import Testing
@testable import LearningData

/// A dataset folder in a fresh temporary directory.
struct TemporaryDataset {
    let folder: URL

    init(figures: String, regions: String? = TemporaryDataset.regions, documents: [String: String] = ["doc.txt": TemporaryDataset.document]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("khuyenhoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(figures.utf8).write(to: folder.appendingPathComponent("figures.csv"))
        if let regions { try Data(regions.utf8).write(to: folder.appendingPathComponent("regions.csv")) }
        for (name, text) in documents { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    var path: String { folder.path }
    var figuresPath: String { folder.appendingPathComponent("figures.csv").path }

    /// The diagnostics of a load that must fail.
    func errors() -> [Diagnostic] {
        do {
            let dataset = try DatasetLoader.load(from: path)
            Issue.record("loaded \(dataset.count) rows; expected a refusal")
            return []
        } catch {
            return error.diagnostics
        }
    }

    static let regions = """
        id,name,kind,parent,aliases,evidence
        vn,Việt Nam,quốc gia,,,
        ho-chi-minh,Hồ Chí Minh,thành phố trực thuộc trung ương,vn,TP.HCM,
        ho-chi-minh/binh-thanh,Bình Thạnh,quận,ho-chi-minh,,
        bac-kan,Bắc Kạn,tỉnh,vn,,
        bac-kan/bac-kan,Bắc Kạn,thành phố thuộc tỉnh,bac-kan,,

        """
    static let document = "Qua bình xét toàn quận có 51.119/66.328 hộ dân đăng ký đạt danh hiệu Gia đình học tập đạt tỷ lệ 77,07% (chỉ tiêu giao 75%)."
    static let header = "region,indicator,year,value,base,target,stated_percent,document,quote"
    static let goodRow = "ho-chi-minh/binh-thanh,learning_family,2022,51119,66328,75%,\"77,07%\",doc.txt,\"có 51.119/66.328 hộ dân đăng ký đạt danh hiệu Gia đình học tập đạt tỷ lệ 77,07% (chỉ tiêu giao 75%)\""
}

@Suite("Loading a user's dataset")
struct DatasetLoaderTests {
    @Test("a well-formed folder loads, and so does the seeds folder itself")
    func loads() throws {
        let folder = try TemporaryDataset(figures: TemporaryDataset.header + "\n" + TemporaryDataset.goodRow + "\n")
        let dataset = try DatasetLoader.load(from: folder.path)
        #expect(dataset.count == 1)
        let o = dataset[0]
        #expect(o.value == 51119)
        #expect(o.target == Target(value: 75, isRate: true))
        #expect(o.provenance?.document == "doc.txt")

        let seeds = try DatasetLoader.load(from: packageRoot.appendingPathComponent("seeds").path)
        #expect(try seeds.observations == Dataset.embedded().observations)
    }

    @Test("a figures file without regions.csv beside it uses the seeds' regions")
    func figuresFileAlone() throws {
        let folder = try TemporaryDataset(figures: TemporaryDataset.header + "\nbinh thanh,members,2022,52873,,,,,\n", regions: nil)
        let dataset = try DatasetLoader.load(from: folder.figuresPath)
        #expect(dataset.region(at: 0).id == "ho-chi-minh/binh-thanh")
        // A folder without regions.csv reads official units from Vietnam's map, where “binh thanh” of 2022
        // names several units: refused, with the candidates.
        #expect(folder.errors().first?.message.hasPrefix("“binh thanh” names") == true)
    }

    @Test("a bad number is refused with file, line, column, the line and a caret")
    func golden() throws {
        let row = "ho-chi-minh/binh-thanh,learning_family,2022,51119,\"66.328,5\",,,,"
        let folder = try TemporaryDataset(figures: TemporaryDataset.header + "\n" + row + "\n")
        let errors = folder.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.description == """
            \(folder.figuresPath):2:52: error: “66.328,5” is not a number
             2 | ho-chi-minh/binh-thanh,learning_family,2022,51119,"66.328,5",,,,
               |                                                    ^~~~~~~~
              expected: plain digits with “.” as the decimal point (97290000, 43.85)
              hint: Vietnamese number formats are not used in this column: write 66328.5
            """)
    }

    @Test("each kind of bad row is refused at its place", arguments: [
        // (row, line, column, words the message or hint must contain)
        ("ho-chi-minh/binh-thanh,learning_famly,2022,51119,66328,,,,", 2, 24, "did you mean “learning_family”"),
        ("ho-chi-minh/binh-thanh,Gia đình học tập,2022,51119,66328,,,,", 2, 24, "that is the name of “learning_family”"),
        ("Bắc Kạn,members,2017,10380,,,,,", 2, 1, "bac-kan/bac-kan"),
        ("binh tanh,members,2022,1,,,,,", 2, 1, "did you mean “Bình Thạnh”"),
        ("ho-chi-minh/binh-thanh,members,20x2,1,,,,,", 2, 32, "is not a year"),
        ("ho-chi-minh/binh-thanh,members,2022,51.119,,,,,", 2, 37, "write 51119"),
        ("ho-chi-minh/binh-thanh,members,2022,,,,37,,", 2, 40, "ends in “%”"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,abc,,,", 2, 40, "is not a target"),
        ("ho-chi-minh/binh-thanh,members,2022,9007199254740993,,,,,", 2, 37, "it would be read as 9007199254740992"),
        ("ho-chi-minh/binh-thanh,members,2022,12345678901234567890,,,,,", 2, 37, "more digits than a number can hold exactly"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,12345678901234567890,,,", 2, 40, "it would be read as 12345678901234567000"),
        ("ho-chi-minh/binh-thanh,members,2022,1,9007199254740993.5,,,,", 2, 39, "more digits than a number can hold exactly"),
        ("ho-chi-minh/binh-thanh,members,2022,,,,,,", 2, 37, "gives no figure"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,,", 2, 41, "this row has 7 fields but the header has 9"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,,,nothere.txt,xin chào", 2, 42, "document “nothere.txt” is not found"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,,,,a quote", 2, 42, "a quote needs the document"),
        ("ho-chi-minh/binh-thanh,learning_family,2022,51118,66328,,,doc.txt,51.119/66.328 hộ", 2, 45, "51118 is not printed in the quote"),
        ("ho-chi-minh/binh-thanh,learning_family,2022,51119,66328,,\"77,08%\",doc.txt,\"51.119/66.328 hộ dân đăng ký đạt danh hiệu Gia đình học tập đạt tỷ lệ 77,07%\"", 2, 59, "“77,08%” is not printed in the quote"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,,,doc.txt,\"unterminated", 2, 50, "never closed"),
        ("ho-chi-minh/binh-thanh,members,2022,1,,,,doc.\"txt\",x", 2, 46, "a double quote inside a field"),
    ])
    func badRow(row: String, line: Int, column: Int, words: String) throws {
        let folder = try TemporaryDataset(figures: TemporaryDataset.header + "\n" + row + "\n")
        let errors = folder.errors()
        let first = try #require(errors.first)
        #expect(first.location?.line == line)
        #expect(first.location?.column == column, "\(first)")
        #expect(first.description.contains(words), "\(first)")
        #expect(first.location?.file == folder.figuresPath)
    }

    @Test("a quote that is not in its document says where it stops matching")
    func quoteNotFound() throws {
        let row = "ho-chi-minh/binh-thanh,learning_family,2022,51119,66328,,,doc.txt,có 51.119/66.328 hộ gia đình"
        let folder = try TemporaryDataset(figures: TemporaryDataset.header + "\n" + row + "\n")
        let error = try #require(folder.errors().first)
        #expect(error.message == "the quote is not in doc.txt word for word: the first 20 characters match; then the document has “dân đăng ký đạt danh hiệ…”")
        // The caret is under the first character that differs ("g" of "gia").
        let quoteStart = try #require(row.range(of: "có 51")).lowerBound
        let columnOfQuote = row.distance(from: row.startIndex, to: quoteStart) + 1
        #expect(error.location?.column == columnOfQuote + 20)
    }

    @Test("every bad row is reported, not only the first, and nothing is loaded")
    func collectsAll() throws {
        let rows = ["ho-chi-minh/binh-thanh,members,2022,x,,,,,", TemporaryDataset.goodRow, "ho-chi-minh/binh-thanh,nope,2022,1,,,,,"]
        let folder = try TemporaryDataset(figures: ([TemporaryDataset.header] + rows).joined(separator: "\r\n"))
        let errors = folder.errors()
        #expect(errors.map { $0.location?.line } == [2, 4])
    }

    @Test("the same figure twice is refused naming both lines")
    func duplicate() throws {
        let folder = try TemporaryDataset(figures: [TemporaryDataset.header, TemporaryDataset.goodRow, "binh thanh,members,2022,5,,,,,", TemporaryDataset.goodRow].joined(separator: "\n"))
        let error = try #require(folder.errors().first)
        #expect(error.message == "line 4 gives the same region, indicator, year, period and scope as line 2, with the same figure")
        #expect(error.sourceLine == TemporaryDataset.goodRow)
        #expect(error.hint == "line 2 is “\(Diagnostic.excerpt(TemporaryDataset.goodRow, limit: 120))”. The figure is given twice: remove one of the rows")
    }

    @Test("two rows of one key say what differs; two documents are not duplicates but sources that disagree")
    func disagreeingDuplicates() throws {
        let documents = ["a.txt": "Năm 2022 toàn quận có 52.873 hội viên.", "b.txt": "Đến cuối năm 2022 có 52.900 hội viên."]
        let figures = """
            region,indicator,year,value,base,document,quote
            ho-chi-minh/binh-thanh,members,2022,52873,,a.txt,52.873 hội viên
            bac-kan/bac-kan,members,2022,5,7,,
            ho-chi-minh/binh-thanh,members,2022,52900,,b.txt,52.900 hội viên
            bac-kan/bac-kan,members,2022,5,8,,

            """
        let errors = try TemporaryDataset(figures: figures, documents: documents).errors()
        // Lines 2 and 4 come from two documents: sources that disagree, kept (see ConflictTests), not an error.
        #expect(errors.map(\.message) == ["line 5 gives the same region, indicator, year, period and scope as line 3: base 7 on line 3, 8 here"])
        #expect(errors.last?.hint?.hasSuffix("if one counts a part of the region, give it a scope; otherwise remove one") == true)
        #expect(errors.last?.hint?.contains("name each row's document") == true)
    }

    @Test("bytes that are not UTF-8 are refused at their column")
    func badUTF8() throws {
        let folder = try TemporaryDataset(figures: "")
        try folder.write("figures.csv", bytes: Array((TemporaryDataset.header + "\nho-chi-minh/binh-thanh,members,2022,1,,,,,ab").utf8) + [0xC3, 0x28] + Array("\n".utf8))
        let error = try #require(folder.errors().first)
        #expect(error.message == "the bytes here are not valid UTF-8")
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 45)
    }

    @Test("header problems: a missing column, a misspelt one, an empty file")
    func header() throws {
        let missing = try TemporaryDataset(figures: "region,indicator,value\nbinh thanh,members,1\n")
        #expect(missing.errors().first?.message == "the header has no “year” column")
        let misspelt = try TemporaryDataset(figures: "region,indicator,year,vaule\nbinh thanh,members,2022,1\n")
        #expect(misspelt.errors().first?.hint?.contains("did you mean “value”") == true)
        let empty = try TemporaryDataset(figures: "")
        #expect(empty.errors().first?.message.hasSuffix("is empty") == true)
        let unknown = try TemporaryDataset(figures: "region,indicator,year,value,my_comment\nbinh thanh,members,2022,1,hello\n")
        #expect(unknown.errors().first?.message == "unknown column “my_comment”")
        let own = try TemporaryDataset(figures: "region,indicator,year,value,x_comment\nbinh thanh,members,2022,1,hello\n")
        #expect(try DatasetLoader.load(from: own.path).observations.map(\.extras) == [["x_comment": "hello"]])
    }

    @Test("regions.csv problems are located too")
    func regionsFile() throws {
        let figures = TemporaryDataset.header + "\n"
        let kind = try TemporaryDataset(figures: figures, regions: "id,name,kind,parent\nvn,Việt Nam,planet,\n")
        let kindError = try #require(kind.errors().first)
        #expect(kindError.message == "unknown kind “planet”")
        #expect(kindError.location?.line == 2)
        let parent = try TemporaryDataset(figures: figures, regions: "id,name,kind,parent\nvn,Việt Nam,quốc gia,\nbac-kan,Bắc Kạn,tỉnh,vm\n")
        let parentError = try #require(parent.errors().first)
        #expect(parentError.message == "parent “vm” is not a region of this file")
        #expect(parentError.hint == "did you mean “vn”?")
        let twice = try TemporaryDataset(figures: figures, regions: "id,name,kind,parent\nvn,Việt Nam,quốc gia,\nvn,Việt Nam,quốc gia,\n")
        #expect(twice.errors().first?.message == "region id “vn” was already given on line 2")
    }

    @Test("a parent cycle in regions.csv is refused at the line of its earliest region, with the round")
    func regionsCycle() throws {
        let figures = TemporaryDataset.header + "\n"
        let regions = "id,name,kind,parent\nvn,Việt Nam,quốc gia,\nbelow,Below,tỉnh,a\na,A,tỉnh,b\nb,B,tỉnh,a\nself,Self,tỉnh,self\n"
        let cycle = try TemporaryDataset(figures: figures, regions: regions)
        let errors = cycle.errors()
        #expect(errors.map(\.message) == ["region “a” is its own ancestor: a → b → a", "region “self” is its own ancestor: self → self"])
        #expect(errors.map { $0.location?.line } == [4, 6])
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: cycle.folder.appendingPathComponent("regions.csv").path, line: 4, column: 10))
        #expect(error.description.contains(" 4 | a,A,tỉnh,b"))
        let longer = try TemporaryDataset(figures: figures, regions: "id,name,kind,parent\nz,Z,tỉnh,x\ny,Y,tỉnh,z\nx,X,tỉnh,y\n")
        #expect(longer.errors().map(\.message) == ["region “z” is its own ancestor: z → x → y → z"])
    }

    @Test("a path that does not exist is an error, not a crash")
    func noPath() {
        #expect(throws: DatasetLoadError.self) { try DatasetLoader.load(from: "/nonexistent/khuyenhoc/data") }
    }

    @Test("an error list past its limit says how many more problems there are")
    func countsTheRest() throws {
        let bad = (0..<63).map { "ho-chi-minh/binh-thanh,members,20x\($0),1,,,,," }.joined(separator: "\n")
        let folder = try TemporaryDataset(figures: TemporaryDataset.header + "\n" + bad + "\n")
        do {
            _ = try DatasetLoader.load(from: folder.path)
            Issue.record("loaded a bad file")
        } catch {
            #expect(error.diagnostics.count == DatasetLoadError.limit)
            #expect(error.omitted == 13)
            #expect(error.description.hasSuffix("(13 more problems not shown; fix these first)"))
        }
    }

    @Test("a document missing on many rows is one error, with the other lines it is on")
    func missingDocumentOnce() throws {
        let rows = (0..<8).map { "ho-chi-minh/binh-thanh,members,\(2010 + $0),1,,,,nothere.txt," }.joined(separator: "\n")
        let errors = try TemporaryDataset(figures: TemporaryDataset.header + "\n" + rows + "\n").errors()
        #expect(errors.count == 1)
        #expect(errors.first?.message == "document “nothere.txt” is not found (the same on 7 more lines: 3, 4, 5, 6, 7 and 2 more)")
        #expect(errors.first?.location?.line == 2)
    }
}

