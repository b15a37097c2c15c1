/// Where a unit's figure goes on another day's map.
public enum Placement: Hashable, Sendable {
    /// All of it lies in this unit of that day.
    case whole(AdministrativeUnit)
    /// It was divided between these units of that day; the source does not say in what shares.
    case split([AdministrativeUnit])
    /// It has no place at that level on that day (districts after 1 July 2025, a level finer than the
    /// unit), said as a reason.
    case none(String)
}

extension NationalMap {
    /// The unit of `level` valid on `day` that holds all of unit `id` (a figure for `id` counts toward
    /// it), or the units it was divided between, or why there is none.
    ///
    /// An old commune lies whole in the new province its old province merged into; as a commune of the
    /// new map it lies whole in the one new commune it went into, or is split between several.
    public func placement(of id: RegionID, level: AdministrativeLevel, on day: CalendarDay) -> Placement {
        guard let unit = self[id] else { return .none("\(id) is not a unit of Vietnam's map") }
        if level == .district, day >= .reorganisation { return .none("there are no districts from \(CalendarDay.reorganisation): the level was abolished") }
        if level > unit.level {
            // A district's figure among the communes of the new map: it was divided between them.
            let next = successors(of: unit.id).compactMap { self[$0.later] }.filter { $0.level == level && $0.isValid(on: day) }
            return next.isEmpty ? .none("\(unit.qualifiedName) is above the \(level.name) level") : .split(next)
        }
        var current = unit
        // Up to the level asked for, through the parents of the unit's own time.
        while current.level > level, let parent = current.parent.flatMap({ self[$0] }) { current = parent }
        guard current.level == level else { return .none("\(unit.qualifiedName) has no \(level.name) above it") }
        return forward(current, to: day, depth: 0)
    }

    /// Follows a unit through its successors to the units valid on a day.
    private func forward(_ unit: AdministrativeUnit, to day: CalendarDay, depth: Int) -> Placement {
        if unit.isValid(on: day) { return .whole(unit) }
        if let until = unit.validUntil, day > until {
            let next = successors(of: unit.id)
            guard !next.isEmpty, depth < 4 else { return .none("\(unit.qualifiedName) ended on \(until) with no successor") }
            if next.count == 1, next[0].share == .whole, let later = self[next[0].later] { return forward(later, to: day, depth: depth + 1) }
            return .split(next.compactMap { self[$0.later] })
        }
        let previous = predecessors(of: unit.id)
        if previous.count == 1, previous[0].share == .whole, let earlier = self[previous[0].earlier] { return forward(earlier, to: day, depth: depth + 1) }
        return .none("\(unit.qualifiedName) was not yet valid on \(day) (\(unit.lifetime))")
    }
}
