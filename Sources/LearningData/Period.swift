/// What time a figure covers: a year, a part of one (a half, a quarter, the first months), or a span
/// of years (a term such as 2016–2020).
///
/// For a flow (funds raised, classes held: ``TemporalAggregation/sum``) the period is what the figure
/// sums over; for a stock (members, recognised families: ``TemporalAggregation/last``) it is the date
/// the figure stands at, the period's end: a half-year stock is the count at 30 June, a term's stock
/// the count at the end of its last year. A figure is filed under the period's last year (for a part,
/// its year).
///
/// Written `2016`, `2016-2020`, `2016-H1`, `2016-H2`, `2016-Q1`…`2016-Q4`, or `2016-9M` (the first nine
/// months); ``description`` gives that form back and ``init(parsing:)`` reads it.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// The first and last year covered (the same for a year or a part of one).
    public let first: Int, last: Int
    /// The part of the year, for a figure that covers less than one; nil for whole years.
    public let part: PartOfYear?

    /// A whole year.
    public static func year(_ year: Int) -> Period { Period(first: year, last: year, part: nil) }

    /// The years `first` to `last`, whole.
    public static func years(_ first: Int, _ last: Int) -> Period { Period(first: first, last: last, part: nil) }

    /// A part of one year.
    public static func part(_ part: PartOfYear, of year: Int) -> Period { Period(first: year, last: year, part: part) }

    private init(first: Int, last: Int, part: PartOfYear?) {
        self.first = first
        self.last = last
        self.part = part
    }

    /// Whether it is one whole year: the plain case, a figure "năm 2020".
    public var isWholeYear: Bool { first == last && part == nil }

    /// Whether it spans more than one year.
    public var isSpan: Bool { last > first }

    /// How many months it covers: 12 a year, 6 a half, 3 a quarter.
    public var months: Int { part?.months.count ?? (last - first + 1) * 12 }

    /// The factor that turns a flow over the period into a yearly figure (value × factor): 1/5 for a
    /// five-year total, 2 for a half-year.
    public var perYearFactor: Double { 12 / Double(months) }

    /// The form `figures.csv` takes: `2016`, `2016-2020`, `2016-H1`, `2016-Q2`, `2016-9M`.
    public var description: String {
        if let part { return "\(last)-\(part.code)" }
        return first == last ? "\(last)" : "\(first)-\(last)"
    }

    /// How a report says it: "6 tháng đầu năm 2016", "quý II/2016", "giai đoạn 2016–2020".
    public var vietnamese: String {
        if let part { return part.vietnamese(year: last) }
        return first == last ? "năm \(last)" : "giai đoạn \(first)–\(last)"
    }

    /// What kind of period it is, in English, for notes: "a year", "a half-year", "5 years".
    public var kindName: String {
        if let part { return part.kindName }
        return first == last ? "a year" : "\(last - first + 1) years"
    }

    /// The order periods of one year sort in: the whole year first, then its parts from the one that
    /// ends latest (the most of the year), then spans from the shortest.
    var sortRank: Int32 {
        if let part { return 256 - Int32(part.storageCode) }
        return first == last ? 0 : 1_000 + Int32(clamping: last - first)
    }

    /// Reads `2016`, `2016-2020` (or with an en dash), `2016-H1`, `2016-Q3`, `2016-9M`; case and
    /// spaces do not matter. `6M` is read as `H1` and `3M` as `Q1`, so one period has one form.
    public init(parsing text: String) throws(PeriodError) {
        let cleaned = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }).uppercased()
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = parts.first.flatMap({ Int($0) }), (1900...2100).contains(year) else {
            throw PeriodError(text: text, reason: "does not start with a year")
        }
        guard parts.count <= 2 else { throw PeriodError(text: text, reason: "it has more than two parts") }
        guard parts.count == 2 else { self = .year(year); return }
        let second = parts[1]
        if let last = Int(second) {
            guard (1900...2100).contains(last) else { throw PeriodError(text: text, reason: "\(second) is not a year") }
            guard last >= year else { throw PeriodError(text: text, reason: "its last year comes before its first") }
            self = .years(year, last)
            return
        }
        guard let part = PartOfYear(code: second) else {
            throw PeriodError(text: text, reason: "“\(parts[1])” is not a part of a year (H1, H2, Q1–Q4 or 1M–11M)")
        }
        self = .part(part, of: year)
    }
}

/// A part of a year a figure covers (a flow) or ends at (a stock).
public enum PartOfYear: Hashable, Sendable {
    /// The first (1) or second (2) half: "6 tháng đầu năm", "6 tháng cuối năm".
    case half(Int)
    /// A quarter, 1 to 4: "quý II".
    case quarter(Int)
    /// The first `n` months, 1 to 11 (other than 3 and 6, which are Q1 and H1): "9 tháng đầu năm".
    case firstMonths(Int)

    /// Reads `H1`, `H2`, `Q1`…`Q4`, `1M`…`11M` (upper case).
    init?(code: String) {
        if code.count == 2, let n = Int(code.dropFirst()) {
            if code.hasPrefix("H"), (1...2).contains(n) { self = .half(n); return }
            if code.hasPrefix("Q"), (1...4).contains(n) { self = .quarter(n); return }
        }
        guard code.hasSuffix("M"), let n = Int(code.dropLast()), (1...11).contains(n) else { return nil }
        self = n == 6 ? .half(1) : n == 3 ? .quarter(1) : .firstMonths(n)
    }

    /// The months covered, 1 to 12.
    public var months: ClosedRange<Int> {
        switch self {
        case let .half(h): h == 1 ? 1...6 : 7...12
        case let .quarter(q): (q - 1) * 3 + 1...q * 3
        case let .firstMonths(n): 1...n
        }
    }

    /// `H1`, `Q3`, `9M`.
    public var code: String {
        switch self {
        case let .half(h): "H\(h)"
        case let .quarter(q): "Q\(q)"
        case let .firstMonths(n): "\(n)M"
        }
    }

    /// For notes: "a half-year", "a quarter", "9 months".
    public var kindName: String {
        switch self {
        case .half: "a half-year"
        case .quarter: "a quarter"
        case let .firstMonths(n): "\(n) months"
        }
    }

    /// How a report says it of a year.
    public func vietnamese(year: Int) -> String {
        switch self {
        case .half(1): "6 tháng đầu năm \(year)"
        case .half: "6 tháng cuối năm \(year)"
        case let .quarter(q): "quý \(["I", "II", "III", "IV"][max(0, min(3, q - 1))])/\(year)"
        case let .firstMonths(n): "\(n) tháng đầu năm \(year)"
        }
    }

    /// A small number for storage, ordered by the part's last month (then its length): 1–255.
    var storageCode: UInt8 {
        UInt8(months.upperBound * 16 + (12 - months.count))
    }

    /// The part a ``storageCode`` stands for.
    init?(storageCode: UInt8) {
        let end = Int(storageCode) / 16, length = 12 - Int(storageCode) % 16
        switch (end, length) {
        case (6, 6): self = .half(1)
        case (12, 6): self = .half(2)
        case let (e, 3) where e % 3 == 0 && (3...12).contains(e): self = .quarter(e / 3)
        case let (e, l) where e == l && (1...11).contains(e): self = .firstMonths(e)
        default: return nil
        }
    }
}

/// Why a text is not a period.
public struct PeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// What is wrong with it.
    public let reason: String

    public var description: String { "“\(text)” is not a period: \(reason)" }

    /// The forms a period takes, for hints.
    public static let forms = "a year (2016), years (2016-2020), a half (2016-H1), a quarter (2016-Q2) or the first months (2016-9M)"
}
