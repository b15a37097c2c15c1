import Foundation
import Testing
@testable import LearningData

@Suite("A dataset folder as a workspace: init, documents, accept")
struct DatasetFolderTests {
    static let report = "Hội Khuyến học quận Bình Thạnh\nNăm 2022 có 52.873 hội viên; có 260 chi hội.\n"
    static let header = "document,region,indicator,year,period,scope,value,value_max,base,base_kind,target,stated_percent,percent_of,qualifier,stated_change,derived,discrepancy,note,quote,x_confidence,x_reason"

    func folder() throws -> DatasetFolder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("khq-ws-\(UUID().uuidString)").path
        let folder = try DatasetFolder.create(at: path)
        try folder.addDocument(Self.report, named: "r.txt")
        return folder
    }

    func write(_ rows: [String], in folder: DatasetFolder) throws -> String {
        try FileManager.default.createDirectory(atPath: folder.draftsPath, withIntermediateDirectories: true)
        let path = folder.draftsPath + "/r.csv"
        try ([Self.header] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("init makes figures.csv with its header and documents/; a second init refuses to overwrite")
    func create() throws {
        let f = try folder()
        #expect(try String(contentsOfFile: f.figuresPath, encoding: .utf8) == DatasetFolder.header + "\n")
        #expect(FileManager.default.fileExists(atPath: f.documentsPath + "/r.txt"))
        #expect(throws: DatasetFolderError.self) { try DatasetFolder.create(at: f.path) }
    }

    @Test("the same report may be added again; another text under its name is refused")
    func documents() throws {
        let f = try folder()
        try f.addDocument(Self.report, named: "r.txt")
        #expect(throws: DatasetFolderError.self) { try f.addDocument("another text", named: "r.txt") }
        #expect(throws: DatasetFolderError.self) { try f.addDocument("x", named: "../escape.txt") }
    }

    @Test("a reviewed draft is appended and the folder loads with it; rows without an indicator are left out")
    func accept() throws {
        let f = try folder()
        let draft = try write([
            "r.txt,ho-chi-minh/binh-thanh,members,2022,,,52873,,,,,,,,,,,,Năm 2022 có 52.873 hội viên,high,x",
            "r.txt,ho-chi-minh/binh-thanh,,2022,,,260,,,,,,,,,,,,có 260 chi hội,low,no noun",
        ], in: f)
        let result = try f.accept(draft: draft)
        #expect(result.appended == 1 && result.leftOut == 1)
        let dataset = try DatasetLoader.load(from: f.path)
        #expect(dataset.count == 1)
        #expect(dataset[0].provenance?.quote == "Năm 2022 có 52.873 hội viên")
    }

    @Test("a draft that breaks a rule is refused whole, with its own line, and figures.csv stays as it was", arguments: [
        "r.txt,ho-chi-minh/binh-thanh,members,2022,,,52873,,,,,,,,,,,,Năm 2022 có 99.999 hội viên,high,x",
        "r.txt,ho-chi-minh/binh-thanh,members,2022,,,52.873,,,,,,,,,,,,Năm 2022 có 52.873 hội viên,high,x",
        "r.txt,nowhere-at-all,members,2022,,,52873,,,,,,,,,,,,Năm 2022 có 52.873 hội viên,high,x",
    ])
    func refused(_ bad: String) throws {
        let f = try folder()
        let good = "r.txt,ho-chi-minh/binh-thanh,chapters,2022,,,260,,,,,,,,,,,,có 260 chi hội,high,x"
        let draft = try write([good, bad], in: f)
        let before = try Data(contentsOf: URL(fileURLWithPath: f.figuresPath))
        #expect {
            try f.accept(draft: draft)
        } throws: { error in
            let text = "\(error)"
            return text.contains("r.csv:3:") && text.contains("nothing was appended")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.figuresPath)) == before)
    }
}

@Suite("Merging dataset folders")
struct DatasetMergeTests {
    @Test("a folder merged with the seeds it copies counts each figure once; another folder's figures are added")
    func merge() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("khq-copy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for (name, contents) in Seeds.files { try contents.write(toFile: copy + "/" + name, atomically: true, encoding: .utf8) }
        let seeds = try Dataset.embedded()
        #expect(try DatasetLoader.load(merging: [copy], withSeeds: true).count == seeds.count)
        let extra = try DatasetFolder.create(at: copy + "-extra")
        try "region,indicator,year,value\nyen-bai/tran-yen,members,2020,9000\n".write(toFile: extra.figuresPath, atomically: true, encoding: .utf8)
        let merged = try DatasetLoader.load(merging: [extra.path], withSeeds: true)
        #expect(merged.count == seeds.count + 1)
        #expect(try merged.gazetteer.lookup("Trấn Yên").id.rawValue == "yen-bai/tran-yen")
    }
}
