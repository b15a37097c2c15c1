import Foundation

extension ObservationColumns {
    /// The buckets' rows one after another. Each column is assembled by a job of its own, on every
    /// core, and each bucket's part of a column is freed as soon as it is copied, so the rows are held
    /// about once, not twice.
    init(concatenating buckets: consuming [RowBucket]) {
        self.init()
        var offset: Int32 = 0
        for k in buckets.indices {
            detailRows.append(contentsOf: buckets[k].columns.detailRows.lazy.map { $0 + offset })
            details.append(contentsOf: buckets[k].columns.details)
            offset += Int32(buckets[k].columns.count)
        }
        let region = ColumnJob(buckets.map(\.columns.region)), indicator = ColumnJob(buckets.map(\.columns.indicator))
        let year = ColumnJob(buckets.map(\.columns.year)), value = ColumnJob(buckets.map(\.columns.value))
        let base = ColumnJob(buckets.map(\.columns.base)), target = ColumnJob(buckets.map(\.columns.target))
        let stated = ColumnJob(buckets.map(\.columns.statedPercent)), flags = ColumnJob(buckets.map(\.columns.flags))
        // The jobs own the parts now: a part is freed as soon as it is copied.
        buckets = []
        let jobs: [any ColumnJoining] = [region, indicator, year, value, base, target, stated, flags]
        let shared = UncheckedSendable(jobs)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { shared.value[$0].join() }
        self.region = region.joined; self.indicator = indicator.joined; self.year = year.joined; self.value = value.joined
        self.base = base.joined; self.target = target.joined; statedPercent = stated.joined; self.flags = flags.joined
    }
}

/// Something a core can do on its own: join one column's parts.
protocol ColumnJoining: AnyObject {
    func join()
}

/// One column's parts, joined into one array by ``join()``, each part freed once copied. Each job
/// is touched by one thread only while it runs.
final class ColumnJob<T>: ColumnJoining {
    private var parts: [[T]]
    private(set) var joined: [T] = []

    init(_ parts: [[T]]) { self.parts = parts }

    func join() {
        var out: [T] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for k in parts.indices {
            out.append(contentsOf: parts[k])
            parts[k] = []
        }
        joined = out
    }
}

extension ObservationColumns {
    /// Puts the rows in a new order: row i becomes old row `order[i]`.
    /// Puts the rows in this order; rows the order leaves out are dropped.
    mutating func apply(_ order: [Int]) {
        func gather<T>(_ a: [T]) -> [T] { order.map { a[$0] } }
        let rowsBefore = region.count
        region = gather(region); indicator = gather(indicator); year = gather(year)
        value = gather(value); base = gather(base); target = gather(target)
        statedPercent = gather(statedPercent); flags = gather(flags)
        guard !detailRows.isEmpty else { return }
        var newPosition = [Int32](repeating: -1, count: rowsBefore)
        for (new, old) in order.enumerated() { newPosition[old] = Int32(new) }
        let moved = zip(detailRows, details).map { (newPosition[Int($0.0)], $0.1) }.filter { $0.0 >= 0 }.sorted { $0.0 < $1.0 }
        detailRows = moved.map(\.0)
        details = moved.map(\.1)
    }
}
