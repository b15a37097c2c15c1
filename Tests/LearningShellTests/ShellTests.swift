import Foundation
import Testing
import LearningData
import LearningQuery
@testable import LearningShell

/// Collects what the shell writes: all of it, and each write apart (one result is one write).
final class Capture: ShellOutput {
    var out = "", err = ""
    var writes: [String] = []
    func write(_ text: String) {
        out += text
        writes.append(text)
    }
    func writeError(_ text: String) { err += text }
}

func makeShell() throws -> (Shell, Capture) {
    let capture = Capture()
    return (Shell(session: QuerySession(dataset: try Dataset.embedded()), output: capture), capture)
}

func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("khq-\(UUID().uuidString)-\(name)").path
}

@Suite("Shell commands")
struct CommandParserTests {
    @Test("commands, arguments and unambiguous prefixes", arguments: [
        (":quit", ShellCommand.quit), (":q", .quit), (":fo csv", .format(.csv)), (":format markdown", .format(.markdown)),
        (":locale en", .locale(.en)), (":loa a.khq", .load(path: "a.khq")), (":loc en", .locale(.en)), (":save out.khq", .save(path: "out.khq")),
        (":output", .output(path: nil)), (":output r.txt", .output(path: "r.txt")), (":once r.txt", .once(path: "r.txt")),
        (":timer on", .timer(true)), (":ti off", .timer(false)), (":last", .last), (":open data/", .open(path: "data/")),
        (":regions binh", .regions(pattern: "binh")), (":regions", .regions(pattern: "")), (":i", .indicators), (":sh", .show),
        (":reset", .reset), (":bail on", .bail(true)), (":help", .help(topic: nil)), (":help rank", .help(topic: "rank")),
        ("  :FORMAT JSON ", .format(.json)),
    ])
    func parse(_ line: String, _ command: ShellCommand) throws {
        #expect(try ShellCommand.parse(line) == command)
    }

    @Test("bad commands say why", arguments: [
        (":", "a command name is missing"), (":o x", "could be :output, :once, :open"), (":lo x", "could be :load, :locale"), (":frmat csv", "did you mean :format?"),
        (":format xml", ":format takes table, csv, json or markdown"), (":timer maybe", ":timer takes on or off"), (":load", ":load needs a file"),
        (":locale fr", ":locale takes vi or en"),
    ])
    func bad(_ line: String, _ words: String) {
        do {
            _ = try ShellCommand.parse(line)
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.message.contains(words), "\(error.message)")
        }
    }
}

@Suite("Completion")
struct CompletionTests {
    let completer: Completer

    init() throws { completer = Completer(dataset: try Dataset.embedded()) }

    @Test("region names inside quotes, typed without diacritics", arguments: [
        ("rate(learning_family, \"binh tha", ["\"Bình Thạnh\""]),
        ("compare(\"binh th", ["\"Bình Thạnh\"", "\"Bình Thuận\""]),
        ("rate(x, \"LIEN", ["\"Liên Hương\""]),
        ("rate(x, \"han", ["\"Hán Đà\""]),
        ("rate(x, \"sai", ["\"Sài Gòn\""]),
        ("rate(x, \"zzz", []),
        // No region of the seeds fits: the names of Vietnam's map are offered.
        ("successors(\"thai ngu", ["\"Thái Nguyên\""]),
    ])
    func regions(_ line: String, _ expected: [String]) {
        let c = completer.complete(line, cursor: line.count)
        #expect(c.candidates == expected)
        #expect(c.start == (line.lastIndex(of: "\"").map { line.distance(from: line.startIndex, to: $0) } ?? -1))
    }

    @Test("names by context", arguments: [
        (":fo", ":format "), (":format c", "csv"), (":fo j", "json"), (":ti o", "on"), (":he oper", "operators"), (":help ran", "rank"), ("figures | wh", "where "), ("figures | where ye", "year"),
        ("rank(learning_family, ye", "year: "), ("rank(learning_family, year: 2017, ti", "ties: "), ("series(learning_fa", "learning_family"),
        ("ser", "series("), ("figures | select reg", "region"), ("series(x, y) | cha", "change("),
    ])
    func names(_ line: String, _ expected: String) {
        #expect(completer.complete(line, cursor: line.count).candidates.contains(expected), "\(line): \(completer.complete(line, cursor: line.count).candidates)")
    }

    @Test("the cursor decides, not the end of the line")
    func cursor() {
        let line = "rank(lear) | take 1"
        #expect(completer.complete(line, cursor: 9).candidates.contains("learning_family"))
        #expect(completer.complete(line, cursor: 9).start == 5)
    }

    @Test("bindings are offered")
    func bindings() {
        #expect(completer.complete("my", cursor: 2, bindings: ["mydata"]).candidates == ["mydata"])
    }

    @Test("file paths after :load, :save, :open")
    func paths() throws {
        let folder = temporaryPath("completion")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/analysis.khq", contents: Data())
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        let line = ":load \(folder)/"
        #expect(completer.complete(line, cursor: line.count).candidates == ["\(folder)/analysis.khq", "\(folder)/data/"])
    }

    @Test("a national-scale gazetteer answers by binary search")
    func scale() throws {
        var regions = [Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil)]
        for p in 0..<34 { regions.append(Region(id: RegionID("p\(p)"), name: "Tỉnh Số \(p)", kind: .province, parent: "vn")) }
        for c in 0..<10_600 { regions.append(Region(id: RegionID("p\(c % 34)/c\(c)"), name: "Phường Hòa Bình \(c)", kind: .ward, parent: RegionID("p\(c % 34)"))) }
        let dataset = try DatasetBuilder(gazetteer: try Gazetteer(regions)).build(name: "big")
        let big = Completer(dataset: dataset)
        #expect(big.regions(matching: "phuong hoa binh 1060").sorted() == ["Phường Hòa Bình 1060"] + (10600..<10600).map { "Phường Hòa Bình \($0)" })
        #expect(big.regions(matching: "phuong hoa binh 1").count == 50)
    }
}

@Suite("Multi-line input")
struct CompletenessTests {
    @Test("a statement is complete when brackets balance and it does not end with | or ,", arguments: [
        ("rate(learning_family, \"Bình Thạnh\", 2022)", true), ("rank(learning_family,", false), ("figures |", false),
        ("figures | where year == 2022", true), ("compare(\"a (\", \"b\")", true), ("[1, 2", false), ("x -- a comment (", true),
        ("\"never closed", true), ("", true),
    ])
    func complete(_ text: String, _ complete: Bool) {
        #expect(InputCompleteness.isComplete(text) == complete)
    }
}
