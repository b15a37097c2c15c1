import LearningData

/// A figure drafted from a report's text, in the columns of `figures.csv`, with how sure the extractor
/// is and why. Nothing in it is guessed silently: a number it could not place has no indicator and says
/// why in `reason`.
public struct DraftFigure: Sendable, Equatable {
    /// How sure the extractor is of a row.
    public enum Confidence: String, Sendable {
        /// The indicator, region and year each rest on words of the sentence itself.
        case high
        /// One of them rests on the report around it (its region, the year it last named).
        case medium
        /// The indicator is a guess from weak words, or there is none.
        case low
    }

    public var document: String
    /// The region's id, or its name as the text gives it when the gazetteer does not know it.
    public var region: String
    /// The indicator's id; empty when the number could not be placed.
    public var indicator: String
    public var year: Int?
    /// A period other than the whole year (`2016-2020`, `2024-H1`).
    public var period: String?
    /// The part of the region or of the indicator a row counts, when the report gives several of one
    /// indicator for one region and year ("xe đạp" beside "phần quà").
    public var scope: String? = nil
    /// The words after the number ("phần quà", "Chi hội Khuyến học khối cơ quan"): what it counts, as printed.
    public var counted: String = ""
    public var value: Double?
    public var valueMax: Double?
    public var base: Double?
    /// `total` or `registered` when a base is given.
    public var baseKind: String?
    /// The target as printed (`75%`, `≥ 800.000.000`).
    public var target: String?
    /// The percentage printed with the figure, as printed.
    public var statedPercent: String?
    public var qualifier: Qualifier
    /// A change stated with the figure ("tăng 576 so với cùng kỳ"), signed.
    public var statedChange: Double?
    /// The change as printed ("tăng 576"), as figures.csv keeps it.
    public var statedChangeText: String? = nil
    /// The verbatim span of the text that holds the figure.
    public var quote: String
    public var confidence: Confidence
    /// Which words decided the indicator, the region and the year.
    public var reason: String

    /// The columns written, in order: `figures.csv`'s, then the extractor's own.
    public static let columns = ["document", "region", "indicator", "year", "period", "scope", "value", "value_max", "base", "base_kind",
                                 "target", "stated_percent", "percent_of", "qualifier", "stated_change", "derived", "discrepancy", "note", "quote",
                                 "x_confidence", "x_reason"]

    /// The row's fields, in the order of ``columns``.
    public var fields: [String] {
        [document, region, indicator, year.map(String.init) ?? "", period ?? "", scope ?? "", Self.plain(value), Self.plain(valueMax), Self.plain(base),
         baseKind ?? "", target ?? "", statedPercent ?? "", "", qualifier.code, statedChangeText ?? "", "", "", "", quote,
         confidence.rawValue, reason]
    }

    /// A number as figures.csv writes it: digits, a `.` before decimals.
    static func plain(_ x: Double?) -> String {
        guard let x else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
