import Testing
import TestSupport
@testable import LearningEngine

@Suite("sort permutations")
struct SortPermutationTests {
    @Test("the first N kept in one pass are the first N of the full sort, ties and missing values included")
    func boundedSelectionIsSortPrefix() {
        var random = SplitMix64(seed: 11)
        for trial in 0..<200 {
            let n = Int(random.next() % 300)
            // Few distinct values, so ties are common; NaN for missing.
            let keys = (0..<n).map { _ in random.next() % 7 == 0 ? Double.nan : Double(random.next() % 20) }
            let key = SortPermutation.Key(keys, descending: trial % 2 == 0)
            let sorted = SortPermutation.order([key], count: n, limit: nil)
            for limit in [0, 1, 3, 10, n] {
                #expect(SortPermutation.order([key], count: n, limit: limit) == Array(sorted.prefix(limit)))
            }
        }
    }

    @Test("missing last whichever the direction, ties by the next key then by row")
    func missingLastTiesInOrder() {
        let first = [2.0, .nan, 1, 2, 1]
        let second = [5.0, 0, 9, 5, 3]
        #expect(SortPermutation.order([.init(first, descending: false), .init(second, descending: true)], count: 5, limit: nil) == [2, 4, 0, 3, 1])
        #expect(SortPermutation.order([.init(first, descending: true)], count: 5, limit: nil) == [0, 3, 2, 4, 1])
    }
}
