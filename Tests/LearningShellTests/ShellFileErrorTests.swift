import Foundation
import Testing
import LearningData
@testable import LearningShell

@Suite("The shell's file errors and writes")
struct ShellFileErrorTests {
    @Test(":save to a missing folder says so in plain words: no error domain, no temporary name")
    func saveToMissingFolder() throws {
        let (shell, out) = try makeShell()
        shell.handle("1 + 1")
        shell.handle(":save /nonexistent/x.khq")
        #expect(out.err == "error: cannot write /nonexistent/x.khq: the folder /nonexistent does not exist\n")
    }

    @Test(":save keeps a file's mode, writes through a link, refuses a read-only file")
    func saveKeepsTheFile() throws {
        let (shell, out) = try makeShell()
        shell.handle("1 + 1")
        let folder = temporaryPath("save")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/a.khq"
        try "old\n".write(toFile: script, atomically: false, encoding: .utf8)
        #expect(chmod(script, 0o600) == 0)
        #expect(symlink("a.khq", folder + "/link.khq") == 0)
        shell.handle(":save \(folder)/link.khq")
        #expect(out.err.isEmpty)
        #expect(try String(contentsOfFile: script, encoding: .utf8).hasSuffix("1 + 1\n"))
        #expect((try FileManager.default.attributesOfItem(atPath: script)[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.khq")) == "a.khq")
        #expect(chmod(script, 0o444) == 0)
        shell.handle(":save \(script)")
        #expect(out.err.hasPrefix("error: \(script) is read-only; it was left as it is"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.khq", "link.khq"])
    }

    @Test("a history that cannot be written gives a plain reason")
    func historyMessage() throws {
        do {
            try HistoryFile(path: "/nonexistent/folder/history").save(["x"])
            Issue.record("the history was written")
        } catch {
            #expect(error.description == "cannot write /nonexistent/folder/history: the folder /nonexistent/folder does not exist")
        }
    }
}
