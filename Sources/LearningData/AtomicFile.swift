import Foundation

/// Replacing a file whole or not at all, as the same file: every writer of the project that replaces
/// a whole file (the shell's `:save` and history, `notebook run` and `export`, `khuyenhoc synth`)
/// goes through here.
///
/// The text goes to a temporary file with a name of its own (`.NAME.PID.RANDOM.tmp`, created
/// exclusively) in the same folder, is flushed to the disk, takes the old file's mode and owner, and
/// is renamed over the file; then the folder is flushed too. So at every moment, a crash or a kill
/// included, the file is either the old one whole or the new one whole. A failure removes the
/// temporary file; one left by a killed process is removed by the next write to the same file.
///
/// - A symbolic link is written through: the link stays and its final target (relative links read
///   from the link's folder) gets the new text.
/// - A file whose owner may not write it (mode without `u+w`) is refused, even when running as root.
/// - A new file gets the mode the umask gives (0644 with the usual 022).
/// - The owner and group are kept when the process may set them (root, or the file's own owner);
///   otherwise the file becomes the writer's. Hard links to the old file keep the old text.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws(AtomicWriteError) {
        try write(to: path) { (file) throws(AtomicWriteError) in try file.write(text) }
    }

    /// Writes `bytes` to `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicWriteError) {
        try write(to: path) { (file) throws(AtomicWriteError) in try file.write(bytes) }
    }

    /// Writes `path` piece by piece: `body` writes to the temporary file, which replaces `path` when
    /// `body` returns. When `body` throws, `path` is untouched and the error is passed on.
    public static func write(to path: String, _ body: (AtomicFileWriter) throws(AtomicWriteError) -> Void) throws(AtomicWriteError) {
        let target = try WriteTarget.resolve(path)
        removeLeftovers(of: target)
        let writer = try AtomicFileWriter.create(for: target)
        do throws(AtomicWriteError) {
            try body(writer)
            try writer.finish(like: target.existing)
            guard rename(writer.temporaryPath, target.path) == 0 else { throw target.error(code: errno) }
        } catch {
            writer.discard()
            throw error
        }
        syncFolder(target.folder)
    }

    /// Makes the folder at `path` and any missing parents (`mkdir -p`); an existing folder is fine.
    public static func createFolder(_ path: String) throws(AtomicWriteError) {
        try createFolder(path, for: path)
    }

    private static func createFolder(_ path: String, for requested: String) throws(AtomicWriteError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & FileMode.typeMask == FileMode.folder else {
                throw AtomicWriteError(path: requested, reason: .notAFolder(folder: path), action: .createFolder)
            }
            return
        }
        let parent = WriteTarget.folder(of: path)
        if parent != path, parent != "." { try createFolder(parent, for: requested) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw AtomicWriteError(path: requested, reason: .init(code: errno, folder: parent), action: .createFolder)
        }
    }

    /// Flushes the folder's entries (the rename) to the disk; a file system that cannot is not an error.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}

/// The bits of `st_mode` that the checks read.
enum FileMode {
    static let typeMask: mode_t = 0o170000
    static let folder: mode_t = 0o040000
    static let regular: mode_t = 0o100000
    static let symbolicLink: mode_t = 0o120000
    static let permissions: mode_t = 0o7777
    static let ownerWrite: mode_t = 0o200
}
