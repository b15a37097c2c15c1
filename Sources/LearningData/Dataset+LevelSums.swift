/// One indicator's headline figures in one year rolled up to the regions of a level: the kernel behind
/// roll-ups and behind rankings of regions that report no figure of their own (districts above communes).
///
/// Each region's figure is its own when it reports one, and otherwise the sum of the figures of the
/// regions directly below it, worked out the same way from the bottom up: a district that reports its
/// total is used as reported, one that does not is the sum of its communes, and a province is the sum
/// of those. A region's own figure and its children's are never added together; where both exist the
/// children's sum is kept beside the figure used, and a difference beyond rounding is flagged.
///
/// Value, base and rate are summed separately, each over the regions that give it, and each says how
/// many regions it rests on: the rate is the sum of numerators over the sum of denominators of the
/// regions that give both, never the value of some regions over the base of others. Missing figures
/// are counted, never read as zero.
public struct LevelSums: Sendable {
    /// How many of the regions directly below one region give a quantity (value, base or rate).
    public struct Coverage: Hashable, Sendable {
        /// Whether the quantity is the region's own, as reported (then the counts are zero).
        public let isReported: Bool
        /// How many regions below give it, and how many regions there are below.
        public let count: Int, expected: Int
        /// Of the `count` regions, how many give it only in part themselves (a partial sum of their own).
        public let partialParts: Int
        /// The level of the regions below, when they are all of one.
        public let partLevel: AdministrativeLevel?

        /// Creates a coverage.
        public init(isReported: Bool = false, count: Int = 0, expected: Int = 0, partialParts: Int = 0, partLevel: AdministrativeLevel? = nil) {
            self.isReported = isReported
            self.count = count
            self.expected = expected
            self.partialParts = partialParts
            self.partLevel = partLevel
        }

        /// Whether it covers the whole region: reported, or given by every region below, none in part.
        public var isComplete: Bool { isReported || (count == expected && partialParts == 0) }
    }

    /// Running sums over parts: the regions directly below one region, or the rows of a roll-up.
    public struct Sums: Hashable, Sendable {
        /// Sum of the values of the parts that give one, and how many do.
        public private(set) var value = 0.0, valueCount = 0
        /// Sum of the bases of the parts that give one, and how many do.
        public private(set) var base = 0.0, baseCount = 0
        /// Over the parts that give both a value and a base (a rate): sum of values, of bases, how many.
        public private(set) var numerator = 0.0, denominator = 0.0, rateCount = 0
        /// Sum of those parts' rates, for a mean of rates when one is asked for.
        public private(set) var rateSum = 0.0
        /// The qualifier of the value's sum (a sum of "gần" figures is nearly).
        public private(set) var qualifier = Qualifier.exact
        /// Of the parts counted for value, base and rate, how many are themselves partial sums.
        public private(set) var partialValues = 0, partialBases = 0, partialRates = 0
        /// Whether some part's value and rate rest on different regions of its own.
        public private(set) var hasUnevenPart = false
        /// How many parts there are, with a figure or not.
        public internal(set) var expected = 0
        /// The parts' level, while they are all of one.
        public private(set) var partLevel: AdministrativeLevel? = nil
        private var mixedLevels = false

        /// An empty sum.
        public init() {}

        /// Counts one more part, before its figure is known (a part without a figure still counts).
        mutating func expect(level: AdministrativeLevel) {
            expected += 1
            if partLevel == nil, !mixedLevels { partLevel = level } else if partLevel != level { partLevel = nil; mixedLevels = true }
        }

        /// Adds a part's figure, quantity by quantity: each goes only into its own sum.
        mutating func add(_ f: Figure) {
            if let v = f.value {
                value += v
                valueCount += 1
                qualifier = qualifier.combined(with: f.qualifier)
                if !f.valueCoverage.isComplete { partialValues += 1 }
            }
            if let b = f.base {
                base += b
                baseCount += 1
                if !f.baseCoverage.isComplete { partialBases += 1 }
            }
            if let n = f.numerator, let d = f.denominator {
                numerator += n
                denominator += d
                rateCount += 1
                if d != 0 { rateSum += n / d }
                if !f.rateCoverage.isComplete { partialRates += 1 }
            }
            if f.isUneven { hasUnevenPart = true }
        }

        /// numerator ÷ denominator; nil when no part gives both or the bases sum to zero.
        public var rate: Double? { rateCount > 0 && denominator != 0 ? numerator / denominator : nil }
    }

    /// One region's figure as a roll-up uses it: its own when it reports one, else the sum below.
    public struct Figure: Hashable, Sendable {
        /// The row of its own headline figure for the year, when that row gives a value (or only a
        /// base, with nothing below it to sum).
        public let reportedRow: Int?
        /// The sums of the regions directly below it (every one of them counted in `expected`).
        public let below: Sums
        /// The value, base and rate parts used: the reported ones, or the sums below.
        public let value: Double?, base: Double?, numerator: Double?, denominator: Double?
        /// How exact the value is.
        public let qualifier: Qualifier
        /// Mean of the parts' rates (its own rate when reported).
        public let meanOfRates: Double?
        /// On how many regions below each quantity rests.
        public let valueCoverage: Coverage, baseCoverage: Coverage, rateCoverage: Coverage
        /// With a reported figure and a sum below: whether they differ beyond rounding (see
        /// ``LevelSums/differ(reported:qualifier:below:)``); nil when there is no sum to compare.
        public let differs: Bool?

        /// Whether the figure is the region's own.
        public var isReported: Bool { reportedRow != nil }

        /// Whether value, base and rate rest on different regions somewhere below, so that value ÷ base
        /// is not the rate: some region gives a value without a base, or a base without a value. (When
        /// every part is even and as many give a value as a base and both, the value is the numerator
        /// and the base the denominator, by induction from the bottom.)
        public var isUneven: Bool {
            !isReported && (below.hasUnevenPart || below.valueCount != below.rateCount || below.baseCount != below.rateCount)
        }

        /// numerator ÷ denominator; nil when no region gives both or the bases are zero.
        public var rate: Double? {
            guard let numerator, let denominator, denominator != 0 else { return nil }
            return numerator / denominator
        }

        /// The sum of the regions below, when it exists beside a reported figure (for comparison).
        public var sumBelow: Double? { isReported && below.valueCount > 0 ? below.value : nil }

        /// - Parameter reported: the region's own row, when it gives a value, or a base and there is
        ///   nothing below to sum (a commune that prints only its households).
        init(reported: (row: Int, value: Double?, base: Double?, qualifier: Qualifier)?, below: Sums) {
            self.below = below
            func coverage(_ count: Int, _ partial: Int) -> Coverage {
                Coverage(count: count, expected: below.expected, partialParts: partial, partLevel: below.partLevel)
            }
            if let reported {
                reportedRow = reported.row
                value = reported.value
                base = reported.base
                let both = reported.value != nil && reported.base != nil
                numerator = both ? reported.value : nil
                denominator = both ? reported.base : nil
                qualifier = reported.qualifier
                meanOfRates = both ? reported.base.flatMap { b in reported.value.flatMap { b != 0 ? $0 / b : nil } } : nil
                valueCoverage = reported.value == nil ? Coverage() : Coverage(isReported: true)
                baseCoverage = reported.base == nil ? Coverage() : Coverage(isReported: true)
                rateCoverage = both ? Coverage(isReported: true) : Coverage()
                differs = below.valueCount > 0 ? reported.value.map { LevelSums.differ(reported: $0, qualifier: reported.qualifier, below: below) } : nil
            } else {
                reportedRow = nil
                value = below.valueCount > 0 ? below.value : nil
                base = below.baseCount > 0 ? below.base : nil
                numerator = below.rateCount > 0 ? below.numerator : nil
                denominator = below.rateCount > 0 ? below.denominator : nil
                qualifier = below.qualifier
                meanOfRates = below.rateCount > 0 ? below.rateSum / Double(below.rateCount) : nil
                valueCoverage = coverage(below.valueCount, below.partialValues)
                baseCoverage = coverage(below.baseCount, below.partialBases)
                rateCoverage = coverage(below.rateCount, below.partialRates)
                differs = nil
            }
        }
    }

    /// The level rolled up to.
    public let level: AdministrativeLevel
    /// The regions of `level` (inside `within`, when given), in gazetteer order; a region with no
    /// figure and none below is kept, with nothing in its figure.
    public let regions: [Gazetteer.Index]
    /// Their figures, in the same order.
    public let rows: [Figure]
    /// The whole area: the rows summed (or the area's own figure, when it reports one). Nil when the
    /// area is itself the one row, or there are no rows.
    public let total: Figure?
    /// The region the total is for: the area asked for, or the country; nil when the gazetteer has no
    /// country and no area was asked for.
    public let totalRegion: Gazetteer.Index?
    /// The levels whose own figures went into the rows, from the top down.
    public let usedLevels: [AdministrativeLevel]
    /// Regions, at any depth of the roll-up, whose own figure differs from the sum of the regions below
    /// them beyond rounding; in gazetteer order.
    public let differing: [Gazetteer.Index]
    /// The periods other than the year of the figures used, with how many of each (only with
    /// ``PeriodChoice/any`` or ``PeriodChoice/only(_:)``).
    public var periodsUsed: [Period: Int] = [:]
    /// Figures of the year's regions for periods the choice left out (a half-year, a term's total),
    /// with how many of each.
    public var periodsLeftOut: [Period: Int] = [:]
    /// The rows of the regions' own figures that went into the rows and the total, ascending.
    public var usedRows: [Int] = []

    /// Whether a reported figure and the sum of the regions below it differ beyond rounding.
    ///
    /// A reported figure is read as possibly rounded at its last non-zero digit, to two significant
    /// digits at most (12.000 may stand for 11.500 to 12.499; 5.100 for 5.050 to 5.149). A sum below
    /// that misses some regions may fall short of the figure without a contradiction, and so may one
    /// that exceeds a figure printed as a lower bound ("hơn", "ít nhất", a range).
    public static func differ(reported: Double, qualifier: Qualifier, below: Sums) -> Bool {
        let tolerance = roundingTolerance(reported)
        let complete = below.valueCount == below.expected && below.partialValues == 0
        let tooLow = complete && below.value < reported - tolerance
        let lowerBound = qualifier == .over || qualifier == .atLeast || qualifier == .range
        let tooHigh = !lowerBound && below.value > reported + tolerance
        return tooLow || tooHigh
    }

    /// Half a unit of the last non-zero digit of a whole number, at most of its second significant
    /// digit; a tiny relative tolerance for a fraction.
    static func roundingTolerance(_ x: Double) -> Double {
        let m = abs(x)
        guard m.isFinite, m >= 1, m == m.rounded(), m < 1e15 else { return 1e-9 * max(1, m) }
        var unit = 1.0, rest = m
        while rest >= 10, rest.truncatingRemainder(dividingBy: 10) == 0 { rest /= 10; unit *= 10 }
        var cap = 1.0, digits = m
        while digits >= 100 { digits /= 10; cap *= 10 }
        return min(unit, cap) / 2
    }
}

/// Why figures cannot be summed to a level.
public enum LevelSumsError: Error, Equatable, Sendable {
    /// The indicator is not in the catalogue.
    case unknownIndicator(IndicatorID)
    /// The deepest level whose figures may be used is not below the level asked for.
    case levelNotAbove(level: AdministrativeLevel, source: AdministrativeLevel)
}

extension Dataset {
    /// Rolls an indicator's headline figures for a year up to the regions of `level`, in one pass over
    /// the rows of that indicator and year and one over the regions.
    ///
    /// - Parameters:
    ///   - sourceLevel: the deepest level whose figures are used (the regions below it are ignored); by
    ///     default every level. It must lie below `level`.
    ///   - within: only regions inside this one (itself included when it is of `level`).
    ///   - periods: which figures are taken: by default the year's headline figures, never a
    ///     half-year's or a term's (``LevelSums/periodsLeftOut`` counts those).
    public func levelSums(indicator id: IndicatorID, year: Int, level: AdministrativeLevel, sourceLevel: AdministrativeLevel? = nil,
                          within: RegionID? = nil, periods: PeriodChoice = .years) throws(LevelSumsError) -> LevelSums {
        guard catalogue.index(of: id) != nil else { throw .unknownIndicator(id) }
        if let sourceLevel, sourceLevel <= level { throw .levelNotAbove(level: level, source: sourceLevel) }
        let g = gazetteer
        let n = g.count
        let levels = g.levels
        let deepest = sourceLevel ?? .neighbourhood
        let area = within.flatMap { g.index(of: $0) }
        // Depth from the root, so that every region is worked out after all the regions below it.
        var depth = [Int32](repeating: -1, count: n)
        var maxDepth: Int32 = 0
        for start in 0..<n where depth[start] < 0 {
            var chain: [Int32] = []
            var i: Int32? = Int32(start)
            while let current = i, depth[Int(current)] < 0 { chain.append(current); i = g.parentIndex(of: current) }
            var d = i.map { depth[Int($0)] } ?? -1
            for r in chain.reversed() { d += 1; depth[Int(r)] = d }
            maxDepth = max(maxDepth, d)
        }
        // In scope: inside the area, from `level` down to the deepest level used.
        var inScope = [Bool](repeating: false, count: n)
        for r in 0..<n where levels[r] >= level && levels[r] <= deepest {
            inScope[r] = area.map { g.isWithin(Gazetteer.Index(r), $0) } ?? true
        }
        // On a map with lifetimes, only the units of the year: a province's old districts in 2022, its
        // new communes in 2026 (in 2025, the year of the change, both).
        if g.hasLifetimes {
            for r in 0..<n where inScope[r] && !g.regions[r].isValid(inYear: year) { inScope[r] = false }
        }
        // Own figures: the headline row of each region that gives a value or a base.
        var reported = [Int32](repeating: -1, count: n)
        let hasScopes = !columns.detailRows.isEmpty
        for row in rows(indicator: id, year: year) where !(columns.value[row].isNaN && columns.base[row].isNaN) && (hasScopes ? periods.admits(self, row: row) : periods.takesPlainYears) {
            // Rows are in region order with the whole year first: the first a choice admits is used.
            if reported[Int(columns.region[row])] < 0 { reported[Int(columns.region[row])] = Int32(row) }
        }
        var leftOut: [Period: Int] = [:]
        if hasScopes {
            // Only regions left with no figure at all: a half-year beside the year's own figure is not missed.
            for row in rows(indicator: id, year: year) where inScope[Int(columns.region[row])] && reported[Int(columns.region[row])] < 0 {
                guard scope(at: row) == nil, let p = period(at: row), !(columns.value[row].isNaN && columns.base[row].isNaN) else { continue }
                leftOut[p, default: 0] += 1
            }
        }
        var periodsUsed: [Period: Int] = [:]
        var usedRows: [Int] = []
        // A row with only a base stands for the region only when nothing below it gives a figure: a
        // district's households must not hide its communes' recognised families.
        func own(_ r: Int, below: LevelSums.Sums) -> (row: Int, value: Double?, base: Double?, qualifier: Qualifier)? {
            let row = Int(reported[r])
            guard row >= 0 else { return nil }
            let v = columns.value[row], b = columns.base[row]
            if v.isNaN, below.valueCount > 0 || below.baseCount > 0 { return nil }
            return (row, v.isNaN ? nil : v, b.isNaN ? nil : b, columns.flags[row].qualifier)
        }

        var below = [LevelSums.Sums](repeating: LevelSums.Sums(), count: n)
        var byDepth = [[Int32]](repeating: [], count: Int(maxDepth) + 1)
        for r in 0..<n where inScope[r] { byDepth[Int(depth[r])].append(Int32(r)) }
        for r in 0..<n where inScope[r] && levels[r] > level {
            if let p = g.parentIndex(of: Gazetteer.Index(r)), inScope[Int(p)] { below[Int(p)].expect(level: levels[r]) }
        }
        var rowFigures: [Int: LevelSums.Figure] = [:]
        var differing: [Gazetteer.Index] = []
        var used = Set<AdministrativeLevel>()
        for d in stride(from: Int(maxDepth), through: 0, by: -1) {
            for r32 in byDepth[d] {
                let r = Int(r32)
                let figure = LevelSums.Figure(reported: own(r, below: below[r]), below: below[r])
                if figure.isReported {
                    used.insert(levels[r])
                    if let p = figure.reportedRow.flatMap({ period(at: $0) }) { periodsUsed[p, default: 0] += 1 }
                    if let row = figure.reportedRow { usedRows.append(row) }
                }
                if figure.differs == true { differing.append(r32) }
                if levels[r] == level {
                    rowFigures[r] = figure
                } else if let p = g.parentIndex(of: r32), inScope[Int(p)] {
                    below[Int(p)].add(figure)
                }
            }
        }
        let rowIndices = (0..<n).filter { inScope[$0] && levels[$0] == level }
        let rows = rowIndices.compactMap { rowFigures[$0] }

        // The whole area: the area asked for, or the country; the rows summed, or its own figure.
        let whole = area ?? (0..<n).first { levels[$0] == .country }.map { Gazetteer.Index($0) }
        var total: LevelSums.Figure? = nil
        if !rows.isEmpty, !(whole.map { rowIndices == [Int($0)] } ?? false) {
            var sums = LevelSums.Sums()
            for f in rows {
                sums.expect(level: level)
                sums.add(f)
            }
            let ownTotal = whole.flatMap { levels[Int($0)] < level ? own(Int($0), below: sums) : nil }
            let t = LevelSums.Figure(reported: ownTotal, below: sums)
            if t.differs == true, let whole { differing.append(whole) }
            total = t
        }
        var out = LevelSums(level: level, regions: rowIndices.map { Gazetteer.Index($0) }, rows: rows, total: total,
                            totalRegion: total == nil ? nil : whole, usedLevels: used.sorted(), differing: differing.sorted())
        out.periodsUsed = periodsUsed
        out.periodsLeftOut = leftOut
        out.usedRows = (usedRows + (total?.reportedRow.map { [$0] } ?? [])).sorted()
        return out
    }
}
