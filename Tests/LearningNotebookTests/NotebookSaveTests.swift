import Foundation
import Testing
import LearningData
@testable import LearningNotebook

@Suite("Writing notebooks")
struct NotebookSaveTests {
    private func sample() throws -> Notebook {
        try Notebook.load(repository.appendingPathComponent("Notebooks/lien-huong-2016-2018.ipynb").path)
    }

    private func scratchFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("khq-notebook-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("save keeps the file's mode and writes through a link, with no temporary file left")
    func keepsTheFile() throws {
        let notebook = try sample()
        let folder = try scratchFolder()
        try notebook.save(folder + "/a.ipynb")
        #expect(chmod(folder + "/a.ipynb", 0o600) == 0)
        #expect(symlink("a.ipynb", folder + "/link.ipynb") == 0)
        try notebook.save(folder + "/link.ipynb")
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/a.ipynb")[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.ipynb")) == "a.ipynb")
        #expect(try Notebook.load(folder + "/a.ipynb").json.serialized() == notebook.json.serialized())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.ipynb", "link.ipynb"])
    }

    @Test("save refuses a read-only notebook and a missing folder in plain words")
    func refusals() throws {
        let notebook = try sample()
        let folder = try scratchFolder()
        try "{}".write(toFile: folder + "/ro.ipynb", atomically: false, encoding: .utf8)
        #expect(chmod(folder + "/ro.ipynb", 0o444) == 0)
        let readOnly = #expect(throws: NotebookError.self) { try notebook.save(folder + "/ro.ipynb") }
        #expect(readOnly?.message == "\(folder)/ro.ipynb is read-only; it was left as it is (make it writable with chmod u+w, or write to another file)")
        #expect(try String(contentsOfFile: folder + "/ro.ipynb", encoding: .utf8) == "{}")
        let missing = #expect(throws: NotebookError.self) { try notebook.save("/nonexistent/x.ipynb") }
        #expect(missing?.message == "cannot write /nonexistent/x.ipynb: the folder /nonexistent does not exist")
    }
}
