/// An expression's value over the rows of a table: one value for every row, or a column.
enum Vector {
    /// The same value on every row (a constant, or an expression that reads no column).
    case scalar(Value)
    /// A value per row.
    case column(ColumnData)

    /// As a column of `count` rows.
    func column(count: Int) -> ColumnData {
        switch self {
        case let .column(c): return c
        case let .scalar(v):
            if let kind = NumberKind(of: v), let x = v.numeric, !x.isNaN { return .numbers([Double](repeating: x, count: count), .uniform(kind)) }
            return .values([Value](repeating: v, count: count))
        }
    }
}
