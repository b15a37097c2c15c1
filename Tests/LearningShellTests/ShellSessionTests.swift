import Foundation
import Testing
import LearningData
import LearningQuery
@testable import LearningShell

@Suite("The shell's logic")
struct ShellSessionTests {
    @Test("a query prints its result; an error prints its diagnostic and the shell goes on")
    func queries() throws {
        let (shell, out) = try makeShell()
        shell.handle("rate(learning_family, \"Bình Thạnh\", 2022)")
        #expect(out.out == "77,07%\n")
        shell.handle("rate(learning_famly, \"Bình Thạnh\", 2022)")
        #expect(out.err.contains("error[E201]"))
        shell.handle(":locale en")
        shell.handle("rate(learning_family, \"Bình Thạnh\", 2022)")
        #expect(out.out.hasSuffix("77.07%\n"))
        #expect(!shell.shouldQuit)
        shell.handle(":quit")
        #expect(shell.shouldQuit)
    }

    @Test("a line starting with | continues the previous result")
    func continuation() throws {
        let (shell, out) = try makeShell()
        shell.handle("| take 1")
        #expect(out.err.contains("there is none yet"))
        shell.handle("rank(learning_family)")
        out.out = ""
        shell.handle("| select region, year | take 1")
        #expect(out.out.contains("Bắc Kạn"))
        #expect(out.out.contains("1 row"))
        #expect(shell.savedInputs == ["rank(learning_family)", "rank(learning_family)\n| select region, year | take 1"])
    }

    @Test(":save then :load in a fresh shell gives the same results")
    func saveRoundTrip() throws {
        let (first, firstOut) = try makeShell()
        first.handle("let bt = region(\"binh thanh\")")
        first.handle("rate(learning_family, bt, 2022)")
        first.handle("rank(learning_family,\n  year: latest)")
        first.handle("nonsense")
        let path = temporaryPath("saved.khq")
        first.handle(":save \(path)")
        #expect(firstOut.out.contains("saved 3 statements"))
        let (second, secondOut) = try makeShell()
        second.handle(":load \(path)")
        let results = firstOut.out.components(separatedBy: "saved")[0]
        #expect(secondOut.out == results)
        #expect(secondOut.err.isEmpty)
        // The saved script also runs as a plain script of the language.
        let session = QuerySession(dataset: try Dataset.embedded())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let outcomes = session.run(text)
        #expect(outcomes.allSatisfy { $0.succeeded })
    }

    @Test(":save never clobbers on failure, and says so")
    func saveFailure() throws {
        let (shell, out) = try makeShell()
        shell.handle(":save /nonexistent-folder/x.khq")
        #expect(out.err.contains("nothing to save yet"))
        shell.handle("1 + 1")
        shell.handle(":save /nonexistent-folder/x.khq")
        #expect(out.err.hasSuffix("error: cannot write /nonexistent-folder/x.khq: the folder /nonexistent-folder does not exist\n"))
    }

    @Test(":load stops at the first error with :bail on; a script may hold commands")
    func loadAndBail() throws {
        let path = temporaryPath("script.khq")
        try ":format csv\nrate(learning_family, \"Bắc Kạn\", 2017)\nrank(learning_family)\n  | select region\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (shell, out) = try makeShell()
        shell.handle(":load \(path)")
        #expect(out.err.contains("E302"))
        #expect(out.out == "region\r\nBắc Kạn\r\nBình Thạnh\n")
        let (strict, strictOut) = try makeShell()
        strict.handle(":bail on")
        strict.handle(":load \(path)")
        #expect(strictOut.out.isEmpty)
    }

    @Test(":output and :once send results to a file; :last shows the previous result in full")
    func output() throws {
        let (shell, out) = try makeShell()
        let file = temporaryPath("results.txt")
        shell.handle(":once \(file)")
        shell.handle("1 + 1")
        shell.handle("2 + 2")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "2\n")
        #expect(out.out == "4\n")
        shell.handle("figures")
        #expect(out.out.contains("40 of 95 rows shown"))
        out.out = ""
        shell.handle(":last")
        #expect(out.out.contains("95 rows"))
        #expect(!out.out.contains("rows shown"))
    }

    @Test(":open keeps the current dataset when the new one is malformed")
    func open() throws {
        let (shell, out) = try makeShell()
        shell.handle(":open /nonexistent/data")
        #expect(out.err.contains("the current dataset stays: seeds"))
        #expect(shell.session.dataset.count == 95)
    }

    @Test(":help covers functions, operators, commands and names; :show, :regions, :indicators, :reset, :timer")
    func help() throws {
        let (shell, out) = try makeShell()
        for topic in ["", "functions", "operators", "commands", "rank", ":format", "where", "rnak"] {
            out.out = ""
            shell.handle(":help \(topic)")
            #expect(!out.out.isEmpty, "\(topic)")
        }
        #expect(out.out.contains("did you mean :help rank?"))
        out.out = ""
        shell.handle(":regions binh")
        #expect(out.out.contains("Bình Thạnh") && out.out.contains("Bình Thuận") && !out.out.contains("Kiên Hải"))
        shell.handle(":indicators")
        #expect(out.out.contains("learning_family"))
        shell.handle("let x = 1")
        shell.handle(":show")
        #expect(out.out.contains("bindings  x"))
        shell.handle(":reset")
        shell.handle("x")
        #expect(out.err.contains("unknown name “x”"))
        out.out = ""
        shell.handle(":timer on")
        shell.handle("1")
        #expect(out.out.hasPrefix("1\ntime: "))
    }

    @Test("a wide table loses its rightmost columns with a note, never wraps")
    func width() throws {
        let (shell, out) = try makeShell()
        shell.terminalWidth = { 60 }
        shell.handle("figures | take 2")
        for line in out.out.split(separator: "\n") where line.hasPrefix("│") || line.hasPrefix("┌") {
            #expect(line.count <= 60, "\(line)")
        }
        #expect(out.out.contains("more columns not shown for the terminal's width"))
    }
}

@Suite("The history file")
struct HistoryFileTests {
    @Test("entries survive a save and a load, multi-line ones too, bounded")
    func roundTrip() throws {
        let history = HistoryFile(path: temporaryPath("history"), limit: 3)
        try history.save(["a", "rank(x,\n  year: latest)", "back\\slash", "d"])
        #expect(history.load() == ["rank(x,\n  year: latest)", "back\\slash", "d"])
    }

    @Test("a missing file is an empty history; an unwritable home is an error to warn about, not a crash")
    func failures() {
        #expect(HistoryFile(path: "/nonexistent/history").load().isEmpty)
        #expect(throws: (any Error).self) { try HistoryFile(path: "/nonexistent/folder/history").save(["x"]) }
    }

    @Test("a failed write leaves what was there whole and no temporary file behind")
    func atomic() throws {
        let folder = temporaryPath("atomic")
        try FileManager.default.createDirectory(atPath: folder + "/target", withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try AtomicFile.write("new\n", to: folder + "/target") }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder + "/target", isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["target"])
        try AtomicFile.write("old\n", to: folder + "/file")
        try AtomicFile.write("new\n", to: folder + "/file")
        #expect(try String(contentsOfFile: folder + "/file", encoding: .utf8) == "new\n")
    }
}
