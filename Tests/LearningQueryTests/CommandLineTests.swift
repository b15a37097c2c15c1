import Foundation
import Testing
import TestSupport

/// The built `khuyenhoc` executable (built with the tests by `swift build --build-tests`).
func executable() throws -> URL {
    try #require(builtProduct("khuyenhoc"), "build khuyenhoc first")
}

/// Runs khuyenhoc with arguments and standard input; returns status, standard output and error.
func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

@Suite("The khuyenhoc command", .serialized)
struct CommandLineTests {
    @Test("-c runs one query: exit 0 and the result on standard output")
    func command() throws {
        let r = try run(["-c", "rate(learning_family, \"Bình Thạnh\", 2022)"])
        #expect(r.status == 0)
        #expect(r.out == "77,07%\n")
        #expect(r.err.isEmpty)
        let en = try run(["-c", "rate(learning_family, \"Bình Thạnh\", 2022)", "--locale", "en"])
        #expect(en.out == "77.07%\n")
    }

    @Test("a query error: exit 1, the diagnostic on standard error")
    func queryError() throws {
        let r = try run(["-c", "rate(learning_famly, \"Bình Thạnh\", 2022)"])
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("error[E201]: unknown name “learning_famly”"))
        #expect(r.err.contains("did you mean `learning_family`?"))
    }

    @Test("bad usage: exit 2", arguments: [["--format", "xml", "-c", "1"], ["-c", "1", "script.khq"], ["--no-such-flag"], ["/nonexistent/script.khq"]])
    func usage(_ arguments: [String]) throws {
        #expect(try run(arguments).status == 2)
    }

    @Test("a script from standard input: no prompt, no echo, every result; --format csv")
    func stdin() throws {
        let r = try run(["--format", "csv"], stdin: "let r = rank(learning_family)\nr | select region, year\n")
        #expect(r.status == 0)
        #expect(r.out == "region,year\r\nBắc Kạn,2017\r\nBình Thạnh,2022\n")
    }

    @Test("a script file; with --bail it stops at the first error")
    func script() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("khuyenhoc-\(UUID().uuidString).khq")
        try "rate(learning_family, \"Bắc Kạn\", 2017)\n1 + 1\n".write(to: url, atomically: true, encoding: .utf8)
        let all = try run([url.path])
        #expect(all.status == 1)
        #expect(all.out == "2\n")
        #expect(all.err.contains("\(url.path):1:23: error[E302]"))
        let bail = try run(["--bail", url.path])
        #expect(bail.status == 1)
        #expect(bail.out.isEmpty)
    }

    @Test("--data uses a user's dataset; a malformed one is refused with its location")
    func data() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khuyenhoc-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "region,indicator,year,value\nbinh thanh,members,2030,7\n".write(to: folder.appendingPathComponent("figures.csv"), atomically: true, encoding: .utf8)
        let ok = try run(["--data", folder.appendingPathComponent("figures.csv").path, "-c", "value(members, \"Bình Thạnh\", 2030)"])
        #expect(ok.status == 0)
        #expect(ok.out == "7\n")
        try "region,indicator,year,value\nbinh thanh,members,2030,7.5\n".write(to: folder.appendingPathComponent("figures.csv"), atomically: true, encoding: .utf8)
        let bad = try run(["--data", folder.appendingPathComponent("figures.csv").path, "-c", "1"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("figures.csv:2:"))
    }

    @Test("notebook commands report a file they cannot read, with status 1")
    func notebookMissingFile() throws {
        let r = try run(["notebook", "check", "/nonexistent/khuyenhoc.ipynb"])
        #expect(r.status == 1)
        #expect(r.err.contains("cannot read /nonexistent/khuyenhoc.ipynb"))
    }

    @Test("--data given twice merges the folders (none is dropped); --with-seeds adds the seeds; a part that fails is named")
    func dataTwice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khq-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "region,indicator,year,value\nho-chi-minh/binh-thanh,members,2023,53000\n".write(to: folder.appendingPathComponent("figures.csv"), atomically: true, encoding: .utf8)
        let seeds = packageRoot.appendingPathComponent("seeds").path
        let merged = try run(["--data", seeds, "--data", folder.path, "-c", "count(figures)"])
        #expect(merged.status == 0 && merged.out == "96\n", "\(merged.err)")
        let withSeeds = try run(["--data", folder.path, "--with-seeds", "-c", "series(members, \"Bình Thạnh\") | select year, value"])
        #expect(withSeeds.status == 0 && withSeeds.out.contains("│ 2022 │ 52.873 │") && withSeeds.out.contains("│ 2023 │ 53.000 │"), "\(withSeeds.err)")
        let missing = try run(["--data", seeds, "--data", "/nonexistent/data", "-c", "1"])
        #expect(missing.status == 1 && missing.err.contains("/nonexistent/data"))
        #expect(try run(["--with-seeds", "-c", "1"]).status == 2)
    }

    @Test("--memory-limit takes a size as people write it and refuses what is not one")
    func memoryLimitOption() throws {
        #expect(try run(["--memory-limit", "2 parsecs", "-c", "1"]).status == 2)
        let (status, out, _) = try run(["--memory-limit", "1G", "-c", "1 + 1"])
        #expect(status == 0 && out == "2\n")
    }

    @Test("--help shows the usage and exits 0")
    func help() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        #expect(r.out.contains("USAGE: khuyenhoc"))
        // It used to name none of the subcommands.
        for subcommand in ["extract REPORT.txt", "notebook run|check|export", "kernel", "synth -o FOLDER"] { #expect(r.out.contains(subcommand)) }
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.hasPrefix("USAGE") })
    }

    @Test("extract drafts a report as figures.csv rows; a report it cannot read is an error")
    func extract() throws {
        let report = packageRoot.appendingPathComponent("seeds/001_56ab86ef1f56db90.txt").path
        let r = try run(["extract", report, "--data", packageRoot.appendingPathComponent("seeds").path])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("document,region,indicator,year,period,scope,value,value_max,base,base_kind,target,stated_percent") == true)
        #expect(lines.contains { $0.contains("ho-chi-minh/binh-thanh,learning_family,2022,,,51119,,66328,registered,75%,\"77,07%\"") })
        let table = try run(["extract", report, "--format", "table"])
        #expect(table.status == 0 && table.out.contains("learning_family"))
        let missing = try run(["extract", "/nonexistent/report.txt"])
        #expect(missing.status == 2 && missing.err.contains("cannot read"))
    }
}

@Suite("Scripts with parameters on the command line", .serialized)
struct CommandLineParameterTests {
    static let compare = packageRoot.appendingPathComponent("docs/examples/compare.khq").path

    @Test("--set gives a parameter a value, with or without the quotes the shell takes away")
    func set() throws {
        let plain = try run([Self.compare])
        #expect(plain.status == 0, "\(plain.err)")
        #expect(plain.out.contains("│ Bình Thạnh │") && plain.out.contains("difference = Bình Thạnh − Bắc Kạn"))
        let fixture = testsFolder.appendingPathComponent("Fixtures/province-a").path
        for a in ["Tây Hà", "\"Tây Hà\""] {
            let r = try run(["--data", fixture, Self.compare, "--set", "a=\(a)", "--set", "b=Kê Sát"])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("difference = Tây Hà − Kê Sát"))
        }
    }

    @Test("an unknown or ill-typed --set stops before anything runs, with status 2 and the place")
    func refused() throws {
        let unknown = try run([Self.compare, "--set", "c=Bắc Kạn"])
        #expect(unknown.status == 2)
        #expect(unknown.out.isEmpty)
        #expect(unknown.err.contains("error[E134]") && unknown.err.contains("its parameters: a, b") && unknown.err.contains("c=Bắc Kạn"))
        let script = temporaryFile("year.khq", "param year: year = latest\nrank(learning_family, year: year)\n")
        let wrong = try run([script, "--set", "year=lastest"])
        #expect(wrong.status == 2 && wrong.err.contains("error[E135]") && wrong.err.contains("^~~~~~~"))
        let given = try run([script, "--set", "year=2017"])
        #expect(given.status == 0 && given.out.contains("│    1 │ Bắc Kạn │ 2017 │"), "\(given.out)\(given.err)")
        let piped = try run(["--set", "a=1"], stdin: "1 + 1\n")
        #expect(piped.status == 2 && piped.err.contains("<stdin> declares no parameters"))
    }

    @Test("the README's join: the dataset with a population table from CSV")
    func join() throws {
        let csv = packageRoot.appendingPathComponent("docs/examples/population.csv").path
        let r = try run(["-c", "rank(learning_family, year: latest) | join left read_csv(\"\(csv)\") on region | select rank, region, rate, population"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("│ Bình Thạnh │ 77,07% │    500.000 │"))
    }

    private func temporaryFile(_ name: String, _ text: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("khq-\(UUID().uuidString)-\(name)").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

@Suite("Reports in: a new report to a ranking beside the seeds", .serialized)
struct ReportsInCommandLineTests {
    @Test("add, accept and --with-seeds: a district report the seeds do not hold is ranked with the seeds' districts")
    func newReport() throws {
        let report = packageRoot.appendingPathComponent("Tests/LearningExtractTests/Fixtures/workflow/son-duong-2023.txt").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khq-reports-\(UUID().uuidString)").path
        #expect(try run(["init", folder]).status == 0)
        let add = try run(["add", report, "--to", folder])
        #expect(add.status == 0 && add.out.contains("drafted 18 rows"), "\(add.out)\(add.err)")
        let accept = try run(["accept", folder + "/drafts/son-duong-2023.csv"])
        #expect(accept.status == 0 && accept.out.contains("appended 17 rows") && accept.out.contains("left out 1 row without an indicator"), "\(accept.out)\(accept.err)")
        let rank = try run(["--data", folder, "--with-seeds", "-c", "rank(learning_family, year: latest, level: \"district\")"])
        #expect(rank.status == 0, "\(rank.err)")
        #expect(rank.out.contains("│    2 │ Sơn Dương  │ 2023 │ 87,83% │"), "\(rank.out)")
        // Accepting the same draft again is refused: it moved to drafts/accepted/.
        #expect(try run(["accept", folder + "/drafts/son-duong-2023.csv"]).status != 0)
    }
}
