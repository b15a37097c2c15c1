// swift-tools-version:6.1
// khuyenhoc: analytics library and query shell for Vietnam's learning-society statistics.
import PackageDescription

let package = Package(
    name: "khuyenhoc",
    products: [
        .library(name: "LearningData", targets: ["LearningData"]),
        .executable(name: "khuyenhoc", targets: ["khuyenhoc"]),
    ],
    targets: [
        // The data model: regions, indicators, observations, the columnar dataset, Vietnamese numbers and text.
        .target(
            name: "LearningData",
            plugins: [.plugin(name: "EmbedSeeds")]
        ),
        // Build-time tool: turns the files of seeds/ into Swift string literals (no run-time file access).
        .executableTarget(name: "EmbedSeedsTool"),
        .plugin(
            name: "EmbedSeeds",
            capability: .buildTool(),
            dependencies: ["EmbedSeedsTool"]
        ),
        .executableTarget(
            name: "khuyenhoc",
            dependencies: ["LearningData"]
        ),
        .testTarget(
            name: "LearningDataTests",
            dependencies: ["LearningData"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
