extension ObservationColumns {
    /// Appends another set of rows (with their details, renumbered).
    mutating func append(_ other: ObservationColumns) {
        let offset = Int32(count)
        region.append(contentsOf: other.region)
        indicator.append(contentsOf: other.indicator)
        year.append(contentsOf: other.year)
        value.append(contentsOf: other.value)
        base.append(contentsOf: other.base)
        target.append(contentsOf: other.target)
        statedPercent.append(contentsOf: other.statedPercent)
        flags.append(contentsOf: other.flags)
        detailRows.append(contentsOf: other.detailRows.lazy.map { $0 + offset })
        details.append(contentsOf: other.details)
    }

    /// Puts the rows in a new order: row i becomes old row `order[i]`.
    mutating func apply(_ order: [Int]) {
        func gather<T>(_ a: [T]) -> [T] { order.map { a[$0] } }
        region = gather(region); indicator = gather(indicator); year = gather(year)
        value = gather(value); base = gather(base); target = gather(target)
        statedPercent = gather(statedPercent); flags = gather(flags)
        guard !detailRows.isEmpty else { return }
        var newPosition = [Int32](repeating: -1, count: order.count)
        for (new, old) in order.enumerated() { newPosition[old] = Int32(new) }
        let moved = zip(detailRows, details).map { (newPosition[Int($0.0)], $0.1) }.sorted { $0.0 < $1.0 }
        detailRows = moved.map(\.0)
        details = moved.map(\.1)
    }
}
