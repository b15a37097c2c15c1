/// What ``Dataset`` finds rows by: where each indicator's rows start and its (indicator, year) blocks.
/// Scanned from the columns when a dataset is built; a dataset pack stores it, so that opening one
/// does not scan 20 million rows again.
struct DatasetIndex: Sendable, Equatable {
    /// Rows of indicator i: `indicatorStarts[i]..<indicatorStarts[i+1]`.
    var indicatorStarts: [Int]
    /// The (indicator, year) blocks in row order; those of indicator i are `blocks[blockStarts[i]..<blockStarts[i+1]]`.
    var blocks: [Range<Int>]
    /// The year of each block.
    var blockYears: [Int16]
    var blockStarts: [Int]
    /// Every year some row refers to, ascending.
    var years: [Int]

    /// The index of columns sorted by indicator then year, for a catalogue of `indicatorCount` indicators.
    init(scanning columns: ObservationColumns, indicatorCount: Int) {
        let n = columns.count
        var indicatorStarts = [Int](repeating: 0, count: indicatorCount + 1)
        var blocks: [Range<Int>] = [], blockYears: [Int16] = []
        var blockStarts = [Int](repeating: 0, count: indicatorCount + 1)
        var yearSet = Set<Int16>()
        var blockStart = 0
        columns.indicator.withUnsafeBufferPointer { indicator in
            columns.year.withUnsafeBufferPointer { year in
                for row in 0..<n {
                    let endsBlock = row + 1 == n || indicator[row + 1] != indicator[row] || year[row + 1] != year[row]
                    guard endsBlock else { continue }
                    indicatorStarts[Int(indicator[row]) + 1] += row + 1 - blockStart
                    blockStarts[Int(indicator[row]) + 1] += 1
                    blocks.append(blockStart..<(row + 1))
                    blockYears.append(year[row])
                    yearSet.insert(year[row])
                    blockStart = row + 1
                }
            }
        }
        for i in 0..<indicatorCount {
            indicatorStarts[i + 1] += indicatorStarts[i]
            blockStarts[i + 1] += blockStarts[i]
        }
        self.init(indicatorStarts: indicatorStarts, blocks: blocks, blockYears: blockYears, blockStarts: blockStarts,
                  years: yearSet.sorted().map(Int.init))
    }

    init(indicatorStarts: [Int], blocks: [Range<Int>], blockYears: [Int16], blockStarts: [Int], years: [Int]) {
        self.indicatorStarts = indicatorStarts
        self.blocks = blocks
        self.blockYears = blockYears
        self.blockStarts = blockStarts
        self.years = years
    }
}
