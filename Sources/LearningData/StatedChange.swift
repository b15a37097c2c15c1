/// A change as a report states it ("tăng 576 hội viên so với cùng kỳ", "tăng 5,04% so với cùng kỳ").
///
/// An absolute change lets the previous year's figure be derived. A change in "%" of a rate is
/// ambiguous (percent or percentage points?) and is kept as a statement only.
public struct StatedChange: Hashable, Sendable, CustomStringConvertible {
    /// Up or down.
    public enum Direction: String, Sendable { case increase, decrease }

    /// What the change is measured against.
    public enum Reference: Hashable, Sendable {
        /// "so với cùng kỳ": the same period a year before.
        case samePeriodLastYear
        /// "so với năm 2021".
        case year(Int)
        /// Not said.
        case unspecified
    }

    /// The phrase as printed.
    public let text: String
    /// Up or down.
    public let direction: Direction
    /// The amount as printed, if there is one.
    public let amount: VietnameseNumber?
    /// What it is measured against.
    public let reference: Reference

    /// Reads a printed change; it must start with "tăng" (up) or "giảm" (down).
    public init(printed text: String) throws(FieldError) {
        let folded = VietnameseText.fold(text)
        if folded.hasPrefix("tang") { direction = .increase }
        else if folded.hasPrefix("giam") { direction = .decrease }
        else { throw FieldError("a stated change starts with “tăng” or “giảm”, as printed") }
        self.text = text.trimmingWhitespace
        amount = VietnameseNumberReader.numbers(in: text).first
        if folded.contains("cung ky") {
            reference = .samePeriodLastYear
        } else if let range = folded.range(of: "so voi nam "),
                  let year = Int(folded[range.upperBound...].prefix(while: { $0.isNumber })) {
            reference = .year(year)
        } else {
            reference = .unspecified
        }
    }

    public var description: String { text }

    /// Whether the amount is a "%" whose meaning (percent or percentage points) is not said.
    public var isAmbiguous: Bool { amount?.isPercent ?? true }

    /// The signed absolute change, when it is one (nil for a "%" change).
    public var absoluteChange: Double? {
        guard let amount, !amount.isPercent else { return nil }
        return direction == .increase ? amount.value : -amount.value
    }

    /// The year the change is measured from, given the year of the figure it belongs to.
    public func referenceYear(from year: Int) -> Int? {
        switch reference {
        case .samePeriodLastYear: year - 1
        case let .year(y): y
        case .unspecified: nil
        }
    }
}
