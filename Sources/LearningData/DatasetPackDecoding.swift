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

    static func regions(_ bytes: UnsafeRawBufferPointer) throws(PackDecodingFailure) -> Gazetteer {
        var r = PackByteReader(bytes)
        let extraColumns = try r.texts()
        let n = Int(try r.u32())
        var regions: [Region] = [], keys: [[String]] = []
        regions.reserveCapacity(min(n, bytes.count / 16)); keys.reserveCapacity(min(n, bytes.count / 16))
        for _ in 0..<n {
            let id = try r.text(), name = try r.text(), kindIndex = Int(try r.u8())
            guard kindIndex < AdministrativeKind.allCases.count else { throw PackDecodingFailure("region \(id) has kind \(kindIndex), which is unknown") }
            let parent = try r.optionalText(), aliases = try r.texts(), evidence = try r.text(), extras = try r.textDictionary()
            var region = Region(id: RegionID(id), name: name, kind: AdministrativeKind.allCases[kindIndex], parent: parent.map { RegionID($0) },
                                aliases: aliases, evidence: evidence, extras: extras)
            region.validFrom = try day(&r)
            region.validUntil = try day(&r)
            regions.append(region)
            keys.append(try r.texts())
        }
        try end(r)
        do {
            var gazetteer = try Gazetteer(regions, nameKeys: keys)
            gazetteer.extraColumns = extraColumns
            return gazetteer
        } catch {
            throw PackDecodingFailure("\(error)")
        }
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
