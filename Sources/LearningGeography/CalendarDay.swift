/// A day of the calendar (no time, no zone): when an administrative unit began or ended.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, month (1–12) and day (1–31).
    public let year: Int, month: Int, day: Int

    /// A day; nil when the month or day is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1 January of a year.
    public static func startOf(_ year: Int) -> CalendarDay { CalendarDay(unchecked: year, 1, 1) }

    /// 31 December of a year: what a year's figure stands at.
    public static func endOf(_ year: Int) -> CalendarDay { CalendarDay(unchecked: year, 12, 31) }

    /// The day Vietnam's two-level local government began (Resolution 202/2025/QH15): 1 July 2025.
    public static let reorganisation = CalendarDay(unchecked: 2025, 7, 1)

    /// The last day of the old map: 30 June 2025.
    public static let lastDayBeforeReorganisation = CalendarDay(unchecked: 2025, 6, 30)

    /// Reads `2026`, `2025-07-01` or `1/7/2025` (day first, as Vietnamese dates are written); a year
    /// alone is its last day, the day a year's figure stands at.
    public init?(parsing text: String) {
        let t = text.trimmingWhitespace
        if let y = Int(t), (1900...2100).contains(y) { self = .endOf(y); return }
        let iso = t.split(separator: "-").compactMap { Int($0) }
        if iso.count == 3, t.split(separator: "-").count == 3, iso[0] > 31 {
            guard let d = CalendarDay(year: iso[0], month: iso[1], day: iso[2]) else { return nil }
            self = d
            return
        }
        let vi = t.split(separator: "/").compactMap { Int($0) }
        guard vi.count == 3, t.split(separator: "/").count == 3, let d = CalendarDay(year: vi[2], month: vi[1], day: vi[0]) else { return nil }
        self = d
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `2025-07-01`.
    public var description: String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
