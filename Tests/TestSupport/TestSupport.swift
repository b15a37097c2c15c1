// Helpers shared by the test targets.

import LearningSynth

/// The deterministic generator of the synthetic dataset, so property tests are repeatable.
public typealias SplitMix64 = SynthRandom

/// Whether `a` equals `b` within a relative tolerance: for figures worked out by hand to many digits.
public func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

#if canImport(Foundation)
import Foundation

/// A product built next to the test bundle (`swift build --build-tests` builds the executables too).
public func builtProduct(_ name: String) -> URL? {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [here, here.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")].map { $0.appendingPathComponent(name) }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}
#endif
