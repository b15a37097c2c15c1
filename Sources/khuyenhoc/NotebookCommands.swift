import ArgumentParser
import Foundation
import LearningData
import LearningNotebook

/// `khuyenhoc notebook run|check|export`.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khuyenhoc notebook", abstract: "Run, check and export notebooks whose code cells are queries.",
        subcommands: [Run.self, Check.self, Export.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every code cell in order in a fresh session and write the outputs into the notebook (atomically).")
        @Option(help: ArgumentHelp("Use a dataset of your own.", valueName: "path")) var data: String?
        @Argument(help: "Notebooks (.ipynb).") var files: [String]

        func run() throws {
            let dataset = try loadDataset(data)
            for file in files {
                var runner = NotebookRunner(dataset: dataset)
                let notebook = try Notebook.load(file)
                try runner.run(notebook).save(file)
                print("ran \(file)")
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
            try Data(NotebookExport.render(notebook, as: to, title: title).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            print("wrote \(path)")
        }
    }
}

extension NotebookExport.Format: ExpressibleByArgument {}
extension NotebookError: LocalizedError {
    public var errorDescription: String? { message }
}

func loadDataset(_ path: String?) throws -> Dataset {
    do { return try path.map { p throws(DatasetLoadError) in try DatasetLoader.load(from: p) } ?? Dataset.embedded() } catch {
        throw ValidationError("\(error)")
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
            let code = NotebookCommand.exitCode(for: error)
            if code == .success { print(NotebookCommand.helpMessage(for: NotebookCommand.self)); return 0 }
            if code.rawValue == 1 { return 1 }
            if let e = error as? NotebookError { FileHandle.standardError.write(Data("\(e)\n".utf8)); return 1 }
            FileHandle.standardError.write(Data((NotebookCommand.fullMessage(for: error) + "\n").utf8))
            return code == .validationFailure ? 2 : 1
        }
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
