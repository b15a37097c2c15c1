/// Why a dataset pack was not used. Each names the file; the CLI then reads the CSV instead.
public struct DatasetPackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pack file.
    public let path: String
    /// What is wrong with it.
    public let problem: Problem

    /// What can be wrong with a pack.
    public enum Problem: Sendable, Equatable {
        /// It could not be opened or mapped (the system's reason).
        case unreadable(String)
        /// It does not start with a pack's magic bytes.
        case notAPack
        /// It was written in another version of the format (found, this build's).
        case version(found: UInt32, expected: UInt32)
        /// It was written on a machine of the other byte order.
        case byteOrder
        /// It is shorter than its header says (actual and expected bytes), or a section runs past its end.
        case truncated(actual: Int, expected: Int)
        /// A section's bytes do not match its checksum, or do not decode (the section, the reason).
        case damaged(section: String, reason: String)
        /// A file it was made from changed since (the file, what changed).
        case stale(source: String, change: String)
        /// Writing it failed.
        case write(String)
    }

    init(_ path: String, _ problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case let .unreadable(reason): "\(path): cannot read the dataset pack: \(reason)"
        case .notAPack: "\(path) is not a dataset pack (it does not start with KHPACK)"
        case let .version(found, expected):
            "\(path) is a dataset pack of format version \(found); this khuyenhoc reads version \(expected)"
        case .byteOrder: "\(path) is a dataset pack written on a machine of the other byte order"
        case let .truncated(actual, expected): "\(path) is truncated: it has \(actual) bytes, its header says \(expected)"
        case let .damaged(section, reason): "\(path) is damaged: \(section): \(reason)"
        case let .stale(source, change): "\(path) is out of date: \(source) \(change) since it was packed"
        case let .write(reason): "cannot write the dataset pack \(path): \(reason)"
        }
    }
}
