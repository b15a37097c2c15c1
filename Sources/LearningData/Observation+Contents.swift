extension Observation {
    /// What the row gives, as a reason says it after the year ("2021: only a target"): a reason that
    /// only said "no figure is printed" would hide the target, stated percentage or base the year does
    /// hold, and send the reader to the wrong year.
    ///
    /// "a figure" or "a figure and a base" when the row has a value; otherwise "only a target", "only a
    /// stated percentage", "only a target and a stated percentage"..., or "no figure" for an empty row.
    public var contents: String {
        if value != nil { return base == nil ? "a figure" : "a figure and a base" }
        var parts: [String] = []
        if target != nil { parts.append("a target") }
        if statedPercent != nil { parts.append(percentOf == .target ? "a stated percentage of its target" : "a stated percentage") }
        if base != nil { parts.append("a base") }
        guard let last = parts.last else { return "no figure" }
        return "only " + (parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last)
    }
}
