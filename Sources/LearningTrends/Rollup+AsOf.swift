import LearningData

/// A year's figures rolled up to a level and re-expressed in the units of another day's map: the
/// 2022 figures of provinces that merged in 2025, summed into the province they became.
///
/// The figures are first rolled up as of their own year (``RollupResult``: each region's own figure,
/// or the sum below it); each row's region is then placed on the map of `day`
/// (``NationalMap/placement(of:level:on:)``). Where a region lies whole in a unit of that day, its
/// value, base and rate go into that unit; where it was divided, its figure is not apportioned: it is
/// left out and named in ``refused``. Value, base and rate each keep their own coverage, counted in
/// the regions of the figures' year that make up the unit.
public struct ReexpressedRollup: Sendable {
    /// One unit of the day's map with the figures of the regions it holds.
    public struct Row: Sendable {
        /// The unit of that day.
        public let unit: AdministrativeUnit
        /// The regions of the figures' year that make it up, with a figure or not, in map order.
        public let parts: [AdministrativeUnit]
        /// Sums over the parts that give each: the value, the base, and numerator and denominator of
        /// the rate over the parts that give both.
        public let value: Double?, base: Double?, numerator: Double?, denominator: Double?
        /// How many parts give the value, the base, and both.
        public let valueCount: Int, baseCount: Int, rateCount: Int
        /// The parts that give a value.
        public let reporting: [AdministrativeUnit]
        /// Of those, how many give only part of theirs (a sum that misses some of the regions below).
        public let partialParts: Int
        /// The parts divided in the change whose figure went in only as a share by area (``SplitRule/area``).
        public internal(set) var apportioned: [AdministrativeUnit] = []
        /// The sum's qualifier (a sum with a "gần" figure in it is nearly).
        public let qualifier: Qualifier

        /// Σ numerators ÷ Σ denominators, as a fraction.
        public var rate: Double? {
            guard let numerator, let denominator, denominator != 0 else { return nil }
            return numerator / denominator
        }
    }

    /// The roll-up in the figures' own units.
    public let source: RollupResult
    /// The day whose units the figures are expressed in.
    public let day: CalendarDay
    /// The units of that day that receive a figure, in map order.
    public let rows: [Row]
    /// Regions whose figure was not placed: divided between several units of that day, or not on the
    /// map; each with the reason.
    public let refused: [(region: Region, reason: String)]

    /// What to do with the figure of a unit divided between several units of the day.
    public enum SplitRule: String, Sendable, CaseIterable {
        /// Leave it out and name it (the default): the source gives no shares.
        case refuse
        /// Share it out in proportion to the areas of the new units it went into: a proxy, since the
        /// source gives each new unit's area, not how much of the old one each received; marked.
        case area
    }

    /// Rolls `indicator` up to `level` for `year`, then re-expresses the rows in the units of `day`.
    ///
    /// - Parameter split: what to do with a unit divided between several (communes in 2025).
    public init(_ dataset: Dataset, indicator: IndicatorID, year: Int, level: AdministrativeLevel, asOf day: CalendarDay,
                map: NationalMap = .embedded, periods: PeriodChoice = .years, split: SplitRule = .refuse) throws(RollupError) {
        // On the map of the figures' own year: a district-level roll-up for a year after 2025 has no
        // districts to put the figures in, but the figures' own level is the one their year had.
        let source = try RollupResult(dataset, indicator: indicator, year: year, level: level, periods: periods)
        var groups: [RegionID: [Part]] = [:]
        var order: [RegionID] = []
        var refused: [(Region, String)] = []
        func add(_ part: Part, to unit: AdministrativeUnit) {
            if groups[unit.id] == nil { order.append(unit.id) }
            groups[unit.id, default: []].append(part)
        }
        for row in source.rows {
            guard let own = Self.officialUnit(of: row.region, in: dataset, map: map) else {
                if row.value != nil || row.base != nil { refused.append((row.region, "not a unit of Vietnam's map, nor below one")) }
                continue
            }
            switch map.placement(of: own.id, level: level, on: day) {
            case let .whole(unit):
                add(Part(unit: own, row: row, share: nil), to: unit)
            case let .split(units):
                guard row.value != nil || row.base != nil else { continue }
                let areas = units.compactMap(\.areaKm2)
                let total = areas.reduce(0, +)
                if split == .area, areas.count == units.count, total > 0 {
                    for unit in units { add(Part(unit: own, row: row, share: (unit.areaKm2 ?? 0) / total), to: unit) }
                } else {
                    refused.append((row.region, "divided between " + units.map(\.qualifiedName).joined(separator: ", ")
                                    + (split == .area ? "; their areas are not all known, not apportioned" : "; not apportioned")))
                }
            case let .none(reason):
                if row.value != nil || row.base != nil { refused.append((row.region, reason)) }
            }
        }
        self.source = source
        self.day = day
        self.refused = refused
        rows = order.compactMap { id in
            guard let unit = map[id], let members = groups[id] else { return nil }
            return Self.row(unit, members: members, level: level, year: year, map: map)
        }.sorted { $0.unit.code < $1.unit.code }
    }

    /// A unit of the figures' year in a row: all of its roll-up row, or a share of it (``SplitRule/area``).
    struct Part {
        let unit: AdministrativeUnit
        let row: RollupRow
        let share: Double?
    }

    /// The official unit a dataset region is, or lies in: itself when its id is the map's, else its
    /// nearest ancestor that is (a thôn's commune).
    public static func officialUnit(of region: Region, in dataset: Dataset, map: NationalMap) -> AdministrativeUnit? {
        var current: Region? = region
        var steps = 0
        while let r = current, steps < 8 {
            if let unit = map[r.id] { return unit }
            current = r.parent.flatMap { dataset.gazetteer[$0] }
            steps += 1
        }
        return nil
    }

    private static func row(_ unit: AdministrativeUnit, members: [Part], level: AdministrativeLevel, year: Int, map: NationalMap) -> Row {
        var value = 0.0, base = 0.0, numerator = 0.0, denominator = 0.0
        var valueCount = 0, baseCount = 0, rateCount = 0
        var qualifier = Qualifier.exact
        var reporting: [AdministrativeUnit] = [], apportioned: [AdministrativeUnit] = []
        var partialParts = 0
        for part in members {
            let r = part.row, w = part.share ?? 1
            if part.share != nil { apportioned.append(part.unit) }
            if let v = r.value {
                value += v * w; valueCount += 1; reporting.append(part.unit)
                // A share worked out from areas is an estimate, never an exact count.
                qualifier = qualifier.combined(with: part.share == nil ? r.qualifier : .about)
                if r.isPartial { partialParts += 1 }
            }
            if let b = r.base { base += b * w; baseCount += 1 }
            if let n = r.numerator, let d = r.denominator { numerator += n * w; denominator += d * w; rateCount += 1 }
        }
        // Every unit of the figures' year and level that went into this one, whether the dataset has it
        // or not; a unit valid that year (a province that kept its name, or any unit of a year after the
        // change) is one of its own parts.
        let all = map.predecessors(of: unit.id).compactMap { map[$0.earlier] }.filter { $0.level == level && $0.id != unit.id && $0.isValid(inYear: year) }
        var parts = (unit.isValid(inYear: year) ? [unit] : []) + all
        for part in members where !parts.contains(where: { $0.id == part.unit.id }) { parts.append(part.unit) }
        var row = Row(unit: unit, parts: parts, value: valueCount > 0 ? value : nil, base: baseCount > 0 ? base : nil,
                      numerator: rateCount > 0 ? numerator : nil, denominator: rateCount > 0 ? denominator : nil,
                      valueCount: valueCount, baseCount: baseCount, rateCount: rateCount, reporting: reporting, partialParts: partialParts,
                      qualifier: qualifier)
        row.apportioned = apportioned
        return row
    }
}
