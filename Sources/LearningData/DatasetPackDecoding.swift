import Foundation

/// The small sections of a pack read back (the inverse of ``PackEncoding``). Every count and index
/// read is checked before it is used: a section that does not decode, or that decodes to numbers
/// outside what the dataset holds, is a ``PackDecodingFailure``, never a crash.
enum PackDecoding {
    struct Meta {
        var name: String, extraColumns: [String], rows: Int, sharing: PackEncoding.Sharing, hasSuperseded: Bool
    }

    static func meta(_ bytes: UnsafeRawBufferPointer) throws(PackDecodingFailure) -> Meta {
        var r = PackByteReader(bytes)
        let name = try r.text(), extras = try r.texts(), rows = try r.int()
        let sharing = PackEncoding.Sharing(gazetteer: try r.bool(), catalogue: try r.bool(), documents: try r.bool(), strings: try r.bool())
        let meta = Meta(name: name, extraColumns: extras, rows: rows, sharing: sharing, hasSuperseded: try r.bool())
        guard rows >= 0, rows <= Int(Int32.max) else { throw PackDecodingFailure("\(rows) rows is not a row count") }
        try end(r)
        return meta
    }

    static func strings(_ bytes: UnsafeRawBufferPointer) throws(PackDecodingFailure) -> StringPool {
        var r = PackByteReader(bytes)
        let texts = try r.texts()
        try end(r)
        return StringPool(texts: texts)
    }

    /// The regions section (``PackEncoding/regions(_:)``) as a gazetteer, its chunks decoded on every
    /// core; `nameKeys`, a copy of the region names section, is decoded when a lookup first needs it.
    static func regions(_ bytes: UnsafeRawBufferPointer, nameKeys: [UInt8]) throws(PackDecodingFailure) -> Gazetteer {
        var r = PackByteReader(bytes)
        let extraColumns = try r.texts()
        let n = Int(try r.u32())
        let parents = try r.array(Int32.self), kinds = try r.array(UInt8.self), ids = try r.texts()
        guard parents.count == n, kinds.count == n, ids.count == n else { throw PackDecodingFailure("its lists differ in length") }
        for (i, p) in parents.enumerated() where p < -1 || Int(p) >= n {
            throw PackDecodingFailure("region \(ids[i]) has parent \(p) of \(n)")
        }
        let kindCases = AdministrativeKind.allCases
        if let i = kinds.firstIndex(where: { Int($0) >= kindCases.count }) {
            throw PackDecodingFailure("region \(ids[i]) has kind \(kinds[i]), which is unknown")
        }
        let offsets = try r.array(UInt64.self)
        let records = r.rest()
        let chunks = offsets.count - 1
        guard chunks >= 1, chunks <= max(n, 1), offsets.first == 0, offsets.last == UInt64(records.count),
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw PackDecodingFailure("its chunks do not fit it") }
        // Each chunk fills its own regions of the array; one that fails fills the rest of its share
        // with empty regions, so that the array is whole, and the failure is thrown after.
        var failures = [PackDecodingFailure?](repeating: nil, count: chunks)
        let regions = [Region](unsafeUninitializedCapacity: n) { buffer, initialized in
            failures.withUnsafeMutableBufferPointer { failures in
                let shared = UncheckedSendable((buffer, failures, records))
                DispatchQueue.concurrentPerform(iterations: chunks) { k in
                    let (buffer, failures, records) = shared.value
                    let range = (n * k / chunks)..<(n * (k + 1) / chunks)
                    var r = PackByteReader(UnsafeRawBufferPointer(rebasing: records[Int(offsets[k])..<Int(offsets[k + 1])]))
                    var i = range.lowerBound
                    do throws(PackDecodingFailure) {
                        while i < range.upperBound {
                            let name = try r.text(), aliases = try r.texts(), evidence = try r.text(), extras = try r.textDictionary()
                            let from = try day(&r), until = try day(&r)
                            let p = Int(parents[i])
                            (buffer.baseAddress! + i).initialize(to: Region(packed: RegionID(ids[i]), name: name, kind: kindCases[Int(kinds[i])],
                                                                            parent: p >= 0 ? RegionID(ids[p]) : nil, aliases: aliases,
                                                                            evidence: evidence, extras: extras, validFrom: from, validUntil: until))
                            i += 1
                        }
                        try end(r)
                    } catch {
                        failures[k] = error
                        while i < range.upperBound {
                            (buffer.baseAddress! + i).initialize(to: Region(id: RegionID(""), name: "", kind: .country, parent: nil))
                            i += 1
                        }
                    }
                }
            }
            initialized = n
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        do {
            var gazetteer = try Gazetteer(packed: regions, parentIndex: parents) {
                nameKeys.withUnsafeBytes { try? Self.nameKeys($0, regions: n) }
            }
            gazetteer.extraColumns = extraColumns
            return gazetteer
        } catch {
            throw PackDecodingFailure("\(error)")
        }
    }

    /// The region names section: each region's folded keys.
    static func nameKeys(_ bytes: UnsafeRawBufferPointer, regions: Int) throws(PackDecodingFailure) -> [[String]] {
        var r = PackByteReader(bytes)
        guard Int(try r.u32()) == regions else { throw PackDecodingFailure("it does not have one list per region") }
        var keys: [[String]] = []
        keys.reserveCapacity(regions)
        for _ in 0..<regions { keys.append(try r.texts()) }
        try end(r)
        return keys
    }

    private static func day(_ r: inout PackByteReader) throws(PackDecodingFailure) -> CalendarDay? {
        guard try r.bool() else { return nil }
        let year = Int(try r.u16()), month = Int(try r.u8()), day = Int(try r.u8())
        guard let d = CalendarDay(year: year, month: month, day: day) else { throw PackDecodingFailure("\(year)-\(month)-\(day) is not a day") }
        return d
    }

    static func indicators(_ bytes: UnsafeRawBufferPointer) throws(PackDecodingFailure) -> IndicatorCatalogue {
        var r = PackByteReader(bytes)
        let n = Int(try r.u32())
        var list: [Indicator] = []
        for _ in 0..<n {
            let id = try r.text(), name = try r.text(), synonyms = try r.texts(), label = try r.text()
            let unit = try known(MeasurementUnit.self, try r.text())
            var denominator: Denominator? = nil
            if try r.bool() {
                denominator = Denominator(vietnamese: try r.text(), english: try r.text(), defaultKind: try known(BaseKind.self, try r.text()))
            }
            let temporal = try known(TemporalAggregation.self, try r.text()), spatial = try known(SpatialAggregation.self, try r.text())
            list.append(Indicator(id: IndicatorID(id), name: name, synonyms: synonyms, label: label, unit: unit, denominator: denominator,
                                  temporal: temporal, spatial: spatial, summary: try r.text()))
        }
        try end(r)
        do { return try IndicatorCatalogue(list) } catch { throw PackDecodingFailure("\(error)") }
    }

    private static func known<T: RawRepresentable<String>>(_: T.Type, _ raw: String) throws(PackDecodingFailure) -> T {
        guard let v = T(rawValue: raw) else { throw PackDecodingFailure("“\(raw)” is not a known \(T.self)") }
        return v
    }

    static func documents(_ bytes: UnsafeRawBufferPointer) throws(PackDecodingFailure) -> DocumentStore {
        var r = PackByteReader(bytes)
        let n = Int(try r.u32())
        var list: [SourceDocument] = []
        for _ in 0..<n { list.append(SourceDocument(name: try r.text(), text: try r.text())) }
        try end(r)
        return DocumentStore(list)
    }

    /// The sparse column, checked: rows ascending and below `rows`, texts numbered within the pool.
    static func details(_ bytes: UnsafeRawBufferPointer, rows: Int, strings: Int) throws(PackDecodingFailure) -> (rows: [Int32], details: [ObservationDetails]) {
        var r = PackByteReader(bytes)
        let detailRows = try r.array(Int32.self)
        let n = detailRows.count
        let starts = try r.array(Int16.self), ends = try r.array(Int16.self), parts = try r.array(UInt8.self), asYear = try r.array(UInt8.self)
        let valueMax = try r.doubles(), targetMax = try r.doubles()
        var texts: [[Int32]] = []
        for _ in ObservationDetails.textFields { texts.append(try r.array(Int32.self)) }
        try end(r)
        guard [starts.count, ends.count, parts.count, asYear.count, valueMax.count, targetMax.count].allSatisfy({ $0 == n }),
              texts.allSatisfy({ $0.count == n }) else { throw PackDecodingFailure("its lists differ in length") }
        for k in 0..<n where detailRows[k] < 0 || Int(detailRows[k]) >= rows || (k > 0 && detailRows[k] <= detailRows[k - 1]) {
            throw PackDecodingFailure("row \(detailRows[k]) is out of order or out of range")
        }
        for list in texts where list.contains(where: { $0 < -1 || Int($0) >= strings }) { throw PackDecodingFailure("a text number is out of range") }
        var details = [ObservationDetails](repeating: ObservationDetails(), count: n)
        for k in 0..<n {
            details[k].periodStart = starts[k]; details[k].periodEnd = ends[k]; details[k].periodPart = parts[k]
            details[k].countsAsYear = asYear[k] != 0
            details[k].valueMax = valueMax[k]; details[k].targetMax = targetMax[k]
            for (f, field) in ObservationDetails.textFields.enumerated() { details[k][keyPath: field] = texts[f][k] }
        }
        return (detailRows, details)
    }

    /// The index, checked against the rows and the catalogue: blocks contiguous from 0 to `rows`,
    /// starts ascending, so that no lookup can leave the columns.
    static func index(_ bytes: UnsafeRawBufferPointer, rows: Int, indicators: Int) throws(PackDecodingFailure) -> DatasetIndex {
        var r = PackByteReader(bytes)
        let starts = try r.array(Int.self), lows = try r.array(Int.self), highs = try r.array(Int.self)
        let years = try r.array(Int16.self), blockStarts = try r.array(Int.self), allYears = try r.array(Int.self)
        try end(r)
        let b = lows.count
        guard highs.count == b, years.count == b, starts.count == indicators + 1, blockStarts.count == indicators + 1,
              starts.first == 0, starts.last == rows, blockStarts.first == 0, blockStarts.last == b else {
            throw PackDecodingFailure("its lists do not fit the rows and indicators")
        }
        for i in 0..<indicators where starts[i] > starts[i + 1] || blockStarts[i] > blockStarts[i + 1] {
            throw PackDecodingFailure("the rows of indicator \(i) are out of order")
        }
        for k in 0..<b where lows[k] != (k == 0 ? 0 : highs[k - 1]) || highs[k] <= lows[k] || highs[k] > rows {
            throw PackDecodingFailure("block \(k) does not follow the one before")
        }
        guard b == 0 ? rows == 0 : highs[b - 1] == rows else { throw PackDecodingFailure("the blocks do not cover the rows") }
        return DatasetIndex(indicatorStarts: starts, blocks: zip(lows, highs).map { $0..<$1 }, blockYears: years, blockStarts: blockStarts, years: allYears)
    }

    static func sources(_ bytes: UnsafeRawBufferPointer) throws(PackDecodingFailure) -> [PackSourceStamp] {
        var r = PackByteReader(bytes)
        let n = Int(try r.u32())
        var out: [PackSourceStamp] = []
        for _ in 0..<n {
            out.append(PackSourceStamp(path: try r.text(), exists: try r.bool(), size: try r.u64(), modifiedSeconds: try r.int(), modifiedNanoseconds: try r.int()))
        }
        try end(r)
        return out
    }

    private static func end(_ r: PackByteReader) throws(PackDecodingFailure) {
        guard r.isAtEnd else { throw PackDecodingFailure("it has bytes past its last field") }
    }
}
