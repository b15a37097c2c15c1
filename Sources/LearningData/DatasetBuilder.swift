/// Collects observations in any order and makes a sorted, indexed ``Dataset``.
///
/// Validation of names is the caller's: the builder takes regions and indicators that exist in its
/// gazetteer and catalogue. It finds duplicates itself (two rows for the same region, indicator, year
/// and scope), after sorting, in one pass.
public struct DatasetBuilder: Sendable {
    /// The regions observations refer to.
    public let gazetteer: Gazetteer
    /// The indicators observations refer to.
    public let catalogue: IndicatorCatalogue
    private var columns = ObservationColumns()
    private var strings = StringPool()
    private var pendingDetails: [ObservationDetails] = []
    private var detailSlot: [Int32] = []
    private var sourceLines: [Int32] = []

    /// Starts an empty dataset over these regions and indicators.
    public init(gazetteer: Gazetteer, catalogue: IndicatorCatalogue = .standard) {
        self.gazetteer = gazetteer
        self.catalogue = catalogue
    }

    /// How many observations were added.
    public var count: Int { columns.count }

    /// Adds an observation.
    ///
    /// - Parameter line: where it came from, reported if it turns out to be a duplicate.
    /// - Throws: ``BuildError`` when the region or indicator is unknown or the year is out of range.
    public mutating func append(_ o: Observation, line: Int = 0) throws(BuildError) {
        guard let region = gazetteer.index(of: o.region) else { throw .unknownRegion(o.region) }
        guard let indicator = catalogue.index(of: o.indicator) else { throw .unknownIndicator(o.indicator) }
        guard let year = Int16(exactly: o.year) else { throw .yearOutOfRange(o.year) }
        columns.region.append(region)
        columns.indicator.append(indicator)
        columns.year.append(year)
        columns.value.append(o.value ?? .nan)
        columns.base.append(o.base ?? .nan)
        columns.target.append(o.target?.value ?? .nan)
        columns.statedPercent.append(o.statedPercent?.value ?? .nan)
        columns.flags.append(ObservationFlags(qualifier: o.qualifier, baseKind: o.baseKind, percentOf: o.percentOf, target: o.target,
                                              statedDigits: o.statedPercent?.fractionDigits ?? 0, derived: o.isDerived))
        sourceLines.append(Int32(clamping: line))
        let details = makeDetails(o)
        if details.isEmpty {
            detailSlot.append(-1)
        } else {
            detailSlot.append(Int32(pendingDetails.count))
            pendingDetails.append(details)
        }
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
    /// - Throws: ``BuildError/duplicates(_:)`` listing every pair of rows with the same region,
    ///   indicator, year and scope, by the lines given to ``append(_:line:)``.
    public func build(name: String, documents: DocumentStore = DocumentStore()) throws(BuildError) -> Dataset {
        let n = columns.count
        // Scopes compare by the rank of their text among the distinct texts, ranked once: the order
        // is alphabetical whatever order rows came in, at four bytes a row rather than a string.
        // The headline figure (no scope) sorts first.
        let scopeIDs = Set(pendingDetails.lazy.map(\.scope).filter { $0 >= 0 })
        var rank = [Int32](repeating: 0, count: strings.strings.count)
        for (position, id) in scopeIDs.sorted(by: { strings.strings[Int($0)] < strings.strings[Int($1)] }).enumerated() {
            rank[Int(id)] = Int32(position)
        }
        let scopes: [Int32] = (0..<n).map { i in
            let slot = detailSlot[i]
            guard slot >= 0, pendingDetails[Int(slot)].scope >= 0 else { return -1 }
            return rank[Int(pendingDetails[Int(slot)].scope)]
        }
        let c = columns
        let order = (0..<n).sorted { a, b in
            if c.indicator[a] != c.indicator[b] { return c.indicator[a] < c.indicator[b] }
            if c.year[a] != c.year[b] { return c.year[a] < c.year[b] }
            if c.region[a] != c.region[b] { return c.region[a] < c.region[b] }
            if scopes[a] != scopes[b] { return scopes[a] < scopes[b] }
            return a < b
        }
        var duplicates: [(Int, Int)] = []
        for k in order.indices.dropFirst() {
            let a = order[k - 1], b = order[k]
            if c.indicator[a] == c.indicator[b], c.year[a] == c.year[b], c.region[a] == c.region[b], scopes[a] == scopes[b] {
                duplicates.append((Int(sourceLines[a]), Int(sourceLines[b])))
            }
        }
        guard duplicates.isEmpty else { throw .duplicates(duplicates) }
        var sorted = ObservationColumns()
        sorted.reserve(n)
        for old in order {
            sorted.region.append(c.region[old])
            sorted.indicator.append(c.indicator[old])
            sorted.year.append(c.year[old])
            sorted.value.append(c.value[old])
            sorted.base.append(c.base[old])
            sorted.target.append(c.target[old])
            sorted.statedPercent.append(c.statedPercent[old])
            sorted.flags.append(c.flags[old])
            let slot = detailSlot[old]
            if slot >= 0 {
                sorted.detailRows.append(Int32(sorted.count - 1))
                sorted.details.append(pendingDetails[Int(slot)])
            }
        }
        return Dataset(name: name, gazetteer: gazetteer, catalogue: catalogue, documents: documents, columns: sorted, strings: strings)
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
