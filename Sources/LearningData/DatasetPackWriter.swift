/// Lays out and writes a pack: every section's bytes and checksum first, then the file in one
/// atomic write (``AtomicFile``), header, sections, table.
struct PackWriter {
    /// A section waiting to be written: its bytes, or a dense column read from the dataset.
    private enum Body {
        case bytes([UInt8])
        case column(PackSectionKind, ObservationColumns)
    }

    private var sections: [PackSection] = []
    private var bodies: [Body] = []
    private var end = PackFormat.headerSize

    /// The sections of a dataset and, as parts 1, 2 …, of its superseded rows.
    init(_ dataset: Dataset, sources: [PackSourceStamp]) {
        var part = 0
        var current: Dataset? = dataset
        while let d = current {
            add(part: part, d, main: dataset, sources: part == 0 ? sources : nil)
            current = d.superseded
            part += 1
        }
    }

    private mutating func add(part: Int, _ d: Dataset, main: Dataset, sources: [PackSourceStamp]?) {
        var sharing = PackEncoding.Sharing()
        if part > 0 {
            sharing.gazetteer = d.gazetteer.regions == main.gazetteer.regions && d.gazetteer.extraColumns == main.gazetteer.extraColumns
            sharing.catalogue = d.catalogue.indicators == main.catalogue.indicators
            sharing.documents = d.documents.names == main.documents.names && d.documents.names.allSatisfy { d.documents[$0] == main.documents[$0] }
            sharing.strings = d.strings.strings == main.strings.strings
        }
        add(.meta, part, PackEncoding.meta(d, sharing: sharing, hasSuperseded: d.superseded != nil))
        if !sharing.strings { add(.strings, part, PackEncoding.strings(d.strings)) }
        if !sharing.gazetteer {
            add(.regions, part, PackEncoding.regions(d.gazetteer))
            add(.nameKeys, part, PackEncoding.nameKeys(d.gazetteer))
        }
        if !sharing.catalogue { add(.indicators, part, PackEncoding.indicators(d.catalogue)) }
        if !sharing.documents { add(.documents, part, PackEncoding.documents(d.documents)) }
        add(.details, part, PackEncoding.details(d.columns))
        add(.index, part, PackEncoding.index(d.index))
        if let sources { add(.sources, part, PackEncoding.sources(sources)) }
        for kind in PackSectionKind.allCases where kind.isColumn { addColumn(kind, part, d.columns) }
    }

    private mutating func add(_ kind: PackSectionKind, _ part: Int, _ bytes: [UInt8]) {
        end = (end + 7) / 8 * 8
        let checksum = bytes.withUnsafeBytes { PackChecksum.section($0) }
        sections.append(PackSection(kind: kind, part: part, offset: end, length: bytes.count, checksum: checksum))
        bodies.append(.bytes(bytes))
        end += bytes.count
    }

    private mutating func addColumn(_ kind: PackSectionKind, _ part: Int, _ columns: ObservationColumns) {
        // Past the next 64 KiB boundary by the column phase, so that a reader can map it into an array.
        let a = PackFormat.columnAlignment
        let start = (end - PackFormat.columnPhase + a - 1) / a * a + PackFormat.columnPhase
        let (length, checksum) = Self.withBytes(of: kind, columns) { ($0.count, PackChecksum.section($0)) }
        sections.append(PackSection(kind: kind, part: part, offset: start, length: length, checksum: checksum))
        bodies.append(.column(kind, columns))
        end = start + length
    }

    /// The raw bytes of one dense column (its elements as they lie in memory, little-endian).
    static func withBytes<R>(of kind: PackSectionKind, _ c: ObservationColumns, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch kind {
        case .regionColumn: c.region.withUnsafeBytes(body)
        case .indicatorColumn: c.indicator.withUnsafeBytes(body)
        case .yearColumn: c.year.withUnsafeBytes(body)
        case .valueColumn: c.value.withUnsafeBytes(body)
        case .baseColumn: c.base.withUnsafeBytes(body)
        case .targetColumn: c.target.withUnsafeBytes(body)
        case .statedPercentColumn: c.statedPercent.withUnsafeBytes(body)
        case .flagsColumn: c.flags.withUnsafeBytes(body)
        default: body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    /// The table of sections, then the header that checks it.
    private func tableAndHeader(tableOffset: Int) -> (table: [UInt8], header: [UInt8]) {
        var t = PackByteWriter()
        for s in sections {
            t.u32(s.kind.rawValue); t.u32(UInt32(s.part)); t.u64(UInt64(s.offset)); t.u64(UInt64(s.length)); t.u64(s.checksum)
        }
        let table = t.bytes
        var h = PackByteWriter()
        for byte in PackFormat.magic { h.u8(byte) }
        h.u32(PackFormat.version); h.u32(PackFormat.byteOrderMark); h.u32(UInt32(sections.count)); h.u32(UInt32(PackFormat.columnPhase))
        h.u64(UInt64(tableOffset)); h.u64(UInt64(tableOffset + table.count))
        h.u64(table.withUnsafeBytes { PackChecksum.xxh64($0) }); h.u64(0)
        h.u64(h.bytes.withUnsafeBytes { PackChecksum.xxh64($0) })
        return (table, h.bytes)
    }

    /// Writes the file, replacing `path` whole or not at all.
    func write(to path: String) throws(AtomicWriteError) {
        let tableOffset = (end + 7) / 8 * 8
        let (table, header) = tableAndHeader(tableOffset: tableOffset)
        try AtomicFile.write(to: path) { (file) throws(AtomicWriteError) in
            try file.write(header)
            var position = header.count
            for (section, body) in zip(sections, bodies) {
                try file.write([UInt8](repeating: 0, count: section.offset - position))
                switch body {
                case let .bytes(bytes): try file.write(bytes)
                case let .column(kind, columns): try Self.writeColumn(kind, columns, to: file)
                }
                position = section.offset + section.length
            }
            try file.write([UInt8](repeating: 0, count: tableOffset - position))
            try file.write(table)
        }
    }

    /// A column in 4 MiB pieces, so that writing it needs no second copy of it.
    private static func writeColumn(_ kind: PackSectionKind, _ columns: ObservationColumns, to file: AtomicFileWriter) throws(AtomicWriteError) {
        let failure: AtomicWriteError? = withBytes(of: kind, columns) { bytes -> AtomicWriteError? in
            for start in stride(from: 0, to: bytes.count, by: 4 << 20) {
                do throws(AtomicWriteError) { try file.write(Array(bytes[start..<min(start + (4 << 20), bytes.count)])) } catch { return error }
            }
            return nil
        }
        if let failure { throw failure }
    }
}
