/// A column of three-valued logic: true, false or missing, one byte per row.
///
/// A condition over a column is a `Truths`; `where` keeps the rows that are true (missing and false
/// are both dropped), and `and`/`or` follow SQL's rules for missing (false and missing is false, true or
/// missing is true, anything else with missing is missing).
public struct Truths: Sendable, Equatable {
    /// The byte of a false row.
    public static let no: UInt8 = 0
    /// The byte of a true row.
    public static let yes: UInt8 = 1
    /// The byte of a missing row.
    public static let missing: UInt8 = 2

    /// One of ``no``, ``yes``, ``missing`` per row.
    public var bytes: [UInt8]

    /// Truths from bytes (each ``no``, ``yes`` or ``missing``).
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every row the same.
    public init(repeating byte: UInt8, count: Int) { bytes = [UInt8](repeating: byte, count: count) }

    /// How many rows.
    public var count: Int { bytes.count }

    /// The positions of the true rows, ascending.
    public var trueRows: [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(bytes.count / 4)
        bytes.withUnsafeBufferPointer { b in
            for i in b.indices where b[i] == Truths.yes { out.append(Int32(i)) }
        }
        return out
    }

    /// Negation; missing stays missing.
    public func negated() -> Truths {
        Truths(bytes.map { $0 == Truths.missing ? $0 : 1 - $0 })
    }

    /// Row by row `self and other`.
    public func and(_ other: Truths) -> Truths { combine(other, settledBy: Truths.no) }

    /// Row by row `self or other`.
    public func or(_ other: Truths) -> Truths { combine(other, settledBy: Truths.yes) }

    /// `and` (settled by false) or `or` (settled by true): the settling value if either side has it,
    /// the other if both do, else missing.
    private func combine(_ other: Truths, settledBy settled: UInt8) -> Truths {
        let unsettled = 1 - settled
        return bytes.withUnsafeBufferPointer { a in
            other.bytes.withUnsafeBufferPointer { b in
                Truths(Parallel.fill(a.count) { range, out in
                    for i in range {
                        let x = a[i], y = b[i]
                        out[i] = x == settled || y == settled ? settled : (x == unsettled && y == unsettled ? unsettled : Truths.missing)
                    }
                })
            }
        }
    }
}
