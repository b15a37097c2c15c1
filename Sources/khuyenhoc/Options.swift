import ArgumentParser
import LearningData
import LearningQuery

/// The command line of `khuyenhoc`.
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khuyenhoc",
        abstract: "Query the statistics of Vietnam's learning-society movement.",
        discussion: """
            With -c, runs one query; with a script path, runs the script; with standard input that is not a terminal, runs what it reads; on a terminal with nothing to run, opens the shell. Exit status: 0 when every statement succeeded, 1 on a query error, 2 on bad usage.

            Example: khuyenhoc -c 'rate(learning_family, "Bình Thạnh", 2022)'

            Subcommands, each with its own --help (khuyenhoc extract --help):
              extract REPORT.txt         draft a report's figures as figures.csv rows
              init FOLDER                make a dataset folder
              add REPORT.txt --to FOLDER copy a report in, draft its figures for review
              accept FOLDER/drafts/R.csv append a reviewed draft to figures.csv
              notebook run|check|export  run, check and export notebooks
              kernel                     the Jupyter kernel's back end
              synth -o FOLDER            write a synthetic national dataset
              pack FOLDER                write FOLDER/figures.khpack, which --data FOLDER opens instantly
            """)

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this query and print its result.", valueName: "query"))
    var command: String?

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Number style: vi (2.631; 77,07%) or en (2,631; 77.07%).")
    var locale: NumberStyle = .vi

    @Option(help: ArgumentHelp("Use a dataset folder (figures.csv and regions.csv) or a figures file instead of the embedded one; given several times, the folders are merged into one dataset. A folder's pack (khuyenhoc pack) is opened instead of its CSV while the CSV is unchanged.", valueName: "path"))
    var data: [String] = []

    @Flag(help: "Add the embedded seeds to the --data folders, so that a new report is ranked and compared with the seeds' districts.")
    var withSeeds = false

    @Option(help: ArgumentHelp("The most memory one statement may take before it is stopped (E901), e.g. 2G, 512M, or off; by default half the machine's memory.", valueName: "size"))
    var memoryLimit: MemoryLimit = .default

    @Option(name: .customLong("set"), help: ArgumentHelp("Give a parameter of the script (param NAME = default) a value: --set a=\"Bắc Kạn\" --set year=2017. A value that is not a number, quoted text, true, false, latest or a list is taken as text.", valueName: "name=value"))
    var settings: [String] = []

    @Flag(help: "Stop a script at its first error.")
    var bail = false

    @Argument(help: ArgumentHelp("A script of queries, one statement per line.", valueName: "script"))
    var script: String?

    func validate() throws {
        if command != nil, script != nil { throw ValidationError("give either -c QUERY or a script, not both") }
        if withSeeds, data.isEmpty { throw ValidationError("--with-seeds adds the seeds to a dataset of your own: give it with --data FOLDER (the seeds alone need no option)") }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension NumberStyle: ExpressibleByArgument {}
extension MemoryLimit: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public var defaultValueDescription: String { "half the machine's memory" }
}
