/// Aggregates of a number column by group, row order kept within each group (so sums add in the
/// order a row-by-row loop adds them, and give the same bits).
public enum GroupAggregates {
    /// The sum of the present values of each group and how many there were (NaN where none).
    public static func sum(_ values: [Double], _ grouping: Grouping) -> (sums: [Double], present: [Int]) {
        var sums = [Double](repeating: 0, count: grouping.count), present = [Int](repeating: 0, count: grouping.count)
        for (row, g) in grouping.groupOfRow.enumerated() {
            let x = values[row]
            guard !x.isNaN else { continue }
            sums[Int(g)] += x
            present[Int(g)] += 1
        }
        for g in sums.indices where present[g] == 0 { sums[g] = .nan }
        return (sums, present)
    }

    /// The row of the first smallest (or largest) present value of each group, -1 where none.
    public static func extremeRows(_ values: [Double], _ grouping: Grouping, largest: Bool) -> [Int32] {
        var best = [Int32](repeating: -1, count: grouping.count)
        for (row, g) in grouping.groupOfRow.enumerated() {
            let x = values[row]
            guard !x.isNaN else { continue }
            let b = best[Int(g)]
            if b < 0 || (largest ? x > values[Int(b)] : x < values[Int(b)]) { best[Int(g)] = Int32(row) }
        }
        return best
    }

    /// The last row of each group.
    public static func lastRows(_ grouping: Grouping) -> [Int32] {
        var last = [Int32](repeating: -1, count: grouping.count)
        for (row, g) in grouping.groupOfRow.enumerated() { last[Int(g)] = Int32(row) }
        return last
    }

    /// How many rows each group has.
    public static func counts(_ grouping: Grouping) -> [Int] {
        var counts = [Int](repeating: 0, count: grouping.count)
        for g in grouping.groupOfRow { counts[Int(g)] += 1 }
        return counts
    }

    /// Sum of numerators over sum of denominators, over the rows of each group that have both:
    /// the sums, and whether each group had such a row.
    public static func ratio(_ numerators: [Double], _ denominators: [Double], _ grouping: Grouping)
        -> (numerators: [Double], denominators: [Double], any: [Bool]) {
        var n = [Double](repeating: 0, count: grouping.count), d = n
        var any = [Bool](repeating: false, count: grouping.count)
        for (row, g) in grouping.groupOfRow.enumerated() {
            let x = numerators[row], y = denominators[row]
            guard !x.isNaN, !y.isNaN else { continue }
            n[Int(g)] += x
            d[Int(g)] += y
            any[Int(g)] = true
        }
        return (n, d, any)
    }
}
