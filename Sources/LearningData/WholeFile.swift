import Foundation
import Glibc

/// A small file read whole with `open` and `read`: what ``DatasetLoader/document(named:in:)`` does
/// for every document a load cites (160 000 in a commune-level dataset), where Foundation's
/// `FileManager.contents(atPath:)` spent as much again around the system calls.
enum WholeFile {
    /// The file's bytes; nil when it cannot be opened or read (no such file, a folder), as
    /// `FileManager.contents(atPath:)` gives nil.
    static func contents(atPath path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        // The size is a hint: the file is read to its end whatever it says.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return read(descriptor, base + count, raw.count - count)
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return Data(bytes)
    }
}
