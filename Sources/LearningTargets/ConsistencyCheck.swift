import LearningData

/// A disagreement between two rows that no rule on one row can see: a denominator that jumps between
/// years, or one number printed for two different figures of one document.
public struct Inconsistency: Hashable, Sendable {
    /// What kind of disagreement.
    public enum Kind: String, Sendable, CaseIterable {
        /// The households (clans, units…) a stated percentage implies, value ÷ percentage, differ by
        /// more than ``ConsistencyCheck/denominatorTolerance`` from another year's denominator of the
        /// same region and indicator.
        case impliedDenominatorMoves = "implied_denominator_moves"
        /// One document prints the same number for two different figures (a copied cell, a typo).
        case sameNumberTwice = "same_number_twice"
    }

    /// What kind of disagreement.
    public let kind: Kind
    /// The rows, in the dataset: the one the finding is about, then the one it disagrees with.
    public let row: Int, other: Int
    /// The two numbers compared (for a denominator, row's then other's).
    public let left: Double, right: Double
    /// The finding in words.
    public let message: String
    /// How much it matters.
    public var importance: RuleImportance { kind == .impliedDenominatorMoves ? .medium : .low }
}

/// Checks across rows: implied denominators from year to year, and numbers printed twice in one
/// document. Each finding names both rows, so both quotes can be read.
public enum ConsistencyCheck {
    /// How far (as a share) two years' denominators may differ before it is a finding.
    public static let denominatorTolerance = 0.10
    /// Numbers smaller than this are printed twice by coincidence too often to be a finding.
    public static let smallestRepeatedNumber = 100.0

    /// Every finding, denominators first, each in dataset order.
    public static func findings(in dataset: Dataset) -> [Inconsistency] {
        denominatorFindings(dataset) + repeatedNumberFindings(dataset)
    }

    /// A row's denominator: its printed base, or the one its stated share of the base implies.
    static func denominator(_ dataset: Dataset, row: Int) -> (value: Double, implied: Bool)? {
        if let base = dataset.base(at: row) { return (base, false) }
        guard let value = dataset.value(at: row), dataset.columns.flags[row].percentOf == .base else { return nil }
        let stated = dataset.columns.statedPercent[row]
        guard !stated.isNaN, stated > 0 else { return nil }
        return (value / stated * 100, true)
    }

    private static func denominatorFindings(_ dataset: Dataset) -> [Inconsistency] {
        // Headline rows by region and indicator, in year order (the dataset is sorted by indicator,
        // year, region): a dictionary of short lists, one pass.
        var series: [Int: [Int]] = [:]
        for row in 0..<dataset.count where dataset.isHeadline(at: row) && denominator(dataset, row: row) != nil {
            let key = Int(dataset.columns.indicator[row]) << 32 | Int(dataset.columns.region[row])
            series[key, default: []].append(row)
        }
        var out: [Inconsistency] = []
        for rows in series.values where rows.count > 1 {
            for (a, b) in zip(rows, rows.dropFirst()) {
                guard let da = denominator(dataset, row: a), let db = denominator(dataset, row: b), da.implied || db.implied else { continue }
                let change = db.value / da.value - 1
                guard abs(change) > denominatorTolerance else { continue }
                let (ya, yb) = (Int(dataset.columns.year[a]), Int(dataset.columns.year[b]))
                func said(_ d: (value: Double, implied: Bool), _ row: Int) -> String {
                    d.implied ? "\(PlainNumber.format(d.value.rounded())) implied by \(PlainNumber.format(dataset.value(at: row) ?? 0)) at \(dataset[row].statedPercent?.text ?? "")"
                        : "\(PlainNumber.format(d.value)) printed"
                }
                let percent = NumberWriter.decimal(abs(change) * 100, style: .en, maximumFractionDigits: 1)
                out.append(Inconsistency(kind: .impliedDenominatorMoves, row: b, other: a, left: db.value, right: da.value,
                                         message: "the denominator of \(yb) (\(said(db, b))) is \(percent) % \(change < 0 ? "below" : "above") that of \(ya) (\(said(da, a)))"))
            }
        }
        return out.sorted { ($0.row, $0.other) < ($1.row, $1.other) }
    }

    private static func repeatedNumberFindings(_ dataset: Dataset) -> [Inconsistency] {
        var seen: [String: Int] = [:]     // document and value → first printed row
        var out: [Inconsistency] = []
        for row in 0..<dataset.count where !dataset.columns.flags[row].isDerived {
            guard let value = dataset.value(at: row), value >= smallestRepeatedNumber,
                  let document = dataset.document(at: row) else { continue }
            let key = document + "\u{1}" + PlainNumber.format(value)
            guard let first = seen[key] else { seen[key] = row; continue }
            // The same figure filed twice (another scope of one indicator, a period) is not a copy.
            guard dataset.columns.indicator[first] != dataset.columns.indicator[row] || dataset.columns.region[first] != dataset.columns.region[row] else { continue }
            let a = dataset[first], b = dataset[row]
            out.append(Inconsistency(kind: .sameNumberTwice, row: row, other: first, left: value, right: value,
                                     message: "\(document) prints \(PlainNumber.format(value)) for \(b.indicator) of \(b.region) in \(b.year) and for \(a.indicator) of \(a.region) in \(a.year)"))
        }
        return out
    }
}
