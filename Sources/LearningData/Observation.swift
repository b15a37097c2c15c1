/// One figure of one indicator for one region and year, as a report gives it.
///
/// Missing is not zero: every number a report does not print is nil. A row may carry only a target
/// (next year's "chỉ tiêu") or only a stated percentage ("100% khu phố").
public struct Observation: Hashable, Sendable {
    /// The region the figure is for.
    public var region: RegionID
    /// What is counted.
    public var indicator: IndicatorID
    /// The year the figure is filed under: the last year of ``period`` when there is one.
    public var year: Int
    /// The time the figure covers when it is not the plain ``year``: a span of years ("giai đoạn
    /// 2018 – 2020"), a half-year ("6 tháng đầu năm"), a quarter, the first months; nil for the year.
    public var period: Period?
    /// A part of the region or a sub-category ("xe đạp", "Hội Khuyến học xã, phường"); nil for the
    /// headline figure of the whole region, which is what roll-ups use.
    public var scope: String?
    /// The figure itself: recognised households, members, đồng...
    public var value: Double?
    /// The upper end when the figure is a range ("800 - 1000").
    public var valueMax: Double?
    /// The denominator printed with it ("2.631/7.106" has base 7106).
    public var base: Double?
    /// What the denominator counts; nil when the report does not say.
    public var baseKind: BaseKind?
    /// The target it is measured against.
    public var target: Target?
    /// The percentage as printed.
    public var statedPercent: StatedPercent?
    /// What the stated percentage is a share of.
    public var percentOf: PercentBasis
    /// How exact the printed figure is.
    public var qualifier: Qualifier
    /// A change stated with the figure ("tăng 576 hội viên so với cùng kỳ").
    public var statedChange: StatedChange?
    /// For a figure the text implies but does not print, the rule that gives it; nil when printed.
    public var derivation: String?
    /// When the stated percentage disagrees with the row's own numbers, what the numbers give.
    public var discrepancy: String?
    /// Anything an analyst should know in reading the figure.
    public var note: String?
    /// The document and verbatim quote.
    public var provenance: Provenance?
    /// The user's own columns (`x_…` in `figures.csv`) that this row fills, by column name.
    public var extras: [String: String] = [:]

    /// Creates an observation; only region, indicator and year are required.
    public init(region: RegionID, indicator: IndicatorID, year: Int, period: Period? = nil, scope: String? = nil,
                value: Double? = nil, valueMax: Double? = nil, base: Double? = nil, baseKind: BaseKind? = nil,
                target: Target? = nil, statedPercent: StatedPercent? = nil, percentOf: PercentBasis = .base,
                qualifier: Qualifier = .exact, statedChange: StatedChange? = nil, derivation: String? = nil,
                discrepancy: String? = nil, note: String? = nil, provenance: Provenance? = nil, extras: [String: String] = [:]) {
        self.region = region
        self.indicator = indicator
        self.year = year
        self.period = period?.isWholeYear == true ? nil : period
        self.scope = scope
        self.value = value
        self.valueMax = valueMax
        self.base = base
        self.baseKind = baseKind
        self.target = target
        self.statedPercent = statedPercent
        self.percentOf = percentOf
        self.qualifier = qualifier
        self.statedChange = statedChange
        self.derivation = derivation
        self.discrepancy = discrepancy
        self.note = note
        self.provenance = provenance
        self.extras = extras
    }

    /// Whether the figure is derived from the text rather than printed in it.
    public var isDerived: Bool { derivation != nil }

    /// Whether this is the headline figure for the whole region and year: no scope, and no period
    /// other than the year. (In a dataset a stock at the end of a span may stand for its last year as
    /// well: ``Dataset/isHeadline(at:)`` decides.)
    public var isHeadline: Bool { scope == nil && period == nil }

    /// The period the figure covers, the plain year when ``period`` is nil.
    public var coveredPeriod: Period { period ?? .year(year) }

    /// value ÷ base as a fraction (0.7707 for 77,07 %), when both are known and the base is not zero.
    public var rate: Double? {
        guard let value, let base, base != 0 else { return nil }
        return value / base
    }

    /// The percentage the stated percentage should equal, from the row's own numbers: value ÷ base or
    /// value ÷ target (for an absolute target) in percent.
    public var computedPercent: Double? {
        guard let value else { return nil }
        switch percentOf {
        case .base:
            guard let base, base != 0 else { return nil }
            return value / base * 100
        case .target:
            guard let target, !target.isRate, target.value != 0 else { return nil }
            return value / target.value * 100
        }
    }

    /// How the stated percentage compares with ``computedPercent``; nil when either is missing.
    public var percentAgreement: PercentAgreement? {
        guard let statedPercent, let computed = computedPercent else { return nil }
        return statedPercent.agreement(with: computed)
    }
}
