import Foundation

/// Makes a pack's dense columns into the arrays ``ObservationColumns`` holds, without copying them
/// where it can.
///
/// A large Swift array's elements start 48 bytes past a page boundary (glibc gives a large block its
/// own mapping, with a 16-byte header, and the array's header is 32 bytes). The pack puts each column
/// at that same offset within a page, so the whole pages of the array's memory can be replaced by
/// the file's pages (`mmap` with `MAP_FIXED | MAP_PRIVATE` over the array's own memory): the array
/// then reads the page cache, shared with every process that has the pack open, and is copied only
/// if written (never: a dataset's columns are not changed). Only the partial first and last pages
/// are copied. When the array's memory is freed, glibc unmaps its block, and the file's pages with it.
///
/// Where the offsets do not line up (another allocator or page size), the column is copied: the
/// same arrays, slower to open. Checking a column's checksum reads all of it, so then its pages are
/// populated up front (`MAP_POPULATE`), which is cheaper than faulting them in one by one.
struct PackColumnLoader {
    let file: PackFile
    /// Whether to map in place where possible (false: always copy, to measure the difference).
    let mapInPlace: Bool
    /// Whether to check each column's checksum (which reads all of it; see ``DatasetPack/Verification``).
    let verify: Bool
    /// How many columns were mapped and how many copied.
    private(set) var mapped = 0, copied = 0

    init(file: PackFile, mapInPlace: Bool, verify: Bool) {
        self.file = file
        self.mapInPlace = mapInPlace
        self.verify = verify
    }

    /// The column of `rows` elements of `T` a section holds; the section's length was checked to be
    /// `rows * MemoryLayout<T>.stride`.
    mutating func column<T>(_: T.Type, _ section: PackSection, rows: Int) throws(DatasetPackError) -> [T] {
        precondition(_isPOD(T.self) && MemoryLayout<T>.stride == section.kind.stride)
        guard rows > 0 else { return [] }
        let source = file.bytes(of: section)
        var failure: DatasetPackError?
        var didMap = false
        let array = [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
            guard let target = buffer.baseAddress.map(UnsafeMutableRawPointer.init) else { return }
            switch mapInPlace ? mapPages(into: target, from: section) : .notAligned {
            case .mapped: didMap = true
            case .notAligned: if let from = source.baseAddress { target.copyMemory(from: from, byteCount: source.count) }
            case let .failed(error): failure = error; return
            }
            initialized = rows
            // Checked here, where the column's memory is at hand: both cores, 4 MiB blocks each.
            if verify, PackChecksum.parallelSection(UnsafeRawBufferPointer(UnsafeMutableRawBufferPointer(buffer))) != section.checksum {
                failure = DatasetPackError(file.path, .damaged(section: section.kind.name, reason: "its checksum does not match"))
            }
        }
        if let failure { throw failure }
        if didMap { mapped += 1 } else { copied += 1 }
        return array
    }

    private enum Outcome { case mapped, notAligned, failed(DatasetPackError) }

    /// Copies the partial first and last pages and maps the whole ones between from the file.
    private func mapPages(into target: UnsafeMutableRawPointer, from section: PackSection) -> Outcome {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: target)
        let head = (page - address % page) % page
        guard page > 0, section.length >= head + page, (section.offset + head) % page == 0, let source = file.bytes.baseAddress else { return .notAligned }
        let whole = (section.length - head) / page * page
        target.copyMemory(from: source + section.offset, byteCount: head)
        let result = mmap(target + head, whole, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | (verify ? MAP_POPULATE : 0), file.descriptor, off_t(section.offset + head))
        guard result == target + head else {
            let reason = String(cString: strerror(errno))
            // A failed MAP_FIXED may have unmapped the range: put fresh memory back before anything touches it.
            _ = mmap(target + head, whole, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0)
            return .failed(DatasetPackError(file.path, .unreadable("cannot map the \(section.kind.name): \(reason)")))
        }
        let tail = section.length - head - whole
        (target + head + whole).copyMemory(from: source + section.offset + head + whole, byteCount: tail)
        return .mapped
        #else
        return .notAligned
        #endif
    }
}
