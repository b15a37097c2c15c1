/// Collects observations in any order and makes a sorted, indexed ``Dataset``.
///
/// Validation of names is the caller's: the builder takes regions and indicators that exist in its
/// gazetteer and catalogue. It finds duplicates itself (two rows for the same region, indicator, year, period
/// and scope), after sorting, in one pass.
///
/// Rows are kept apart by indicator and year as they arrive (a ``RowBucket`` each), so the dataset's
/// order (indicator, year, region, scope, period) costs only a sort by region inside each bucket, and building
/// the dataset moves each bucket into place and frees it: a load holds its rows about once, never
/// twice.
public struct DatasetBuilder: Sendable {
    /// The regions observations refer to.
    public let gazetteer: Gazetteer
    /// The indicators observations refer to.
    public let catalogue: IndicatorCatalogue
    private var buckets: [Int: RowBucket] = [:]
    private var strings = StringPool()
    private let tracksLines: Bool
    /// How many observations were added.
    public private(set) var count = 0
    /// The names of the user's own columns the observations fill.
    private var extraNames: Set<String> = []

    /// Starts an empty dataset over these regions and indicators.
    public init(gazetteer: Gazetteer, catalogue: IndicatorCatalogue = .standard) {
        self.init(gazetteer: gazetteer, catalogue: catalogue, tracksLines: true)
    }

    /// `tracksLines: false` keeps no source line per row (four bytes a row): a caller that can find
    /// the lines of duplicates another way (the fast loader reads the file again) saves them.
    init(gazetteer: Gazetteer, catalogue: IndicatorCatalogue, tracksLines: Bool) {
        self.gazetteer = gazetteer
        self.catalogue = catalogue
        self.tracksLines = tracksLines
    }

    /// The bucket of an indicator and year; keys sort as (indicator, year) do, for every Int16 year.
    static func key(indicator: IndicatorCatalogue.Index, year: Int16) -> Int { Int(indicator) << 16 | (Int(year) + 32_768) }

    /// Adds an observation.
    ///
    /// - Parameter line: where it came from, reported if it turns out to be a duplicate.
    /// - Throws: ``BuildError`` when the region or indicator is unknown or the year is out of range.
    public mutating func append(_ o: Observation, line: Int = 0) throws(BuildError) {
        guard let region = gazetteer.index(of: o.region) else { throw .unknownRegion(o.region) }
        guard let indicator = catalogue.index(of: o.indicator) else { throw .unknownIndicator(o.indicator) }
        guard let year = Int16(exactly: o.year) else { throw .yearOutOfRange(o.year) }
        let flags = ObservationFlags(qualifier: o.qualifier, baseKind: o.baseKind, percentOf: o.percentOf, target: o.target,
                                     statedDigits: o.statedPercent?.fractionDigits ?? 0, derived: o.isDerived)
        let details = makeDetails(o)
        let key = Self.key(indicator: indicator, year: year)
        var bucket = buckets.removeValue(forKey: key) ?? RowBucket()
        let c = bucket.columns.count
        bucket.columns.region.append(region)
        bucket.columns.indicator.append(indicator)
        bucket.columns.year.append(year)
        bucket.columns.value.append(o.value ?? .nan)
        bucket.columns.base.append(o.base ?? .nan)
        bucket.columns.target.append(o.target?.value ?? .nan)
        bucket.columns.statedPercent.append(o.statedPercent?.value ?? .nan)
        bucket.columns.flags.append(flags)
        if !details.isEmpty {
            bucket.columns.detailRows.append(Int32(c))
            bucket.columns.details.append(details)
        }
        if tracksLines { bucket.lines.append(Int32(clamping: line)) }
        buckets[key] = bucket
        count += 1
    }

    /// Makes room in each bucket for what it will likely hold once `scale` times as many rows have
    /// arrived as now: a large load grows each bucket once instead of doubling it (and copying, and
    /// touching fresh memory) a dozen times. Room never used is never touched.
    mutating func reserveBuckets(scale: Double) {
        guard scale > 1 else { return }
        for key in Array(buckets.keys) {
            guard var bucket = buckets.removeValue(forKey: key) else { continue }
            bucket.columns.reserve(Int(Double(bucket.columns.count) * scale * 1.25) + 16)
            buckets[key] = bucket
        }
    }

    /// The numbers of texts in the dataset's string pool, adding those that are new: the fast loader
    /// interns a stretch's distinct texts once, then its rows' details refer to them. Their keys
    /// were worked out on the cores, so this thread hashes nothing.
    mutating func intern(_ texts: KeyedTexts) -> [Int32] {
        zip(texts.strings, texts.keys).map { strings.intern($0, key: $1) }
    }

    /// Makes room in the string pool for `count` more texts.
    mutating func reserveTexts(_ count: Int) { strings.reserve(count) }

    /// Adds rows already in columns, all of one indicator and year (the fast loader's rows), to a
    /// builder that keeps no lines. Their details' texts are numbers in `texts`, which
    /// ``intern(_:)`` gave.
    mutating func append(_ piece: ObservationColumns, range: Range<Int>, key: Int, texts: [Int32] = []) {
        precondition(!tracksLines, "rows without lines go to a builder that keeps none")
        guard !range.isEmpty else { return }
        var bucket = buckets.removeValue(forKey: key) ?? RowBucket()
        bucket.columns.region.append(contentsOf: piece.region[range])
        bucket.columns.indicator.append(contentsOf: piece.indicator[range])
        bucket.columns.year.append(contentsOf: piece.year[range])
        bucket.columns.value.append(contentsOf: piece.value[range])
        bucket.columns.base.append(contentsOf: piece.base[range])
        bucket.columns.target.append(contentsOf: piece.target[range])
        bucket.columns.statedPercent.append(contentsOf: piece.statedPercent[range])
        bucket.columns.flags.append(contentsOf: piece.flags[range])
        if !piece.detailRows.isEmpty {
            let first = piece.detailRows.partitioningIndex { $0 >= Int32(range.lowerBound) }
            let end = piece.detailRows.partitioningIndex { $0 >= Int32(range.upperBound) }
            let shift = Int32(bucket.columns.count - range.count - range.lowerBound)
            func global(_ id: Int32) -> Int32 { id >= 0 ? texts[Int(id)] : -1 }
            for k in first..<end {
                var d = piece.details[k]
                (d.scope, d.note, d.document, d.quote) = (global(d.scope), global(d.note), global(d.document), global(d.quote))
                bucket.columns.detailRows.append(piece.detailRows[k] + shift)
                bucket.columns.details.append(d)
            }
        }
        buckets[key] = bucket
        count += range.count
    }

    private mutating func makeDetails(_ o: Observation) -> ObservationDetails {
        var d = ObservationDetails()
        if let period = o.period, let start = Int16(exactly: period.first), let end = Int16(exactly: period.last) {
            d.periodStart = start
            d.periodEnd = end
            d.periodPart = period.part?.storageCode ?? 0
        }
        func intern(_ text: String?) -> Int32 { text.map { strings.intern($0) } ?? -1 }
        d.scope = intern(o.scope)
        d.valueMax = o.valueMax ?? .nan
        d.targetMax = o.target?.upperBound ?? .nan
        if let stated = o.statedPercent, stated.text != StatedPercent.canonicalText(value: stated.value, fractionDigits: stated.fractionDigits) {
            d.statedText = intern(stated.text)
        }
        d.statedChange = intern(o.statedChange?.text)
        d.derivation = intern(o.derivation)
        d.discrepancy = intern(o.discrepancy)
        if !o.extras.isEmpty {
            d.extras = intern(ObservationDetails.encode(o.extras))
            extraNames.formUnion(o.extras.keys)
        }
        d.note = intern(o.note)
        d.document = intern(o.provenance?.document)
        d.quote = intern(o.provenance?.quote)
        return d
    }

    /// Sorts (by indicator, year, region, scope, period, then the order added), indexes and returns the dataset.
    ///
    /// - Throws: ``BuildError/duplicates(_:)`` listing every pair of rows with the same region,
    ///   indicator, year, period and scope, by the lines given to ``append(_:line:)``.
    /// - Parameter extraColumns: the user's own columns (`x_…`) in the order to show them; those rows
    ///   fill but the list leaves out come after it, by name.
    public consuming func build(name: String, documents: DocumentStore = DocumentStore(), extraColumns: [String] = []) throws(BuildError) -> Dataset {
        let ranks = scopeRanks()
        var duplicates: [(Int, Int)] = []
        var ordered: [RowBucket] = [], superseded: [RowBucket] = []
        for key in buckets.keys.sorted() {
            guard var bucket = buckets.removeValue(forKey: key) else { continue }
            let indicator = catalogue[IndicatorCatalogue.Index(truncatingIfNeeded: key >> 16)]
            let sorted = bucket.sortByRegion(scopeRank: ranks, isStock: indicator.temporal == .last)
            duplicates += sorted.duplicates
            if let other = sorted.superseded { superseded.append(other) }
            ordered.append(bucket)
        }
        buckets = [:]
        guard duplicates.isEmpty else { throw .duplicates(duplicates) }
        let all = ObservationColumns(concatenating: consume ordered)
        let columns = extraColumns + extraNames.subtracting(extraColumns).sorted()
        let other = superseded.isEmpty ? nil
            : Dataset(name: name, gazetteer: gazetteer, catalogue: catalogue, documents: documents,
                      columns: ObservationColumns(concatenating: consume superseded), strings: strings, extraColumns: columns)
        return Dataset(name: name, gazetteer: gazetteer, catalogue: catalogue, documents: documents, columns: all, strings: strings,
                       extraColumns: columns, superseded: other)
    }

    /// Scopes compare by the rank of their text among the distinct texts, ranked once: the order is
    /// alphabetical whatever order rows came in. The headline figure (no scope) has -1 and sorts first.
    private func scopeRanks() -> [Int32] {
        var used = Set<Int32>()
        for bucket in buckets.values { for d in bucket.columns.details where d.scope >= 0 { used.insert(d.scope) } }
        var rank = [Int32](repeating: -1, count: strings.strings.count)
        for (position, id) in used.sorted(by: { strings.strings[Int($0)] < strings.strings[Int($1)] }).enumerated() {
            rank[Int(id)] = Int32(position)
        }
        return rank
    }
}

/// The rows of one indicator in one year, in the order added until the dataset is built.
struct RowBucket: Sendable {
    var columns = ObservationColumns()
    /// Source lines, when the builder keeps them.
    var lines: [Int32] = []

    /// Puts the rows in region order, then scope order (the headline first), then period order (the
    /// whole year first), then the order added. Two rows with the same region, scope and period from
    /// two different documents are two sources that disagree: the one added later (later in the file:
    /// reports are added as they come) is kept and the earlier one returned as `superseded`. Any other
    /// pair is a duplicate, returned by its source lines. Most files list a year's regions in order
    /// already, and then nothing moves.
    ///
    /// - Parameter isStock: whether the indicator is a stock, whose figure at the end of a span stands
    ///   for the span's last year when the region gives none for the year itself.
    mutating func sortByRegion(scopeRank: [Int32], isStock: Bool) -> (duplicates: [(Int, Int)], superseded: RowBucket?) {
        let c = columns
        let n = c.count
        func detail(_ row: Int) -> ObservationDetails? {
            guard !c.detailRows.isEmpty else { return nil }
            let i = c.detailRows.partitioningIndex { $0 >= Int32(row) }
            return i < c.detailRows.count && c.detailRows[i] == Int32(row) ? c.details[i] : nil
        }
        // (scope rank, period rank) of each row with details; rows without are (-1, 0).
        var scopes = [Int32](repeating: -1, count: c.detailRows.isEmpty ? 0 : n)
        var periods = [Int32](repeating: 0, count: c.detailRows.isEmpty ? 0 : n)
        for (k, row) in c.detailRows.enumerated() {
            let d = c.details[k]
            scopes[Int(row)] = d.scope >= 0 ? scopeRank[Int(d.scope)] : -1
            periods[Int(row)] = d.periodRank
        }
        func key(_ row: Int) -> (Gazetteer.Index, Int32, Int32) {
            scopes.isEmpty ? (c.region[row], -1, 0) : (c.region[row], scopes[row], periods[row])
        }
        var ordered = true
        for row in 1..<max(n, 1) where !(key(row - 1) < key(row)) { ordered = false; break }
        var duplicates: [(Int, Int)] = []
        guard !ordered else {
            if isStock { markStockSpans() }
            return (duplicates, nil)
        }
        let order = (0..<n).sorted { a, b in
            let ka = key(a), kb = key(b)
            return ka != kb ? ka < kb : a < b
        }
        var dropped: [Int] = []
        for k in order.indices.dropFirst() {
            let a = order[k - 1], b = order[k]
            guard key(a) == key(b) else { continue }
            let (da, db) = (detail(a)?.document ?? -1, detail(b)?.document ?? -1)
            if da >= 0, db >= 0, da != db {
                dropped.append(a)
            } else {
                duplicates.append(lines.isEmpty ? (0, 0) : (Int(lines[a]), Int(lines[b])))
            }
        }
        guard duplicates.isEmpty else { return (duplicates, nil) }
        var superseded: RowBucket? = nil
        if !dropped.isEmpty {
            let gone = Set(dropped)
            var other = RowBucket(columns: columns)
            other.columns.apply(dropped)
            superseded = other
            columns.apply(order.filter { !gone.contains($0) })
        } else {
            columns.apply(order)
        }
        if isStock { markStockSpans() }
        return (duplicates, superseded)
    }

    /// Marks the stock figures at the end of a span that stand for their last year: a region's first
    /// row, when it has no scope and its period is a span. Rows are in order (region, scope with none
    /// first, period with the whole year first), so a whole-year row of the region would come before
    /// it, and of several spans the shortest comes first.
    private mutating func markStockSpans() {
        for k in columns.details.indices {
            let row = Int(columns.detailRows[k])
            let d = columns.details[k]
            let first = row == 0 || columns.region[row - 1] != columns.region[row]
            if first, d.scope < 0, d.periodPart == 0, d.periodStart != 0, d.periodStart < d.periodEnd {
                columns.details[k].countsAsYear = true
            }
        }
    }
}

/// Why an observation cannot go into a dataset.
public enum BuildError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(RegionID)
    case unknownIndicator(IndicatorID)
    case yearOutOfRange(Int)
    /// Pairs of source lines that give the same region, indicator, year, period and scope.
    case duplicates([(Int, Int)])

    public static func == (a: Self, b: Self) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case let .unknownRegion(id): "unknown region “\(id)”"
        case let .unknownIndicator(id): "unknown indicator “\(id)”"
        case let .yearOutOfRange(year): "year \(year) is out of range"
        case let .duplicates(pairs):
            pairs.map { "lines \($0.0) and \($0.1) give the same region, indicator, year, period and scope" }.joined(separator: "\n")
        }
    }
}
