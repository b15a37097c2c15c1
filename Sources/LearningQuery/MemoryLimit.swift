#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory one statement may take, so that no query can take the machine down.
///
/// The limit is on the growth of the process's resident memory while the statement runs, not on its
/// total: a session that holds a 20-million-row dataset is not refused every query. The table
/// operators look at resident memory every few hundred rows (reading it costs about 3 µs), so a
/// statement stops close to the limit with error E901 and the session goes on.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
    /// The most a statement may add to resident memory, in bytes; nil for no limit.
    public var bytes: Int?

    /// A limit of this many bytes; nil for none.
    public init(bytes: Int?) { self.bytes = bytes }

    /// Half of the machine's physical memory (4 GiB when it cannot be read).
    public static var `default`: MemoryLimit {
        MemoryLimit(bytes: ResidentMemory.physical().map { $0 / 2 } ?? 4 << 30)
    }

    /// No limit.
    public static let none = MemoryLimit(bytes: nil)

    /// Reads a size as people write it: `512M`, `2G`, `1,5 GiB`, `800 MB`, `off`.
    public init?(parsing text: String) {
        let t = text.lowercased().filter { !$0.isWhitespace }
        if ["off", "none", "no"].contains(t) { self = .none; return }
        let digits = t.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let unit = t.dropFirst(digits.count)
        guard let amount = Double(String(digits.map { $0 == "," ? "." : $0 })), amount > 0, amount.isFinite else { return nil }
        let scale: Double
        switch unit {
        case "", "b": scale = 1
        case "k", "kb", "kib": scale = 1024
        case "m", "mb", "mib": scale = 1048576
        case "g", "gb", "gib": scale = 1073741824
        case "t", "tb", "tib": scale = 1099511627776
        default: return nil
        }
        guard amount * scale < 4.0e18 else { return nil }
        self.bytes = Int(amount * scale)
    }

    /// The limit as people read it: "12 GiB", "off".
    public var description: String {
        guard let bytes else { return "off" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var x = Double(bytes), k = 0
        while x >= 1024, k + 1 < units.count { x /= 1024; k += 1 }
        let rounded = (x * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[k]
    }
}

/// The process's memory, as the kernel counts it.
enum ResidentMemory {
    /// Resident bytes now, from `/proc/self/statm`; nil where there is no such file.
    static func current() -> Int? {
        #if os(Linux)
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = (0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64)
        return withUnsafeMutableBytes(of: &buffer) { bytes -> Int? in
            let n = read(fd, bytes.baseAddress, bytes.count)
            guard n > 0 else { return nil }
            // "size resident shared …": the second field, in pages.
            var i = 0
            while i < n, bytes[i] != UInt8(ascii: " ") { i += 1 }
            i += 1
            var pages = 0
            while i < n, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                pages = pages * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                i += 1
            }
            return pages * sysconf(Int32(_SC_PAGESIZE))
        }
        #else
        return nil
        #endif
    }

    /// The machine's physical memory in bytes, if it can be read.
    static func physical() -> Int? {
        #if os(Linux)
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : nil
        #else
        return nil
        #endif
    }
}
