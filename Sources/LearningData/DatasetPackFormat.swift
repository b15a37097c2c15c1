/// The layout of a dataset pack file (`figures.khpack`), version 2. All numbers little-endian.
///
/// ```
/// header, 64 bytes:
///    0  magic "KHPACK\r\n"           8  version (UInt32)        12  byte-order mark 0x01020304
///   16  section count (UInt32)      20  column phase (UInt32)  24  table offset (UInt64)
///   32  file length (UInt64)        40  table checksum         48  reserved (zero)
///   56  header checksum: XXH64 of bytes 0..<56
/// sections, each where the table says; a dense column starts at an offset ≡ column phase
///   (mod 64 KiB), so that it can be mapped straight into an array's memory (see DatasetPackColumns)
/// table: per section 32 bytes: kind (UInt32), part (UInt32: 0 the dataset, 1 its superseded rows,
///   2 theirs …), offset, length, checksum (UInt64 each; see ``PackChecksum``)
/// ```
///
/// The small sections are written by ``PackEncoding`` (lengths before texts and lists, see
/// ``PackByteWriter``). Version 2 lays out the regions so that opening hashes nothing in proportion
/// to them: the regions section holds the user's region columns, the count n, each region's
/// parent's position (Int32, -1 for none) and kind (UInt8) as lists, the ids as a list, then the
/// offsets of c + 1 chunk boundaries and the chunks (chunk k holds regions n·k/c ..< n·(k+1)/c:
/// name, aliases, evidence, extras, first and last day each), which decode on separate cores; the
/// region names section holds each region's folded name keys, read only when a lookup by id or name
/// first needs them. Version 1 stored each region's parent as its id and its keys beside it.
enum PackFormat {
    static let magic: [UInt8] = Array("KHPACK\r\n".utf8)
    /// The version this build writes and reads; a file of another version is refused (and the CSV read).
    static let version: UInt32 = 2
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let headerSize = 64
    static let tableEntrySize = 32
    /// Dense columns start at this offset within a 64 KiB span: where glibc puts the elements of a
    /// large Swift array (a 16-byte malloc header, then 32 bytes of array header, after a page boundary).
    static let columnPhase = 48
    static let columnAlignment = 64 * 1024
    /// At most this many chunks of regions (one per 1 024 regions below that).
    static let regionChunks = 16
}

/// What a section of a pack holds.
enum PackSectionKind: UInt32, CaseIterable, Sendable {
    case meta = 1, strings, regions, indicators, documents, details, index, sources, nameKeys
    case regionColumn = 16, indicatorColumn, yearColumn, valueColumn, baseColumn, targetColumn, statedPercentColumn, flagsColumn

    /// Its name in messages.
    var name: String {
        switch self {
        case .meta: "meta"
        case .strings: "strings"
        case .regions: "regions"
        case .indicators: "indicators"
        case .documents: "documents"
        case .details: "row details"
        case .index: "index"
        case .sources: "sources"
        case .nameKeys: "region names"
        case .regionColumn: "region column"
        case .indicatorColumn: "indicator column"
        case .yearColumn: "year column"
        case .valueColumn: "value column"
        case .baseColumn: "base column"
        case .targetColumn: "target column"
        case .statedPercentColumn: "stated-percent column"
        case .flagsColumn: "flags column"
        }
    }

    /// Whether it is one of the dense, row-per-element columns.
    var isColumn: Bool { rawValue >= 16 }

    /// Bytes per row of a dense column.
    var stride: Int {
        switch self {
        case .regionColumn: 4
        case .indicatorColumn, .yearColumn, .flagsColumn: 2
        case .valueColumn, .baseColumn, .targetColumn, .statedPercentColumn: 8
        default: 0
        }
    }
}

/// One entry of a pack's section table.
struct PackSection: Sendable, Equatable {
    var kind: PackSectionKind
    var part: Int
    var offset: Int
    var length: Int
    var checksum: UInt64
}
