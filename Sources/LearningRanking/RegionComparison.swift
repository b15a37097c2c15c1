import LearningData

/// One region's figure in a comparison.
public struct ComparisonCell: Hashable, Sendable {
    /// The year of the figure.
    public let year: Int
    /// The figure, if printed.
    public let value: Double?
    /// The rate in percent, computed or stated.
    public let ratePercent: Double?
    /// Whether the rate is the stated percentage rather than computed.
    public let rateIsStated: Bool
    /// The observation.
    public let observation: Observation
}

/// One indicator compared across regions.
public struct ComparisonRow: Hashable, Sendable {
    /// The indicator.
    public let indicator: Indicator
    /// Each region's figure, in the order the regions were given (nil where it has none).
    public let cells: [ComparisonCell?]
    /// Whether the figures come from different years: then the difference compares different years.
    public var yearsDiffer: Bool { Set(cells.compactMap { $0?.year }).count > 1 }
    /// What is compared: the rate when every region with a figure has one, otherwise the value.
    public var comparesRates: Bool { cells.compactMap { $0 }.allSatisfy { $0.ratePercent != nil } }

    /// First region minus second: the value difference, in the indicator's unit.
    public var valueDifference: Double? {
        guard cells.count >= 2, let a = cells[0]?.value, let b = cells[1]?.value else { return nil }
        return a - b
    }

    /// First region minus second: the rate difference in percentage points.
    public var rateDifferencePoints: Double? {
        guard cells.count >= 2, let a = cells[0]?.ratePercent, let b = cells[1]?.ratePercent else { return nil }
        return a - b
    }

    /// The position (in the regions given) of the one ahead on the compared quantity; nil on a tie or
    /// when fewer than two can be compared.
    public var leader: Int? {
        let scores: [(Int, Double)] = cells.enumerated().compactMap { i, cell in
            guard let cell else { return nil }
            return (comparesRates ? cell.ratePercent : cell.value).map { (i, $0) }
        }
        guard scores.count >= 2, let best = scores.max(by: { $0.1 < $1.1 }) else { return nil }
        return scores.filter { $0.1 == best.1 }.count == 1 ? best.0 : nil
    }
}

/// Two or more regions side by side on every indicator at least two of them report (headline figures).
public struct RegionComparison: Hashable, Sendable {
    /// The regions compared, in the order given.
    public let regions: [Region]
    /// The level compared, how it was chosen, and the regions given of other levels, left out.
    public let levels: LevelSelection
    /// Which year each region's figures come from.
    public let alignment: YearAlignment
    /// One row per shared indicator, in catalogue order.
    public let rows: [ComparisonRow]

    /// Compares regions; each region's figure for an indicator is from its latest year by default.
    ///
    /// - Parameter level: regions of one level are compared: by default the level most of the regions
    ///   given share (the others are left out, and ``levels`` names them); ``LevelChoice/any`` compares
    ///   them whatever their level.
    /// - Throws: ``RankingError/tooFewOfOneLevel(_:)`` when fewer than two regions of the level remain.
    public init(_ dataset: Dataset, regions ids: [RegionID], year alignment: YearAlignment = .latest,
                level: LevelChoice = .automatic) throws(RankingError) {
        var given: [Region] = []
        for id in ids {
            guard let region = dataset.gazetteer[id] else { throw .unknownRegion(id) }
            given.append(region)
        }
        let levels = LevelSelection(given, choice: level)
        let regions = levels.kept
        if regions.count < 2, given.count >= 2 { throw .tooFewOfOneLevel(given) }
        self.levels = levels
        var rows: [ComparisonRow] = []
        for indicator in dataset.catalogue.indicators {
            let cells: [ComparisonCell?] = regions.map { region in
                let rows = dataset.headlineRows(indicator: indicator.id, region: region.id).reversed()
                guard let row = rows.first(where: { alignment.admits(Int(dataset.columns.year[$0])) && (dataset.value(at: $0) != nil || dataset[$0].rateReading != nil) }) else { return nil }
                let o = dataset[row]
                let reading = o.rateReading
                return ComparisonCell(year: o.year, value: o.value, ratePercent: reading.map { $0.rate * 100 },
                                      rateIsStated: reading?.source == .stated, observation: o)
            }
            if cells.compactMap({ $0 }).count >= 2 { rows.append(ComparisonRow(indicator: indicator, cells: cells)) }
        }
        self.regions = regions
        self.alignment = alignment
        self.rows = rows
    }

    /// Whether any row compares figures of different years.
    public var yearsDiffer: Bool { rows.contains(where: \.yearsDiffer) }
}

extension RegionComparison {
    /// Resolves names for a comparison. A name that fits several regions ("Bắc Kạn": the city and the
    /// province) is settled by the level of the other regions when they share one and exactly one
    /// candidate has it; the choice is reported in `notes`. Otherwise the lookup error stands.
    public static func resolve(_ names: [String], in gazetteer: Gazetteer) throws(RegionLookupError) -> (regions: [Region], notes: [String]) {
        var found: [Region?] = []
        var pending: [(Int, [Region], RegionLookupError)] = []
        for (i, name) in names.enumerated() {
            do {
                found.append(try gazetteer.lookup(name))
            } catch {
                guard case let .ambiguous(_, candidates) = error else { throw error }
                found.append(nil)
                pending.append((i, candidates, error))
            }
        }
        var notes: [String] = []
        let peerLevels = Set(found.compactMap { $0?.level })
        for (i, candidates, error) in pending {
            guard peerLevels.count == 1, let level = peerLevels.first else { throw error }
            let atLevel = candidates.filter { $0.level == level }
            guard atLevel.count == 1 else { throw error }
            found[i] = atLevel[0]
            let others = candidates.filter { $0 != atLevel[0] }.map { "\($0.qualifiedName) (id \($0.id))" }.joined(separator: ", ")
            notes.append("“\(names[i])” is taken as \(atLevel[0].qualifiedName) (id \(atLevel[0].id)), the \(level.name) like the others; not \(others)")
        }
        return (found.compactMap { $0 }, notes)
    }
}
