// swift-tools-version:6.1
// khuyenhoc: analytics library and query shell for Vietnam's learning-society statistics.
import PackageDescription

let package = Package(
    name: "khuyenhoc",
    products: [
        .library(name: "LearningGeography", targets: ["LearningGeography"]),
        .library(name: "LearningData", targets: ["LearningData"]),
        .library(name: "LearningTrends", targets: ["LearningTrends"]),
        .library(name: "LearningTargets", targets: ["LearningTargets"]),
        .library(name: "LearningRanking", targets: ["LearningRanking"]),
        .library(name: "LearningEngine", targets: ["LearningEngine"]),
        .library(name: "LearningQuery", targets: ["LearningQuery"]),
        .library(name: "LearningShell", targets: ["LearningShell"]),
        .library(name: "LearningNotebook", targets: ["LearningNotebook"]),
        .library(name: "LearningSynth", targets: ["LearningSynth"]),
        .library(name: "LearningExtract", targets: ["LearningExtract"]),
        .executable(name: "khuyenhoc", targets: ["khuyenhoc"]),
        .executable(name: "khuyenhoc-bench", targets: ["KhuyenhocBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Vietnam's map before and after the 2025 reorganisation: units, codes, lifetimes, successors;
        // administrative kinds and levels; Vietnamese text folding for names.
        .target(
            name: "LearningGeography",
            plugins: [.plugin(name: "EmbedSeeds")]
        ),
        // The data model: regions, indicators, observations, the columnar dataset, Vietnamese numbers.
        .target(
            name: "LearningData",
            dependencies: ["LearningGeography"],
            plugins: [.plugin(name: "EmbedSeeds")]
        ),
        // Time series: gaps, fills, change, growth, trend, roll-ups up the hierarchy, outliers.
        .target(name: "LearningTrends", dependencies: ["LearningData"]),
        // Targets against actuals, the stated-percentage checker, validation rules, next-year targets.
        .target(name: "LearningTargets", dependencies: ["LearningData"]),
        // Ranking regions, rank changes, composite indexes, side-by-side comparison.
        .target(name: "LearningRanking", dependencies: ["LearningData"]),
        // Column kernels: truth and number columns, selection, hash grouping, aggregates by group,
        // sort permutations, work split over the cores. Knows nothing of the language or the data.
        .target(name: "LearningEngine"),
        // The query language: lexer, parser, name resolution, evaluator, rendering. Pure: text in, value out.
        .target(name: "LearningQuery", dependencies: ["LearningEngine", "LearningData", "LearningTrends", "LearningTargets", "LearningRanking"]),
        // GNU readline, a system library (apt libreadline-dev, brew readline).
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]
        ),
        // The interactive shell: commands, completion, history, interruption; the only module that imports readline.
        .target(name: "LearningShell", dependencies: ["LearningQuery", "LearningExtract", "CReadline"]),
        // Notebooks: nbformat 4 files run, checked and exported; the Jupyter kernel's back end.
        .target(name: "LearningNotebook", dependencies: ["LearningQuery"]),
        // Reading reports: the figures of a report's prose drafted as rows of figures.csv.
        .target(name: "LearningExtract", dependencies: ["LearningData"]),
        // A deterministic synthetic national dataset, for scale tests and benchmarks.
        .target(name: "LearningSynth", dependencies: ["LearningData"]),
        // Build-time tool: turns the files of seeds/ into Swift string literals (no run-time file access).
        .executableTarget(name: "EmbedSeedsTool"),
        .plugin(
            name: "EmbedSeeds",
            capability: .buildTool(),
            dependencies: ["EmbedSeedsTool"]
        ),
        .executableTarget(
            name: "khuyenhoc",
            dependencies: ["LearningQuery", "LearningShell", "LearningNotebook", "LearningSynth", "LearningExtract", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The benchmark's timing harness (Benchmarks/compare.py runs it beside polars and DuckDB).
        .executableTarget(name: "KhuyenhocBench", dependencies: ["LearningQuery", "LearningShell"]),
        // Helpers shared by the tests (a deterministic generator, tolerant comparison).
        .target(name: "TestSupport", dependencies: ["LearningSynth"], path: "Tests/TestSupport"),
        .testTarget(name: "LearningGeographyTests", dependencies: ["LearningGeography", "TestSupport"]),
        .testTarget(name: "LearningDataTests", dependencies: ["LearningData", "TestSupport"]),
        .testTarget(name: "LearningTrendsTests", dependencies: ["LearningTrends", "TestSupport"]),
        .testTarget(name: "LearningTargetsTests", dependencies: ["LearningTargets", "TestSupport"]),
        .testTarget(name: "LearningRankingTests", dependencies: ["LearningRanking", "LearningTrends", "LearningTargets", "TestSupport"]),
        .testTarget(name: "LearningEngineTests", dependencies: ["LearningEngine", "TestSupport"]),
        .testTarget(name: "LearningQueryTests", dependencies: ["LearningQuery", "TestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "LearningShellTests", dependencies: ["LearningShell", "TestSupport"]),
        .testTarget(name: "LearningSynthTests", dependencies: ["LearningSynth", "TestSupport"]),
        .testTarget(name: "LearningExtractTests", dependencies: ["LearningExtract", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LearningNotebookTests", dependencies: ["LearningNotebook", "TestSupport"], exclude: ["Golden", "run_with_kernel.py"]),
    ],
    swiftLanguageModes: [.v6]
)
