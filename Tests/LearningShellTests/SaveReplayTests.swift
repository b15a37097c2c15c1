import Foundation
import Testing
import LearningData
import LearningQuery
import TestSupport
@testable import LearningShell

/// Runs `inputs` in a fresh shell, `:save`s, and replays the file in a fresh shell (`:load`) and as a
/// plain script of the language (what `khuyenhoc FILE` runs). Returns what differs, empty when the
/// replays give the results the session gave since its last `:reset`, statement for statement, and
/// end with the same bindings. Also returns the statements saved.
func replayDifferences(_ inputs: [String]) throws -> (differences: [String], saved: [String]) {
    let (shell, out) = try makeShell()
    var results: [String] = []
    for input in inputs {
        let before = out.writes.count
        shell.handle(input)
        // `:reset` starts the saved script afresh; its own message is no result.
        if input.hasPrefix(":reset") { results = [] } else { results += out.writes[before...] }
    }
    guard !shell.savedInputs.isEmpty else {
        return (results.isEmpty ? [] : ["nothing was saved, yet the session showed \(results)"], [])
    }
    let path = temporaryPath("replay.khq")
    shell.handle(":save \(path)")
    var differences: [String] = []

    let (loaded, loadedOut) = try makeShell()
    loaded.handle(":load \(path)")
    if loadedOut.writes != results { differences.append(":load shows \(loadedOut.writes), the session showed \(results)") }
    if !loadedOut.err.isEmpty { differences.append(":load reports \(loadedOut.err)") }
    differences += bindingDifferences(shell.session, loaded.session, "after :load")

    let script = QuerySession(dataset: try Dataset.embedded())
    let outcomes = script.run(try String(contentsOfFile: path, encoding: .utf8), name: path)
    if let failed = outcomes.first(where: { !$0.succeeded }) { differences.append("the script fails: \(failed.error.map { "\($0)" } ?? "")") }
    if outcomes.map(\.text) != shell.savedInputs { differences.append("the script's statements are \(outcomes.map(\.text)), saved were \(shell.savedInputs)") }
    let shown = outcomes.filter { !$0.quiet }.compactMap(\.value).map { script.render($0) + "\n" }
    if shown != results { differences.append("the script shows \(shown), the session showed \(results)") }
    differences += bindingDifferences(shell.session, script, "after the script")
    return (differences, shell.savedInputs)
}

/// The bindings two sessions disagree on, by name and shown value.
func bindingDifferences(_ a: QuerySession, _ b: QuerySession, _ when: String) -> [String] {
    guard a.bindingNames == b.bindingNames else { return ["bindings \(a.bindingNames) against \(b.bindingNames) \(when)"] }
    guard a.functionSignatures == b.functionSignatures else { return ["functions \(a.functionSignatures) against \(b.functionSignatures) \(when)"] }
    return a.bindingNames.compactMap { name in
        let (x, y) = (a.binding(name).map(a.render), b.binding(name).map(b.render))
        return x == y ? nil : "\(name) is \(x ?? "unbound") against \(y ?? "unbound") \(when)"
    }
}

@Suite("Saving a session")
struct SaveReplayTests {
    @Test(":save writes what replays to the same results", arguments: [
        // The report of issue 11: `| take 1` after a `let` was glued onto the `let`.
        ["regions", "let y = 5", "| take 1", "y"],
        // A function's definition is saved with the calls that use it.
        ["let gap(ind, a, b, y = 2022) = rate(ind, a, y) - rate(ind, b, y)", "gap(learning_family, \"Bình Thạnh\", \"Bình Thạnh\")",
         "let best(t, n = 1) = t | take n", "regions | best()"],
        ["regions", "let y = regions | take 3", "| take 1", "y"],
        // Each result of a chain of `|` lines is its own statement, the first included.
        ["rank(learning_family)", "| select region, year | take 1"],
        ["figures", "| take 5", "| select region", "| take 1"],
        ["rank(learning_family,\n  year: latest)", "| select region,\n  rate", "| take 1"],
        // A failed statement is not saved, and the `|` line after it continues the result before.
        ["regions", "nonsense", "| take 2", "| take 9999999999999999999999"],
        // The shell's name for the previous result does not outlive the `|` line...
        ["regions", "| take 1", "_", "_ + 1"],
        // ...nor hide a `_` of the user's, inside the line or after it.
        ["let _ = 2", "regions", "| take _", "_ + 1"],
        ["let _ = regions", "| take 1", "let __ = 1", "figures | take 1", "| take _ | take __"],
        // A name bound before :reset could hide a built-in one after it: the script starts afresh.
        ["let figures = 5", "figures", ":reset", "figures | take 1", "| take 1"],
        ["let learning_family = 1", ":reset", "rank(learning_family)", ":reset", "| take 1"],
        // A script run with :load is saved statement by statement, and `|` continues its last result.
        ["let a = indicators", ":load \(SaveReplayTests.script)", "| select region", "s"],
        // Parameters keep the values they were given; a library and a CSV read from the script's
        // folder are read from there when the saved session runs elsewhere.
        ["param a = \"Bình Thạnh\"", "value(members, a, 2022)"],
        [":load \(ScriptFolder.shared.compare) a: \"thành phố Bắc Kạn\", y: 2017", "a", "gap(learning_family, a, \"Bình Thạnh\", y, 2022)", "| take 1"],
        [":load \(ScriptFolder.shared.compare)", "pop | take 1"],
    ])
    func replay(_ inputs: [String]) throws {
        let differences = try replayDifferences(inputs).differences
        #expect(differences.isEmpty, "\(inputs):\n\(differences.joined(separator: "\n"))")
    }

    @Test("a `|` line is saved with the statement it continues, or the name a `let` gave its value")
    func savedForm() throws {
        let (shell, _) = try makeShell()
        for input in ["regions", "let y = 5", "| take 1", "y", "let t = regions", "| take 1", "| select name", "regions | take 2", "| take _"] {
            shell.handle(input)
        }
        #expect(shell.savedInputs == [
            "regions", "let y = 5", "y", "let t = regions", "t\n| take 1", "t\n| take 1\n| select name", "regions | take 2",
        ])
        #expect(!shell.session.bindingNames.contains("_"))
    }

    @Test(":open and :reset start the saved script afresh, and say so; a failed :open does not")
    func startOver() throws {
        let (shell, out) = try makeShell()
        let folder = temporaryPath("data")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "id,name,kind,parent\nvn,Việt Nam,quốc gia,\n".write(toFile: folder + "/regions.csv", atomically: true, encoding: .utf8)
        try "region,indicator,year,value\nvn,members,2020,5\n".write(toFile: folder + "/figures.csv", atomically: true, encoding: .utf8)
        for input in ["regions", "let a = regions", ":open /nonexistent/data", "| take 1"] { shell.handle(input) }
        #expect(shell.savedInputs == ["regions", "let a = regions", "a\n| take 1"])
        for input in [":open \(folder)", "| take 1", "a", "figures | take 1"] { shell.handle(input) }
        #expect(out.out.contains("bindings cleared, :save starts afresh"))
        #expect(out.err.contains("there is none yet") && out.err.contains("unknown name “a”"))
        #expect(shell.savedInputs == ["figures | take 1"])
        shell.handle(":reset")
        #expect(out.out.hasSuffix("bindings forgotten; :save starts afresh\n"))
        #expect(shell.savedInputs.isEmpty)
    }

    @Test("the hidden name for the previous result is one the line does not use", arguments: [
        ("| take 1", "_"), ("| take _", "__"), ("| take _ + __", "___"), ("| where indicator == learning_family", "_"), ("| where name ~ \"_\"", "__"),
    ])
    func hiddenName(_ line: String, _ name: String) {
        #expect(Shell.hiddenName(avoiding: line) == name)
    }

    @Test("random sessions replay to the same results, statement for statement")
    func randomSessions() throws {
        var generator = SessionGenerator(random: SplitMix64(seed: 2024), script: Self.script)
        var saved: [String] = []
        for session in 0..<200 {
            let inputs = generator.session()
            let replay = try replayDifferences(inputs)
            saved += replay.saved
            #expect(replay.differences.isEmpty, "session \(session): \(inputs):\n\(replay.differences.joined(separator: "\n"))")
            if !replay.differences.isEmpty { break }
        }
        // The sessions must have saved what matters: `|` lines, on a `let`'s name too, and bindings.
        #expect(saved.count(where: { $0.contains("\n|") }) > 30)
        #expect(saved.count(where: { !$0.hasPrefix("let") && $0.split(separator: "\n").first.map { Set(SessionGenerator.names).contains(String($0)) } == true }) > 3)
        #expect(saved.count(where: { $0.hasPrefix("let ") }) > 60)
    }

    /// A script for `:load`: a binding, multi-line statements, a comment.
    static let script: String = {
        let path = temporaryPath("loaded.khq")
        let text = "let s = regions | take 4\ns | select name\n-- a comment\nrank(learning_family)\n  | take 2\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }()
}

/// A script with parameters that imports a library and reads a CSV, both by paths relative to its
/// own folder, written once to a temporary folder.
final class ScriptFolder: Sendable {
    static let shared = ScriptFolder()
    let folder: String
    var compare: String { folder + "/compare.khq" }

    init() {
        folder = temporaryPath("scripts")
        let files = [
            "compare.khq": "import \"lib/gap.khq\"\nparam a = \"Bình Thạnh\"\nparam y: year = 2022\nlet pop = read_csv(\"data/pop.csv\")\nvalue(members, a, y)\npop | join left figures on region | take 2\n",
            "lib/gap.khq": "let gap(ind, a, b, y1, y2) = rate(ind, a, y1) - rate(ind, b, y2)\n",
            "data/pop.csv": "region,population\nQ. Bình Thạnh,500.000\n",
        ]
        for (name, text) in files {
            let path = folder + "/" + name
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }
    }
}

/// Random shell sessions over the embedded dataset: expressions, `let` bindings (some named like
/// built-in tables and indicators, some `_`), `|` continuations, failing lines, multi-line inputs,
/// `:reset` and `:load`.
struct SessionGenerator {
    var random: SplitMix64
    let script: String

    static let names = ["a", "t", "_", "__", "figures", "latest", "learning_family"]
    static let expressions = [
        "regions", "indicators", "figures | take 3", "figures | where year == 2022 | select region, indicator, value",
        "rank(learning_family)", "rank(learning_family, year: latest)", "rate(learning_family, \"Bình Thạnh\", 2022)", "1 + 6",
        "compare(\"Bình Thạnh\", \"Bắc Kạn\")", "figures | group indicator aggregate n = count()", "series(learning_family, \"Bình Thạnh\")",
        "count(figures)", "audit()", "2", "3",
    ]
    static let continuations = [
        "| take 1", "| take 3", "| select region", "| select name", "| where year == 2022", "| sort year desc", "| count()",
        "| take _", "| take __", "| where year > _", "| derive double = value * 2", "| top 2 by value", "| select region, value\n  | take 1",
    ]
    static let failures = ["nonsense", "1 +", "figures | select nope", "rank(learning_famly)", "| take", "let = 3", "figures + 1"]
    static let multiLine = [
        "rank(learning_family,\n  year: latest)", "figures |\n  where year == 2017 |\n  take 3", "compare(\"Bình Thạnh\",\n  \"Bắc Kạn\")",
        "[1,\n 2, 3]",
    ]

    mutating func session() -> [String] {
        (0..<Int.random(in: 2...14, using: &random)).map { _ in line() }
    }

    mutating func line() -> String {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<25: return expression()
        case 25..<45: return "let \(pick(Self.names)) = \(expression())"
        case 45..<72: return pick(Self.continuations)
        case 72..<82: return pick(Self.failures)
        case 82..<87: return ":reset"
        case 87..<92: return ":load \(script)"
        default: return pick(Self.multiLine)
        }
    }

    /// A fixed expression, or one over a name that may or may not be bound.
    mutating func expression() -> String {
        let name = pick(Self.names)
        return Bool.random(using: &random) ? pick(Self.expressions) : pick([name, "\(name) | take 2", "count(\(name))", "\(name) + 1"])
    }

    mutating func pick(_ items: [String]) -> String { items.randomElement(using: &random) ?? "" }
}
