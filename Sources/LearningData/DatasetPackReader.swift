/// Reads a whole dataset from an open pack: each part's small sections checked and decoded, its
/// dense columns mapped (``PackColumnLoader``) and checked, its index taken as stored.
struct PackReader {
    let file: PackFile
    private var loader: PackColumnLoader
    /// What part 0 holds that later parts may share.
    private var shared: (gazetteer: Gazetteer, catalogue: IndicatorCatalogue, documents: DocumentStore, strings: StringPool)?

    init(file: PackFile, mapInPlace: Bool, verification: DatasetPack.Verification) {
        self.file = file
        loader = PackColumnLoader(file: file, mapInPlace: mapInPlace, verify: verification == .full)
    }

    /// How many dense columns were mapped in place and how many copied.
    var columnsMapped: (mapped: Int, copied: Int) { (loader.mapped, loader.copied) }

    /// The dataset of part `part` and, below it, its superseded rows; named `name` when given.
    mutating func dataset(part: Int = 0, name: String? = nil) throws(DatasetPackError) -> Dataset {
        let meta = try decode(.meta, part, PackDecoding.meta)
        let strings = meta.sharing.strings ? try sharedOrFail().strings : try decode(.strings, part, PackDecoding.strings)
        let gazetteer = meta.sharing.gazetteer ? try sharedOrFail().gazetteer : try decode(.regions, part, PackDecoding.regions)
        let catalogue = meta.sharing.catalogue ? try sharedOrFail().catalogue : try decode(.indicators, part, PackDecoding.indicators)
        let documents = meta.sharing.documents ? try sharedOrFail().documents : try decode(.documents, part, PackDecoding.documents)
        if part == 0 {
            shared = (gazetteer, catalogue, documents, strings)
            _ = try sources()   // checked even when the caller does not ask for them: every section is
        }
        var columns = try denseColumns(part, rows: meta.rows)
        (columns.detailRows, columns.details) = try decode(.details, part) { (b) throws(PackDecodingFailure) in
            try PackDecoding.details(b, rows: meta.rows, strings: strings.strings.count)
        }
        let index = try decode(.index, part) { (b) throws(PackDecodingFailure) in
            try PackDecoding.index(b, rows: meta.rows, indicators: catalogue.count)
        }
        try PackColumnCheck.check(columns, regions: gazetteer.count, indicators: catalogue.count, path: file.path)
        let superseded = meta.hasSuperseded ? try dataset(part: part + 1, name: name) : nil
        return Dataset(name: name ?? meta.name, gazetteer: gazetteer, catalogue: catalogue, documents: documents, columns: columns,
                       strings: strings, extraColumns: meta.extraColumns, superseded: superseded, index: index)
    }

    /// The files the pack was made from, as they were (part 0's sources section).
    func sources() throws(DatasetPackError) -> [PackSourceStamp] {
        guard file.section(.sources, part: 0) != nil else { return [] }
        return try decode(.sources, 0, PackDecoding.sources)
    }

    private func sharedOrFail() throws(DatasetPackError) -> (gazetteer: Gazetteer, catalogue: IndicatorCatalogue, documents: DocumentStore, strings: StringPool) {
        guard let shared else { throw damaged(.meta, "part 0 cannot share with itself") }
        return shared
    }

    /// A small section found, its checksum checked, and decoded.
    private func decode<T>(_ kind: PackSectionKind, _ part: Int, _ body: (UnsafeRawBufferPointer) throws(PackDecodingFailure) -> T) throws(DatasetPackError) -> T {
        guard let section = file.section(kind, part: part) else { throw damaged(kind, "the section is missing") }
        let bytes = file.bytes(of: section)
        guard PackChecksum.section(bytes) == section.checksum else { throw damaged(kind, "its checksum does not match") }
        do { return try body(bytes) } catch { throw damaged(kind, error.reason) }
    }

    private mutating func denseColumns(_ part: Int, rows: Int) throws(DatasetPackError) -> ObservationColumns {
        var c = ObservationColumns()
        c.region = try column(.regionColumn, part, rows)
        c.indicator = try column(.indicatorColumn, part, rows)
        c.year = try column(.yearColumn, part, rows)
        c.value = try column(.valueColumn, part, rows)
        c.base = try column(.baseColumn, part, rows)
        c.target = try column(.targetColumn, part, rows)
        c.statedPercent = try column(.statedPercentColumn, part, rows)
        c.flags = try column(.flagsColumn, part, rows)
        return c
    }

    private mutating func column<T>(_ kind: PackSectionKind, _ part: Int, _ rows: Int) throws(DatasetPackError) -> [T] {
        guard let section = file.section(kind, part: part) else { throw damaged(kind, "the section is missing") }
        guard section.length == rows * kind.stride else { throw damaged(kind, "it has \(section.length) bytes, not \(rows * kind.stride) for \(rows) rows") }
        return try loader.column(T.self, section, rows: rows)
    }

    private func damaged(_ kind: PackSectionKind, _ reason: String) -> DatasetPackError {
        DatasetPackError(file.path, .damaged(section: kind.name, reason: reason))
    }
}

/// The dense columns' values checked where a wrong one could index out of range: regions and
/// indicators within the dataset's, each row's packed flags naming cases that exist.
enum PackColumnCheck {
    static func check(_ c: ObservationColumns, regions: Int, indicators: Int, path: String) throws(DatasetPackError) {
        func damaged(_ kind: PackSectionKind, _ reason: String) -> DatasetPackError { DatasetPackError(path, .damaged(section: kind.name, reason: reason)) }
        let badRegion = c.region.withUnsafeBufferPointer { b in b.reduce(false) { $0 || $1 < 0 || Int($1) >= regions } }
        if badRegion { throw damaged(.regionColumn, "a row names region \(c.region.first { $0 < 0 || Int($0) >= regions } ?? 0) of \(regions)") }
        let maxIndicator = c.indicator.withUnsafeBufferPointer { $0.reduce(0, max) }
        if c.count > 0, Int(maxIndicator) >= indicators { throw damaged(.indicatorColumn, "a row names indicator \(maxIndicator) of \(indicators)") }
        let qualifiers = UInt16(Qualifier.allCases.count), comparisons = UInt16(Target.Comparison.allCases.count)
        let badFlags = c.flags.withUnsafeBufferPointer { b in b.reduce(false) { $0 || $1.bits & 7 >= qualifiers || ($1.bits >> 8) & 7 >= comparisons } }
        if badFlags { throw damaged(.flagsColumn, "a row's flags name a qualifier or comparison that does not exist") }
    }
}
