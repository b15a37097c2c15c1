import Foundation

/// The canonical order of a dataset's rows (indicator, year, region, scope, then the order added),
/// found by counting sorts rather than comparisons, and applied to the columns in place.
enum RowOrder {
    /// The sorted order (old row numbers, in new order) and the pairs of rows (old numbers) that share
    /// indicator, year, region and scope.
    struct Result {
        var rows: [Int32]
        var duplicates: [(Int, Int)]
    }

    /// Sorts the rows. Only rows that share an indicator, year and region compare scopes, through
    /// `scopeRank` (-1 for the headline figure).
    static func sorted(_ c: ObservationColumns, catalogueCount: Int, regionCount: Int, scopeRank: (Int32) -> Int32) -> Result {
        let n = c.count
        guard n > 0 else { return Result(rows: [], duplicates: []) }
        var minYear = Int(c.year[0]), maxYear = minYear
        for y in c.year { minYear = min(minYear, Int(y)); maxYear = max(maxYear, Int(y)) }
        let span = maxYear - minYear + 1
        let blockKey = { (row: Int) -> Int in Int(c.indicator[row]) * span + Int(c.year[row]) - minYear }
        let blockCount = catalogueCount * span
        // Most files list each block's regions in gazetteer order, so one pass by block is enough;
        // otherwise sort by region first (a stable counting sort) and then by block.
        var order = countingSort(n: n, buckets: blockCount, key: blockKey, input: nil)
        if !regionsAscendInBlocks(order, c, blockKey) {
            let byRegion = countingSort(n: n, buckets: regionCount, key: { Int(c.region[$0]) }, input: nil)
            order = countingSort(n: n, buckets: blockCount, key: blockKey, input: byRegion)
        }
        let duplicates = orderRuns(&order, c, scopeRank: scopeRank)
        return Result(rows: order, duplicates: duplicates)
    }

    /// Stable counting sort of `input` (or of 0..<n) by a key in 0..<buckets.
    private static func countingSort(n: Int, buckets: Int, key: (Int) -> Int, input: [Int32]?) -> [Int32] {
        var starts = [Int](repeating: 0, count: buckets + 1)
        for row in 0..<n { starts[key(row) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        var out = [Int32](repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { out in
            if let input {
                for row in input { let k = key(Int(row)); out[starts[k]] = row; starts[k] += 1 }
            } else {
                for row in 0..<n { let k = key(row); out[starts[k]] = Int32(row); starts[k] += 1 }
            }
        }
        return out
    }

    private static func regionsAscendInBlocks(_ order: [Int32], _ c: ObservationColumns, _ blockKey: (Int) -> Int) -> Bool {
        for k in order.indices.dropFirst() {
            let a = Int(order[k - 1]), b = Int(order[k])
            if c.region[b] < c.region[a], blockKey(a) == blockKey(b) { return false }
        }
        return true
    }

    /// Orders each run of rows with the same indicator, year and region by scope (then by the order
    /// added), and lists the pairs that share a scope too.
    private static func orderRuns(_ order: inout [Int32], _ c: ObservationColumns, scopeRank: (Int32) -> Int32) -> [(Int, Int)] {
        var duplicates: [(Int, Int)] = []
        var start = 0
        let n = order.count
        func same(_ a: Int32, _ b: Int32) -> Bool {
            c.region[Int(a)] == c.region[Int(b)] && c.year[Int(a)] == c.year[Int(b)] && c.indicator[Int(a)] == c.indicator[Int(b)]
        }
        while start < n {
            var end = start + 1
            while end < n, same(order[start], order[end]) { end += 1 }
            if end - start > 1 {
                let run = order[start..<end].map { (scope: scopeRank($0), row: $0) }
                    .sorted { ($0.scope, $0.row) < ($1.scope, $1.row) }
                for k in run.indices {
                    order[start + k] = run[k].row
                    if k > 0, run[k].scope == run[k - 1].scope { duplicates.append((Int(run[k - 1].row), Int(run[k].row))) }
                }
            }
            start = end
        }
        return duplicates
    }

    /// The sparse details moved to their rows' new numbers, ascending.
    static func remap(rows: [Int32], details: [ObservationDetails], order: [Int32]) -> ([Int32], [ObservationDetails]) {
        guard !rows.isEmpty else { return ([], []) }
        var newRows: [Int32] = [], newDetails: [ObservationDetails] = []
        newRows.reserveCapacity(rows.count)
        newDetails.reserveCapacity(rows.count)
        var has = BitSet(count: order.count)
        for r in rows { has.insert(Int(r)) }
        for (new, old) in order.enumerated() where has.contains(Int(old)) {
            newRows.append(Int32(new))
            newDetails.append(details[rows.partitioningIndex { $0 >= old }])
        }
        return (newRows, newDetails)
    }

    /// Puts every column in the new order, one column at a time (so the load holds at most one extra
    /// column), each gathered by all cores, a share of the rows each.
    static func apply(_ order: [Int32], to c: inout ObservationColumns) {
        gather(&c.region, order)
        gather(&c.indicator, order)
        gather(&c.year, order)
        gather(&c.value, order)
        gather(&c.base, order)
        gather(&c.target, order)
        gather(&c.statedPercent, order)
        gather(&c.flags, order)
    }

    /// a[i] = old a[order[i]] for every i.
    private static func gather<T>(_ a: inout [T], _ order: [Int32]) {
        let n = order.count
        guard n > 0 else { return }
        let parts = n < 1 << 16 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let old = a
        a = [T](unsafeUninitializedCapacity: n) { out, count in
            old.withUnsafeBufferPointer { src in
                order.withUnsafeBufferPointer { order in
                    let shared = UncheckedSendable((src, order, out))
                    _ = Parallel.map(count: parts) { k in
                        let (src, order, out) = shared.value
                        for i in (n * k / parts)..<(n * (k + 1) / parts) {
                            (out.baseAddress! + i).initialize(to: src[Int(order[i])])
                        }
                    }
                }
            }
            count = n
        }
    }
}

/// A fixed-size set of small integers, a bit each.
struct BitSet {
    private var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
    mutating func removeAll() { for k in words.indices { words[k] = 0 } }
}
