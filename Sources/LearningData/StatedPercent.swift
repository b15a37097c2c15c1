/// A percentage exactly as a report printed it ("37,28%"), kept even when it is wrong.
public struct StatedPercent: Hashable, Sendable, CustomStringConvertible {
    /// The characters as printed.
    public let text: String
    /// Its value in percent (37.28).
    public let value: Double
    /// Digits printed after the decimal comma: the precision it is checked at.
    public let fractionDigits: Int

    /// Reads a printed percentage ("37,28%", "100%", "76,67 %").
    public init(printed text: String) throws(FieldError) {
        let number: VietnameseNumber
        do { number = try VietnameseNumberReader.parse(text) } catch { throw FieldError(error.reason, offset: error.offset) }
        guard number.isPercent else { throw FieldError("a stated percentage ends in “%”, as printed (37,28%)") }
        self.text = text.trimmingWhitespace
        self.value = number.value
        self.fractionDigits = number.fractionDigits
    }

    /// A stated percentage already read (used when reassembling rows from columns).
    init(text: String, value: Double, fractionDigits: Int) {
        self.text = text
        self.value = value
        self.fractionDigits = fractionDigits
    }

    /// How the reports print a percentage: Vietnamese decimal comma, no space ("37,28%").
    static func canonicalText(value: Double, fractionDigits: Int) -> String {
        NumberWriter.decimal(value, style: .vi, fractionDigits: fractionDigits) + "%"
    }

    public var description: String { text }

    /// Whether the printed figure is what `actualPercent` gives at the printed precision, rounded half
    /// away from zero or truncated (reports do both).
    public func agreement(with actualPercent: Double) -> PercentAgreement {
        let scale = (0..<fractionDigits).reduce(1.0) { acc, _ in acc * 10 }
        let stated = (value * scale).rounded()
        let exact = actualPercent * scale
        // A hair of tolerance keeps 2/3·100 = 66.666… and binary fractions such as 104.8181… honest.
        if (exact + 1e-9).rounded(.toNearestOrAwayFromZero) == stated || (exact - 1e-9).rounded(.toNearestOrAwayFromZero) == stated {
            return .rounded
        }
        if (exact + 1e-9).rounded(.towardZero) == stated { return .truncated }
        return .disagrees(difference: value - actualPercent)
    }
}

/// How a stated percentage compares with the one its own numbers give.
public enum PercentAgreement: Hashable, Sendable {
    /// The printed figure is the actual one rounded at its printed precision.
    case rounded
    /// The printed figure is the actual one cut at its printed precision (54/56 = 96,428… printed 96,42%).
    case truncated
    /// The printed figure is off: printed minus actual, in percentage points.
    case disagrees(difference: Double)

    /// Whether the printed figure is acceptable.
    public var agrees: Bool {
        if case .disagrees = self { return false }
        return true
    }
}
