import LearningData

extension Series {
    /// A unit of one day's map, year by year, each year's point the sum of the figures of the units of
    /// that year it is made of: Lào Cai as of 2026 is Lào Cai + Yên Bái before 2025, so that a series
    /// runs across the reorganisation on one footing. A year whose figures it is made of are all
    /// missing is a gap; a point that sums only some of them says so (``SeriesPoint/sumOf``).
    ///
    /// - Returns: nil when the indicator is unknown or does not add up over regions.
    public init?(_ dataset: Dataset, indicator id: IndicatorID, unit: AdministrativeUnit, asOf day: CalendarDay, map: NationalMap = .embedded) {
        guard let indicator = dataset.catalogue[id], indicator.spatial == .sum else { return nil }
        var points: [SeriesPoint] = []
        for year in dataset.years where !dataset.rows(indicator: id, year: year).isEmpty {
            guard let r = try? ReexpressedRollup(dataset, indicator: id, year: year, level: unit.level, asOf: day, map: map),
                  let row = r.rows.first(where: { $0.unit.id == unit.id }), row.value != nil || row.base != nil else { continue }
            let rate = row.rate.map { RateReading(rate: $0, source: .computed) }
            var point = SeriesPoint(year: year, value: row.value, base: row.base, rate: rate, qualifier: row.qualifier)
            let names = row.reporting.map(\.name)
            point.sumOf = names.count == row.parts.count && row.partialParts == 0 && names.count > 1 ? names.joined(separator: " + ")
                : names.count == row.parts.count && row.partialParts == 0 ? nil
                : "\(names.joined(separator: " + ")): \(row.valueCount) of \(row.parts.count) \(unit.level.plural) of \(year)"
                    + (row.partialParts > 0 ? " (\(row.partialParts) partial)" : "")
            points.append(point)
        }
        self.init(indicator: indicator, region: Region(unit), points: points)
        asOf = day
    }
}
