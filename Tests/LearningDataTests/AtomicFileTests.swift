import Foundation
import Testing
@testable import LearningData

/// A fresh empty folder under the temporary directory.
private func scratchFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("khq-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

private func mode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
}

private func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & 0o170000 == 0o120000
}

/// The names in a folder, sorted: what a write must leave there (no temporary file).
private func names(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

@Suite("Atomic file writes")
struct AtomicFileTests {
    @Test("a file is replaced whole; a new one is made")
    func replaces() throws {
        let folder = try scratchFolder()
        try AtomicFile.write("old\n", to: folder + "/file")
        try AtomicFile.write("new\n", to: folder + "/file")
        try AtomicFile.write([0x61, 0x0A], to: folder + "/bytes")
        #expect(try text(folder + "/file") == "new\n")
        #expect(try text(folder + "/bytes") == "a\n")
        #expect(try names(folder) == ["bytes", "file"])
    }

    @Test("the file's mode is kept", arguments: [0o600, 0o640, 0o664, 0o755, 0o700] as [mode_t])
    func keepsMode(_ kept: mode_t) throws {
        let folder = try scratchFolder()
        let path = folder + "/file"
        try AtomicFile.write("old\n", to: path)
        #expect(chmod(path, kept) == 0)
        try AtomicFile.write("new\n", to: path)
        #expect(mode(path) == kept)
        #expect(try text(path) == "new\n")
    }

    @Test("a new file gets the mode the umask gives, as a plain create would")
    func newFileMode() throws {
        let folder = try scratchFolder()
        // The umask is the process's: read it through a plain create rather than change it under other tests.
        let plain = open(folder + "/plain", O_WRONLY | O_CREAT | O_EXCL, 0o666)
        #expect(plain >= 0)
        close(plain)
        try AtomicFile.write("x\n", to: folder + "/new")
        #expect(mode(folder + "/new") == mode(folder + "/plain"))
    }

    @Test("the owner and group are kept (another user's when running as root)")
    func keepsOwner() throws {
        let folder = try scratchFolder()
        let path = folder + "/file"
        try AtomicFile.write("old\n", to: path)
        let (owner, group): (uid_t, gid_t) = geteuid() == 0 ? (4321, 4322) : (geteuid(), getegid())
        if geteuid() == 0 { #expect(chown(path, owner, group) == 0) }
        try AtomicFile.write("new\n", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_uid == owner && info.st_gid == group)
        #expect(try text(path) == "new\n")
    }

    @Test("a symbolic link is written through: the link stays, its final target gets the text",
          arguments: ["target", "sub/target", "ABSOLUTE", "chain"])
    func symbolicLink(_ kind: String) throws {
        let folder = try scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        let target = kind == "sub/target" ? folder + "/sub/target" : folder + "/target"
        try AtomicFile.write("old\n", to: target)
        #expect(chmod(target, 0o600) == 0)
        switch kind {
        case "ABSOLUTE": #expect(symlink(target, folder + "/link") == 0)
        case "chain":
            #expect(symlink("middle", folder + "/link") == 0)
            #expect(symlink("target", folder + "/middle") == 0)
        default: #expect(symlink(kind, folder + "/link") == 0)   // relative: read from the link's folder
        }
        try AtomicFile.write("new\n", to: folder + "/link")
        #expect(isSymbolicLink(folder + "/link"))
        #expect(try text(target) == "new\n")
        #expect(mode(target) == 0o600)
    }

    @Test("a link to nowhere makes its target; a loop of links is refused")
    func danglingAndLoop() throws {
        let folder = try scratchFolder()
        #expect(symlink("made", folder + "/dangling") == 0)
        try AtomicFile.write("x\n", to: folder + "/dangling")
        #expect(isSymbolicLink(folder + "/dangling"))
        #expect(try text(folder + "/made") == "x\n")
        #expect(symlink("b", folder + "/a") == 0)
        #expect(symlink("a", folder + "/b") == 0)
        #expect(throws: AtomicWriteError(path: folder + "/a", reason: .tooManySymbolicLinks)) {
            try AtomicFile.write("x\n", to: folder + "/a")
        }
    }

    @Test("a file its owner may not write is refused and untouched, even for root", arguments: [0o444, 0o400, 0o555, 0o040] as [mode_t])
    func readOnly(_ readOnly: mode_t) throws {
        let folder = try scratchFolder()
        let path = folder + "/file"
        try AtomicFile.write("old\n", to: path)
        #expect(chmod(path, readOnly) == 0)
        do {
            try AtomicFile.write("new\n", to: path)
            Issue.record("a read-only file was overwritten")
        } catch {
            #expect(error.reason == .readOnlyFile)
            #expect(error.description.hasPrefix("\(path) is read-only; it was left as it is"))
        }
        #expect(try text(path) == "old\n")
        #expect(mode(path) == readOnly)
        #expect(try names(folder) == ["file"])
    }

    @Test("refusals say the path and what is wrong in plain words, never a temporary name or an error domain")
    func messages() throws {
        let folder = try scratchFolder()
        try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: true)
        try AtomicFile.write("x\n", to: folder + "/plain")
        let cases: [(String, String)] = [
            (folder + "/missing/x.khq", "cannot write \(folder)/missing/x.khq: the folder \(folder)/missing does not exist"),
            (folder + "/dir", "cannot write \(folder)/dir: it is a folder, not a file"),
            (folder + "/plain/x", "cannot write \(folder)/plain/x: \(folder)/plain is not a folder"),
            ("/dev/null", "cannot write /dev/null: it is not a regular file (a device, a pipe or a socket)"),
            ("", "cannot write “”: no file name is given"),
            (folder + "/new/", "cannot write \(folder)/new/: no file name is given"),
        ]
        for (path, message) in cases {
            do {
                try AtomicFile.write("x\n", to: path)
                Issue.record("\(path) was written")
            } catch {
                #expect(error.description == message)
                #expect(!error.description.contains(".tmp") && !error.description.contains("Domain"))
            }
        }
        #expect(try names(folder) == ["dir", "plain"])
    }

    @Test("a link's refusal names where it leads")
    func linkMessage() throws {
        let folder = try scratchFolder()
        #expect(symlink("gone/file", folder + "/link") == 0)
        #expect(throws: AtomicWriteError(path: folder + "/link", reason: .folderMissing(folder: folder + "/gone"), linkTarget: folder + "/gone/file")) {
            try AtomicFile.write("x\n", to: folder + "/link")
        }
        #expect(AtomicWriteError(path: "l", reason: .diskFull, linkTarget: "t").description == "cannot write l (a link to t): the disk is full")
    }

    @Test("a failure while writing removes the temporary file and leaves the old file whole")
    func failureCleansUp() throws {
        let folder = try scratchFolder()
        let path = folder + "/file"
        try AtomicFile.write("old\n", to: path)
        let full = AtomicWriteError(path: path, reason: .diskFull)
        #expect(throws: full) {
            try AtomicFile.write(to: path) { (file) throws(AtomicWriteError) in
                try file.write("half of the new te")
                throw full
            }
        }
        #expect(try text(path) == "old\n")
        #expect(try names(folder) == ["file"])
    }

    @Test("two writers of the same file at once never clash: each write lands whole")
    func concurrentWriters() throws {
        let folder = try scratchFolder()
        let path = folder + "/file"
        let texts = [String(repeating: "a", count: 200_000) + "\n", String(repeating: "b", count: 300_000) + "\n"]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for _ in 0..<40 {
                do { try AtomicFile.write(texts[writer], to: path) } catch { failures.add("\(error)") }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(texts.contains(try text(path)))
        #expect(try names(folder) == ["file"])
    }

    @Test("a temporary file left by a killed writer is removed by the next write; a live or recent one stays")
    func leftovers() throws {
        let folder = try scratchFolder()
        let dead: Int32 = 2_147_483_647   // above any pid_max: no such process
        let old = folder + "/.file.\(dead).abc.tmp", recent = folder + "/.file.\(dead).def.tmp"
        let live = folder + "/.file.\(getppid()).ghi.tmp", other = folder + "/.other.\(dead).jkl.tmp"
        for leftover in [old, recent, live, other] { try "partial".write(toFile: leftover, atomically: false, encoding: .utf8) }
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for leftover in [old, live, other] {
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: leftover)
        }
        try AtomicFile.write("x\n", to: folder + "/file")
        #expect(try names(folder) == [".file.\(dead).def.tmp", ".file.\(getppid()).ghi.tmp", ".other.\(dead).jkl.tmp", "file"].sorted())
    }

    @Test("createFolder makes missing parents, accepts an existing folder, refuses a file in the way")
    func createFolder() throws {
        let folder = try scratchFolder()
        try AtomicFile.createFolder(folder + "/a/b/c")
        try AtomicFile.createFolder(folder + "/a/b/c")
        #expect(try names(folder + "/a/b") == ["c"])
        try AtomicFile.write("x\n", to: folder + "/file")
        #expect(throws: AtomicWriteError(path: folder + "/file/d", reason: .notAFolder(folder: folder + "/file"), action: .createFolder)) {
            try AtomicFile.createFolder(folder + "/file/d")
        }
    }
}

/// Error texts gathered from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []
    func add(_ text: String) { lock.withLock { texts.append(text) } }
    var all: [String] { lock.withLock { texts } }
}
