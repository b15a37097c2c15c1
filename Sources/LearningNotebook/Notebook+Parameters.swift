import LearningData
import LearningQuery

extension Notebook {
    /// The tag of the cell that declares a notebook's parameters (papermill's convention).
    public static let parametersTag = "parameters"
    /// The tag of the cell a run with values writes after it, as papermill does.
    public static let injectedTag = "injected-parameters"

    /// The notebook with values for the parameters its cell tagged `parameters` declares (`param a =
    /// "Bình Thạnh"`): a code cell tagged `injected-parameters` right after it holds them, written as
    /// `param` statements, so that the notebook run again, checked or opened in Jupyter gives the same
    /// results. A cell injected by an earlier run is replaced. Each value must name a parameter of that
    /// cell and have its type.
    public func injecting(_ arguments: [ScriptArgument], checkedBy session: QuerySession) throws(NotebookError) -> Notebook {
        guard !arguments.isEmpty else { return self }
        var out = self
        out.cells.removeAll { $0.tags.contains(Self.injectedTag) }
        guard let index = out.cells.firstIndex(where: { $0.kind == "code" && $0.tags.contains(Self.parametersTag) }) else {
            throw NotebookError("the notebook has no code cell tagged “\(Self.parametersTag)” to give values to: tag the cell holding its param statements (papermill's convention)")
        }
        do { try session.checkArguments(arguments, for: out.cells[index].source, name: "the parameters cell") } catch { throw NotebookError("\(error)") }
        let source = "-- Injected parameters (khuyenhoc notebook run --set)\n" + arguments.map { "param \($0.name) = \($0.literal)" }.joined(separator: "\n")
        out.cells.insert(Cell(kind: "code", source: source, rest: ["metadata": .object(["tags": .array([.string(Self.injectedTag)])])]), at: index + 1)
        return out
    }
}

extension Cell {
    /// The cell's tags (`metadata.tags`).
    public var tags: [String] {
        guard case let .array(items)? = rest["metadata"]?["tags"] else { return [] }
        return items.compactMap { if case let .string(s) = $0 { s } else { nil } }
    }
}
