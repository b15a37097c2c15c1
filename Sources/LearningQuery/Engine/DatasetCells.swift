import LearningData
import LearningEngine

/// One column of a dataset's figures (or targets) table at some of its rows, each cell made from the
/// dataset when it is read: `derive` on the figures table keeps the columns it does not compute as
/// row numbers, typed only when a later stage reads them.
struct DatasetCells: Sendable {
    let source: Table.RowSource
    let rows: RowList
    let column: Int

    func value(at row: Int) -> Value { source.view.value(source.dataset, row: rows[row], column: column) }

    /// The cells as the engine reads them: typed where the figures table's column has a type
    /// (``FiguresColumns/vector(_:rows:column:)``), else these cells.
    var typed: ColumnData {
        if case .figures = source.view, let typed = FiguresColumns.vector(source.dataset, rows: rows.list, column: column) { return typed }
        return .cells(self)
    }

    func gathered(_ picked: [Int32]) -> DatasetCells {
        DatasetCells(source: source, rows: rows.picking(picked), column: column)
    }
}
