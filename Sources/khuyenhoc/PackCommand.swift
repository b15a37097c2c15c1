import ArgumentParser
import Foundation
import LearningData

/// `khuyenhoc pack DIR`: the dataset read from its CSV and written as `DIR/figures.khpack`, which
/// `--data DIR` then opens in milliseconds while the CSV is unchanged.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "khuyenhoc pack",
        abstract: "Read a dataset folder (or figures file) and write it as one binary file beside it (DIR/figures.khpack), which --data DIR opens by memory-mapping instead of reading the CSV, as long as figures.csv, regions.csv and the documents are unchanged.")
    @Argument(help: "The dataset folder, or a figures file (F.csv gives F.khpack).") var data: String

    func run() throws {
        let started = Date()
        let (path, dataset) = try DatasetPack.pack(data)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("packed \(dataset.count) observations, \(dataset.gazetteer.count) regions and \(dataset.documents.count) documents into \(path) "
              + "(\(size / 1_048_576) MiB, \(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
    }
}

/// The dataset of the command line: the seeds, one folder (from its pack when fresh) or several merged.
func loadData(_ paths: [String], withSeeds: Bool) throws(DatasetLoadError) -> Dataset {
    if paths.isEmpty { return try Dataset.embedded() }
    guard paths.count == 1, !withSeeds else { return try DatasetLoader.load(merging: paths, withSeeds: withSeeds) }
    return try DatasetPack.load(from: paths[0]) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
}
