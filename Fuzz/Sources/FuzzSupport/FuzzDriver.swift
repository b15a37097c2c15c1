import CLibFuzzer
import Foundation

/// Starts libFuzzer from a target's own `main`.
///
/// SwiftPM renames an executable's entry point and links `main` to it, so a target without top-level
/// code fails to link unless the whole build is marked `--sanitize fuzzer`, which also compiles the
/// library's build-tool plugin (EmbedSeedsTool) as a library and breaks it. Each target therefore
/// keeps a one-line `main.swift` that calls this, and still exports `LLVMFuzzerTestOneInput` for any
/// other libFuzzer-compatible driver.
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments (corpus folders, `-max_total_time=`, …) and exits with its status.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
