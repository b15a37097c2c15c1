/// Kernels over columns of numbers, missing as NaN (the dataset's own representation: a figure not
/// printed is NaN in its column, so reading a column never converts it).
public enum NumberKernels {
    /// A comparison of two numbers.
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        /// The comparison with its sides swapped (`3 < x` is `x > 3`).
        var flipped: Comparison {
            switch self {
            case .equal, .notEqual: self
            case .less: .greater
            case .lessOrEqual: .greaterOrEqual
            case .greater: .less
            case .greaterOrEqual: .lessOrEqual
            }
        }

        @inline(__always) func holds(_ a: Double, _ b: Double) -> Bool {
            switch self {
            case .equal: a == b
            case .notEqual: a != b
            case .less: a < b
            case .lessOrEqual: a <= b
            case .greater: a > b
            case .greaterOrEqual: a >= b
            }
        }
    }

    /// An arithmetic operation.
    public enum Arithmetic: String, Sendable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"

        @inline(__always) func apply(_ a: Double, _ b: Double) -> Double {
            switch self {
            case .add: a + b
            case .subtract: a - b
            case .multiply: a * b
            case .divide: a / b
            }
        }
    }

    /// One side of a kernel: a whole column or one number for every row (NaN: missing).
    public enum Operand: Sendable {
        case column([Double])
        case scalar(Double)

        /// The number on row `i`.
        @inline(__always) public func at(_ i: Int) -> Double {
            switch self {
            case let .column(c): c[i]
            case let .scalar(x): x
            }
        }
    }

    /// Row by row `a op b`: missing when either side is missing.
    public static func compare(_ a: Operand, _ op: Comparison, _ b: Operand, count: Int) -> Truths {
        switch (a, b) {
        case let (.column(x), .scalar(y)): return compare(x, op, y)
        case let (.scalar(x), .column(y)): return compare(y, op.flipped, x)
        default:
            return Truths(Parallel.map(count) { i in
                let x = a.at(i), y = b.at(i)
                if x.isNaN || y.isNaN { return Truths.missing }
                return op.holds(x, y) ? Truths.yes : Truths.no
            })
        }
    }

    /// A column against one number, the loop specialised for each comparison.
    static func compare(_ x: [Double], _ op: Comparison, _ y: Double) -> Truths {
        if y.isNaN { return Truths(repeating: Truths.missing, count: x.count) }
        return x.withUnsafeBufferPointer { x in
            Truths(Parallel.fill(x.count) { range, out in
                switch op {
                case .equal: for i in range { out[i] = x[i].isNaN ? Truths.missing : (x[i] == y ? 1 : 0) }
                case .notEqual: for i in range { out[i] = x[i].isNaN ? Truths.missing : (x[i] != y ? 1 : 0) }
                case .less: for i in range { out[i] = x[i].isNaN ? Truths.missing : (x[i] < y ? 1 : 0) }
                case .lessOrEqual: for i in range { out[i] = x[i].isNaN ? Truths.missing : (x[i] <= y ? 1 : 0) }
                case .greater: for i in range { out[i] = x[i].isNaN ? Truths.missing : (x[i] > y ? 1 : 0) }
                case .greaterOrEqual: for i in range { out[i] = x[i].isNaN ? Truths.missing : (x[i] >= y ? 1 : 0) }
                }
            })
        }
    }

    /// Whether each row is missing.
    public static func isMissing(_ a: [Double]) -> Truths {
        Truths(Parallel.map(a.count) { a[$0].isNaN ? Truths.yes : Truths.no })
    }

    /// What an arithmetic kernel found besides its results, over the active rows: divisions by zero
    /// (their rows are missing) and results too large to hold (missing too).
    public struct Findings: Sendable, Equatable {
        /// Whether an active row divided by zero.
        public var dividedByZero = false
        /// Whether an active row's result was infinite or not a number.
        public var overflowed = false
    }

    /// Row by row `a op b`: missing when either side is missing, when dividing by zero, and when the
    /// result is not finite; `findings` says which of those happened on an active row.
    public static func arithmetic(_ a: Operand, _ op: Arithmetic, _ b: Operand, count: Int, active: RowMask?) -> (values: [Double], findings: Findings) {
        let values = Parallel.map(count) { i -> Double in
            let x = a.at(i), y = b.at(i)
            if x.isNaN || y.isNaN || (op == .divide && y == 0) { return .nan }
            let r = op.apply(x, y)
            return r.isFinite ? r : .nan
        }
        var findings = Findings()
        // The cause of a NaN is looked for only where one appeared that its inputs do not explain.
        for i in 0..<count where values[i].isNaN && (active?.active[i] ?? true) {
            let x = a.at(i), y = b.at(i)
            if x.isNaN || y.isNaN { continue }
            if op == .divide && y == 0 { findings.dividedByZero = true } else { findings.overflowed = true }
            if findings.dividedByZero && findings.overflowed { break }
        }
        return (values, findings)
    }

    /// Row by row negation.
    public static func negate(_ a: [Double]) -> [Double] { Parallel.map(a.count) { -a[$0] } }

    /// The values at these rows.
    @inlinable
    public static func gather<T>(_ column: [T], _ rows: [Int32]) -> [T] {
        column.withUnsafeBufferPointer { c in
            rows.withUnsafeBufferPointer { r in
                Parallel.fill(r.count) { range, out in for i in range { (out + i).initialize(to: c[Int(r[i])]) } }
            }
        }
    }

    /// `table[code]` for each code, `missing` where the code is negative.
    @inlinable
    public static func decode<T>(_ codes: [Int32], _ table: [T], missing: T) -> [T] {
        table.withUnsafeBufferPointer { t in
            codes.withUnsafeBufferPointer { c in
                Parallel.fill(c.count) { range, out in
                    for i in range { (out + i).initialize(to: c[i] < 0 ? missing : t[Int(c[i])]) }
                }
            }
        }
    }
}
