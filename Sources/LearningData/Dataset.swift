/// A set of observations with the regions, indicators and documents they refer to, held column by
/// column and indexed so that a lookup costs in proportion to its answer.
///
/// - The rows of one indicator are one contiguous range, and so are those of one indicator in one year
///   (``rows(indicator:year:)``), sorted by region: an analysis of one indicator never scans the others.
/// - The rows of one region are listed in a compact index (``rows(region:)``).
///
/// Get the seeds' dataset with ``embedded()``, a user's with ``DatasetLoader``.
public struct Dataset: Sendable {
    /// A name for people ("seeds: 5 reports").
    public let name: String
    /// The regions.
    public let gazetteer: Gazetteer
    /// The indicators.
    public let catalogue: IndicatorCatalogue
    /// The source documents quotes are taken from.
    public let documents: DocumentStore
    /// The observations, one array per field, sorted by indicator, year, region and scope.
    public let columns: ObservationColumns
    let strings: StringPool
    private let indicatorStarts: [Int]                    // rows of indicator i: indicatorStarts[i]..<indicatorStarts[i+1]
    private let yearBlocks: [YearBlockKey: Range<Int>]
    private let regionStarts: [Int]                       // regionRows[regionStarts[r]..<regionStarts[r+1]]
    private let regionRows: [Int32]
    /// Every year some observation refers to, ascending.
    public let years: [Int]

    private struct YearBlockKey: Hashable { let indicator: IndicatorCatalogue.Index; let year: Int16 }

    init(name: String, gazetteer: Gazetteer, catalogue: IndicatorCatalogue, documents: DocumentStore, columns: ObservationColumns, strings: StringPool) {
        self.name = name
        self.gazetteer = gazetteer
        self.catalogue = catalogue
        self.documents = documents
        self.columns = columns
        self.strings = strings
        let n = columns.count
        var indicatorStarts = [Int](repeating: 0, count: catalogue.count + 1)
        var regionCounts = [Int](repeating: 0, count: gazetteer.count + 1)
        var yearBlocks: [YearBlockKey: Range<Int>] = [:]
        var yearSet = Set<Int16>()
        var blockStart = 0
        for row in 0..<n {
            indicatorStarts[Int(columns.indicator[row]) + 1] += 1
            regionCounts[Int(columns.region[row]) + 1] += 1
            let endsBlock = row + 1 == n || columns.indicator[row + 1] != columns.indicator[row] || columns.year[row + 1] != columns.year[row]
            if endsBlock {
                yearBlocks[YearBlockKey(indicator: columns.indicator[row], year: columns.year[row])] = blockStart..<(row + 1)
                yearSet.insert(columns.year[row])
                blockStart = row + 1
            }
        }
        for i in 0..<catalogue.count { indicatorStarts[i + 1] += indicatorStarts[i] }
        for r in 0..<gazetteer.count { regionCounts[r + 1] += regionCounts[r] }
        var fill = regionCounts
        var regionRows = [Int32](repeating: 0, count: n)
        for row in 0..<n {
            let r = Int(columns.region[row])
            regionRows[fill[r]] = Int32(row)
            fill[r] += 1
        }
        self.indicatorStarts = indicatorStarts
        self.yearBlocks = yearBlocks
        self.regionStarts = regionCounts
        self.regionRows = regionRows
        self.years = yearSet.sorted().map(Int.init)
    }

    /// How many observations there are.
    public var count: Int { columns.count }

    /// The first and last year covered, if any.
    public var yearRange: ClosedRange<Int>? { years.first.map { $0...(years.last ?? $0) } }

    // MARK: Index lookups

    /// The rows of one indicator.
    public func rows(indicator: IndicatorID) -> Range<Int> {
        guard let i = catalogue.index(of: indicator) else { return 0..<0 }
        return indicatorStarts[Int(i)]..<indicatorStarts[Int(i) + 1]
    }

    /// The rows of one indicator in one year, sorted by region.
    public func rows(indicator: IndicatorID, year: Int) -> Range<Int> {
        guard let i = catalogue.index(of: indicator), let y = Int16(exactly: year) else { return 0..<0 }
        return yearBlocks[YearBlockKey(indicator: i, year: y)] ?? 0..<0
    }

    /// The rows of one region, ascending (so grouped by indicator, then year).
    public func rows(region: RegionID) -> ArraySlice<Int32> {
        guard let r = gazetteer.index(of: region) else { return [] }
        return regionRows[regionStarts[Int(r)]..<regionStarts[Int(r) + 1]]
    }

    /// The rows of one indicator for one region, by year: the region's rows cut to the indicator's range
    /// by binary search.
    public func rows(indicator: IndicatorID, region: RegionID) -> ArraySlice<Int32> {
        let all = rows(region: region)
        let range = rows(indicator: indicator)
        guard !range.isEmpty else { return [] }
        let low = all.partitioningIndex { $0 >= Int32(range.lowerBound) }
        let high = all[low...].partitioningIndex { $0 >= Int32(range.upperBound) }
        return all[low..<high]
    }

    /// The headline observation (no scope) of an indicator for a region in a year, if there is one.
    public func observation(indicator: IndicatorID, region: RegionID, year: Int, scope: String? = nil) -> Observation? {
        for row in rows(indicator: indicator, region: region) where Int(columns.year[Int(row)]) == year && self.scope(at: Int(row)) == scope {
            return self[Int(row)]
        }
        return nil
    }

    // MARK: Row access

    /// The target at a row, if it has one (without reassembling the whole observation).
    public func target(at row: Int) -> Target? {
        let f = columns.flags[row]
        guard f.hasTarget else { return nil }
        let high = f.hasTarget && !columns.detailRows.isEmpty ? (columns.details(at: row)?.targetMax ?? .nan) : .nan
        return Target(value: columns.target[row], upperBound: high.isNaN ? nil : high, isRate: f.targetIsRate, comparison: f.targetComparison)
    }

    /// The observation at a row, reassembled from the columns.
    public subscript(row: Int) -> Observation {
        let c = columns, f = c.flags[row]
        let d = c.details(at: row)
        let target = self.target(at: row)
        var stated: StatedPercent? = nil
        if !c.statedPercent[row].isNaN {
            let text = d.flatMap { strings[$0.statedText] }
                ?? StatedPercent.canonicalText(value: c.statedPercent[row], fractionDigits: f.statedDigits)
            stated = StatedPercent(text: text, value: c.statedPercent[row], fractionDigits: f.statedDigits)
        }
        var provenance: Provenance? = nil
        if let d, let document = strings[d.document] { provenance = Provenance(document: document, quote: strings[d.quote] ?? "") }
        return Observation(
            region: gazetteer[c.region[row]].id, indicator: catalogue[c.indicator[row]].id, year: Int(c.year[row]),
            period: d.flatMap { $0.periodStart != 0 ? Int($0.periodStart)...Int($0.periodEnd) : nil },
            scope: d.flatMap { strings[$0.scope] }, value: value(at: row),
            valueMax: d.flatMap { $0.valueMax.isNaN ? nil : $0.valueMax }, base: base(at: row), baseKind: f.baseKind,
            target: target, statedPercent: stated, percentOf: f.percentOf, qualifier: f.qualifier,
            statedChange: d.flatMap { strings[$0.statedChange] }.flatMap { try? StatedChange(printed: $0) },
            derivation: d.flatMap { strings[$0.derivation] }, discrepancy: d.flatMap { strings[$0.discrepancy] },
            note: d.flatMap { strings[$0.note] }, provenance: provenance)
    }

    /// All observations in row order. Materialises every row: for analyses, use the columns.
    public var observations: [Observation] { (0..<count).map { self[$0] } }

    /// The figure at a row; nil when not printed.
    public func value(at row: Int) -> Double? { columns.value[row].isNaN ? nil : columns.value[row] }

    /// The denominator at a row; nil when not printed.
    public func base(at row: Int) -> Double? { columns.base[row].isNaN ? nil : columns.base[row] }

    /// The scope at a row; nil for a headline figure.
    public func scope(at row: Int) -> String? { columns.details(at: row).flatMap { strings[$0.scope] } }

    /// The region at a row.
    public func region(at row: Int) -> Region { gazetteer[columns.region[row]] }

    /// The indicator at a row.
    public func indicator(at row: Int) -> Indicator { catalogue[columns.indicator[row]] }
}

extension Collection {
    /// The first index whose element satisfies `predicate`, for a collection partitioned by it.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex, n = count
        while n > 0 {
            let half = n / 2
            let mid = index(low, offsetBy: half)
            if predicate(self[mid]) { n = half } else { low = index(after: mid); n -= half + 1 }
        }
        return low
    }
}
