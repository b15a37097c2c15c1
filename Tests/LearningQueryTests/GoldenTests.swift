import Foundation
import Testing
import LearningData
@testable import LearningQuery

/// The test folder, from this file's path.
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

/// Set UPDATE_GOLDEN=1 to rewrite the golden files from the current output; review the diff before
/// committing.
let updatingGolden = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

/// What a run prints: each statement's value, warnings and errors, in order.
func transcript(_ text: String, settings: OutputSettings = OutputSettings(), name: String = "<input>") throws -> String {
    let session = QuerySession(dataset: try Dataset.embedded(), settings: settings)
    var parts: [String] = []
    for outcome in session.run(text, name: name) {
        parts += outcome.warnings.map(\.description)
        if let error = outcome.error { parts.append(error.description) }
        if outcome.binding == nil, let value = outcome.value { parts.append(session.render(value)) }
    }
    return parts.joined(separator: "\n\n") + "\n"
}

/// Settings from a first line such as `-- format: csv, locale: en`.
func settings(from text: String) -> OutputSettings {
    var settings = OutputSettings()
    guard let first = text.split(separator: "\n").first, first.hasPrefix("-- ") else { return settings }
    for pair in first.dropFirst(3).split(separator: ",") {
        let kv = pair.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        guard kv.count == 2 else { continue }
        switch kv[0] {
        case "format": settings.format = OutputFormat(rawValue: kv[1]) ?? .table
        case "locale": settings.style = NumberStyle(rawValue: kv[1]) ?? .vi
        default: break
        }
    }
    return settings
}

func goldenCases() -> [String] {
    let folder = testsFolder.appendingPathComponent("Golden")
    let groups = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return groups.sorted().flatMap { group in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(group).path)) ?? [])
            .filter { $0.hasSuffix(".khq") }.sorted().map { "\(group)/\($0.dropLast(4))" }
    }
}

@Suite("Golden files: examples, diagnostics, output formats")
struct GoldenTests {
    @Test("each query prints what its .out file holds", arguments: goldenCases())
    func golden(_ name: String) throws {
        let base = testsFolder.appendingPathComponent("Golden").appendingPathComponent(name)
        let query = try String(contentsOf: base.appendingPathExtension("khq"), encoding: .utf8)
        let actual = try transcript(query, settings: settings(from: query), name: "\(name).khq")
        let expectedURL = base.appendingPathExtension("out")
        if updatingGolden {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): run with UPDATE_GOLDEN=1 to see the difference as a diff")
    }

    @Test("there are golden cases in every group")
    func present() {
        let cases = goldenCases()
        #expect(cases.filter { $0.hasPrefix("examples/") }.count >= 9)
        #expect(cases.filter { $0.hasPrefix("errors/") }.count >= 20)
        #expect(cases.filter { $0.hasPrefix("formats/") }.count >= 4)
    }
}
