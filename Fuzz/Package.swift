// swift-tools-version:6.1
// khuyenhoc's fuzz targets: one small libFuzzer executable per entry point, in a package of their own so
// that the main package's `swift build --build-tests` and `swift test` never build or link them.
//
// Build (what scripts/fuzz.sh does):
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
// `-Xswiftc -sanitize=fuzzer,address` instruments every module, the library's too, for coverage and
// AddressSanitizer, and links libFuzzer. Not SwiftPM's `--sanitize fuzzer --sanitize address`: it hands
// the driver two flags of which only the last counts (no coverage), and `--sanitize fuzzer` compiles
// every executable as a library, the seeds-embedding build tool too, which then fails. Each target keeps
// its own `main` and starts libFuzzer from it (FuzzDriver). `-enable-testing` lets the targets reach the
// readers the library keeps internal (`@testable import`).
import PackageDescription

/// An executable that exports `LLVMFuzzerTestOneInput` and whose `main` starts libFuzzer on it.
func fuzzTarget(_ name: String, _ libraries: [String]) -> Target {
    .executableTarget(name: name, dependencies: libraries.map(library) + ["FuzzSupport"])
}

/// A library product of the main package.
func library(_ name: String) -> Target.Dependency { .product(name: name, package: "khuyenhoc") }

let package = Package(
    name: "khuyenhoc-fuzz",
    dependencies: [
        .package(name: "khuyenhoc", path: ".."),
    ],
    targets: [
        // What the targets share: the input as bytes, the seeds, invariant checks, the two figures readers side by side.
        .target(name: "FuzzSupport", dependencies: [library("LearningData"), library("LearningQuery"), "CLibFuzzer"]),
        // The declaration of libFuzzer's driver, which the targets' `main` calls.
        .target(name: "CLibFuzzer"),
        // Lexer, parser and name resolution of the query language.
        fuzzTarget("FuzzQuery", ["LearningData", "LearningQuery"]),
        // Whole queries evaluated over the embedded seeds, each under a time budget.
        fuzzTarget("FuzzEvaluate", ["LearningData", "LearningQuery"]),
        // figures.csv: the sequential reader and the fast stream reader, which must agree.
        fuzzTarget("FuzzFigures", ["LearningData"]),
        // regions.csv, then the seeds' figures read against the regions it gives.
        fuzzTarget("FuzzRegions", ["LearningData"]),
        // The notebook JSON reader and writer, notebooks, and the kernel's request loop.
        fuzzTarget("FuzzNotebookJSON", ["LearningData", "LearningQuery", "LearningNotebook"]),
    ],
    swiftLanguageModes: [.v6]
)
