/// Decimal digits as a double holds them: what tells a number that is held as printed from one a
/// double can only approximate ("9007199254740993" becomes …992; "12345678901234567890" 1.2345678901234567e19).
///
/// A double holds a printed number exactly, for our purposes, when its shortest round-trip digits
/// (Swift's `description`) are the printed digits: "0.1" is held (it reads and writes back as 0.1),
/// "9007199254740993" is not.
public enum ExactDecimal {
    /// Significant digits, without leading or trailing zeros, and the power of ten of the last one:
    /// "00120.50" is ([1, 2, 0, 5], -1); zero is ([], 0).
    public struct Significand: Equatable, Sendable {
        /// The digits, 0 to 9, none leading or trailing zero.
        public let digits: [UInt8]
        /// The power of ten of the last digit.
        public let exponent: Int

        /// The significand of digits of which the last `fractionDigits` come after the decimal mark,
        /// the whole times 10^`scale`.
        public init(digits: some Sequence<UInt8>, fractionDigits: Int, scale: Int = 0) {
            var kept = Array(digits.drop { $0 == 0 })
            var exponent = scale - fractionDigits
            while kept.last == 0 { kept.removeLast(); exponent += 1 }
            self.digits = kept
            self.exponent = kept.isEmpty ? 0 : exponent
        }

        /// The shortest digits that read back as `value` (its sign ignored); nil for infinity and NaN.
        public init?(_ value: Double) {
            guard value.isFinite else { return nil }
            var mantissa: [UInt8] = [], fractionDigits = 0, seenPoint = false, power = 0
            let text = abs(value).description
            var rest = Substring(text)
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                power = Int(text[text.index(after: e)...]) ?? 0
                rest = text[..<e]
            }
            for c in rest.utf8 {
                if c == UInt8(ascii: ".") { seenPoint = true; continue }
                guard (48...57).contains(c) else { continue }
                mantissa.append(c - 48)
                if seenPoint { fractionDigits += 1 }
            }
            self.init(digits: mantissa, fractionDigits: fractionDigits, scale: power)
        }
    }

    /// Whether `value`, read from these digits, is held as they were printed.
    public static func holds(_ value: Double, _ printed: Significand) -> Bool {
        Significand(value) == printed
    }

    /// Whether plain text such as "-0012.50" (digits, one ".", a sign) is held exactly by `value`.
    public static func holds(_ value: Double, plainText text: some StringProtocol) -> Bool {
        var digits: [UInt8] = [], fractionDigits = 0, seenPoint = false
        for c in text.utf8 {
            if c == UInt8(ascii: ".") { seenPoint = true } else if (48...57).contains(c) {
                digits.append(c - 48)
                if seenPoint { fractionDigits += 1 }
            }
        }
        return holds(value, Significand(digits: digits, fractionDigits: fractionDigits))
    }

    /// The number's shortest round-trip digits laid out without an exponent: 1e20 is
    /// ("100000000000000000000", ""), 1.5e-7 is ("0", "00000015"); the sign is left out.
    public static func positional(_ value: Double) -> (integer: String, fraction: String)? {
        guard let s = Significand(value) else { return nil }
        guard !s.digits.isEmpty else { return ("0", "") }
        let digits = String(decoding: s.digits.map { $0 + 48 }, as: UTF8.self)
        if s.exponent >= 0 { return (digits + String(repeating: "0", count: s.exponent), "") }
        let fractionCount = -s.exponent
        if fractionCount >= digits.count {
            return ("0", String(repeating: "0", count: fractionCount - digits.count) + digits)
        }
        let cut = digits.index(digits.endIndex, offsetBy: -fractionCount)
        return (String(digits[..<cut]), String(digits[cut...]))
    }
}
