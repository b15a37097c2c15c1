/// Collects observations in any order and makes a sorted, indexed ``Dataset``.
///
/// Validation of names is the caller's: the builder takes regions and indicators that exist in its
/// gazetteer and catalogue. It finds duplicates itself (two rows for the same region, indicator, year
/// and scope), after sorting, in one pass.
///
/// Memory is a few bytes a row beyond the columns themselves: source lines are kept as the places
/// where they stop following the row number, details only for the rows that have them, and the sort
/// permutes the columns in place.
public struct DatasetBuilder: Sendable {
    /// The regions observations refer to.
    public let gazetteer: Gazetteer
    /// The indicators observations refer to.
    public let catalogue: IndicatorCatalogue
    var columns = ObservationColumns()
    private var strings = StringPool()
    /// Rows (in the order added) that carry details, ascending, and their details.
    private var detailRows: [Int32] = []
    private var pendingDetails: [ObservationDetails] = []
    private var lines = LineMap()

    /// Starts an empty dataset over these regions and indicators.
    public init(gazetteer: Gazetteer, catalogue: IndicatorCatalogue = .standard) {
        self.gazetteer = gazetteer
        self.catalogue = catalogue
    }

    /// How many observations were added.
    public var count: Int { columns.count }

    /// Makes room for `n` more rows, so that a large load grows its columns once.
    public mutating func reserveCapacity(_ n: Int) { columns.reserve(columns.count + n) }

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
        appendRow(region: region, indicator: indicator, year: year, value: o.value ?? .nan, base: o.base ?? .nan,
                  target: o.target?.value ?? .nan, stated: o.statedPercent?.value ?? .nan, flags: flags, line: line)
        let details = makeDetails(o)
        if !details.isEmpty {
            detailRows.append(Int32(columns.count - 1))
            pendingDetails.append(details)
        }
    }

    /// Adds a row already reduced to its dense fields (the fast loader's path: no details).
    mutating func appendRow(region: Gazetteer.Index, indicator: IndicatorCatalogue.Index, year: Int16, value: Double, base: Double,
                            target: Double, stated: Double, flags: ObservationFlags, line: Int) {
        lines.record(row: columns.count, line: line)
        columns.region.append(region)
        columns.indicator.append(indicator)
        columns.year.append(year)
        columns.value.append(value)
        columns.base.append(base)
        columns.target.append(target)
        columns.statedPercent.append(stated)
        columns.flags.append(flags)
    }

    /// Puts an observation in place of a row added as a placeholder (the fast loader's rows that
    /// need the full row reader). Rows must be replaced in ascending order.
    mutating func replace(row: Int, with o: Observation) throws(BuildError) {
        guard let region = gazetteer.index(of: o.region) else { throw .unknownRegion(o.region) }
        guard let indicator = catalogue.index(of: o.indicator) else { throw .unknownIndicator(o.indicator) }
        guard let year = Int16(exactly: o.year) else { throw .yearOutOfRange(o.year) }
        columns.region[row] = region
        columns.indicator[row] = indicator
        columns.year[row] = year
        columns.value[row] = o.value ?? .nan
        columns.base[row] = o.base ?? .nan
        columns.target[row] = o.target?.value ?? .nan
        columns.statedPercent[row] = o.statedPercent?.value ?? .nan
        columns.flags[row] = ObservationFlags(qualifier: o.qualifier, baseKind: o.baseKind, percentOf: o.percentOf, target: o.target,
                                              statedDigits: o.statedPercent?.fractionDigits ?? 0, derived: o.isDerived)
        let details = makeDetails(o)
        if !details.isEmpty {
            detailRows.append(Int32(row))
            pendingDetails.append(details)
        }
    }

    /// Adds rows parsed elsewhere, whose first row came from `firstLine` and whose other rows follow
    /// line by line except where `lineJumps` says (row within `piece`, line).
    mutating func append(_ piece: ObservationColumns, firstLine: Int, lineJumps: [(row: Int, line: Int)]) {
        let start = columns.count
        lines.record(row: start, line: firstLine)
        for jump in lineJumps { lines.record(row: start + jump.row, line: jump.line) }
        columns.region.append(contentsOf: piece.region)
        columns.indicator.append(contentsOf: piece.indicator)
        columns.year.append(contentsOf: piece.year)
        columns.value.append(contentsOf: piece.value)
        columns.base.append(contentsOf: piece.base)
        columns.target.append(contentsOf: piece.target)
        columns.statedPercent.append(contentsOf: piece.statedPercent)
        columns.flags.append(contentsOf: piece.flags)
    }

    private mutating func makeDetails(_ o: Observation) -> ObservationDetails {
        var d = ObservationDetails()
        if let period = o.period, let start = Int16(exactly: period.lowerBound), let end = Int16(exactly: period.upperBound) {
            d.periodStart = start
            d.periodEnd = end
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
        d.note = intern(o.note)
        d.document = intern(o.provenance?.document)
        d.quote = intern(o.provenance?.quote)
        return d
    }

    /// Sorts (by indicator, year, region, scope, then the order added), indexes and returns the dataset.
    ///
    /// The order comes from counting sorts (linear in the rows) and is applied to each column in place.
    ///
    /// - Throws: ``BuildError/duplicates(_:)`` listing every pair of rows with the same region,
    ///   indicator, year and scope, by the lines given to ``append(_:line:)``.
    public consuming func build(name: String, documents: DocumentStore = DocumentStore()) throws(BuildError) -> Dataset {
        var sorted = columns
        columns = ObservationColumns()
        let scopeRanks = makeScopeRanks()
        let order = RowOrder.sorted(sorted, catalogueCount: catalogue.count, regionCount: gazetteer.count) { row in
            scopeRanks.rank(ofRow: row)
        }
        if !order.duplicates.isEmpty {
            throw .duplicates(order.duplicates.map { (lines.line(ofRow: $0.0), lines.line(ofRow: $0.1)) })
        }
        (sorted.detailRows, sorted.details) = RowOrder.remap(rows: detailRows, details: pendingDetails, order: order.rows)
        RowOrder.apply(order.rows, to: &sorted)
        return Dataset(name: name, gazetteer: gazetteer, catalogue: catalogue, documents: documents, columns: sorted, strings: strings)
    }

    /// Scopes compare by the rank of their text among the distinct texts, ranked once: the order is
    /// alphabetical whatever order rows came in. The headline figure (no scope) sorts first.
    private func makeScopeRanks() -> ScopeRanks {
        let scopeIDs = Set(pendingDetails.lazy.map(\.scope).filter { $0 >= 0 })
        var rank = [Int32](repeating: -1, count: strings.strings.count)
        for (position, id) in scopeIDs.sorted(by: { strings.strings[Int($0)] < strings.strings[Int($1)] }).enumerated() {
            rank[Int(id)] = Int32(position)
        }
        return ScopeRanks(detailRows: detailRows, scopes: pendingDetails.map { $0.scope >= 0 ? rank[Int($0.scope)] : -1 })
    }
}

/// The scope rank of each row that has details (-1 for none), looked up by binary search: only rows
/// that share an indicator, year and region ever need it.
struct ScopeRanks {
    let detailRows: [Int32]
    let scopes: [Int32]

    func rank(ofRow row: Int32) -> Int32 {
        let i = detailRows.partitioningIndex { $0 >= row }
        return i < detailRows.count && detailRows[i] == row ? scopes[i] : -1
    }
}

/// Source lines of rows, stored only where they stop following the row number by one.
struct LineMap: Sendable {
    private var rows: [Int] = []
    private var offsets: [Int] = []     // line = row + offset, from rows[k] on; Int.min: not known

    mutating func record(row: Int, line: Int) {
        let offset = line == 0 ? Int.min : line - row
        if offsets.last != offset {
            rows.append(row)
            offsets.append(offset)
        }
    }

    func line(ofRow row: Int) -> Int {
        let k = rows.partitioningIndex { $0 > row } - 1
        return k >= 0 && offsets[k] != Int.min ? row + offsets[k] : 0
    }
}

/// Why an observation cannot go into a dataset.
public enum BuildError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(RegionID)
    case unknownIndicator(IndicatorID)
    case yearOutOfRange(Int)
    /// Pairs of source lines that give the same region, indicator, year and scope.
    case duplicates([(Int, Int)])

    public static func == (a: Self, b: Self) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case let .unknownRegion(id): "unknown region “\(id)”"
        case let .unknownIndicator(id): "unknown indicator “\(id)”"
        case let .yearOutOfRange(year): "year \(year) is out of range"
        case let .duplicates(pairs):
            pairs.map { "lines \($0.0) and \($0.1) give the same region, indicator, year and scope" }.joined(separator: "\n")
        }
    }
}
