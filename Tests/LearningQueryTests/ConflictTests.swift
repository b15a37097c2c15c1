import Foundation
import Testing
import LearningData
@testable import LearningQuery

/// Two documents that give one figure differently: both kept, one used by a stated rule, both shown.
@Suite("Sources that disagree")
struct ConflictTests {
    static let regions = """
        id,name,kind,parent
        vn,Việt Nam,quốc gia,
        tinh-a,Tỉnh A,tỉnh,vn
        tinh-a/huyen-b,Huyện B,huyện,tinh-a

        """
    static let figures = """
        region,indicator,year,value,document,quote
        tinh-a/huyen-b,members,2016,4100,mid.txt,4.100 hội viên
        tinh-a/huyen-b,members,2017,4300,end.txt,4.300 hội viên
        tinh-a/huyen-b,members,2016,4180,end.txt,4.180 hội viên
        tinh-a,members,2016,20000,,

        """

    static func load() throws -> Dataset {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khuyenhoc-conflicts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try regions.write(to: folder.appendingPathComponent("regions.csv"), atomically: true, encoding: .utf8)
        try figures.write(to: folder.appendingPathComponent("figures.csv"), atomically: true, encoding: .utf8)
        try "6 tháng đầu năm 2016, huyện có 4.100 hội viên.".write(to: folder.appendingPathComponent("mid.txt"), atomically: true, encoding: .utf8)
        try "Năm 2016 có 4.180 hội viên; năm 2017 có 4.300 hội viên.".write(to: folder.appendingPathComponent("end.txt"), atomically: true, encoding: .utf8)
        return try DatasetLoader.load(from: folder.path)
    }

    @Test("both figures are kept; the later row of the file is used, and analytics see only it")
    func keptAndUsed() throws {
        let data = try Self.load()
        #expect(data.count == 3)
        #expect(data.superseded?.count == 1)
        let conflict = try #require(data.conflicts.first)
        #expect(conflict.used.value == 4180 && conflict.used.provenance?.document == "end.txt")
        #expect(conflict.other.value == 4100 && conflict.other.provenance?.document == "mid.txt")
        let session = QuerySession(dataset: data)
        #expect(try session.evaluate("value(members, \"Huyện B\", 2016)").numeric == 4180)
        #expect(try session.evaluate("figures | where indicator == members and year == 2016 | count()").numeric == 2)
    }

    @Test("conflicts() lists both values, the difference, both documents and both quotes; check() includes it")
    func shown() throws {
        let session = QuerySession(dataset: try Self.load(), settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
        func csv(_ query: String) throws -> String { session.render(try session.evaluate(query)).replacingOccurrences(of: "\r\n", with: "\n") }
        #expect(try csv("conflicts()") == """
            region,indicator,year,period,scope,used,other,difference,used_document,other_document,used_quote,other_quote
            Huyện B,members,2016,,,4180,4100,80,end.txt,mid.txt,4.180 hội viên,4.100 hội viên
            """)
        let check = try csv("check() | where rule == \"sources_disagree\" | select region, year, left, right, other")
        #expect(check == "region,year,left,right,other\nHuyện B,2016,4180,4100,members 2016 in huyện Huyện B")
    }

    @Test("a dataset where no sources disagree has none to show")
    func none() throws {
        let data = try Dataset.embedded()
        #expect(data.superseded == nil && data.conflicts.isEmpty)
        #expect(try QuerySession(dataset: data).evaluate("conflicts() | count()").numeric == 0)
    }
}
