import Foundation
import PackagePlugin

/// Embeds every `.csv` and `.txt` file of one folder into the target as Swift string literals, so the
/// library carries its data and needs no path at run time: `seeds/` for LearningData (the dataset and
/// its source documents), `seeds/geography/` for LearningGeography (the national map).
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.name == "LearningGeography" ? "seeds/geography" : "seeds"
        let seeds = context.package.directoryURL.appending(path: folder)
        let files = try FileManager.default
            .contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)
            .filter { ["csv", "txt"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSeeds.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) seed files into \(target.name)",
                executable: try context.tool(named: "EmbedSeedsTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
