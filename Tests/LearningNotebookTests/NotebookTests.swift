import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
import LearningData
import LearningQuery
@testable import LearningNotebook

let notebookTests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repository = notebookTests.deletingLastPathComponent().deletingLastPathComponent()
let notebookFiles = ((try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("Notebooks").path)) ?? [])
    .filter { $0.hasSuffix(".ipynb") }.sorted()

@Suite("Notebooks")
struct NotebookTests {
    @Test("the four notebooks are there")
    func present() {
        #expect(notebookFiles == ["binh-thanh-vs-bac-kan.ipynb", "lien-huong-2016-2018.ipynb", "source-audit.ipynb", "targets-and-attainment.ipynb"])
    }

    @Test("each notebook's stored outputs are what a fresh run gives (khuyenhoc notebook check)", arguments: notebookFiles)
    func check(_ name: String) throws {
        let notebook = try Notebook.load(repository.appendingPathComponent("Notebooks/\(name)").path)
        let differences = NotebookCheck.differences(notebook, dataset: try Dataset.embedded())
        #expect(differences.isEmpty, "\(name): run `khuyenhoc notebook run Notebooks/\(name)` and review:\n\(differences.joined(separator: "\n"))")
        #expect(notebook.cells.contains { $0.kind == "markdown" } && notebook.cells.contains { $0.kind == "code" })
        #expect(!notebook.cells.flatMap(\.outputs).contains { $0["output_type"] == .string("error") }, "\(name) has an error output")
    }

    @Test("a notebook is written back byte for byte as it was read (Jupyter's own layout)", arguments: notebookFiles)
    func roundTrip(_ name: String) throws {
        let path = repository.appendingPathComponent("Notebooks/\(name)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try Notebook(json: JSON.parse(text)).json.serialized() == text)
    }

    @Test("the notebooks are valid nbformat 4 for Python's nbformat package")
    func nbformat() throws {
        let script = "import nbformat, sys\nfor p in sys.argv[1:]:\n    nbformat.validate(nbformat.read(p, as_version=4))\nprint('valid')"
        let paths = notebookFiles.map { repository.appendingPathComponent("Notebooks/\($0)").path }
        let (status, output) = try runPython(["-c", script] + paths)
        #expect(status == 0 && output.contains("valid"), "\(output)")
    }
}

@Suite("The notebook runner and exports")
struct RunnerTests {
    @Test("outputs: results with every MIME type, warnings as stderr, errors with their diagnostic, counts in order")
    func outputs() throws {
        var runner = NotebookRunner(dataset: try Dataset.embedded())
        let first = runner.execute("rank(learning_family)")
        #expect(first.count == 1)
        guard case let .object(data)? = first.outputs.last?["data"] else { Issue.record("no data"); return }
        #expect(Set(data.keys) == ["text/plain", "text/html", "text/markdown"])
        #expect(data["text/html"]?.text?.contains("<td style=\"text-align:right\">97,16%</td>") == true)
        let chart = runner.execute("chart(series(learning_family, \"Liên Hương\"))")
        #expect(chart.outputs.last?["data"]?["image/svg+xml"]?.text?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
        let warned = runner.execute("1 / 0")
        #expect(warned.outputs.first?["name"] == .string("stderr"))
        let failed = runner.execute("let x = 1\nnonsense")
        #expect(failed.count == 4)
        #expect(failed.outputs.first?["output_type"] == .string("error"))
        #expect(failed.outputs.first?["ename"] == .string("E201"))
        let several = runner.execute("1\n2")
        #expect(several.outputs.map { $0["output_type"] } == [.string("display_data"), .string("execute_result")])
    }

    @Test("check reports a stale output with a diff")
    func stale() throws {
        var notebook = Notebook(cells: [Cell(kind: "code", source: "rate(learning_family, \"Bình Thạnh\", 2022)")])
        var runner = NotebookRunner(dataset: try Dataset.embedded())
        notebook = runner.run(notebook)
        #expect(NotebookCheck.differences(notebook, dataset: try Dataset.embedded()).isEmpty)
        notebook.cells[0].source = "rate(learning_family, \"Bình Thạnh\", 2022) - 75%"
        let differences = NotebookCheck.differences(notebook, dataset: try Dataset.embedded())
        #expect(differences.count == 1)
        #expect(differences[0].contains("  -     \"77,07%\"\n  +     \"+2,07 điểm %\""), "\(differences[0])")
    }

    @Test("exports are self-contained: inline SVG, tables, prose")
    func exports() throws {
        let notebook = try Notebook.load(repository.appendingPathComponent("Notebooks/lien-huong-2016-2018.ipynb").path)
        let html = NotebookExport.render(notebook, as: .html, title: "Liên Hương")
        #expect(html.contains("<h1>Liên Hương, 2016 to 2018: the four learning models</h1>"))
        #expect(html.contains("<svg xmlns=") && html.contains("<table>") && !html.contains("src=\"http"))
        let markdown = NotebookExport.render(notebook, as: .markdown, title: "Liên Hương")
        #expect(markdown.contains("# Liên Hương, 2016 to 2018") && markdown.contains("<svg xmlns="))
    }
}

@Suite("Charts")
struct ChartTests {
    func svg(_ query: String) throws -> String {
        let value = try QuerySession(dataset: try Dataset.embedded()).evaluate(query)
        guard case let .chart(chart) = value else { Issue.record("not a chart"); return "" }
        return ChartSVG.render(chart, style: .vi)
    }

    @Test("SVG is well-formed XML", arguments: [
        "chart(series(learning_family, \"Liên Hương\"), series(learning_community, \"Liên Hương\"), of: \"rate\")",
        "chart(series(fund_raised, \"Kiên Hải\"), title: \"Quỹ <khuyến học> & “tài”\")",
        "rank(learning_family) | bars(\"rate\")",
        "compare(\"Bình Thạnh\", \"Bắc Kạn\") | where compared == \"rate\" | bars(\"difference\", label: \"indicator\")",
    ])
    func wellFormed(_ query: String) throws {
        let parser = XMLParser(data: Data(try svg(query).utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("a golden chart: Liên Hương's learning families and communities, gaps not joined, target dashed")
    func golden() throws {
        let text = try svg("chart(series(learning_family, \"Bình Thạnh\"), series(learning_family, \"Liên Hương\"), of: \"rate\", title: \"Gia đình học tập\")")
        let url = notebookTests.appendingPathComponent("Golden/learning-family-rates.svg")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try text.write(to: url, atomically: true, encoding: .utf8) }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
        #expect(!text.contains("<polyline"), "2016 and 2018 must not be joined across the missing 2017")
        #expect(text.contains("stroke-dasharray"), "Bình Thạnh's 75% target is drawn dashed")
        #expect(text.contains("Bình Thạnh"))
    }
}

/// Runs python3 with arguments (and extra environment); returns the status and the output.
func runPython(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("The Jupyter kernel")
struct KernelTests {
    @Test("the back end answers one JSON line per request, with the runner's outputs")
    func backend() throws {
        let binary = try #require(builtProduct("khuyenhoc"))
        let process = Process()
        process.executableURL = binary
        process.arguments = ["kernel"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("{\"code\": \"rate(learning_family, \\\"Bình Thạnh\\\", 2022)\"}\nnot json\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let reply = try JSON.parse(lines[0])
        #expect(reply["execution_count"] == .number(1))
        var runner = NotebookRunner(dataset: try Dataset.embedded())
        #expect(reply["outputs"] == .array(runner.execute("rate(learning_family, \"Bình Thạnh\", 2022)").outputs))
        #expect(try JSON.parse(lines[1])["error"] != nil)
    }

    @Test("a notebook executed through Jupyter (nbclient, jupyter_client, the kernel) gets the runner's outputs", arguments: notebookFiles)
    func jupyter(_ name: String) throws {
        let binary = try #require(builtProduct("khuyenhoc"))
        let spec = FileManager.default.temporaryDirectory.appendingPathComponent("khq-jupyter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: spec.appendingPathComponent("kernels/khuyenhoc"), withIntermediateDirectories: true)
        let (_, python) = try runPython(["-c", "import sys; print(sys.executable)"])
        let kernelJSON = "{\"argv\": [\"\(python.trimmingCharacters(in: .whitespacesAndNewlines))\", \"-m\", \"khuyenhoc_kernel\", \"-f\", \"{connection_file}\"], \"display_name\": \"khuyenhoc\", \"language\": \"khuyenhoc\"}"
        try kernelJSON.write(to: spec.appendingPathComponent("kernels/khuyenhoc/kernel.json"), atomically: true, encoding: .utf8)
        let environment = ["JUPYTER_PATH": spec.path, "PYTHONPATH": repository.appendingPathComponent("kernel").path, "KHUYENHOC": binary.path]
        let (status, output) = try runPython([notebookTests.appendingPathComponent("run_with_kernel.py").path,
                                              repository.appendingPathComponent("Notebooks/\(name)").path], environment: environment)
        #expect(status == 0 && output.contains("same outputs"), "\(output)")
    }
}

@Suite("Hostile notebook and chart inputs")
struct HostileInputTests {
    @Test("a notebook whose nbformat_minor is not a whole number loads instead of trapping")
    func hugeMinor() throws {
        let notebook = try Notebook(json: JSON.parse("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 1e999}"))
        #expect(notebook.minor == 4)
        #expect(JSON.number(.infinity).serialized() == "null\n")
    }

    @Test("axis ticks stay few however large the values", arguments: ["1e30", "1e300", "7", "0.001"])
    func ticks(_ high: String) throws {
        let value = try QuerySession(dataset: try Dataset.embedded()).evaluate("table([\(high), 0]) | bars(\"value\")")
        guard case let .chart(chart) = value else { Issue.record("not a chart"); return }
        let gridlines = ChartSVG.render(chart, style: .vi).components(separatedBy: "stroke=\"#e0e0e0\"").count - 1
        #expect(gridlines >= 2 && gridlines <= 12, "\(gridlines) ticks for \(high)")
    }
}
