import LearningEngine

/// Which rows of a dataset a table shows, in order: all of them (nothing stored: `figures` over 20
/// million rows costs no list of 20 million numbers) or a list of row numbers.
enum RowList: Sendable {
    /// Rows 0 to count − 1.
    case all(Int)
    /// These rows, in this order.
    case some([Int32])

    var count: Int {
        switch self {
        case let .all(n): n
        case let .some(rows): rows.count
        }
    }

    /// The dataset's row at a position.
    @inline(__always) subscript(position: Int) -> Int {
        switch self {
        case .all: position
        case let .some(rows): Int(rows[position])
        }
    }

    /// The rows at these positions.
    func picking(_ positions: [Int32]) -> RowList {
        switch self {
        case .all: .some(positions)
        case let .some(rows): .some(NumberKernels.gather(rows, positions))
        }
    }

    /// The row numbers, nil for all rows (the dataset's columns are then read as they are).
    var list: [Int32]? {
        if case let .some(rows) = self { return rows }
        return nil
    }
}
