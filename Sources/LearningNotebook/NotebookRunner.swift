import LearningData
import LearningQuery

/// Runs the code cells of a notebook in order, in one fresh session, and makes their nbformat outputs.
/// The kernel back end makes its outputs the same way, so a notebook run in JupyterLab and one run by
/// `khuyenhoc notebook run` hold the same results.
public struct NotebookRunner {
    private let session: QuerySession
    private var count = 0

    /// A runner over a fresh session of the dataset.
    public init(dataset: Dataset) {
        session = QuerySession(dataset: dataset)
    }

    /// The outputs of one cell's code, and its execution count.
    public mutating func execute(_ code: String) -> (count: Int, outputs: [JSON]) {
        count += 1
        var outputs: [JSON] = []
        var values: [Value] = []
        var warnings: [String] = []
        for outcome in session.run(code, name: "In [\(count)]") {
            warnings += outcome.warnings.map(\.description)
            if let error = outcome.error {
                if !warnings.isEmpty { outputs.append(Self.stream(warnings)); warnings = [] }
                outputs += values.map { Self.display($0) }
                values = []
                outputs.append(.object([
                    "output_type": .string("error"), "ename": .string(error.code), "evalue": .string(error.diagnostic.message),
                    "traceback": .array(error.description.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }),
                ]))
                continue
            }
            if !outcome.quiet, let value = outcome.value { values.append(value) }
        }
        if !warnings.isEmpty { outputs.insert(Self.stream(warnings), at: 0) }
        for (i, value) in values.enumerated() {
            outputs.append(i + 1 == values.count ? Self.result(value, count: count) : Self.display(value))
        }
        return (count, outputs)
    }

    /// The notebook with every code cell run again, in order.
    public mutating func run(_ notebook: Notebook) -> Notebook {
        var out = notebook
        for i in out.cells.indices where out.cells[i].kind == "code" {
            let (count, outputs) = execute(out.cells[i].source)
            out.cells[i].executionCount = count
            out.cells[i].outputs = outputs
        }
        return out
    }

    static func stream(_ lines: [String]) -> JSON {
        .object(["output_type": .string("stream"), "name": .string("stderr"), "text": JSON.lines(lines.joined(separator: "\n") + "\n")])
    }

    static func display(_ value: Value) -> JSON {
        .object(["output_type": .string("display_data"), "data": .object(MimeBundle.bundle(value)), "metadata": .object([:])])
    }

    static func result(_ value: Value, count: Int) -> JSON {
        .object(["output_type": .string("execute_result"), "execution_count": .number(Double(count)), "data": .object(MimeBundle.bundle(value)),
                 "metadata": .object([:])])
    }
}

/// Whether a notebook's stored outputs are what a fresh run gives, and where they differ.
public enum NotebookCheck {
    /// The differences, as a readable diff per cell; empty when the notebook is true.
    public static func differences(_ notebook: Notebook, dataset: Dataset) -> [String] {
        var runner = NotebookRunner(dataset: dataset)
        let fresh = runner.run(notebook)
        var out: [String] = []
        for (i, (stored, now)) in zip(notebook.cells, fresh.cells).enumerated() where stored.kind == "code" {
            let a = JSON.array(stored.outputs).serialized(), b = JSON.array(now.outputs).serialized()
            if a != b || stored.executionCount != now.executionCount {
                var text = "cell \(i + 1) (In [\(now.executionCount ?? 0)]): \(stored.source.split(separator: "\n").first ?? "")\n"
                if stored.executionCount != now.executionCount {
                    text += "  execution count: stored \(stored.executionCount.map(String.init) ?? "none"), fresh \(now.executionCount.map(String.init) ?? "none")\n"
                }
                text += LineDiff.unified(a, b)
                out.append(text)
            }
        }
        return out
    }
}

/// A short line diff (longest common subsequence), for showing how outputs changed.
enum LineDiff {
    static func unified(_ old: String, _ new: String, limit: Int = 40) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count * b.count < 4_000_000 else { return "  (outputs differ; too long to diff)\n" }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { i += 1; j += 1 }
            else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] { out.append("  - " + a[i]); i += 1 }
            else { out.append("  + " + b[j]); j += 1 }
            if out.count >= limit { out.append("  …"); break }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
