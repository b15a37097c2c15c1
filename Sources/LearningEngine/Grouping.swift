/// The groups of a table's rows by one or more key columns: each row's group, numbered in order of
/// first appearance, and each group's first row.
///
/// Keys are integer codes (a region's position, an indicator's, a text's in its dictionary; negative
/// for missing) or numbers compared by their bits (missing NaN is one key of its own, and 0 and −0
/// are different keys, as they print differently). Groups are found by hashing integers, never texts.
public struct Grouping: Sendable {
    /// A key column.
    public enum Key: Sendable {
        /// Codes, negative for missing.
        case codes([Int32])
        /// Numbers, NaN for missing.
        case numbers([Double])
    }

    /// The group of each row.
    public let groupOfRow: [Int32]
    /// The first row of each group, in order of groups.
    public let firstRows: [Int32]

    /// How many groups.
    public var count: Int { firstRows.count }

    /// Groups `count` rows by these keys (one group for all rows when there are none).
    public init(_ keys: [Key], count: Int) {
        let dense = keys.map { Self.denseCodes($0) }
        var groupOfRow = [Int32](repeating: 0, count: count)
        var firstRows: [Int32] = []
        if dense.isEmpty {
            if count > 0 { firstRows = [0] }
        } else if let space = Self.smallSpace(dense.map(\.distinct)) {
            // Few combinations: a table indexed by the combination, no hashing at all. The
            // combination of each row is made first, key by key, so the loop below reads one array.
            var combined = dense[0].codes
            for k in dense.dropFirst() {
                let width = Int32(k.distinct)
                k.codes.withUnsafeBufferPointer { codes in
                    combined.withUnsafeMutableBufferPointer { c in for row in c.indices { c[row] = c[row] * width + codes[row] } }
                }
            }
            var groupOfKey = [Int32](repeating: -1, count: space)
            combined.withUnsafeBufferPointer { keys in
                groupOfKey.withUnsafeMutableBufferPointer { table in
                    groupOfRow.withUnsafeMutableBufferPointer { out in
                        for row in 0..<count {
                            let key = Int(keys[row])
                            var g = table[key]
                            if g < 0 {
                                g = Int32(firstRows.count)
                                table[key] = g
                                firstRows.append(Int32(row))
                            }
                            out[row] = g
                        }
                    }
                }
            }
        } else if let widths = Self.packing(dense.map(\.distinct)) {
            var seen: [UInt64: Int32] = [:]
            for row in 0..<count {
                var packed: UInt64 = 0
                for (k, key) in dense.enumerated() { packed = packed << widths[k] | UInt64(key.codes[row]) }
                if let g = seen[packed] { groupOfRow[row] = g } else {
                    let g = Int32(firstRows.count)
                    seen[packed] = g
                    firstRows.append(Int32(row))
                    groupOfRow[row] = g
                }
            }
        } else {
            var seen: [[Int32]: Int32] = [:]
            for row in 0..<count {
                let key = dense.map { $0.codes[row] }
                if let g = seen[key] { groupOfRow[row] = g } else {
                    let g = Int32(firstRows.count)
                    seen[key] = g
                    firstRows.append(Int32(row))
                    groupOfRow[row] = g
                }
            }
        }
        self.groupOfRow = groupOfRow
        self.firstRows = firstRows
    }

    /// The rows of each group, in table order.
    public var rowsOfGroups: [[Int32]] {
        var out = [[Int32]](repeating: [], count: count)
        for (row, g) in groupOfRow.enumerated() { out[Int(g)].append(Int32(row)) }
        return out
    }

    /// A key as codes 0..<distinct (missing included as a code of its own).
    private static func denseCodes(_ key: Key) -> (codes: [Int32], distinct: Int) {
        switch key {
        case let .codes(codes):
            // Codes are small positions already: shift so that missing (negative) is 0.
            let high = codes.max() ?? 0
            return (codes.map { $0 < 0 ? 0 : $0 + 1 }, Int(max(high, 0)) + 2)
        case let .numbers(numbers):
            if let small = smallWholeNumbers(numbers) { return small }
            var ids: [UInt64: Int32] = [:]
            var codes = [Int32](repeating: 0, count: numbers.count)
            for (i, x) in numbers.enumerated() {
                let bits = x.isNaN ? Double.nan.bitPattern : x.bitPattern
                if let id = ids[bits] { codes[i] = id } else {
                    let id = Int32(ids.count)
                    ids[bits] = id
                    codes[i] = id
                }
            }
            return (codes, max(ids.count, 1))
        }
    }

    /// Whole numbers in a short range (years, small counts) coded by their offset from the smallest,
    /// missing as 0; nil otherwise (−0 is not whole here, so it keeps its own key on the general path).
    private static func smallWholeNumbers(_ numbers: [Double]) -> (codes: [Int32], distinct: Int)? {
        var low = Double.infinity, high = -Double.infinity
        for x in numbers where !x.isNaN {
            guard x == x.rounded(), abs(x) < 1e9, x.sign == .plus || x != 0 else { return nil }
            low = min(low, x); high = max(high, x)
        }
        guard low <= high else { return ([Int32](repeating: 0, count: numbers.count), 1) }
        guard high - low < 65_536 else { return nil }
        return (numbers.map { $0.isNaN ? 0 : Int32($0 - low) + 1 }, Int(high - low) + 2)
    }

    /// How many combinations the keys have, when few enough for a table of them.
    private static func smallSpace(_ distinct: [Int]) -> Int? {
        var space = 1
        for d in distinct {
            space *= d
            if space > 1 << 20 { return nil }
        }
        return space
    }

    /// Bits for each key when all of them fit one 64-bit word, else nil.
    private static func packing(_ distinct: [Int]) -> [UInt64]? {
        let widths = distinct.map { UInt64(max(1, Int.bitWidth - (max($0 - 1, 1)).leadingZeroBitCount)) }
        return widths.reduce(0, +) <= 64 ? widths : nil
    }
}
