/// A value in one field that cannot be read; the loader adds the file, line and column.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was expected, in plain words.
    public let message: String
    /// Where in the field the problem starts, in Unicode scalars.
    public let offset: Int

    /// Creates the error.
    public init(_ message: String, offset: Int = 0) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}

/// The machine form of numbers in `figures.csv`: plain digits, an optional sign and a "." decimal
/// point ("97290000", "43.85"). Vietnamese grouping such as "97.290.000" is refused there, because
/// "2.631" would be ambiguous.
public enum PlainNumber {
    /// Reads a plain number, or nil.
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        let t = text.trimmingWhitespace
        guard !t.isEmpty, t.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 }),
              t.utf8.filter({ $0 == 46 }).count <= 1, t.utf8.last != 46, t.utf8.first != 46,
              let value = Double(t), value.isFinite else { return nil }
        return value
    }

    /// Why a plain number read from `text` as `value` is not held as printed, or nil when it is:
    /// beyond 15 to 17 significant digits a double keeps only the nearest number it can hold, and a
    /// count or an amount of money must never change silently ("9007199254740993" would be …992).
    public static func inexactness(of text: some StringProtocol, _ value: Double) -> FieldError? {
        guard !ExactDecimal.holds(value, plainText: text) else { return nil }
        return FieldError("“\(text.trimmingWhitespace)” has more digits than a number can hold exactly (15 to 17 significant digits; whole numbers up to 9007199254740992): it would be read as \(format(value))")
    }

    /// Writes a number in plain form, without exponent, trailing zeros dropped.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return NumberWriter.decimal(value, style: .en, maximumFractionDigits: 9).replacingOccurrences(of: ",", with: "")
    }
}
