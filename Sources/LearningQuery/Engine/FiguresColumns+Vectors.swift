import LearningData
import LearningEngine

extension FiguresColumns {
    /// A column of the figures table at these rows, typed and read straight from the dataset's
    /// columns: regions and indicators as their positions, numbers as the doubles the dataset holds.
    /// Nil for the columns only some rows carry (period, target, stated, qualifier), read value by value.
    /// `rows` nil is every row: the dataset's columns are then shared, not copied.
    static func vector(_ dataset: Dataset, rows all: [Int32]?, column: Int) -> ColumnData? {
        let c = dataset.columns
        let rows = all ?? []
        func gather<T>(_ column: [T]) -> [T] { all == nil ? column : NumberKernels.gather(column, rows) }
        switch column {
        case 0: return .codes(gather(c.region), regionBook(dataset))
        case 1:
            // The level of a row's region, coded by the level's place among the dataset's levels.
            let levels = dataset.gazetteer.levels
            let names = Array(Set(levels.map(\.name))).sorted()
            let code = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
            let byRegion = levels.map { code[$0.name] ?? -1 }
            let regions = gather(c.region)
            return .codes(NumberKernels.decode(regions, byRegion, missing: -1), CodeBook(names.map(Value.text), canonical: true))
        case 2:
            let g = dataset.gazetteer
            let parents = (0..<Int32(g.count)).map { g.parentIndex(of: $0) ?? -1 }
            return .codes(NumberKernels.decode(gather(c.region), parents, missing: -1), regionBook(dataset))
        case 3:
            let catalogue = dataset.catalogue
            return .codes(gather(c.indicator).map(Int32.init), CodeBook(count: catalogue.count) { .indicator(catalogue[IndicatorCatalogue.Index($0)]) })
        case 4: return .numbers(gather(c.year).map(Double.init), .uniform(.year))
        case 7:
            let money = dataset.catalogue.indicators.map { $0.unit.isMoney ? NumberKind.money : .number }
            let indicators = gather(c.indicator).map(Int32.init)
            let kinds = NumberKernels.decode(indicators, money, missing: NumberKind.number)
            let values = gather(c.value)
            return .numbers(values, kinds.allSatisfy { $0 == .number } ? .uniform(.number) : .perRow(kinds))
        case 6: return .codes(dataset.textCodes(.scope, rows: all), textBook(dataset))
        case 13: return .codes(dataset.textCodes(.derivation, rows: all), textBook(dataset))
        case 14: return .codes(dataset.textCodes(.document, rows: all), textBook(dataset))
        case 15:
            // A row with a document and no quote has the empty quote; one without a document, none.
            let documents = dataset.textCodes(.document, rows: all), quotes = dataset.textCodes(.quote, rows: all)
            let empty = Int32(dataset.pooledTextCount)
            let codes = zip(documents, quotes).map { d, q in d < 0 ? -1 : (q < 0 ? empty : q) }
            let book = textBook(dataset)
            return .codes(codes, CodeBook(count: book.count + 1, canonical: false) { $0 == empty ? .text("") : book.value($0) })
        case 8: return .numbers(gather(c.base), .uniform(.number))
        case 9:
            let value = c.value, base = c.base
            let rates = value.withUnsafeBufferPointer { v in
                base.withUnsafeBufferPointer { b in
                    Parallel.map(all?.count ?? v.count) { i -> Double in
                        let r = all == nil ? i : Int(rows[i]), x = v[r], y = b[r]
                        return x.isNaN || y.isNaN || y == 0 ? .nan : x / y * 100
                    }
                }
            }
            return .numbers(rates, .uniform(.percent))
        default: return nil
        }
    }

    /// The texts of the dataset's string pool, by code.
    static func textBook(_ dataset: Dataset) -> CodeBook {
        CodeBook(count: dataset.pooledTextCount) { .text(dataset.pooledText($0)) }
    }

    /// The regions of the dataset's gazetteer, by position.
    static func regionBook(_ dataset: Dataset) -> CodeBook {
        let g = dataset.gazetteer
        return CodeBook(count: g.count) { .region(g[$0]) }
    }
}
