extension Qualifier {
    /// The qualifier of a sum of two figures: a sum is only as exact as its least exact part.
    ///
    /// Exact parts leave the other's qualifier; two parts qualified the same way keep it ("gần" plus
    /// "gần" is nearly); parts that lean different ways ("gần" and "hơn") make the sum about. A range's
    /// value is its low end, so in a sum it counts as at least. Commutative and associative, so the
    /// order the parts are added in does not matter.
    public func combined(with other: Qualifier) -> Qualifier {
        let a = self == .range ? Qualifier.atLeast : self, b = other == .range ? Qualifier.atLeast : other
        if a == .exact { return b }
        if b == .exact || a == b { return a }
        // over and at least both say "this much or more": their sum is more than the sum of the figures.
        if Set([a, b]) == [.over, .atLeast] { return .over }
        return .about
    }
}
