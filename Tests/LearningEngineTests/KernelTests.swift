import Testing
import TestSupport
@testable import LearningEngine

@Suite("column kernels")
struct KernelTests {
    private static let (no, yes, missing) = (Truths.no, Truths.yes, Truths.missing)

    @Test("and, or, not follow three-valued logic", arguments: [
        (no, no, no, no), (no, yes, no, yes), (no, missing, no, missing),
        (yes, yes, yes, yes), (yes, missing, missing, yes), (missing, missing, missing, missing),
    ])
    func logic(_ a: UInt8, _ b: UInt8, _ and: UInt8, _ or: UInt8) {
        let x = Truths([a, b]), y = Truths([b, a])
        #expect(x.and(y).bytes == [and, and])
        #expect(x.or(y).bytes == [or, or])
        #expect(Truths([a]).negated().bytes == [a == Truths.missing ? Truths.missing : 1 - a])
    }

    @Test("comparisons are missing where a side is missing")
    func comparisons() {
        let a: [Double] = [1, 2, .nan, 4]
        #expect(NumberKernels.compare(.column(a), .greater, .scalar(1.5), count: 4).bytes == [Self.no, Self.yes, Self.missing, Self.yes])
        #expect(NumberKernels.compare(.column(a), .less, .scalar(.nan), count: 4).bytes == [Self.missing, Self.missing, Self.missing, Self.missing])
        #expect(NumberKernels.compare(.column(a), .equal, .column([1, 3, 3, 4]), count: 4).trueRows == [0, 3])
    }

    @Test("division by zero and overflow are missing, reported only on active rows")
    func arithmeticFindings() {
        let a: [Double] = [1, 1e308, 3, .nan]
        let b: [Double] = [0, 1e308, 1, 0]
        let all = NumberKernels.arithmetic(.column(a), .divide, .column(b), count: 4, active: nil)
        #expect(all.values[0].isNaN && all.values[1] == 1 && all.values[2] == 3 && all.values[3].isNaN)
        #expect(all.findings == .init(dividedByZero: true, overflowed: false))
        let product = NumberKernels.arithmetic(.column(a), .multiply, .column(b), count: 4, active: RowMask([false, true, false, false]))
        #expect(product.values[1].isNaN && product.findings == .init(dividedByZero: false, overflowed: true))
        let quiet = NumberKernels.arithmetic(.column(a), .divide, .column(b), count: 4, active: RowMask([false, true, true, true]))
        #expect(quiet.findings == .init())
    }

    @Test("parallel map fills every element, in order, on columns large enough to split")
    func parallelMap() {
        for n in [0, 1, Parallel.threshold - 1, Parallel.threshold * 3 + 7] {
            let out = Parallel.map(n) { $0 * 2 }
            #expect(out.count == n && out.enumerated().allSatisfy { $0.element == $0.offset * 2 })
        }
    }

    @Test("gather and decode")
    func gatherDecode() {
        #expect(NumberKernels.gather([10, 20, 30], [2, 0, 2]) == [30, 10, 30])
        #expect(NumberKernels.decode([1, -1, 0], ["a", "b"], missing: "-") == ["b", "-", "a"])
    }
}
