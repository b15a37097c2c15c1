import LearningData
import LearningEngine

/// One column of a dataset's figures (or targets) table at some of its rows, each cell made from the
/// dataset when it is read.
struct DatasetCells: Sendable {
    let source: Table.RowSource
    let rows: [Int32]
    let column: Int

    func value(at row: Int) -> Value { source.view.value(source.dataset, row: Int(rows[row]), column: column) }

    func gathered(_ picked: [Int32]) -> DatasetCells {
        DatasetCells(source: source, rows: NumberKernels.gather(rows, picked), column: column)
    }
}
