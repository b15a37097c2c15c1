/// The observations of a dataset, one array per field.
///
/// The dense columns hold what every analysis scans (region, indicator, year, value, base, target,
/// stated percentage); missing numbers are NaN there and come out as nil through ``Dataset``. What
/// only some rows carry (scope, period, quotes, notes, derivations) lives in a sparse column. Rows are
/// sorted by indicator, year, region, scope and period, so the rows of one indicator, or of one indicator in
/// one year, are one contiguous range.
public struct ObservationColumns: Sendable {
    /// Region of each row, as a position in the dataset's ``Gazetteer``.
    public internal(set) var region: [Gazetteer.Index] = []
    /// Indicator of each row, as a position in the dataset's ``IndicatorCatalogue``.
    public internal(set) var indicator: [IndicatorCatalogue.Index] = []
    /// Year of each row.
    public internal(set) var year: [Int16] = []
    /// The figure; NaN when not printed.
    public internal(set) var value: [Double] = []
    /// The denominator; NaN when not printed.
    public internal(set) var base: [Double] = []
    /// The target's value (percent units for a rate target); NaN when there is none.
    public internal(set) var target: [Double] = []
    /// The stated percentage's value; NaN when there is none.
    public internal(set) var statedPercent: [Double] = []
    /// Small fields packed: qualifier, base kind, target form, stated-percent precision and flags.
    public internal(set) var flags: [ObservationFlags] = []
    /// Rows that carry details, ascending, and their details.
    var detailRows: [Int32] = []
    var details: [ObservationDetails] = []

    /// How many rows there are.
    public var count: Int { region.count }

    mutating func reserve(_ n: Int) {
        region.reserveCapacity(n); indicator.reserveCapacity(n); year.reserveCapacity(n)
        value.reserveCapacity(n); base.reserveCapacity(n); target.reserveCapacity(n)
        statedPercent.reserveCapacity(n); flags.reserveCapacity(n)
    }

    /// Empties the columns, keeping their capacity.
    mutating func removeAll() {
        region.removeAll(keepingCapacity: true); indicator.removeAll(keepingCapacity: true); year.removeAll(keepingCapacity: true)
        value.removeAll(keepingCapacity: true); base.removeAll(keepingCapacity: true); target.removeAll(keepingCapacity: true)
        statedPercent.removeAll(keepingCapacity: true); flags.removeAll(keepingCapacity: true)
        detailRows.removeAll(keepingCapacity: true); details.removeAll(keepingCapacity: true)
    }

    /// The details of a row, if it has any (binary search over the sparse column).
    func details(at row: Int) -> ObservationDetails? {
        var low = 0, high = detailRows.count
        while low < high {
            let mid = (low + high) / 2
            if detailRows[mid] < Int32(row) { low = mid + 1 } else { high = mid }
        }
        return low < detailRows.count && detailRows[low] == Int32(row) ? details[low] : nil
    }
}

/// The small fields of one row, packed in 16 bits.
public struct ObservationFlags: Hashable, Sendable {
    var bits: UInt16

    init(qualifier: Qualifier, baseKind: BaseKind?, percentOf: PercentBasis, target: Target?, statedDigits: Int, derived: Bool) {
        var b = UInt32(Qualifier.allCases.firstIndex(of: qualifier) ?? 0)                     // bits 0-2
        b |= UInt32(baseKind.map { (BaseKind.allCases.firstIndex(of: $0) ?? 0) + 1 } ?? 0) << 3 // bits 3-4
        b |= (percentOf == .target ? 1 : 0) << 5                                               // bit 5
        if let target {
            b |= 1 << 6                                                                         // bit 6: has target
            b |= (target.isRate ? 1 : 0) << 7                                                   // bit 7
            b |= UInt32(Target.Comparison.allCases.firstIndex(of: target.comparison) ?? 0) << 8 // bits 8-10
        }
        b |= UInt32(min(max(statedDigits, 0), 15)) << 11                                       // bits 11-14
        b |= (derived ? 1 : 0) << 15                                                           // bit 15
        bits = UInt16(truncatingIfNeeded: b)
    }

    /// How exact the figure is.
    public var qualifier: Qualifier { Qualifier.allCases[Int(bits & 7)] }
    /// What the base counts, if said.
    public var baseKind: BaseKind? {
        let k = Int((bits >> 3) & 3)
        return k == 0 ? nil : BaseKind.allCases[k - 1]
    }
    /// What the stated percentage is a share of.
    public var percentOf: PercentBasis { (bits >> 5) & 1 == 1 ? .target : .base }
    /// Whether the row has a target.
    public var hasTarget: Bool { (bits >> 6) & 1 == 1 }
    /// Whether the target is a rate.
    public var targetIsRate: Bool { (bits >> 7) & 1 == 1 }
    /// How the actual must compare to the target.
    public var targetComparison: Target.Comparison { Target.Comparison.allCases[Int((bits >> 8) & 7)] }
    /// Digits printed after the decimal comma of the stated percentage.
    public var statedDigits: Int { Int((bits >> 11) & 15) }
    /// Whether the figure is derived rather than printed.
    public var isDerived: Bool { (bits >> 15) & 1 == 1 }
}

/// What only some rows carry, with texts interned in the dataset's string pool (-1 for none).
struct ObservationDetails: Sendable {
    var periodStart: Int16 = 0
    var periodEnd: Int16 = 0
    /// The part of the year (``PartOfYear/storageCode``), 0 for whole years.
    var periodPart: UInt8 = 0
    /// For a row with a period other than its whole year: whether it stands for the year all the same
    /// (a stock at the end of a span, when the region gives no figure for the year itself).
    var countsAsYear = false
    var scope: Int32 = -1
    var valueMax: Double = .nan
    var targetMax: Double = .nan
    var statedText: Int32 = -1
    var statedChange: Int32 = -1
    var derivation: Int32 = -1
    var discrepancy: Int32 = -1
    var note: Int32 = -1
    var document: Int32 = -1
    var quote: Int32 = -1
    /// The row's `x_` fields as ``encode(_:)`` writes them.
    var extras: Int32 = -1

    /// The period, when the row has one other than its plain year.
    var period: Period? {
        guard periodStart != 0 else { return nil }
        if periodPart != 0, let part = PartOfYear(storageCode: periodPart) { return .part(part, of: Int(periodEnd)) }
        return .years(Int(periodStart), Int(periodEnd))
    }

    /// Where the row sorts among the periods of its year.
    var periodRank: Int32 { period?.sortRank ?? 0 }

    var isEmpty: Bool {
        periodStart == 0 && scope < 0 && valueMax.isNaN && targetMax.isNaN && statedText < 0 && statedChange < 0
            && derivation < 0 && discrepancy < 0 && note < 0 && document < 0 && quote < 0 && extras < 0
    }

    /// What separates the fields of ``extras``, and a name from its text (control characters the
    /// reader refuses in them).
    static let extrasSeparator: Character = "\u{1F}", extrasNameEnd: Character = "\u{1E}"

    /// The user's own fields of a row as one text: name, U+001E, text, each field ended by U+001F.
    static func encode(_ extras: [String: String]) -> String {
        extras.keys.sorted().map { "\($0)\(extrasNameEnd)\(extras[$0] ?? "")\(extrasSeparator)" }.joined()
    }

    /// The fields ``encode(_:)`` wrote.
    static func decode(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for field in text.split(separator: extrasSeparator) {
            guard let end = field.firstIndex(of: extrasNameEnd) else { continue }
            out[String(field[..<end])] = String(field[field.index(after: end)...])
        }
        return out
    }
}
