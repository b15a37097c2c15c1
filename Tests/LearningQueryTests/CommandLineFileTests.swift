import Foundation
import Testing
import TestSupport

/// A fresh folder holding a copy of one of the repository's notebooks, as `nb.ipynb`.
private func notebookCopy() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khq-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.copyItem(atPath: repository.appendingPathComponent("Notebooks/lien-huong-2016-2018.ipynb").path, toPath: folder + "/nb.ipynb")
    return folder
}

@Suite("The khuyenhoc command's files", .serialized)
struct CommandLineFileTests {
    @Test("a bad --data for a notebook command is a data error, as for -c: status 1, the loader's message, no usage",
          arguments: [["notebook", "run"], ["notebook", "check"]])
    func notebookBadData(_ command: [String]) throws {
        let folder = try notebookCopy()
        let plain = try run(["--data", "/nonexistent/data", "-c", "1"])
        let notebook = try run(command + ["--data", "/nonexistent/data", folder + "/nb.ipynb"])
        #expect(notebook.status == plain.status)
        #expect(notebook.status == 1)
        #expect(notebook.err == plain.err)
        #expect(notebook.err == "error: no file or folder at /nonexistent/data\n")
    }

    @Test("notebook export to a missing folder: status 1 and a plain message, no error domain, no temporary name")
    func exportToMissingFolder() throws {
        let folder = try notebookCopy()
        let r = try run(["notebook", "export", folder + "/nb.ipynb", "-o", "/nonexistent/x.html"])
        #expect(r.status == 1)
        #expect(r.err == "cannot write /nonexistent/x.html: the folder /nonexistent does not exist\n")
    }

    @Test("notebook run keeps the notebook's mode and link, and refuses a read-only one untouched")
    func notebookRunKeepsTheFile() throws {
        let folder = try notebookCopy()
        let path = folder + "/nb.ipynb"
        #expect(chmod(path, 0o600) == 0)
        #expect(symlink("nb.ipynb", folder + "/link.ipynb") == 0)
        let ran = try run(["notebook", "run", folder + "/link.ipynb"])
        #expect(ran.status == 0)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.ipynb")) == "nb.ipynb")
        #expect(chmod(path, 0o444) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try run(["notebook", "run", path])
        #expect(refused.status == 1)
        #expect(refused.err.hasPrefix("\(path) is read-only; it was left as it is"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.ipynb", "nb.ipynb"])
    }

    @Test("synth into a path under a file: status 1 and a plain message")
    func synthIntoAFile() throws {
        let folder = try notebookCopy()
        let r = try run(["synth", "-o", folder + "/nb.ipynb/data", "--observations", "10"])
        #expect(r.status == 1)
        #expect(r.err == "cannot create the folder \(folder)/nb.ipynb/data: \(folder)/nb.ipynb is not a folder\n")
    }

    @Test("synth killed at any moment leaves each file the old one or the new one whole, never half written")
    func synthKilled() throws {
        let root = try notebookCopy()
        let arguments = ["synth", "--observations", "100000", "--seed"]
        #expect(try run(arguments + ["1", "-o", root + "/old"]).status == 0)
        #expect(try run(arguments + ["2", "-o", root + "/new"]).status == 0)
        #expect(try run(arguments + ["1", "-o", root + "/data"]).status == 0)
        let versions = try ["old", "new"].map { try Data(contentsOf: URL(fileURLWithPath: "\(root)/\($0)/figures.csv")) }
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = try executable()
            process.arguments = arguments + ["2", "-o", root + "/data"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // When the kill lands is left to chance: before, during or after each file's write.
            usleep(UInt32.random(in: 0...900_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let figures = try Data(contentsOf: URL(fileURLWithPath: root + "/data/figures.csv"))
            #expect(versions.contains(figures), "figures.csv is \(figures.count) bytes, neither version")
            let names = try FileManager.default.contentsOfDirectory(atPath: root + "/data")
            #expect(names.allSatisfy { ["figures.csv", "regions.csv", "README.txt"].contains($0) || ($0.hasPrefix(".") && $0.hasSuffix(".tmp")) }, "\(names)")
        }
    }
}
