import Foundation

/// The file an atomic write replaces: the path's symbolic links followed to the end, with what is
/// there now.
struct WriteTarget {
    /// The path as the caller gave it, for messages.
    let given: String
    /// The file written: `given` with its symbolic links followed.
    let path: String
    /// The folder holding `path`, where the temporary file goes.
    let folder: String
    /// The file there now; nil for a new file.
    let existing: stat?

    /// The name of `path` inside its folder.
    var name: String { path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path }

    /// The name as temporary files carry it: shortened when long, so that theirs still fits the
    /// file system's limit of 255 bytes.
    var temporaryStem: String { name.utf8.count > 200 ? String(name.prefix(50)) : name }

    /// Follows `given`'s symbolic links and checks that what is there may be replaced.
    static func resolve(_ given: String) throws(AtomicWriteError) -> WriteTarget {
        guard !given.isEmpty else { throw AtomicWriteError(path: given, reason: .noFileName) }
        var current = given
        // 40 is Linux's own limit on links followed in one lookup.
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let code = errno
                let target = WriteTarget(given: given, path: current, folder: folder(of: current), existing: nil)
                // Nothing there yet: a new file (the folder is checked when the temporary file is made).
                if code == ENOENT, !current.hasSuffix("/") { return target }
                throw target.error(code: code)
            }
            if info.st_mode & FileMode.typeMask == FileMode.symbolicLink {
                current = try linkDestination(current, given: given)
                continue
            }
            let target = WriteTarget(given: given, path: current, folder: folder(of: current), existing: info)
            try target.checkReplaceable(info)
            return target
        }
        throw AtomicWriteError(path: given, reason: .tooManySymbolicLinks)
    }

    /// Refuses a folder, a device, a pipe, a socket, and a file its owner may not write.
    private func checkReplaceable(_ info: stat) throws(AtomicWriteError) {
        let type = info.st_mode & FileMode.typeMask
        if type == FileMode.folder { throw error(.isFolder) }
        if type != FileMode.regular { throw error(.notRegularFile) }
        // Root passes access(W_OK) for every file: the owner's write bit is what says "read-only".
        if info.st_mode & FileMode.ownerWrite == 0 { throw error(.readOnlyFile) }
        if access(path, W_OK) != 0 {
            throw error(errno == EROFS ? .readOnlyFileSystem : .permissionDenied(folder: nil))
        }
    }

    /// Where the link at `link` points, a relative destination read from the link's folder.
    private static func linkDestination(_ link: String, given: String) throws(AtomicWriteError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count > 0 else { throw AtomicWriteError(path: given, reason: .init(code: errno, folder: folder(of: link))) }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return destination.hasPrefix("/") ? destination : folder(of: link) + "/" + destination
    }

    /// The folder part of a path: "." for a bare name, "/" for a name at the root.
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The error for a reason, naming the path as given and where its links lead.
    func error(_ reason: AtomicWriteError.Reason) -> AtomicWriteError {
        AtomicWriteError(path: given, reason: reason, linkTarget: path)
    }

    /// The error for an `errno` value from a call made in the target's folder.
    func error(code: Int32) -> AtomicWriteError {
        if path.hasSuffix("/") && (code == ENOENT || code == ENOTDIR) { return error(.noFileName) }
        return error(AtomicWriteError.Reason(code: code, folder: folder))
    }
}
