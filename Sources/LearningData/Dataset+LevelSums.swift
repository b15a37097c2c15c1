/// One indicator's headline figures in one year summed up to the regions of a level: the kernel behind
/// roll-ups and rankings of regions that report no figure of their own (districts above communes).
///
/// Rates are kept as their parts (numerator and base) so that a caller computes the rate of the whole
/// as a ratio of sums; missing figures are counted, never read as zero.
public struct LevelSums: Sendable {
    /// Running sums for one region.
    public struct Sums: Hashable, Sendable {
        /// Sum of the values of the regions below that have one.
        public private(set) var value = 0.0
        /// Sum of the values of those that also have a base (the rate's numerator), and of their bases.
        public private(set) var numerator = 0.0, base = 0.0
        /// Sum of their rates, for a mean of rates when one is asked for.
        public private(set) var rateSum = 0.0
        /// How many regions below have a value, and how many of them a base too.
        public private(set) var contributing = 0, withBase = 0
        /// How many regions of the source level lie below.
        public internal(set) var expected = 0

        /// An empty sum.
        public init() {}

        @inline(__always)
        mutating func add(value v: Double, base b: Double) {
            guard !v.isNaN else { return }
            value += v
            contributing += 1
            guard !b.isNaN else { return }
            numerator += v
            base += b
            withBase += 1
            if b != 0 { rateSum += v / b }
        }

        /// numerator ÷ base; nil when no region below has both or the bases sum to zero.
        public var rate: Double? { withBase > 0 && base != 0 ? numerator / base : nil }
    }

    /// The level summed to, and the level whose figures were summed.
    public let level: AdministrativeLevel, sourceLevel: AdministrativeLevel
    /// The regions of `level` with regions of `sourceLevel` below them, in gazetteer order.
    public let regions: [Gazetteer.Index]
    /// Their sums, in the same order.
    public let sums: [Sums]
    /// Each one's own headline row for the year, if it reports one (to compare with the sum).
    public let reportedRows: [Int?]
    /// All the source figures together.
    public let total: Sums
}

/// Why figures cannot be summed to a level.
public enum LevelSumsError: Error, Equatable, Sendable {
    /// The indicator is not in the catalogue.
    case unknownIndicator(IndicatorID)
    /// The level whose figures would be summed is not below the level asked for.
    case levelNotAbove(level: AdministrativeLevel, source: AdministrativeLevel)
}

extension Dataset {
    /// Sums an indicator's headline figures for a year to the regions of `level`, in one pass over the
    /// rows of that indicator and year.
    ///
    /// - Parameters:
    ///   - sourceLevel: the level whose figures are summed; by default the deepest level below `level`
    ///     with figures that year, so a region's own figure and its children's are never added together.
    ///   - within: only regions below this one.
    public func levelSums(indicator id: IndicatorID, year: Int, level: AdministrativeLevel, sourceLevel: AdministrativeLevel? = nil,
                          within: RegionID? = nil) throws(LevelSumsError) -> LevelSums {
        guard catalogue.index(of: id) != nil else { throw .unknownIndicator(id) }
        let g = gazetteer
        let withinIndex = within.flatMap { g.index(of: $0) }
        func inArea(_ r: Gazetteer.Index) -> Bool { withinIndex.map { g.isWithin(r, $0) } ?? true }
        let block = rows(indicator: id, year: year)
        let hasScopes = !columns.detailRows.isEmpty
        let levels = g.levels
        var deepest: AdministrativeLevel? = nil
        for row in block where !hasScopes || scope(at: row) == nil {
            let l = levels[Int(columns.region[row])]
            if l > level, deepest.map({ l > $0 }) ?? true { deepest = l }
        }
        let source = sourceLevel ?? deepest ?? AdministrativeLevel(rawValue: level.rawValue + 1) ?? level
        guard source > level else { throw .levelNotAbove(level: level, source: source) }

        // Each region's ancestor at the target level, computed once per region, not per row.
        var target = [Int32](repeating: -1, count: g.count)
        var sums = [LevelSums.Sums](repeating: LevelSums.Sums(), count: g.count)
        var total = LevelSums.Sums()
        for r in 0..<g.count where levels[r] == source && inArea(Gazetteer.Index(r)) {
            total.expected += 1
            if let t = g.ancestor(of: Gazetteer.Index(r), at: level) {
                target[r] = t
                sums[Int(t)].expected += 1
            }
        }
        var reported = [Int?](repeating: nil, count: g.count)
        columns.value.withUnsafeBufferPointer { value in
            columns.base.withUnsafeBufferPointer { base in
                columns.region.withUnsafeBufferPointer { region in
                    for row in block where !hasScopes || scope(at: row) == nil {
                        let r = Int(region[row])
                        if levels[r] == level { reported[r] = row }
                        let t = Int(target[r])
                        guard t >= 0 else { continue }
                        sums[t].add(value: value[row], base: base[row])
                        total.add(value: value[row], base: base[row])
                    }
                }
            }
        }
        var regions: [Gazetteer.Index] = [], kept: [LevelSums.Sums] = [], reportedRows: [Int?] = []
        for t in 0..<g.count where sums[t].expected > 0 {
            regions.append(Gazetteer.Index(t))
            kept.append(sums[t])
            reportedRows.append(inArea(Gazetteer.Index(t)) ? reported[t] : nil)
        }
        return LevelSums(level: level, sourceLevel: source, regions: regions, sums: kept, reportedRows: reportedRows, total: total)
    }
}
