import ArgumentParser
import Foundation
import LearningData
import LearningExtract

/// `khuyenhoc init DIR`: a new dataset folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "khuyenhoc init",
        abstract: "Make a dataset folder: figures.csv with its header, and documents/ for the reports.")
    @Argument(help: "The folder to make.") var folder: String

    func run() throws {
        _ = try DatasetFolder.create(at: folder)
        print("made \(folder): figures.csv and documents/; add a report with khuyenhoc add REPORT.txt --to \(folder)")
    }
}

/// `khuyenhoc add REPORT.txt --to DIR`: the report copied into the folder, its figures drafted for review.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "khuyenhoc add",
        abstract: "Copy a report into a dataset folder's documents/ and draft its figures into drafts/REPORT.csv for review.")
    @Option(help: ArgumentHelp("The dataset folder.", valueName: "folder")) var to: String
    @Option(help: ArgumentHelp("The report's region when its text leaves it open.", valueName: "name")) var region: String?
    @Option(help: ArgumentHelp("The year of figures whose sentence names none.", valueName: "year")) var year: Int?
    @Argument(help: "The report, a UTF-8 text file.") var report: String

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: report), let text = String(validating: [UInt8](bytes), as: UTF8.self) else {
            throw ValidationError("cannot read \(report) as UTF-8 text")
        }
        let folder = DatasetFolder(to)
        let name = URL(fileURLWithPath: report).lastPathComponent
        try folder.addDocument(text, named: name)
        let national = RegionResolver.nationalMap()
        let regionsFile = to + "/" + DatasetLoader.regionsFileName
        let regions = FileManager.default.fileExists(atPath: regionsFile) ? RegionResolver.either(.gazetteer(try DatasetLoader.load(from: to).gazetteer), national) : national
        let figures = Extractor(regions: regions).extract(text, document: name, region: region, year: year).figures
        let draft = folder.draftsPath + "/" + (name.hasSuffix(".txt") ? String(name.dropLast(4)) : name) + ".csv"
        try AtomicFile.createFolder(folder.draftsPath)
        try AtomicFile.write(DraftWriter.render(figures, as: .csv), to: draft)
        let count = { (c: DraftFigure.Confidence) in figures.filter { $0.confidence == c }.count }
        let unplaced = figures.filter(\.indicator.isEmpty).count
        print("drafted \(figures.count) rows to \(draft): \(count(.high)) high, \(count(.medium)) medium, \(count(.low)) low confidence; \(unplaced) without an indicator (fill it in or delete the row)")
        print("review it, then: khuyenhoc accept \(draft)")
    }
}

/// `khuyenhoc accept DIR/drafts/REPORT.csv`: a reviewed draft appended to the folder's figures.
struct AcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "khuyenhoc accept",
        abstract: "Check a reviewed draft with the loader's rules and append it to the folder's figures.csv (atomically; a draft that fails is refused whole); the draft moves to drafts/accepted/.")
    @Option(help: ArgumentHelp("The dataset folder (by default the folder above the draft's drafts/).", valueName: "folder")) var to: String?
    @Argument(help: "The reviewed draft (.csv).") var draft: String

    func run() throws {
        let draftURL = URL(fileURLWithPath: draft)
        // The folder as the user wrote it, so that messages name it so.
        let parent = (draft as NSString).deletingLastPathComponent
        let above = (parent as NSString).lastPathComponent == "drafts" ? (parent as NSString).deletingLastPathComponent : parent
        let folder = DatasetFolder(to ?? (above.isEmpty ? "." : above))
        let rows = try folder.accept(draft: draft)
        let accepted = folder.draftsPath + "/accepted"
        try AtomicFile.createFolder(accepted)
        try FileManager.default.moveItem(atPath: draft, toPath: accepted + "/" + draftURL.lastPathComponent + (FileManager.default.fileExists(atPath: accepted + "/" + draftURL.lastPathComponent) ? ".\(Int(Date().timeIntervalSince1970))" : ""))
        print("appended \(rows.appended) rows to \(folder.figuresPath); the draft is kept in \(accepted)/"
              + (rows.leftOut == 0 ? "" : "; left out \(rows.leftOut) row\(rows.leftOut == 1 ? "" : "s") without an indicator (give them one and accept them again from a draft of their own)"))
    }
}

extension DatasetFolderError: LocalizedError {
    public var errorDescription: String? { description }
}
