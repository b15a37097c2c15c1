import LearningEngine

/// How a column's values are held: typed where the engine can work on them whole, as values where
/// it cannot (records, tables, series, targets, a column mixing kinds).
enum ColumnData: Sendable {
    /// One value per row.
    case values([Value])
    /// Numbers, NaN for missing, each of one kind or all of the same.
    case numbers([Double], NumberKinds)
    /// Codes into a book: regions, indicators, texts (negative for missing).
    case codes([Int32], CodeBook)
    /// True, false or missing.
    case truths(Truths)
    /// Cells of a dataset's figures table read when asked for (the columns the engine does not type:
    /// period, target, stated, qualifier, the user's own): `derive` on two million figures keeps them
    /// as row numbers, not as two million values each.
    case cells(DatasetCells)

    /// The kinds of a number column.
    enum NumberKinds: Sendable {
        /// Every row of this kind.
        case uniform(NumberKind)
        /// A kind per row.
        case perRow([NumberKind])

        @inline(__always) func kind(_ row: Int) -> NumberKind {
            switch self {
            case let .uniform(k): k
            case let .perRow(kinds): kinds[row]
            }
        }

        func gathered(_ rows: [Int32]) -> NumberKinds {
            switch self {
            case .uniform: self
            case let .perRow(kinds): .perRow(NumberKernels.gather(kinds, rows))
            }
        }
    }

    /// How many rows.
    var count: Int {
        switch self {
        case let .values(v): v.count
        case let .numbers(x, _): x.count
        case let .codes(c, _): c.count
        case let .truths(t): t.count
        case let .cells(c): c.rows.count
        }
    }

    /// The value at a row.
    @inline(__always) func value(at row: Int) -> Value {
        switch self {
        case let .values(v): return v[row]
        case let .numbers(x, kinds): return kinds.kind(row).value(x[row])
        case let .codes(c, book): return book.value(c[row])
        case let .truths(t):
            let b = t.bytes[row]
            return b == Truths.missing ? .null : .bool(b == Truths.yes)
        case let .cells(c): return c.value(at: row)
        }
    }

    /// Every value.
    var values: [Value] {
        if case let .values(v) = self { return v }
        return (0..<count).map(value(at:))
    }

    /// The same column with only these rows, in this order.
    func gathered(_ rows: [Int32]) -> ColumnData {
        switch self {
        case let .values(v): .values(rows.map { v[Int($0)] })
        case let .numbers(x, kinds): .numbers(NumberKernels.gather(x, rows), kinds.gathered(rows))
        case let .codes(c, book): .codes(NumberKernels.gather(c, rows), book)
        case let .truths(t): .truths(Truths(NumberKernels.gather(t.bytes, rows)))
        case let .cells(c): .cells(c.gathered(rows))
        }
    }

    /// The same column at these rows, missing where the row is -1.
    func gatheredAllowingMissing(_ rows: [Int32]) -> ColumnData {
        switch self {
        case let .numbers(x, kinds):
            let values = rows.map { $0 < 0 ? Double.nan : x[Int($0)] }
            switch kinds {
            case .uniform: return .numbers(values, kinds)
            case let .perRow(k): return .numbers(values, .perRow(rows.map { $0 < 0 ? .number : k[Int($0)] }))
            }
        case let .codes(c, book): return .codes(rows.map { $0 < 0 ? -1 : c[Int($0)] }, book)
        case let .truths(t): return .truths(Truths(rows.map { $0 < 0 ? Truths.missing : t.bytes[Int($0)] }))
        case .values, .cells: return .values(rows.map { $0 < 0 ? .null : value(at: Int($0)) })
        }
    }

    /// The column as numbers, when every value is a number of some kind or null (a NaN inside a
    /// value is not missing, so it keeps the column as values).
    var asNumbers: (values: [Double], kinds: NumberKinds)? {
        switch self {
        case let .numbers(x, kinds): return (x, kinds)
        case .cells: return ColumnData.values(values).asNumbers
        case let .values(v):
            var numbers = [Double](repeating: .nan, count: v.count)
            var kinds = [NumberKind](repeating: .number, count: v.count)
            var first: NumberKind? = nil, mixed = false
            for (i, value) in v.enumerated() where !value.isNull {
                guard let kind = NumberKind(of: value), let x = value.numeric, !x.isNaN else { return nil }
                numbers[i] = x
                kinds[i] = kind
                if let f = first, f != kind { mixed = true } else if first == nil { first = kind }
            }
            return (numbers, mixed ? .perRow(kinds) : .uniform(first ?? .number))
        default: return nil
        }
    }

    /// The column as truths, when every value is true, false or null.
    var asTruths: Truths? {
        switch self {
        case let .truths(t): return t
        case .cells: return ColumnData.values(values).asTruths
        case let .values(v):
            var bytes = [UInt8](repeating: Truths.missing, count: v.count)
            for (i, value) in v.enumerated() {
                switch value {
                case .null: continue
                case let .bool(b): bytes[i] = b ? Truths.yes : Truths.no
                default: return nil
                }
            }
            return Truths(bytes)
        default: return nil
        }
    }
}
