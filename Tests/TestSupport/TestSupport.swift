// Helpers shared by the test targets.

/// A small deterministic random generator (SplitMix64), so property tests are repeatable.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator that always yields the same sequence for the same seed.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
