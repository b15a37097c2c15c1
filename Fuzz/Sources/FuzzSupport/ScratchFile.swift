import Foundation

/// A file of this process's own in the temporary folder, rewritten for each input: the stream reader
/// reads figures from a path only.
public struct ScratchFile: Sendable {
    /// Where the file is.
    public let path: String

    /// A file named after the target and the process, so that parallel runs never share one.
    public init(_ name: String) {
        path = NSTemporaryDirectory() + "khuyenhoc-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier).csv"
    }

    /// Replaces the file's contents; false when it cannot be written (the input is then skipped).
    public func write(_ bytes: [UInt8]) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}
