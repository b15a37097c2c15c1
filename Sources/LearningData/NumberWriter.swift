/// How numbers are written back: the Vietnamese way (2.631; 37,28%; 1.234.567 đ) or the English way
/// (2,631; 37.28%; 1,234,567 VND).
public enum NumberStyle: String, Sendable, CaseIterable, Codable {
    /// vi-VN: `.` groups thousands, `,` is the decimal mark, money ends in "đ".
    case vi
    /// en: `,` groups thousands, `.` is the decimal mark, money ends in "VND".
    case en

    var groupSeparator: String { self == .vi ? "." : "," }
    var decimalSeparator: String { self == .vi ? "," : "." }
}

/// Writes numbers for people to read, in either ``NumberStyle``.
///
/// Rounding is half away from zero at the requested number of fraction digits. Without a requested
/// number, up to six fraction digits are written and trailing zeros dropped, so that a value read from
/// text and written again comes back as it was printed ("43,85" stays "43,85").
public enum NumberWriter {
    /// A plain number: `decimal(2631, style: .vi)` is "2.631"; `decimal(1234.5, style: .en)` is "1,234.5".
    ///
    /// - Parameters:
    ///   - fractionDigits: exactly this many digits after the decimal mark, zeros kept.
    ///   - maximumFractionDigits: when `fractionDigits` is nil, at most this many, trailing zeros dropped.
    public static func decimal(_ value: Double, style: NumberStyle, fractionDigits: Int? = nil,
                               maximumFractionDigits: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        if fractionDigits == nil, let shortest = shortestDigits(value, maximumFractionDigits: maximumFractionDigits) {
            return (value < 0 ? "-" : "") + grouped(shortest.integer, separator: style.groupSeparator)
                + (shortest.fraction.isEmpty ? "" : style.decimalSeparator + shortest.fraction)
        }
        let digits = min(max(fractionDigits ?? maximumFractionDigits, 0), 9)
        let scale = pow10(digits)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Past 19 digits at this precision a double's at most 17 significant digits end before the last
        // place asked for: its shortest digits, laid out, and zeros are exact, with nothing to round.
        guard scaled < 9.2e18 else {
            let (integer, shortFraction) = ExactDecimal.positional(value) ?? ("0", "")
            let fraction = fractionDigits == nil ? shortFraction : shortFraction + String(repeating: "0", count: max(0, digits - shortFraction.count))
            return (value < 0 ? "-" : "") + grouped(integer, separator: style.groupSeparator)
                + (fraction.isEmpty ? "" : style.decimalSeparator + fraction)
        }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        var integerPart = String(whole / unit)
        var fraction = digits > 0 ? String(whole % unit) : ""
        if digits > 0 {
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            if fractionDigits == nil { while fraction.last == "0" { fraction.removeLast() } }
        }
        integerPart = grouped(integerPart, separator: style.groupSeparator)
        let sign = value < 0 && whole != 0 ? "-" : ""
        return sign + integerPart + (fraction.isEmpty ? "" : style.decimalSeparator + fraction)
    }

    /// A percentage given in percent units: `percent(37.28, style: .vi)` is "37,28%"; `percent(100, …)`
    /// is "100%". Without `fractionDigits`, at most two digits are written, trailing zeros dropped.
    public static func percent(_ percent: Double, style: NumberStyle, fractionDigits: Int? = nil) -> String {
        decimal(percent, style: style, fractionDigits: fractionDigits, maximumFractionDigits: 2) + "%"
    }

    /// An amount of money in đồng: `money(1_234_567, style: .vi)` is "1.234.567 đ".
    public static func money(_ amount: Double, style: NumberStyle) -> String {
        decimal(amount, style: style, fractionDigits: 0) + (style == .vi ? " đ" : " VND")
    }

    /// A percentage-point difference: `points(2.5, style: .vi)` is "+2,5 điểm %"; en "+2.5 pp".
    public static func points(_ points: Double, style: NumberStyle, fractionDigits: Int? = nil) -> String {
        let sign = points > 0 ? "+" : ""
        return sign + decimal(points, style: style, fractionDigits: fractionDigits, maximumFractionDigits: 2)
            + (style == .vi ? " điểm %" : " pp")
    }

    /// The shortest digits that read back as `value` (Swift's own), laid out without an exponent, when
    /// they need no more fraction digits than allowed; scaling by a power of ten instead would add
    /// noise (4308835552.39 × 10⁶ is not exact).
    private static func shortestDigits(_ value: Double, maximumFractionDigits: Int) -> (integer: String, fraction: String)? {
        guard let digits = ExactDecimal.positional(value), digits.fraction.count <= maximumFractionDigits else { return nil }
        return digits
    }

    private static func grouped(_ digits: String, separator: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
}
