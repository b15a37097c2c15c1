import Foundation
import PackagePlugin

/// Embeds every `.csv` and `.txt` file of the package's `seeds/` folder into the target as Swift string
/// literals, so the library carries its dataset and source documents and needs no path at run time.
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let seeds = context.package.directoryURL.appending(path: "seeds")
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
