/// A target ("chỉ tiêu"): an absolute amount such as 60.000.000 đồng, or a rate such as 75%, with how
/// the actual must compare to it ("từ 800 triệu trở lên" is at least; "trên 92%" is above).
///
/// In `figures.csv` a target is written `[op]number[%]` or `low..high[%]`, numbers in plain digits:
/// `60000000`, `75%`, `>=800000000`, `>92%`, `800..1000`. No operator means "at least".
public struct Target: Hashable, Sendable, CustomStringConvertible {
    /// How the actual must compare to the target.
    public enum Comparison: String, Sendable, CaseIterable, Codable {
        case atLeast = ">="
        case above = ">"
        case exactly = "="
        case atMost = "<="
        case below = "<"

        /// The mathematical sign (≥, >, =, ≤, <).
        public var symbol: String {
            switch self {
            case .atLeast: "≥"
            case .above: ">"
            case .exactly: "="
            case .atMost: "≤"
            case .below: "<"
            }
        }
    }

    /// The amount, or the lower end of a range; in percent units for a rate (75 for 75%).
    public let value: Double
    /// The upper end of a range ("800 - 1000 công dân"), if the target is one.
    public let upperBound: Double?
    /// Whether the target is a rate (in percent) rather than an amount.
    public let isRate: Bool
    /// How the actual must compare.
    public let comparison: Comparison

    /// Creates a target.
    public init(value: Double, upperBound: Double? = nil, isRate: Bool, comparison: Comparison = .atLeast) {
        self.value = value
        self.upperBound = upperBound
        self.isRate = isRate
        self.comparison = comparison
    }

    /// Reads the `figures.csv` form (`>=800000000`, `75%`, `800..1000`).
    public init(csv text: String) throws(FieldError) {
        var rest = Substring(text.trimmingWhitespace)
        var comparison = Comparison.atLeast
        for candidate in [Comparison.atLeast, .atMost, .above, .below, .exactly] where rest.hasPrefix(candidate.rawValue) {
            comparison = candidate
            rest = rest.dropFirst(candidate.rawValue.count)
            break
        }
        let isRate = rest.hasSuffix("%")
        if isRate { rest = rest.dropLast() }
        let parts = rest.components(separatedBy: "..")
        guard parts.count <= 2, let low = PlainNumber.parse(parts[0]) else {
            throw FieldError("expected a target such as 60000000, 75%, >=800000000, >92% or 800..1000")
        }
        if let inexact = PlainNumber.inexactness(of: parts[0], low) { throw inexact }
        var high: Double? = nil
        if parts.count == 2 {
            guard let h = PlainNumber.parse(parts[1]), h >= low else {
                throw FieldError("a target range low..high needs a high end no lower than the low end")
            }
            if let inexact = PlainNumber.inexactness(of: parts[1], h) { throw inexact }
            high = h
        }
        self.init(value: low, upperBound: high, isRate: isRate, comparison: comparison)
    }

    /// The `figures.csv` form.
    public var csvText: String {
        let op = comparison == .atLeast ? "" : comparison.rawValue
        let number = PlainNumber.format(value) + (upperBound.map { ".." + PlainNumber.format($0) } ?? "")
        return op + number + (isRate ? "%" : "")
    }

    /// For people: "≥ 800.000.000", "> 92%", "800–1.000".
    public func formatted(style: NumberStyle, money: Bool = false) -> String {
        func number(_ x: Double) -> String {
            isRate ? NumberWriter.percent(x, style: style) : (money ? NumberWriter.money(x, style: style) : NumberWriter.decimal(x, style: style))
        }
        if let upperBound { return number(value) + "–" + number(upperBound) }
        return (comparison == .atLeast ? "" : comparison.symbol + " ") + number(value)
    }

    public var description: String { csvText }

    /// Whether an actual (in percent for a rate target) meets the target; within a range, meeting the
    /// low end is enough.
    public func isMet(by actual: Double) -> Bool {
        switch comparison {
        case .atLeast: actual >= value
        case .above: actual > value
        case .exactly: actual == value
        case .atMost: actual <= (upperBound ?? value)
        case .below: actual < (upperBound ?? value)
        }
    }
}
