import Foundation
import Testing
import LearningData
import LearningQuery
@testable import LearningShell

@Suite("Scripts with parameters and libraries in the shell")
struct ScriptParameterShellTests {
    @Test(":load FILE name: value gives the script's parameters values; nothing else changes the script")
    func loadWithArguments() throws {
        let (shell, out) = try makeShell()
        shell.handle(":load \(ScriptFolder.shared.compare) a: \"thành phố Bắc Kạn\", y: 2017")
        #expect(out.err.isEmpty, "\(out.err)")
        #expect(out.out.hasPrefix("10.380\n"))
        #expect(shell.session.binding("a").map(shell.session.render) == "thành phố Bắc Kạn")
        #expect(shell.session.functionNames == ["gap"])
        out.out = ""
        shell.handle(":load \(ScriptFolder.shared.compare)")
        #expect(out.out.hasPrefix("52.873\n"), "the defaults again: \(out.out)")
    }

    @Test("an unknown, repeated or ill-typed parameter is refused with its place, and nothing of the script runs", arguments: [
        ("ay: 2017", "E134", "did you mean “a”? its parameters: a, y"),
        ("a: \"Bắc Kạn\", a: \"Bình Thạnh\"", "E205", "given twice"),
        ("y: \"2017\"", "E135", "the script declares it at"),
        ("a: Bắc Kạn", "E110", "unexpected"),
        ("a \"Bắc Kạn\"", "E112", "NAME: VALUE"),
    ])
    func refusedArguments(_ given: String, _ code: String, _ text: String) throws {
        let (shell, out) = try makeShell()
        shell.handle(":load \(ScriptFolder.shared.compare) \(given)")
        #expect(out.err.contains(code) && out.err.contains(text), "\(out.err)")
        #expect(out.out.isEmpty)
        #expect(shell.session.functionNames.isEmpty && shell.session.bindingNames.isEmpty)
        #expect(!shell.shouldQuit)
    }

    @Test("a library's functions come from the start-up file; a typed import reads from the current folder")
    func startUpLibrary() throws {
        let (shell, out) = try makeShell()
        let rc = ScriptFolder.shared.folder + "/rc"
        FileManager.default.createFile(atPath: rc, contents: Data("import \"lib/gap.khq\"\n".utf8))
        shell.runScript(try String(contentsOfFile: rc, encoding: .utf8), name: rc, file: rc)
        #expect(out.err.isEmpty, "\(out.err)")
        #expect(shell.session.functionNames == ["gap"])
        shell.handle(":help functions")
        #expect(out.out.contains("your functions (let name(…) = …):\n  gap(ind, a, b, y1, y2)"))
        shell.handle("import \"no/such/lib.khq\"")
        #expect(out.err.contains("E130") && out.err.contains("read from the current folder"))
    }

    @Test("a device, a pipe or a folder is not read as a library or a table: an error, never a wait")
    func notRegularFiles() throws {
        let (shell, out) = try makeShell()
        for input in ["import \"/dev/zero\"", "read_csv(\"/dev/zero\")", "import \"/tmp\"", "read_csv(\"/dev/stdin\")"] { shell.handle(input) }
        #expect(out.err.components(separatedBy: "error[E130]").count == 3 && out.err.components(separatedBy: "error[E140]").count == 3, "\(out.err)")
    }

    @Test("a link to a library is read as the library")
    func linkedLibrary() throws {
        let (shell, out) = try makeShell()
        let link = ScriptFolder.shared.folder + "/linked-\(UUID().uuidString).khq"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ScriptFolder.shared.folder + "/lib/gap.khq")
        shell.handle("import \"\(link)\"")
        #expect(out.err.isEmpty, "\(out.err)")
        #expect(shell.session.functionNames == ["gap"])
    }

    @Test(":help knows param, import, join and union")
    func help() throws {
        let (shell, out) = try makeShell()
        for topic in ["param", "import", "join", "union"] { shell.handle(":help \(topic)") }
        #expect(out.out.contains("--set name=value") && out.out.contains("cycles are refused") && out.out.contains("gazetteer") && out.out.contains("the same columns"))
    }

    @Test(":load splits the file from its arguments; a path with spaces is whole, or quoted", arguments: [
        ("a.khq", "a.khq", ""), ("a.khq a: 1", "a.khq", "a: 1"), ("\"my scripts/a.khq\" a: 1", "my scripts/a.khq", "a: 1"),
    ])
    func loadArgumentSplit(_ argument: String, _ path: String, _ rest: String) {
        let split = Shell.splitLoadArgument(argument)
        #expect(split.path == path && split.rest == rest)
    }
}

@Suite("Reports in the shell")
struct ShellExtractTests {
    @Test(":extract shows a report's draft as a table; a file it cannot read is an error and the shell goes on")
    func extract() throws {
        let (shell, out) = try makeShell()
        let report = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/001_56ab86ef1f56db90.txt").path
        shell.handle(":extract \(report)")
        #expect(out.out.contains("learning_family     ho-chi-minh/binh-thanh  2022  51119      66328  77,07%  75%     high"), "\(out.out)")
        #expect(out.out.contains("rows drafted; khuyenhoc add"))
        shell.handle(":extract /nonexistent.txt")
        #expect(out.err.contains("cannot read /nonexistent.txt") && !shell.shouldQuit)
    }
}
