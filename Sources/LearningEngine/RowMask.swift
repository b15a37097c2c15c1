/// Which rows of a column an operation is asked about.
///
/// `a and b` never asks `b` about a row where `a` is false, so a division by zero or an error in `b`
/// on such a row must not be reported: kernels that can warn look only at the active rows.
public struct RowMask: Sendable, Equatable {
    /// One flag per row: whether it is active.
    public var active: [Bool]

    /// A mask from flags.
    public init(_ active: [Bool]) { self.active = active }

    /// Every row active.
    public init(all count: Int) { active = [Bool](repeating: true, count: count) }

    /// How many rows.
    public var count: Int { active.count }

    /// Whether any row is active.
    public var isEmpty: Bool { !active.contains(true) }

    /// The active rows that `truths` does not settle as `settled` (false for `and`, true for `or`).
    public func narrowed(by truths: Truths, droppingWhere settled: UInt8) -> RowMask {
        RowMask(zip(active, truths.bytes).map { $0 && $1 != settled })
    }

    /// The positions of the active rows, ascending.
    public var rows: [Int32] { active.indices.filter { active[$0] }.map(Int32.init) }
}
