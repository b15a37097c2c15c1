/// A set of observations with the regions, indicators and documents they refer to, held column by
/// column and indexed so that a lookup costs in proportion to its answer.
///
/// - The rows of one indicator are one contiguous range, and so are those of one indicator in one year
///   (``rows(indicator:year:)``), sorted by region: an analysis of one indicator never scans the others.
/// - The rows of one region are found by binary search in each of those blocks (``rows(region:)``).
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
    /// The observations, one array per field, sorted by indicator, year, region, scope and period.
    public let columns: ObservationColumns
    let strings: StringPool
    /// The user's own columns (`x_…` in `figures.csv`), in file order; each row's are in ``extras(at:)``.
    public let extraColumns: [String]
    /// Figures another document gives for a row of this dataset, differently, that the dataset does not
    /// use: of two documents giving one region, indicator, year, period and scope, the row later in the file
    /// is used and the earlier one kept here (see ``conflicts``). Nil when no two sources disagree.
    public var superseded: Dataset? { supersededRows?.dataset }
    private let supersededRows: Boxed?

    /// A dataset held by reference, so that a dataset can hold another.
    private final class Boxed: Sendable {
        let dataset: Dataset
        init(_ dataset: Dataset) { self.dataset = dataset }
    }
    private let indicatorStarts: [Int]                    // rows of indicator i: indicatorStarts[i]..<indicatorStarts[i+1]
    /// The (indicator, year) blocks in row order; those of indicator i are blocks[blockStarts[i]..<blockStarts[i+1]].
    private let blocks: [Range<Int>]
    private let blockYears: [Int16]
    private let blockStarts: [Int]
    /// Every year some observation refers to, ascending.
    public let years: [Int]

    init(name: String, gazetteer: Gazetteer, catalogue: IndicatorCatalogue, documents: DocumentStore, columns: ObservationColumns, strings: StringPool,
         extraColumns: [String] = [], superseded: Dataset? = nil) {
        self.init(name: name, gazetteer: gazetteer, catalogue: catalogue, documents: documents, columns: columns, strings: strings,
                  extraColumns: extraColumns, superseded: superseded,
                  index: DatasetIndex(scanning: columns, indicatorCount: catalogue.count))
    }

    /// A dataset whose index is known already (a dataset pack stores it).
    init(name: String, gazetteer: Gazetteer, catalogue: IndicatorCatalogue, documents: DocumentStore, columns: ObservationColumns, strings: StringPool,
         extraColumns: [String], superseded: Dataset?, index: DatasetIndex) {
        self.name = name
        self.extraColumns = extraColumns
        supersededRows = superseded.map(Boxed.init)
        self.gazetteer = gazetteer
        self.catalogue = catalogue
        self.documents = documents
        self.columns = columns
        self.strings = strings
        indicatorStarts = index.indicatorStarts
        blocks = index.blocks
        blockYears = index.blockYears
        blockStarts = index.blockStarts
        years = index.years
    }

    /// The index, as ``DatasetIndex(scanning:indicatorCount:)`` found it (what a pack stores).
    var index: DatasetIndex {
        DatasetIndex(indicatorStarts: indicatorStarts, blocks: blocks, blockYears: blockYears, blockStarts: blockStarts, years: years)
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
        let mine = blockStarts[Int(i)]..<blockStarts[Int(i) + 1]
        let k = blockYears[mine].partitioningIndex { $0 >= y }
        return k < mine.upperBound && blockYears[k] == y ? blocks[k] : 0..<0
    }

    /// The rows of one region, ascending (so grouped by indicator, then year): found by binary search
    /// in each indicator-year block, whose rows are sorted by region, so no index by region is kept.
    public func rows(region: RegionID) -> ArraySlice<Int32> {
        guard let r = gazetteer.index(of: region) else { return [] }
        return ArraySlice(rows(region: r, blocks: blocks.indices))
    }

    /// The rows of one indicator for one region, by year.
    public func rows(indicator: IndicatorID, region: RegionID) -> ArraySlice<Int32> {
        guard let i = catalogue.index(of: indicator), let r = gazetteer.index(of: region) else { return [] }
        return ArraySlice(rows(region: r, blocks: blockStarts[Int(i)]..<blockStarts[Int(i) + 1]))
    }

    private func rows(region r: Gazetteer.Index, blocks chosen: Range<Int>) -> [Int32] {
        var out: [Int32] = []
        columns.region.withUnsafeBufferPointer { region in
            for k in chosen {
                let block = blocks[k]
                var row = region[block].partitioningIndex { $0 >= r }
                while row < block.upperBound, region[row] == r {
                    out.append(Int32(row))
                    row += 1
                }
            }
        }
        return out
    }

    /// The observation of an indicator for a region in a year with this scope, if there is one: by
    /// default the headline figure (see ``isHeadline(at:)``), or for a scope its first period (the
    /// whole year when there is one); with a `period`, the figure for it.
    public func observation(indicator: IndicatorID, region: RegionID, year: Int, scope: String? = nil, period: Period? = nil) -> Observation? {
        let period = period?.isWholeYear == true ? nil : period
        for row in rows(indicator: indicator, region: region) where Int(columns.year[Int(row)]) == year && self.scope(at: Int(row)) == scope {
            let r = Int(row)
            if period.map({ self.period(at: r) == $0 }) ?? (scope == nil ? isHeadline(at: r) : true) { return self[r] }
        }
        return nil
    }

    // MARK: Row access

    /// The target at a row, if it has one (without reassembling the whole observation).
    public func target(at row: Int) -> Target? {
        let f = columns.flags[row]
        guard f.hasTarget else { return nil }
        let high = columns.detailRows.isEmpty ? .nan : (columns.details(at: row)?.targetMax ?? .nan)
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
            period: d?.period,
            scope: d.flatMap { strings[$0.scope] }, value: value(at: row),
            valueMax: d.flatMap { $0.valueMax.isNaN ? nil : $0.valueMax }, base: base(at: row), baseKind: f.baseKind,
            target: target, statedPercent: stated, percentOf: f.percentOf, qualifier: f.qualifier,
            statedChange: d.flatMap { strings[$0.statedChange] }.flatMap { try? StatedChange(printed: $0) },
            derivation: d.flatMap { strings[$0.derivation] }, discrepancy: d.flatMap { strings[$0.discrepancy] },
            note: d.flatMap { strings[$0.note] }, provenance: provenance, extras: extras(at: row))
    }

    /// The row's `x_` fields by column name (those it leaves empty are absent).
    public func extras(at row: Int) -> [String: String] {
        columns.details(at: row).flatMap { strings[$0.extras] }.map(ObservationDetails.decode) ?? [:]
    }

    /// All observations in row order. Materialises every row: for analyses, use the columns.
    public var observations: [Observation] { (0..<count).map { self[$0] } }

    /// The figure at a row; nil when not printed.
    public func value(at row: Int) -> Double? { columns.value[row].isNaN ? nil : columns.value[row] }

    /// The denominator at a row; nil when not printed.
    public func base(at row: Int) -> Double? { columns.base[row].isNaN ? nil : columns.base[row] }

    /// The document a row's figure comes from; nil when it names none.
    public func document(at row: Int) -> String? { columns.details(at: row).flatMap { strings[$0.document] } }

    /// The period at a row when it is not the row's plain year.
    public func period(at row: Int) -> Period? { columns.details(at: row)?.period }

    /// Whether the row is the headline figure of its region and year, the one analyses use: no scope,
    /// and it covers the whole year, or it is a stock at the end of a span (a term's members, counted
    /// at its end) and the region gives no figure for the year itself. Half-years, quarters and flows
    /// over several years (a term's funds) are not: they are compared only with their like.
    public func isHeadline(at row: Int) -> Bool {
        guard let d = columns.details(at: row) else { return true }
        return d.scope < 0 && (d.periodStart == 0 || d.countsAsYear)
    }

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
