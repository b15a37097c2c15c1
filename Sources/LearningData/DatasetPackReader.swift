import Foundation

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
        let gazetteer = meta.sharing.gazetteer ? try sharedOrFail().gazetteer : try regions(part)
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

    /// The gazetteer of a part: its regions section decoded, its region names section checked and
    /// copied, to be decoded on the first lookup by name.
    private func regions(_ part: Int) throws(DatasetPackError) -> Gazetteer {
        let keys = try decode(.nameKeys, part) { (b) throws(PackDecodingFailure) in [UInt8](b) }
        return try decode(.regions, part) { (b) throws(PackDecodingFailure) in try PackDecoding.regions(b, nameKeys: keys) }
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
///
/// One pass over the three columns, a share of the rows on each core, each share reduced to the
/// least and greatest region, the greatest indicator and the greatest qualifier and comparison
/// codes: loops with no early exit, which the compiler vectorises. The row that fails is found
/// afterwards, only for the message.
enum PackColumnCheck {
    private struct Extremes {
        var minRegion = Int32.max, maxRegion = Int32.min, maxIndicator: UInt16 = 0, maxQualifier: UInt16 = 0, maxComparison: UInt16 = 0

        mutating func merge(_ o: Extremes) {
            minRegion = min(minRegion, o.minRegion); maxRegion = max(maxRegion, o.maxRegion); maxIndicator = max(maxIndicator, o.maxIndicator)
            maxQualifier = max(maxQualifier, o.maxQualifier); maxComparison = max(maxComparison, o.maxComparison)
        }
    }

    static func check(_ c: ObservationColumns, regions: Int, indicators: Int, path: String) throws(DatasetPackError) {
        func damaged(_ kind: PackSectionKind, _ reason: String) -> DatasetPackError { DatasetPackError(path, .damaged(section: kind.name, reason: reason)) }
        let n = c.count
        guard n > 0 else { return }
        let parts = n < (1 << 20) ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        var shares = [Extremes](repeating: Extremes(), count: parts)
        c.region.withUnsafeBufferPointer { region in
            c.indicator.withUnsafeBufferPointer { indicator in
                c.flags.withUnsafeBufferPointer { flags in
                    flags.withMemoryRebound(to: UInt16.self) { bits in
                        shares.withUnsafeMutableBufferPointer { out in
                            let shared = UncheckedSendable((region, indicator, bits, out))
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                let (region, indicator, bits, out) = shared.value
                                out[part] = extremes(region, indicator, bits, (n * part / parts)..<(n * (part + 1) / parts))
                            }
                        }
                    }
                }
            }
        }
        var all = Extremes()
        for share in shares { all.merge(share) }
        if all.minRegion < 0 || Int(all.maxRegion) >= regions {
            throw damaged(.regionColumn, "a row names region \(c.region.first { $0 < 0 || Int($0) >= regions } ?? 0) of \(regions)")
        }
        if Int(all.maxIndicator) >= indicators { throw damaged(.indicatorColumn, "a row names indicator \(all.maxIndicator) of \(indicators)") }
        if all.maxQualifier >= UInt16(Qualifier.allCases.count) || all.maxComparison >= UInt16(Target.Comparison.allCases.count) {
            throw damaged(.flagsColumn, "a row's flags name a qualifier or comparison that does not exist")
        }
    }

    private static func extremes(_ region: UnsafeBufferPointer<Int32>, _ indicator: UnsafeBufferPointer<UInt16>, _ bits: UnsafeBufferPointer<UInt16>,
                                 _ rows: Range<Int>) -> Extremes {
        var e = Extremes()
        var lo = Int32.max, hi = Int32.min
        for i in rows { lo = min(lo, region[i]); hi = max(hi, region[i]) }
        var top: UInt16 = 0
        for i in rows { top = max(top, indicator[i]) }
        var q: UInt16 = 0, k: UInt16 = 0
        for i in rows { q = max(q, bits[i] & 7); k = max(k, (bits[i] >> 8) & 7) }
        (e.minRegion, e.maxRegion, e.maxIndicator, e.maxQualifier, e.maxComparison) = (lo, hi, top, q, k)
        return e
    }
}
