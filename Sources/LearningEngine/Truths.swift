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
    public func and(_ other: Truths) -> Truths {
        Truths(zip(bytes, other.bytes).map { a, b in
            if a == Truths.no || b == Truths.no { return Truths.no }
            return a == Truths.yes && b == Truths.yes ? Truths.yes : Truths.missing
        })
    }

    /// Row by row `self or other`.
    public func or(_ other: Truths) -> Truths {
        Truths(zip(bytes, other.bytes).map { a, b in
            if a == Truths.yes || b == Truths.yes { return Truths.yes }
            return a == Truths.no && b == Truths.no ? Truths.no : Truths.missing
        })
    }
}
