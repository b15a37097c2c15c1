import ArgumentParser
import Foundation
import LearningData
import LearningExtract

/// `khuyenhoc extract REPORT.txt`: the figures of a report's prose, drafted as rows of figures.csv.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "khuyenhoc extract",
        abstract: "Draft the figures of a report's text as rows of figures.csv, each with its verbatim quote, a confidence and the words that decided it.")

    @Option(help: "csv, table or json.") var format: DraftFormat = .csv
    @Option(help: ArgumentHelp("The report's region when its text leaves it open (a name or id).", valueName: "name")) var region: String?
    @Option(help: ArgumentHelp("The year of figures whose sentence names none.", valueName: "year")) var year: Int?
    @Option(help: ArgumentHelp("Find regions in this dataset's regions first (a folder or figures file), then on Vietnam's map.", valueName: "path"))
    var data: String?
    @Argument(help: "The report, a UTF-8 text file.") var report: String

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: report) else { throw ValidationError("cannot read \(report)") }
        guard let text = String(validating: [UInt8](bytes), as: UTF8.self) else { throw ValidationError("\(report) is not UTF-8 text") }
        let national = RegionResolver.nationalMap()
        let regions = try data.map { path throws in RegionResolver.either(.gazetteer(try DatasetLoader.load(from: path).gazetteer), national) } ?? national
        let extraction = Extractor(regions: regions).extract(text, document: URL(fileURLWithPath: report).lastPathComponent, region: region, year: year)
        print(DraftWriter.render(extraction.figures, as: format), terminator: "")
    }
}

extension DraftFormat: ExpressibleByArgument {}
