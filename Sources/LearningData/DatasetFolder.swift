import Foundation

/// A dataset folder as an analyst's workspace: `figures.csv`, `documents/` for the reports, `drafts/`
/// for figures drafted from them awaiting review. Every write is atomic; a draft is appended only when
/// the folder's figures with it load under every rule of the loader.
public struct DatasetFolder: Sendable {
    /// The folder's path.
    public let path: String

    /// The folder at a path (which ``create(at:)`` makes).
    public init(_ path: String) { self.path = path }

    public var figuresPath: String { path + "/" + DatasetLoader.figuresFileName }
    public var documentsPath: String { path + "/documents" }
    public var draftsPath: String { path + "/drafts" }

    /// The columns of a new `figures.csv`, in the loader's order.
    public static let header = (FiguresFileReader.optional.prefix(1) + FiguresFileReader.required + FiguresFileReader.optional.dropFirst()).joined(separator: ",")

    /// Makes a new folder with an empty `figures.csv` (its header) and `documents/`; an existing
    /// `figures.csv` is never overwritten.
    public static func create(at path: String) throws(DatasetFolderError) -> DatasetFolder {
        let folder = DatasetFolder(path)
        guard !FileManager.default.fileExists(atPath: folder.figuresPath) else {
            throw DatasetFolderError("\(folder.figuresPath) exists already: \(path) is a dataset folder; add reports to it with khuyenhoc add REPORT --to \(path)")
        }
        do {
            try AtomicFile.createFolder(path)
            try AtomicFile.createFolder(folder.documentsPath)
            try AtomicFile.write(header + "\n", to: folder.figuresPath)
        } catch {
            throw DatasetFolderError("\(error)")
        }
        return folder
    }

    /// Copies a report into `documents/` under its file name; the same text there already is kept, a
    /// different one is refused (a figure's quotes must keep pointing at the text they were taken from).
    public func addDocument(_ text: String, named name: String) throws(DatasetFolderError) {
        guard FileManager.default.fileExists(atPath: figuresPath) else {
            throw DatasetFolderError("\(path) is not a dataset folder (no figures.csv): make one with khuyenhoc init \(path)")
        }
        guard !name.contains("/"), !name.hasPrefix("."), !name.isEmpty else { throw DatasetFolderError("“\(name)” is not a plain file name") }
        let target = documentsPath + "/" + name
        if let existing = FileManager.default.contents(atPath: target) {
            guard existing == Data(text.utf8) else {
                throw DatasetFolderError("\(target) exists with another text: rename the report, or remove the old one and the figures quoting it")
            }
            return
        }
        do {
            try AtomicFile.createFolder(documentsPath)
            try AtomicFile.write(text, to: target)
        } catch {
            throw DatasetFolderError("\(error)")
        }
    }

    /// Appends a reviewed draft to `figures.csv`: its columns matched by name to the file's (columns
    /// the file lacks, such as the extractor's `x_confidence`, are left out), every row checked with
    /// the loader's rules on its own (errors name the draft's lines) and with the folder's figures
    /// (nothing is appended unless all load). Rows without an indicator (numbers the extractor could not
    /// place) are left out. Returns how many rows were appended and how many left out.
    @discardableResult
    public func accept(draft draftPath: String) throws(DatasetFolderError) -> (appended: Int, leftOut: Int) {
        var leftOut = 0
        guard let draftData = FileManager.default.contents(atPath: draftPath), let existing = FileManager.default.contents(atPath: figuresPath) else {
            throw DatasetFolderError("cannot read \(draftPath) or \(figuresPath)")
        }
        let rows: [[String]]
        let header: [String]
        do {
            (header, rows) = try DraftTable.read(SourceFile(name: draftPath, bytes: [UInt8](draftData)))
        } catch {
            throw DatasetFolderError(rendered: "\(error)")
        }
        let target = try DraftTable.header(of: SourceFile(name: figuresPath, bytes: [UInt8](existing)))
        // A row the extractor could not place (no indicator) is the reviewer's to fill in; until then it
        // is left out, and said so, rather than refusing the rest.
        let indicator = header.firstIndex(of: "indicator")
        let placed = rows.filter { row in indicator.map { !row[$0].trimmingWhitespace.isEmpty } ?? true }
        leftOut = rows.count - placed.count
        let moved = DraftTable.csv(header: target, rows: placed.map { row in target.map { name in header.firstIndex(of: name).map { row[$0] } ?? "" } })
        do {
            // The draft alone first, so that errors name its own lines; then the folder with it.
            _ = try DatasetLoader.check(figures: SourceFile(name: draftPath, bytes: [UInt8](moved.utf8)), inFolder: path)
            var combined = [UInt8](existing)
            if let last = combined.last, last != 0x0A { combined.append(0x0A) }
            combined += moved.utf8.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(Array.init) ?? []
            _ = try DatasetLoader.check(figures: SourceFile(name: figuresPath + " with " + draftPath, bytes: combined), inFolder: path)
            try AtomicFile.write(combined, to: figuresPath)
        } catch let error as DatasetLoadError {
            throw DatasetFolderError(rendered: "\(error)\nnothing was appended to \(figuresPath)")
        } catch {
            throw DatasetFolderError("\(error)")
        }
        return (rows.count - leftOut, leftOut)
    }
}

/// A workspace error: a message for the user, nothing written.
public struct DatasetFolderError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Whether `message` is rendered diagnostics with their own “error:” labels.
    public let isRendered: Bool
    public init(_ message: String) { self.message = message; isRendered = false }
    public init(rendered: String) { message = rendered; isRendered = true }
    public var description: String { isRendered ? message : "error: \(message)" }
}

/// A draft's CSV read as rows of text, and written back.
enum DraftTable {
    static func read(_ file: SourceFile) throws(Diagnostic) -> (header: [String], rows: [[String]]) {
        var reader = CSVReader(bytes: file.bytes, file: file.name)
        guard let first = try reader.nextRecord() else { throw Diagnostic(message: "\(file.name) is empty", location: SourceLocation(file: file.name, line: 1, column: 1)) }
        var header: [String] = []
        for field in first { header.append(try reader.text(of: field)) }
        var rows: [[String]] = []
        while let record = try reader.nextRecord() {
            var row: [String] = []
            for field in record { row.append(try reader.text(of: field)) }
            while row.count < header.count { row.append("") }
            rows.append(row)
        }
        return (header, rows)
    }

    static func header(of file: SourceFile) throws(DatasetFolderError) -> [String] {
        do { return try read(file).header } catch { throw DatasetFolderError(rendered: "\(error)") }
    }

    static func csv(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
