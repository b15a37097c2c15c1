import LearningData

/// One year of a ``Series``.
public struct SeriesPoint: Hashable, Sendable {
    /// The year.
    public let year: Int
    /// The figure; nil when the report gives only a rate or a target for the year.
    public let value: Double?
    /// The denominator, if printed.
    public let base: Double?
    /// The rate, computed from value and base or, failing that, the stated percentage.
    public let rate: RateReading?
    /// The target for the year, if any.
    public let target: Target?
    /// How exact the printed figure is.
    public let qualifier: Qualifier
    /// Whether the figure is derived from the text rather than printed.
    public let isDerived: Bool
    /// Where the figure comes from; nil for a filled point.
    public let provenance: Provenance?
    /// For a point made up by ``Series/filled(_:)``, how.
    public let fill: FillMethod?
    /// The period the figure covers when it is not the plain year (a stock at the end of a span).
    public var period: Period? = nil
    /// For a point re-expressed in another day's units (``Series/init(_:indicator:unit:asOf:map:)``):
    /// what it sums ("Lào Cai + Yên Bái", "1 of 2 provinces of 2018").
    public var sumOf: String? = nil

    /// Creates a point.
    public init(year: Int, value: Double?, base: Double? = nil, rate: RateReading? = nil, target: Target? = nil,
                qualifier: Qualifier = .exact, isDerived: Bool = false, provenance: Provenance? = nil, fill: FillMethod? = nil) {
        self.year = year
        self.value = value
        self.base = base
        self.rate = rate
        self.target = target
        self.qualifier = qualifier
        self.isDerived = isDerived
        self.provenance = provenance
        self.fill = fill
    }

    /// A point from an observation.
    public init(_ o: Observation) {
        self.init(year: o.year, value: o.value, base: o.base, rate: o.rateReading, target: o.target, qualifier: o.qualifier,
                  isDerived: o.isDerived, provenance: o.provenance)
        period = o.period
    }
}

/// The headline figures of one indicator for one region, year by year.
///
/// Only years with a figure are points: a year the reports skip is a gap, never a zero, and stays a gap
/// unless ``filled(_:)`` is asked for.
public struct Series: Hashable, Sendable {
    /// What is counted.
    public let indicator: Indicator
    /// Where.
    public let region: Region
    /// The points, one per year, in year order.
    public let points: [SeriesPoint]
    /// The region's figures of the indicator for other periods (half-years, a term's totals), which are
    /// not points of a year-by-year series; in year order.
    public var otherPeriods: [SeriesPoint] = []
    /// The points whose figure two documents give differently: the one used and the other.
    public var conflicts: [SourceConflict] = []
    /// The day whose units the points are expressed in, for a series re-expressed across 2025.
    public var asOf: CalendarDay? = nil

    /// Creates a series from points in any order (one per year).
    public init(indicator: Indicator, region: Region, points: [SeriesPoint]) {
        self.indicator = indicator
        self.region = region
        self.points = points.sorted { $0.year < $1.year }
    }

    /// The series of an indicator for a region in a dataset (headline figures only); nil when the
    /// indicator or region is unknown.
    public init?(_ dataset: Dataset, indicator: IndicatorID, region: RegionID) {
        guard let indicator = dataset.catalogue[indicator], let region = dataset.gazetteer[region] else { return nil }
        self.init(indicator: indicator, region: region,
                  points: dataset.headlineRows(indicator: indicator.id, region: region.id).map { SeriesPoint(dataset[$0]) })
        otherPeriods = dataset.unscopedRows(indicator: indicator.id, region: region.id).filter { !dataset.isHeadline(at: $0) }.map { SeriesPoint(dataset[$0]) }
        let byRow = dataset.conflictsByRow
        if !byRow.isEmpty { conflicts = dataset.headlineRows(indicator: indicator.id, region: region.id).compactMap { byRow[$0] } }
    }

    /// The years with a point.
    public var years: [Int] { points.map(\.year) }

    /// Whether there is no point at all.
    public var isEmpty: Bool { points.isEmpty }

    /// The point of a year, if there is one.
    public func point(_ year: Int) -> SeriesPoint? { points.first { $0.year == year } }

    /// The years between the first and last point that have no point.
    public var gaps: [Int] {
        guard let first = points.first?.year, let last = points.last?.year else { return [] }
        let present = Set(years)
        return (first...last).filter { !present.contains($0) }
    }

    /// The series cut to the points of these years.
    public func restricted(to years: ClosedRange<Int>) -> Series {
        Series(indicator: indicator, region: region, points: points.filter { years.contains($0.year) })
    }
}
