import LearningData
import LearningEngine

/// A named column of a materialised table.
public struct Column: Sendable {
    /// The name.
    public let name: String
    /// The values, typed where the engine can work on them whole (see ``ColumnData``).
    var data: ColumnData

    /// One value per row.
    public var values: [Value] {
        get { data.values }
        set { data = .values(newValue) }
    }

    /// Creates a column.
    public init(_ name: String, _ values: [Value]) {
        self.name = name
        data = .values(values)
    }

    /// A column of typed values.
    init(_ name: String, data: ColumnData) {
        self.name = name
        self.data = data
    }
}

/// Rows and named columns, stored column by column.
///
/// The `figures` and `targets()` tables of a dataset are not copied: each is a list of row numbers
/// into the dataset's own columns, seen through computed columns, so `where`, `sort`, `take` and `top`
/// only move row numbers, and a value is made only when it is read. Other tables hold their columns.
public struct Table: Sendable {
    enum Storage: Sendable {
        case columns([Column])
        case rows(RowSource, rows: RowList)
    }

    /// A dataset and how its rows are seen, shared by reference: a Dataset is a large value, and a
    /// table is read cell by cell, each read taking the storage apart.
    final class RowSource: Sendable {
        let dataset: Dataset
        let view: RowView
        init(_ dataset: Dataset, _ view: RowView) { (self.dataset, self.view) = (dataset, view) }
    }

    /// How the rows of a dataset are seen.
    enum RowView: Sendable {
        /// Every field of the figure (``FiguresColumns``).
        case figures
        /// The target and its attainment or projection (``TargetColumns``).
        case targets

        func columnNames(_ dataset: Dataset) -> [String] {
            switch self {
            case .figures: FiguresColumns.names(dataset)
            case .targets: TargetColumns.names
            }
        }

        func value(_ dataset: Dataset, row: Int, column: Int) -> Value {
            switch self {
            case .figures: FiguresColumns.value(dataset, row: row, column: column)
            case .targets: TargetColumns.value(dataset, row: row, column: column)
            }
        }
    }

    var storage: Storage
    /// Notes printed under the table: which years differ, which regions were left out and why.
    public var notes: [String] = []

    /// A table of these columns (all of one length).
    public init(columns: [Column], notes: [String] = []) {
        storage = .columns(columns)
        self.notes = notes
    }

    /// The figures of a dataset, as a table over its rows (all of them by default).
    public init(figures dataset: Dataset, rows: [Int32]? = nil) {
        storage = .rows(RowSource(dataset, .figures), rows: rows.map(RowList.some) ?? .all(dataset.count))
    }

    /// The targets at these rows of a dataset, as a table (see ``TargetColumns``).
    init(targets dataset: Dataset, rows: [Int32], notes: [String]) {
        storage = .rows(RowSource(dataset, .targets), rows: .some(rows))
        self.notes = notes
    }

    /// Whether this is the figures table (or rows of it).
    var isFigures: Bool {
        if case let .rows(source, _) = storage, case .figures = source.view { return true }
        return false
    }

    /// The column names, in order.
    public var columnNames: [String] {
        switch storage {
        case let .columns(columns): columns.map(\.name)
        case let .rows(source, _): source.view.columnNames(source.dataset)
        }
    }

    /// How many rows.
    public var rowCount: Int {
        switch storage {
        case let .columns(columns): columns.first?.data.count ?? 0
        case let .rows(_, rows): rows.count
        }
    }

    /// The position of a column, if present.
    public func columnIndex(_ name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// The value in a row of a column.
    public func value(row: Int, column: Int) -> Value {
        switch storage {
        case let .columns(columns): columns[column].data.value(at: row)
        case let .rows(source, rows): source.view.value(source.dataset, row: rows[row], column: column)
        }
    }

    /// The values of one column (made for the figures table).
    public func values(column: Int) -> [Value] {
        switch storage {
        case let .columns(columns): return columns[column].values
        case .rows: return (0..<rowCount).map { value(row: $0, column: column) }
        }
    }

    /// The values of one column as the engine reads them: typed, read from the dataset's own
    /// columns for the figures table.
    func vector(column: Int) -> ColumnData {
        switch storage {
        case let .columns(columns):
            if case let .cells(cells) = columns[column].data { return cells.typed }
            return columns[column].data
        case let .rows(source, rows): return DatasetCells(source: source, rows: rows, column: column).typed
        }
    }

    /// The table as materialised columns.
    public var columns: [Column] {
        switch storage {
        case let .columns(columns): columns
        case let .rows(source, rows): columnNames.indices.map { Column(columnNames[$0], data: .cells(DatasetCells(source: source, rows: rows, column: $0))) }
        }
    }

    /// The same table with only these rows, in this order (row numbers of this table).
    func selecting(_ picked: [Int]) -> Table { selecting(rows: picked.map { Int32($0) }) }

    /// The same table with only these rows, in this order (row numbers of this table).
    func selecting(rows picked: [Int32]) -> Table {
        var out = self
        switch storage {
        case let .columns(columns):
            out.storage = .columns(columns.map { column in Column(column.name, data: column.data.gathered(picked)) })
        case let .rows(source, rows):
            out.storage = .rows(source, rows: rows.picking(picked))
        }
        return out
    }

    /// One row as a record.
    public func record(row: Int) -> Record {
        Record(columnNames.indices.map { (columnNames[$0], value(row: row, column: $0)) })
    }
}

/// The columns of the `figures` table and how each is read from the dataset.
enum FiguresColumns {
    static let names = ["region", "level", "parent", "indicator", "year", "period", "scope", "value", "base", "rate", "target",
                        "stated", "qualifier", "derived", "document", "quote"]

    /// The columns of a dataset's figures: the standard ones, then the user's own (`x_…`).
    static func names(_ dataset: Dataset) -> [String] { dataset.extraColumns.isEmpty ? names : names + dataset.extraColumns }

    static func value(_ dataset: Dataset, row: Int, column: Int) -> Value {
        // By position, in the order of `names`: this runs for every cell a query reads.
        switch column {
        case 0: return .region(dataset.region(at: row))
        case 1: return .text(dataset.gazetteer.levels[Int(dataset.columns.region[row])].name)
        case 2: return dataset.region(at: row).parent.flatMap { dataset.gazetteer[$0] }.map(Value.region) ?? .null
        case 3: return .indicator(dataset.indicator(at: row))
        case 4: return .year(Int(dataset.columns.year[row]))
        case 5: return dataset.period(at: row).map { .text($0.description) } ?? .null
        case 6: return .text(dataset.scope(at: row))
        case 7: return .figure(dataset.value(at: row), unit: dataset.indicator(at: row).unit)
        case 8: return dataset.base(at: row).map(Value.number) ?? .null
        case 9:
            let v = dataset.columns.value[row], b = dataset.columns.base[row]
            return v.isNaN || b.isNaN || b == 0 ? .null : .percent(v / b * 100)
        case 10:
            return dataset.target(at: row).map { .target($0, money: dataset.indicator(at: row).unit.isMoney) } ?? .null
        case 11: return .text(dataset[row].statedPercent?.text)
        case 12: return dataset.columns.flags[row].qualifier == .exact ? .null : .text(dataset.columns.flags[row].qualifier.rawValue)
        case 13: return .text(dataset[row].derivation)
        case 14: return .text(dataset[row].provenance?.document)
        case 15: return .text(dataset[row].provenance?.quote)
        default:
            let k = column - names.count
            return dataset.extraColumns.indices.contains(k) ? .text(dataset.extras(at: row)[dataset.extraColumns[k]]) : .null
        }
    }
}
