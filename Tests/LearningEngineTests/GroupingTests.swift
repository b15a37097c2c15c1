import Testing
import TestSupport
@testable import LearningEngine

@Suite("hash grouping and aggregates by group")
struct GroupingTests {
    @Test("groups in order of first appearance; missing is a key of its own; 0 and −0 differ")
    func firstAppearance() {
        let g = Grouping([.codes([3, -1, 3, 0, -1]), .numbers([1, .nan, 1, 0, .nan])], count: 5)
        #expect(g.groupOfRow == [0, 1, 0, 2, 1] && g.firstRows == [0, 1, 3])
        #expect(Grouping([.numbers([0, -0.0, 0])], count: 3).groupOfRow == [0, 1, 0])
        #expect(Grouping([], count: 3).firstRows == [0] && Grouping([], count: 0).count == 0)
    }

    @Test("grouping matches a dictionary of keys on random keys, packed or not", arguments: [3, 40_000])
    func matchesDictionary(_ distinct: Int) {
        var random = SplitMix64(seed: UInt64(distinct))
        let n = 5_000
        let a = (0..<n).map { _ in Int32(random.next() % UInt64(distinct)) - 1 }
        let b = (0..<n).map { _ in Double(random.next() % 5) }
        let c = (0..<n).map { _ in Int32(random.next() % UInt64(distinct)) }
        // Three wide keys do not fit one word when distinct is large: the general path is taken.
        let g = Grouping([.codes(a), .numbers(b), .codes(c)], count: n)
        var seen: [String: Int32] = [:]
        var expected: [Int32] = []
        for i in 0..<n {
            let key = "\(a[i])/\(b[i])/\(c[i])"
            if seen[key] == nil { seen[key] = Int32(seen.count) }
            expected.append(seen[key] ?? -1)
        }
        #expect(g.groupOfRow == expected)
    }

    @Test("sums add in row order; missing is skipped; a group with nothing present is missing")
    func sums() {
        let g = Grouping([.codes([0, 1, 0, 1, 2])], count: 5)
        let s = GroupAggregates.sum([0.1, .nan, 0.2, .nan, 5], g)
        #expect(s.sums[0] == 0.1 + 0.2 && s.sums[1].isNaN && s.present == [2, 0, 1])
        #expect(GroupAggregates.extremeRows([3, 1, 3, .nan, 2], g, largest: true) == [0, 1, 4])
        #expect(GroupAggregates.extremeRows([3, 1, 1, .nan, 2], g, largest: false) == [2, 1, 4])
        let r = GroupAggregates.ratio([1, 2, .nan, 4, 5], [10, 20, 30, .nan, 0], g)
        #expect(r.numerators == [1, 2, 5] && r.denominators == [10, 20, 0] && r.any == [true, true, true])
        #expect(GroupAggregates.lastRows(g) == [2, 3, 4] && GroupAggregates.counts(g) == [2, 2, 1])
    }
}
