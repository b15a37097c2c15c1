import ArgumentParser
import Foundation
import LearningData
import LearningNotebook
import LearningQuery
import LearningSynth

/// `khuyenhoc notebook run|check|export`.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khuyenhoc notebook", abstract: "Run, check and export notebooks whose code cells are queries.",
        subcommands: [Run.self, Check.self, Export.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every code cell in order in a fresh session and write the outputs into the notebook (atomically).")
        @Option(help: ArgumentHelp("Use a dataset of your own.", valueName: "path")) var data: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("Give a parameter of the cell tagged “parameters” a value (as papermill does, a cell tagged “injected-parameters” after it holds the values): --set a=\"Bắc Kạn\".", valueName: "name=value"))
        var settings: [String] = []
        @Argument(help: "Notebooks (.ipynb).") var files: [String]

        func run() throws {
            let dataset = try loadDataset(data)
            let session = QuerySession(dataset: dataset)
            var arguments: [ScriptArgument] = []
            do {
                for setting in settings { arguments.append(try session.scriptArgument(setting: setting)) }
            } catch {
                throw NotebookError("\(error)")
            }
            for file in files {
                var runner = NotebookRunner(dataset: dataset)
                let notebook = try Notebook.load(file).injecting(arguments, checkedBy: session)
                try runner.run(notebook).save(file)
                print("ran \(file)" + (arguments.isEmpty ? "" : " with " + arguments.map { "\($0.name) = \($0.literal)" }.joined(separator: ", ")))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run notebooks in memory and fail, with a diff, when a stored output differs from a fresh run.")
        @Option(help: ArgumentHelp("Use a dataset of your own.", valueName: "path")) var data: String?
        @Argument(help: "Notebooks (.ipynb).") var files: [String]

        func run() throws {
            let dataset = try loadDataset(data)
            var failed = false
            for file in files {
                let differences = NotebookCheck.differences(try Notebook.load(file), dataset: dataset)
                if differences.isEmpty {
                    print("\(file): outputs are up to date")
                } else {
                    failed = true
                    FileHandle.standardError.write(Data("\(file): \(differences.count) cell(s) differ from a fresh run (khuyenhoc notebook run \(file) to update):\n".utf8))
                    for d in differences { FileHandle.standardError.write(Data(d.utf8)) }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a self-contained report (charts inline as SVG).")
        @Option(help: "html or markdown.") var to: NotebookExport.Format = .html
        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write (the notebook's name with .html or .md by default).", valueName: "file")) var output: String?
        @Argument(help: "A notebook (.ipynb).") var file: String

        func run() throws {
            let notebook = try Notebook.load(file)
            let base = file.hasSuffix(".ipynb") ? String(file.dropLast(6)) : file
            let path = output ?? base + (to == .html ? ".html" : ".md")
            let title = URL(fileURLWithPath: base).lastPathComponent
            do { try AtomicFile.write(NotebookExport.render(notebook, as: to, title: title), to: path) } catch { throw NotebookError("\(error)") }
            print("wrote \(path)")
        }
    }
}

extension NotebookExport.Format: ExpressibleByArgument {}
extension NotebookError: LocalizedError {
    public var errorDescription: String? { message }
}

/// The dataset at `path`, or the embedded one; a refused dataset is a data error (status 1, the
/// loader's diagnostics), as for `khuyenhoc --data`, not bad usage.
func loadDataset(_ path: String?) throws(DatasetLoadError) -> Dataset {
    try loadData(path.map { [$0] } ?? [], withSeeds: false)
}

/// Runs `extract`, `init`, `add`, `accept`, `synth` or `pack`: a data problem (a malformed draft, a folder that is not
/// one) is status 1 with its message, bad usage status 2.
func runWorkspace<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Int32 {
    do {
        var command = try type.parseAsRoot(Array(arguments.dropFirst()))
        try command.run()
        return 0
    } catch {
        let code = type.exitCode(for: error)
        if code == .success { print(type.helpMessage()); return 0 }
        if error is DatasetLoadError || error is DatasetFolderError || error is AtomicWriteError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
        FileHandle.standardError.write(Data((type.fullMessage(for: error) + "\n").utf8))
        return code == .validationFailure ? 2 : 1
    }
}

/// Runs the notebook commands and the kernel back end; returns nil when the arguments are neither.
func runSubcommand(_ arguments: [String]) -> Int32? {
    switch arguments.first {
    case "notebook":
        do {
            var command = try NotebookCommand.parseAsRoot(Array(arguments.dropFirst()))
            try command.run()
            return 0
        } catch {
            // Check throws ExitCode(1) after printing its diffs; every other error still has to be shown.
            if let exit = error as? ExitCode { return exit.rawValue }
            let code = NotebookCommand.exitCode(for: error)
            if code == .success { print(NotebookCommand.helpMessage(for: NotebookCommand.self)); return 0 }
            if error is NotebookError || error is DatasetLoadError { FileHandle.standardError.write(Data("\(error)\n".utf8)); return 1 }
            FileHandle.standardError.write(Data((NotebookCommand.fullMessage(for: error) + "\n").utf8))
            return code == .validationFailure ? 2 : 1
        }
    case "synth": return runWorkspace(SynthCommand.self, arguments)
    case "pack": return runWorkspace(PackCommand.self, arguments)
    case "extract": return runWorkspace(ExtractCommand.self, arguments)
    case "init": return runWorkspace(InitCommand.self, arguments)
    case "add": return runWorkspace(AddCommand.self, arguments)
    case "accept": return runWorkspace(AcceptCommand.self, arguments)
    case "kernel":
        do { KernelBackend.serve(dataset: try loadDataset(arguments.count > 2 && arguments[1] == "--data" ? arguments[2] : nil)) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
        return 0
    default:
        return nil
    }
}

/// `khuyenhoc synth`: a deterministic synthetic national dataset.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khuyenhoc synth",
        abstract: "Write a synthetic national dataset (regions.csv and figures.csv, every row marked synthetic) for scale tests and benchmarks.")

    @Option(help: "About how many observations.") var observations = 2_000_000
    @Option(help: "The years, first-last.") var years = "2014-2029"
    @Option(help: "The seed: the same seed gives the same files.") var seed: UInt64 = 20_261_123
    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write.", valueName: "folder")) var output: String
    @Option(name: .customLong("as-of"), help: "The day (or year) whose real map of Vietnam the figures are for: 2024 (the default) gives the 63 provinces, their districts and 10 035 communes; 2026 the 34 provinces and 3 321 communes.")
    var asOf = "2024"
    @Flag(help: "Invented provinces, districts and communes instead of the real map (the benchmark's sizes).") var invented = false

    func run() throws {
        let parts = years.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] <= parts[1], parts[0] > 1900, parts[1] < 2200 else { throw ValidationError("--years is first-last, such as 2014-2029") }
        guard observations > 0, observations <= 200_000_000 else { throw ValidationError("--observations is from 1 to 200 000 000") }
        guard let day = CalendarDay(parsing: asOf) else { throw ValidationError("--as-of is a year (2026) or a date (2025-07-01)") }
        let options = SyntheticDataset.Options.sized(observations, years: parts[0]...parts[1], seed: seed, realMapAsOf: invented ? nil : day)
        let started = Date()
        let rows = try SyntheticDataset.write(to: output, options: options)
        let units: String
        switch options.geography {
        case .invented: units = "\(options.provinces * options.districtsPerProvince * options.communesPerDistrict) invented communes"
        case .real:
            let communes = NationalMap.embedded.units(on: day, level: .commune).count
            units = "the \(communes) real communes of \(day)" + (options.villagesPerCommune > 1 ? ", \(options.villagesPerCommune) made-up villages each" : "")
        }
        print("wrote \(rows) synthetic observations for \(units) in \(output) (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
    }
}
