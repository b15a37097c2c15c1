/// The small sections of one dataset (one part of a pack) as bytes. Each encoder has its decoder in
/// DatasetPackDecoding.swift, field for field in the same order.
enum PackEncoding {
    /// What a part of a pack shares with part 0 instead of storing again (a dataset's superseded rows
    /// have the same regions, indicators, documents and texts).
    struct Sharing: Equatable {
        var gazetteer = false, catalogue = false, documents = false, strings = false
    }

    static func meta(_ d: Dataset, sharing: Sharing, hasSuperseded: Bool) -> [UInt8] {
        var w = PackByteWriter()
        w.text(d.name)
        w.texts(d.extraColumns)
        w.int(d.count)
        w.bool(sharing.gazetteer); w.bool(sharing.catalogue); w.bool(sharing.documents); w.bool(sharing.strings)
        w.bool(hasSuperseded)
        return w.bytes
    }

    static func strings(_ pool: StringPool) -> [UInt8] {
        var w = PackByteWriter()
        w.texts(pool.strings)
        return w.bytes
    }

    /// The regions (layout in ``PackFormat``): the parents' positions and the kinds as lists, the
    /// ids, then the rest of each region in chunks that decode on separate cores, after their offsets.
    static func regions(_ g: Gazetteer) -> [UInt8] {
        var w = PackByteWriter()
        w.texts(g.extraColumns)
        w.u32(UInt32(g.count))
        w.array((0..<g.count).map { g.parentIndex(of: Gazetteer.Index($0)) ?? -1 })
        w.array(g.regions.map { UInt8(AdministrativeKind.allCases.firstIndex(of: $0.kind) ?? 0) })
        w.texts(g.regions.map(\.id.rawValue))
        let chunks = max(1, min(PackFormat.regionChunks, g.count / 1024))
        var records = PackByteWriter(), offsets: [UInt64] = []
        for k in 0..<chunks {
            offsets.append(UInt64(records.bytes.count))
            for region in g.regions[(g.count * k / chunks)..<(g.count * (k + 1) / chunks)] {
                records.text(region.name)
                records.texts(region.aliases)
                records.text(region.evidence)
                records.textDictionary(region.extras)
                day(region.validFrom, &records)
                day(region.validUntil, &records)
            }
        }
        offsets.append(UInt64(records.bytes.count))
        w.array(offsets)
        w.raw(records.bytes)
        return w.bytes
    }

    /// Each region's folded name keys (``Gazetteer/nameKeys(_:)``), so that the first lookup by name
    /// after opening skips the folding.
    static func nameKeys(_ g: Gazetteer) -> [UInt8] {
        var w = PackByteWriter()
        w.u32(UInt32(g.count))
        for region in g.regions { w.texts(Gazetteer.nameKeys(region)) }
        return w.bytes
    }

    private static func day(_ day: CalendarDay?, _ w: inout PackByteWriter) {
        w.bool(day != nil)
        guard let day else { return }
        w.u16(UInt16(clamping: day.year)); w.u8(UInt8(clamping: day.month)); w.u8(UInt8(clamping: day.day))
    }

    static func indicators(_ c: IndicatorCatalogue) -> [UInt8] {
        var w = PackByteWriter()
        w.u32(UInt32(c.count))
        for i in c.indicators {
            w.text(i.id.rawValue); w.text(i.name); w.texts(i.synonyms); w.text(i.label); w.text(i.unit.rawValue)
            w.bool(i.denominator != nil)
            if let d = i.denominator { w.text(d.vietnamese); w.text(d.english); w.text(d.defaultKind.rawValue) }
            w.text(i.temporal.rawValue); w.text(i.spatial.rawValue); w.text(i.summary)
        }
        return w.bytes
    }

    static func documents(_ store: DocumentStore) -> [UInt8] {
        var w = PackByteWriter()
        let names = store.names
        w.u32(UInt32(names.count))
        for name in names {
            w.text(name)
            w.text(store[name]?.text ?? "")
        }
        return w.bytes
    }

    /// The sparse column: the rows that have details, then each field of ``ObservationDetails`` as a list.
    static func details(_ c: ObservationColumns) -> [UInt8] {
        var w = PackByteWriter()
        let d = c.details
        w.array(c.detailRows)
        w.array(d.map(\.periodStart)); w.array(d.map(\.periodEnd)); w.array(d.map(\.periodPart))
        w.array(d.map { UInt8($0.countsAsYear ? 1 : 0) })
        w.doubles(d.map(\.valueMax)); w.doubles(d.map(\.targetMax))
        for field in ObservationDetails.textFields { w.array(d.map { $0[keyPath: field] }) }
        return w.bytes
    }

    static func index(_ x: DatasetIndex) -> [UInt8] {
        var w = PackByteWriter()
        w.array(x.indicatorStarts)
        w.array(x.blocks.map(\.lowerBound)); w.array(x.blocks.map(\.upperBound))
        w.array(x.blockYears); w.array(x.blockStarts); w.array(x.years)
        return w.bytes
    }

    static func sources(_ stamps: [PackSourceStamp]) -> [UInt8] {
        var w = PackByteWriter()
        w.u32(UInt32(stamps.count))
        for s in stamps {
            w.text(s.path); w.bool(s.exists); w.u64(s.size); w.int(s.modifiedSeconds); w.int(s.modifiedNanoseconds)
        }
        return w.bytes
    }
}

extension ObservationDetails {
    /// The fields that number a text of the string pool, in the pack's order.
    static var textFields: [WritableKeyPath<ObservationDetails, Int32>] {
        [\.scope, \.statedText, \.statedChange, \.derivation, \.discrepancy, \.note, \.document, \.quote, \.extras]
    }
}
