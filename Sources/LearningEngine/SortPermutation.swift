/// The order of a table's rows by number keys: missing (NaN) last whichever the direction, ties in
/// table order, so the result is one permutation whatever the algorithm.
public enum SortPermutation {
    /// A key: a column of numbers (codes ranked into numbers first) and its direction.
    public struct Key: Sendable {
        /// The numbers, NaN for missing.
        public var values: [Double]
        /// Largest first.
        public var descending: Bool

        /// A key.
        public init(_ values: [Double], descending: Bool) { (self.values, self.descending) = (values, descending) }
    }

    /// The rows in order; with `limit`, only the first `limit` of them (a bounded selection when the
    /// limit is small, rather than sorting every row).
    public static func order(_ keys: [Key], count: Int, limit: Int?) -> [Int32] {
        let before = { (a: Int32, b: Int32) -> Bool in
            for key in keys {
                let x = key.values[Int(a)], y = key.values[Int(b)]
                if x == y || (x.isNaN && y.isNaN) { continue }
                if x.isNaN { return false }
                if y.isNaN { return true }
                return key.descending ? x > y : x < y
            }
            return a < b
        }
        if let limit, limit < count / 4 { return first(limit, of: count, by: before) }
        let all = (0..<Int32(count)).sorted(by: before)
        return limit.map { Array(all.prefix($0)) } ?? all
    }

    /// The first `limit` rows under a strict order, in one pass keeping the best so far.
    static func first(_ limit: Int, of count: Int, by before: (Int32, Int32) -> Bool) -> [Int32] {
        var best: [Int32] = []
        guard limit > 0 else { return best }
        best.reserveCapacity(limit + 1)
        for row in 0..<Int32(count) {
            if best.count == limit, let worst = best.last, !before(row, worst) { continue }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if before(best[mid], row) { low = mid + 1 } else { high = mid }
            }
            best.insert(row, at: low)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
