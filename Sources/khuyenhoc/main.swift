// khuyenhoc: for now, a summary of a dataset (the embedded seeds, or `--data PATH`).
// The query language and the shell replace this with the real front end.
import Foundation
import LearningData

let arguments = Array(CommandLine.arguments.dropFirst())
let dataset: Dataset
do {
    switch arguments.count {
    case 0:
        dataset = try Dataset.embedded()
    case 2 where arguments[0] == "--data":
        dataset = try DatasetLoader.load(from: arguments[1])
    default:
        FileHandle.standardError.write(Data("usage: khuyenhoc [--data FOLDER|FIGURES.csv]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
print(DatasetSummary(dataset).text(style: .vi))
