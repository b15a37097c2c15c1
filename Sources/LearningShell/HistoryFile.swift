import Foundation
import LearningData

/// The shell's history, kept in a file in the user's home: bounded, written through ``AtomicFile``
/// (whole or not at all, keeping its mode), one entry per line with newlines inside an entry escaped.
public struct HistoryFile: Sendable {
    /// Where it lives.
    public let path: String
    /// How many entries are kept.
    public let limit: Int

    /// The history file at `path`, keeping the last `limit` entries.
    public init(path: String, limit: Int = 1_000) {
        self.path = path
        self.limit = limit
    }

    /// `~/.khuyenhoc_history`, or nil when there is no home.
    public static func standard() -> HistoryFile? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        return HistoryFile(path: (home as NSString).appendingPathComponent(".khuyenhoc_history"))
    }

    /// The entries, oldest first; an absent or unreadable file is an empty history.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map { Self.unescape(String($0)) }.suffix(limit).map { $0 }
    }

    /// Writes the last `limit` entries; throws when the file cannot be written (the shell warns and
    /// goes on). The old file stays whole if writing fails.
    public func save(_ entries: [String]) throws(AtomicWriteError) {
        let text = entries.suffix(limit).map(Self.escape).joined(separator: "\n") + "\n"
        try AtomicFile.write(text, to: path)
    }

    static func escape(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ line: String) -> String {
        var out = ""
        var escaping = false
        for c in line {
            if escaping {
                out.append(c == "n" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
