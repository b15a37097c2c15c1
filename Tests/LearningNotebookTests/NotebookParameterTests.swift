import Testing
import LearningData
import LearningQuery
@testable import LearningNotebook

@Suite("Notebook parameters (papermill's convention)")
struct NotebookParameterTests {
    func notebook() -> Notebook {
        Notebook(cells: [
            Cell(kind: "markdown", source: "# Two districts"),
            Cell(kind: "code", source: "param a = \"Bình Thạnh\"\nparam y: year = 2022", rest: ["metadata": .object(["tags": .array([.string("parameters")])])]),
            Cell(kind: "code", source: "value(members, a, y)"),
        ])
    }

    func shown(_ notebook: Notebook) throws -> [String] {
        var runner = NotebookRunner(dataset: try Dataset.embedded())
        return runner.run(notebook).cells.flatMap(\.outputs).compactMap { $0["data"]?["text/plain"]?.text }
    }

    @Test("values given to a run go into a cell tagged injected-parameters after the parameters cell, and the run uses them")
    func injected() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        #expect(try shown(notebook()) == ["52.873"])
        let given = try notebook().injecting([try session.scriptArgument(setting: "a=thành phố Bắc Kạn"), try session.scriptArgument(setting: "y=2017")], checkedBy: session)
        #expect(given.cells.count == 4)
        #expect(given.cells[2].tags == ["injected-parameters"])
        #expect(given.cells[2].source.hasSuffix("param a = \"thành phố Bắc Kạn\"\nparam y = 2017"))
        #expect(try shown(given) == ["10.380"])
        // A second run replaces the injected cell; a fresh run of the saved notebook gives the same outputs.
        let again = try given.injecting([try session.scriptArgument(setting: "y=2016")], checkedBy: session)
        #expect(again.cells.count == 4 && again.cells.filter { $0.tags.contains("injected-parameters") }.count == 1)
        var runner = NotebookRunner(dataset: try Dataset.embedded())
        #expect(NotebookCheck.differences(runner.run(again), dataset: try Dataset.embedded()).isEmpty)
    }

    @Test("a value for no parameter, one of the wrong type, or a notebook without a parameters cell is refused", arguments: ["b=1", "y=soon"])
    func refused(_ setting: String) throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        #expect(throws: NotebookError.self) { try notebook().injecting([try session.scriptArgument(setting: setting)], checkedBy: session) }
        var untagged = notebook()
        untagged.cells[1].rest = ["metadata": .object([:])]
        #expect(throws: NotebookError.self) { try untagged.injecting([try session.scriptArgument(setting: "a=1")], checkedBy: session) }
    }
}
