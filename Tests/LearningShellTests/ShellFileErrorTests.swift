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

    @Test(":open and :load failures carry the loader's own “error:” once, not twice")
    func noDoubledPrefix() throws {
        let (shell, out) = try makeShell()
        shell.handle(":open /nonexistent/data")
        #expect(out.err == "error: no file or folder at /nonexistent/data\nthe current dataset stays: seeds (5 reports)\n")
        out.err = ""
        let folder = temporaryPath("open")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "region,indicator,year,value\nbinh thanh,members,2022,1.5\n".write(toFile: folder + "/figures.csv", atomically: true, encoding: .utf8)
        shell.handle(":open \(folder)/figures.csv")
        #expect(out.err.hasPrefix("\(folder)/figures.csv:2:"))
        #expect(!out.err.contains("error: error"))
        out.err = ""
        let script = temporaryPath("bad.khq")
        try Data([0x31, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: script))
        shell.handle(":load \(script)")
        #expect(out.err.hasPrefix("\(script):2:1: error[E100]: the bytes here are not valid UTF-8"))
        out.err = ""
        shell.handle(":load /nonexistent/a.khq")
        #expect(out.err == "error: cannot read /nonexistent/a.khq\n")
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
