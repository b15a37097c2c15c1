// khuyenhoc: runs queries from -c, a script or standard input; on a terminal with nothing to run,
// opens the interactive shell.
import ArgumentParser
import Foundation
import LearningData
import LearningQuery
import LearningShell

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    exit(code)
}

func decodeOrExit(_ bytes: [UInt8], name: String) -> String {
    do { return try ScriptText.decode(bytes, name: name) } catch { fail("\(error)", code: 1) }
}

DatasetLoader.tuneAllocatorForLargeLoads()
if let status = runSubcommand(Array(CommandLine.arguments.dropFirst())) { exit(status) }

let options: Options
do {
    options = try Options.parse()
} catch {
    if Options.exitCode(for: error) == .success {
        print(Options.helpMessage())
        exit(0)
    }
    fail(Options.fullMessage(for: error), code: 2)
}

let dataset: Dataset
do {
    dataset = try loadData(options.data, withSeeds: options.withSeeds)
} catch {
    fail("\(error)", code: 1)
}

let session = QuerySession(dataset: dataset, settings: OutputSettings(format: options.format, style: options.locale,
                                                                        maxRows: options.format == .table || options.format == .markdown ? 40 : nil),
                           cancellation: interruptFlag, memoryLimit: options.memoryLimit)
let program: (text: String, name: String)
if let command = options.command {
    program = (command, "<command>")
} else if let script = options.script {
    guard let bytes = FileManager.default.contents(atPath: script) else { fail("khuyenhoc: cannot read \(script)", code: 2) }
    program = (decodeOrExit([UInt8](bytes), name: script), script)
} else if isatty(STDIN_FILENO) == 0 {
    program = (decodeOrExit([UInt8](FileHandle.standardInput.readDataToEndOfFile()), name: "<stdin>"), "<stdin>")
} else {
    if !options.settings.isEmpty { fail("khuyenhoc: --set gives a script's parameters values: give the script too (khuyenhoc compare.khq --set a=…), or use :load FILE a: … in the shell", code: 2) }
    exit(Interactive.run(session))
}

// Every --set is read and checked against the script's parameters before anything runs.
var arguments: [ScriptArgument] = []
do {
    for setting in options.settings { arguments.append(try session.scriptArgument(setting: setting)) }
    try session.checkArguments(arguments, for: program.text, name: program.name)
} catch {
    fail("\(error)", code: 2)
}

var failed = false
var printedAny = false
for outcome in session.run(program.text, name: program.name, stopAtFirstError: options.bail, file: options.script, arguments: arguments) {
    for warning in outcome.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
    if let error = outcome.error {
        failed = true
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        continue
    }
    guard !outcome.quiet, let value = outcome.value else { continue }
    if printedAny { print("") }
    print(session.render(value))
    printedAny = true
}
exit(failed ? 1 : 0)
