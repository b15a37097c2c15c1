/// The names of a table's columns an expression mentions anywhere inside it (stages of an inner
/// pipeline included): an over-approximation of the columns its value depends on, which is what the
/// engine needs to know that an expression reads one column only, or none.
enum ColumnReferences {
    /// The positions of the columns named in `e`, among `columns` (a name to its first position).
    static func of(_ e: Expr, in columns: [String: Int]) -> Set<Int> {
        var found = Set<Int>()
        var stack = [e]
        while let next = stack.popLast() {
            if case let .name(name, _) = next, let index = columns[name] { found.insert(index) }
            if case let .member(base, _, _) = next { stack.append(base); continue }
            stack.append(contentsOf: next.children)
        }
        return found
    }
}
