/// Which periods an analysis takes figures of: like with like unless asked otherwise.
public enum PeriodChoice: Hashable, Sendable, CustomStringConvertible {
    /// The headline figures of each year (``Dataset/isHeadline(at:)``): whole years, and stocks at
    /// the end of a span where the region gives nothing for the year itself. The default.
    case years
    /// Only figures for this period (`2016-2020`, `2016-H1`): a term's totals ranked with each other.
    case only(Period)
    /// Any period: for each region and year the whole year where there is one, otherwise the part of
    /// the year that ends latest, otherwise the shortest span. Answers then say what was mixed.
    case any

    /// Reads `"years"`, `"any"`, or a period (`"2016-2020"`, `"2016-H1"`).
    public init(parsing text: String) throws(PeriodError) {
        switch text.lowercased() {
        case "years", "year": self = .years
        case "any", "all": self = .any
        default:
            let period = try Period(parsing: text)
            self = period.isWholeYear ? .years : .only(period)
        }
    }

    /// The year a choice of one period fixes, if any.
    public var year: Int? {
        if case let .only(p) = self { return p.last }
        return nil
    }

    /// Whether rows with no period of their own (the plain year) are taken.
    public var takesPlainYears: Bool {
        if case .only = self { return false }
        return true
    }

    /// Whether a row is taken: it has no scope and a period the choice admits.
    public func admits(_ dataset: Dataset, row: Int) -> Bool {
        switch self {
        case .years: dataset.isHeadline(at: row)
        case let .only(p): dataset.scope(at: row) == nil && dataset.period(at: row) == p
        case .any: dataset.scope(at: row) == nil
        }
    }

    public var description: String {
        switch self {
        case .years: "years"
        case let .only(p): p.description
        case .any: "any"
        }
    }
}
