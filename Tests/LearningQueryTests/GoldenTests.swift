import Foundation
import Synchronization
import Testing
import LearningData
@testable import LearningQuery

/// The test folder, from this file's path.
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

/// Set UPDATE_GOLDEN=1 to rewrite the golden files from the current output; review the diff before
/// committing.
let updatingGolden = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

/// The test datasets of `Fixtures/`, by folder name, each loaded once.
let fixtureDatasets = FixtureDatasets()

/// Loads a fixture folder (figures.csv, regions.csv, documents) through the loader, as a user's own.
final class FixtureDatasets: Sendable {
    private let cache = Mutex<[String: Dataset]>([:])

    func callAsFunction(_ name: String) throws -> Dataset {
        if let loaded = cache.withLock({ $0[name] }) { return loaded }
        let dataset = try DatasetLoader.load(from: testsFolder.appendingPathComponent("Fixtures").appendingPathComponent(name).path)
        cache.withLock { $0[name] = dataset }
        return dataset
    }
}

/// What a run prints: each statement's value, warnings and errors, in order.
/// Lines `-- set: name=value` give the script's parameters values, as `--set` does; `file` is the
/// script's path, against which its relative paths are read. The package's folder reads as `<root>`.
func transcript(_ text: String, settings: OutputSettings = OutputSettings(), name: String = "<input>", dataset: Dataset? = nil, file: String? = nil) throws -> String {
    let session = QuerySession(dataset: try dataset ?? Dataset.embedded(), settings: settings)
    var parts: [String] = []
    var arguments: [ScriptArgument] = []
    do {
        for line in text.split(separator: "\n") where line.hasPrefix("-- set: ") { arguments.append(try session.scriptArgument(setting: String(line.dropFirst(8)))) }
        try session.checkArguments(arguments, for: text, name: name)
    } catch {
        return error.description + "\n"
    }
    for outcome in session.run(text, name: name, file: file, arguments: arguments) {
        parts += outcome.warnings.map(\.description)
        if let error = outcome.error { parts.append(error.description) }
        if !outcome.quiet, let value = outcome.value { parts.append(session.render(value)) }
    }
    return (parts.joined(separator: "\n\n") + "\n").replacingOccurrences(of: packageRoot.path, with: "<root>")
}

/// The dataset a first line such as `-- data: province-a, format: csv` names (a folder of `Fixtures/`);
/// nil for the embedded seeds.
func fixtureName(from text: String) -> String? {
    guard let first = text.split(separator: "\n").first, first.hasPrefix("-- ") else { return nil }
    for pair in first.dropFirst(3).split(separator: ",") {
        let kv = pair.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        if kv.count == 2, kv[0] == "data" { return kv[1] }
    }
    return nil
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
        let actual = try transcript(query, settings: settings(from: query), name: "\(name).khq",
                                    dataset: try fixtureName(from: query).map { try fixtureDatasets($0) }, file: base.appendingPathExtension("khq").path)
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
        #expect(cases.filter { $0.hasPrefix("fixture/") }.count >= 3)
    }
}
