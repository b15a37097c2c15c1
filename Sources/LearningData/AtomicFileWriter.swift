import Foundation

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// The temporary file of one ``AtomicFile/write(to:_:)``: what its body writes to. Valid only
/// inside that body (afterwards it is closed and writes fail).
public final class AtomicFileWriter {
    let temporaryPath: String
    private let descriptor: Int32
    private let target: WriteTarget
    private var closed = false

    private init(temporaryPath: String, descriptor: Int32, target: WriteTarget) {
        self.temporaryPath = temporaryPath
        self.descriptor = descriptor
        self.target = target
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(AtomicWriteError) {
        var text = text
        if let failure = text.withUTF8({ attempt(UnsafeRawBufferPointer($0)) }) { throw failure }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws(AtomicWriteError) {
        if let failure = bytes.withUnsafeBytes({ attempt($0) }) { throw failure }
    }

    private func attempt(_ bytes: UnsafeRawBufferPointer) -> AtomicWriteError? {
        guard var next = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return target.error(code: errno)
            }
            next += written
            left -= written
        }
        return nil
    }

    /// A new temporary file beside the target, under a name no other writer has: created exclusively,
    /// its name carrying the process and a random part (a name taken is tried again).
    static func create(for target: WriteTarget) throws(AtomicWriteError) -> AtomicFileWriter {
        // An existing file's mode is set once written; until then only its owner may read it.
        let mode: mode_t = target.existing == nil ? 0o666 : 0o600
        for _ in 0..<100 {
            let random = String(UInt64.random(in: .min ... .max), radix: 36)
            let path = target.folder + "/" + ".\(target.temporaryStem).\(getpid())." + random + ".tmp"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if descriptor >= 0 { return AtomicFileWriter(temporaryPath: path, descriptor: descriptor, target: target) }
            if errno != EEXIST && errno != EINTR { throw target.error(code: errno) }
        }
        throw target.error(code: EEXIST)
    }

    /// Gives the temporary file the old file's owner and mode, flushes it to the disk and closes it.
    func finish(like existing: stat?) throws(AtomicWriteError) {
        if let existing {
            // The owner first: changing it clears set-user-id bits that the mode then restores.
            if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                if fchown(descriptor, existing.st_uid, existing.st_gid) != 0 {
                    _ = fchown(descriptor, uid_t.max, existing.st_gid)   // at least the group, when a member
                }
            }
            guard fchmod(descriptor, existing.st_mode & FileMode.permissions) == 0 else { throw target.error(code: errno) }
        }
        guard fsync(descriptor) == 0 else { throw target.error(code: errno) }
        closed = true
        guard close(descriptor) == 0 else { throw target.error(code: errno) }
    }

    /// Closes and removes the temporary file, after a failure.
    func discard() {
        if !closed {
            closed = true
            _ = close(descriptor)
        }
        _ = unlink(temporaryPath)
    }

    deinit {
        if !closed { _ = close(descriptor) }
    }
}
