import Foundation

/// How the language reaches files, for `import` and `read_csv`: the one place it touches the disk,
/// replaced in tests by files in memory.
public struct ScriptFiles: Sendable {
    /// The bytes of a file at an absolute path, or nil when it cannot be read.
    public var read: @Sendable (String) -> [UInt8]?
    /// The folder relative paths of typed input are read against.
    public var currentDirectory: @Sendable () -> String

    /// Files read through these closures.
    public init(read: @escaping @Sendable (String) -> [UInt8]?, currentDirectory: @escaping @Sendable () -> String) {
        self.read = read
        self.currentDirectory = currentDirectory
    }

    /// The machine's files.
    /// Only regular files are read: a folder, a device such as `/dev/zero` or a pipe is not a script
    /// or a table, and reading one could wait for ever.
    public static let disk = ScriptFiles(read: { path in
        // A link to a file is the file (attributes are read of what the path finally names).
        let target = (path as NSString).resolvingSymlinksInPath
        guard let type = try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType, type == .typeRegular else { return nil }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }, currentDirectory: { FileManager.default.currentDirectoryPath })

    /// A path as written in a text, made absolute: against the text's own folder (a script's, a
    /// library's), else the current folder; `~/` is the home folder.
    public func resolve(_ path: String, from directory: String?) -> String {
        var written = path
        if written.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { written = home + written.dropFirst(1) }
        let absolute = written.hasPrefix("/") ? written : (directory ?? currentDirectory()) + "/" + written
        return Self.standardized(absolute)
    }

    /// How messages name a file a text refers to: as written when absolute or read from the current
    /// folder, else beside the referring file as that one is named (`docs/examples/lib/shares.khq`
    /// for `import "lib/shares.khq"` in `docs/examples/compare.khq`).
    public static func displayName(_ path: String, from text: SourceText) -> String {
        guard !path.hasPrefix("/"), !path.hasPrefix("~"), text.directory != nil, let slash = text.name.lastIndex(of: "/") else { return path }
        let joined = String(text.name[...slash]) + path
        return joined.hasPrefix("/") ? standardized(joined) : String(standardized("/" + joined).dropFirst())
    }

    /// `/a/./b/../c` as `/a/c`.
    static func standardized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder of a file's absolute path.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
