import Foundation

/// An open pack file: mapped read-only, its header and table checked. Every section the table lists
/// lies inside the file (checked here), so reading one never goes past the mapping. The mapping is
/// released when this is; the columns mapped into arrays (``PackColumnLoader``) stay valid after.
final class PackFile {
    let path: String
    let descriptor: Int32
    let bytes: UnsafeRawBufferPointer
    let sections: [PackSection]
    /// The column phase the writer used (``PackFormat/columnPhase``).
    let columnPhase: Int

    init(path: String) throws(DatasetPackError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DatasetPackError(path, .unreadable(String(cString: strerror(errno)))) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : -1
        guard size >= PackFormat.headerSize else {
            _ = close(descriptor)
            throw DatasetPackError(path, size < 0 ? .unreadable(String(cString: strerror(errno))) : size < PackFormat.magic.count ? .notAPack : .truncated(actual: size, expected: PackFormat.headerSize))
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED else {
            let reason = String(cString: strerror(errno))
            _ = close(descriptor)
            throw DatasetPackError(path, .unreadable(reason))
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        do throws(DatasetPackError) {
            let header = try Self.header(bytes, path: path)
            columnPhase = header.phase
            sections = try Self.table(bytes, header: header, path: path)
        } catch {
            _ = munmap(base, size)
            _ = close(descriptor)
            throw error
        }
    }

    deinit {
        if let base = bytes.baseAddress { _ = munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        _ = close(descriptor)
    }

    private struct Header {
        var sectionCount: Int, phase: Int, tableOffset: Int, tableChecksum: UInt64
    }

    /// The header, checked in the order that gives the clearest message: magic, version, byte order,
    /// its own checksum, then the file's length.
    private static func header(_ bytes: UnsafeRawBufferPointer, path: String) throws(DatasetPackError) -> Header {
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        guard Array(bytes[0..<8]) == PackFormat.magic else { throw DatasetPackError(path, .notAPack) }
        guard u32(8) == PackFormat.version else { throw DatasetPackError(path, .version(found: u32(8), expected: PackFormat.version)) }
        guard u32(12) == PackFormat.byteOrderMark else { throw DatasetPackError(path, .byteOrder) }
        guard PackChecksum.xxh64(UnsafeRawBufferPointer(rebasing: bytes[0..<56])) == u64(56) else {
            throw DatasetPackError(path, .damaged(section: "header", reason: "its checksum does not match"))
        }
        let expected = u64(32)
        guard expected == UInt64(bytes.count) else {
            if expected > UInt64(bytes.count) { throw DatasetPackError(path, .truncated(actual: bytes.count, expected: Int(clamping: expected))) }
            throw DatasetPackError(path, .damaged(section: "header", reason: "the file has \(bytes.count) bytes, its header says \(expected)"))
        }
        return Header(sectionCount: Int(u32(16)), phase: Int(u32(20)), tableOffset: Int(clamping: u64(24)), tableChecksum: u64(40))
    }

    private static func table(_ bytes: UnsafeRawBufferPointer, header h: Header, path: String) throws(DatasetPackError) -> [PackSection] {
        func damaged(_ reason: String) -> DatasetPackError { DatasetPackError(path, .damaged(section: "section table", reason: reason)) }
        let length = h.sectionCount.multipliedReportingOverflow(by: PackFormat.tableEntrySize)
        guard !length.overflow, h.tableOffset >= PackFormat.headerSize, h.tableOffset <= bytes.count - length.partialValue else {
            throw damaged("it lies outside the file")
        }
        let table = UnsafeRawBufferPointer(rebasing: bytes[h.tableOffset..<(h.tableOffset + length.partialValue)])
        guard PackChecksum.xxh64(table) == h.tableChecksum else { throw damaged("its checksum does not match") }
        var reader = PackByteReader(table)
        var sections: [PackSection] = []
        for _ in 0..<h.sectionCount {
            let raw: UInt32, part: UInt32, offset: UInt64, size: UInt64, sum: UInt64
            do { (raw, part, offset, size, sum) = (try reader.u32(), try reader.u32(), try reader.u64(), try reader.u64(), try reader.u64()) } catch {
                throw damaged(error.reason)
            }
            guard let kind = PackSectionKind(rawValue: raw) else { throw damaged("section kind \(raw) is unknown") }
            guard offset <= UInt64(h.tableOffset), size <= UInt64(h.tableOffset) - offset, offset >= UInt64(PackFormat.headerSize), part < 1024 else {
                throw damaged("the \(kind.name) lies outside the file")
            }
            sections.append(PackSection(kind: kind, part: Int(part), offset: Int(offset), length: Int(size), checksum: sum))
        }
        return sections
    }

    /// The section of this kind in this part, if the file has one.
    func section(_ kind: PackSectionKind, part: Int) -> PackSection? {
        sections.first { $0.kind == kind && $0.part == part }
    }

    /// The bytes of a section (inside the file: checked when the table was read).
    func bytes(of section: PackSection) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[section.offset..<(section.offset + section.length)])
    }
}
