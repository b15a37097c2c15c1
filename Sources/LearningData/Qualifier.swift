/// How exact a printed figure is: "gần 165 triệu" is nearly, "hơn 841 triệu" over, "800 - 1000" a range.
public enum Qualifier: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// Printed as an exact figure.
    case exact
    /// "gần": nearly, a little under.
    case nearly
    /// "hơn", "trên": over.
    case over
    /// "ít nhất", "từ … trở lên": at least.
    case atLeast = "at_least"
    /// "khoảng": about.
    case about
    /// "800 - 1000": a range from the value to the row's `value_max`.
    case range

    /// The code written in `figures.csv` (empty for exact).
    public var code: String { self == .exact ? "" : rawValue }

    /// The Vietnamese word the reports use.
    public var vietnamese: String {
        switch self {
        case .exact: ""
        case .nearly: "gần"
        case .over: "hơn"
        case .atLeast: "ít nhất"
        case .about: "khoảng"
        case .range: "từ … đến"
        }
    }

    /// The words, folded, of which one must stand in a quote that gives a figure so qualified: the
    /// qualifier is read from the report, never added to it.
    public var quoteWords: [String] {
        switch self {
        case .exact, .range: []
        case .nearly: ["gan", "xap xi", "suyt soat"]
        case .over: ["hon", "tren", "vuot"]
        case .atLeast: ["it nhat", "tro len", "toi thieu"]
        case .about: ["khoang", "chung", "uoc", "uoc tinh", "xap xi"]
        }
    }

    /// Whether a text holds one of ``quoteWords`` as whole words (case and diacritics ignored).
    public func isStated(in text: String) -> Bool {
        guard !quoteWords.isEmpty else { return true }
        let words = VietnameseText.fold(text).split { !$0.isLetter }.joined(separator: " ")
        let padded = " " + words + " "
        return quoteWords.contains { padded.contains(" " + $0 + " ") }
    }

    /// A short mark to put before a number in tables ("≈", ">", "≥"...).
    public var mark: String {
        switch self {
        case .exact, .range: ""
        case .nearly: "<≈"
        case .over: ">"
        case .atLeast: "≥"
        case .about: "≈"
        }
    }

    public var description: String { self == .exact ? "exact" : rawValue }

    /// Reads a qualifier from its code or from the Vietnamese word, ignoring case and diacritics;
    /// the empty string is ``exact``.
    public init?(code: String) {
        let key = VietnameseText.fold(code)
        switch key {
        case "", "exact": self = .exact
        case "nearly", "gan", "gan dat": self = .nearly
        case "over", "hon", "tren": self = .over
        case "at least", "at_least", "it nhat", "tro len", "tu tro len": self = .atLeast
        case "about", "khoang", "chung", "uoc": self = .about
        case "range", "tu den": self = .range
        default: return nil
        }
    }
}

/// What a stated percentage is a share of.
public enum PercentBasis: String, Sendable, CaseIterable, Codable {
    /// value ÷ base: "2.631/7.106 … 37,28%".
    case base
    /// value ÷ target, an attainment: "97.290.000/60.000.000 đồng, tỉ lệ 162,81%".
    case target
}
