/// Vietnam's official administrative units before and after the reorganisation of 1 July 2025, with
/// what each unit before became: every province, district and commune of the old map (63, 696 and
/// 10 035), every province and commune of the new one (34 and 3 321), from the `vietnamadminunits`
/// package (see `seeds/geography/SOURCE.md`).
///
/// A province that kept its name is one unit valid throughout, its old districts below it until
/// 30 June 2025 and its new communes from 1 July; a province merged into another ends on 30 June
/// 2025 with the other as its successor. Districts were abolished: each ends, succeeded by the new
/// communes its communes went into. Lookups cost a dictionary probe; the map is built once
/// (``embedded``) from the embedded files.
public struct NationalMap: Sendable {
    /// The units, the country first.
    public let units: [AdministrativeUnit]
    /// The position of each unit.
    private let indexByID: [RegionID: Int32]
    /// Units by code, before and from the reorganisation.
    private let byCodeBefore: [String: Int32], byCodeFrom: [String: Int32]
    /// Positions of units by folded name and by folded alias.
    private let byFoldedName: [String: [Int32]]
    /// Each unit's children (of every time), and its links to later and to earlier units.
    private let children: [[Int32]]
    private let successions: [[Succession]], precursors: [[Succession]]

    init(units: [AdministrativeUnit], successions links: [Succession]) {
        self.units = units
        var indexByID: [RegionID: Int32] = [:]
        var before: [String: Int32] = [:], from: [String: Int32] = [:]
        var names: [String: [Int32]] = [:]
        var children = [[Int32]](repeating: [], count: units.count)
        indexByID.reserveCapacity(units.count)
        for (k, u) in units.enumerated() { indexByID[u.id] = Int32(k) }
        for (k, u) in units.enumerated() {
            let i = Int32(k)
            if u.validFrom == nil { before[u.formerCode ?? u.code] = i }
            if u.validUntil == nil { from[u.code] = i }
            for name in [u.name] + u.aliases { names[VietnameseText.fold(name), default: []].append(i) }
            if let p = u.parent.flatMap({ indexByID[$0] }) { children[Int(p)].append(i) }
        }
        var successions = [[Succession]](repeating: [], count: units.count), precursors = successions
        for link in links {
            guard let a = indexByID[link.earlier], let b = indexByID[link.later] else { continue }
            successions[Int(a)].append(link)
            precursors[Int(b)].append(link)
        }
        self.indexByID = indexByID
        byCodeBefore = before
        byCodeFrom = from
        byFoldedName = names
        self.children = children
        self.successions = successions
        self.precursors = precursors
    }

    /// The unit with this id.
    public subscript(id: RegionID) -> AdministrativeUnit? { indexByID[id].map { units[Int($0)] } }

    /// How many units there are, of every time.
    public var count: Int { units.count }

    /// The unit an official code names on a day (codes were reused in 2025).
    public func unit(code: String, on day: CalendarDay) -> AdministrativeUnit? {
        (day < .reorganisation ? byCodeBefore[code] : byCodeFrom[code]).map { units[Int($0)] }
    }

    /// The units valid on a day, of one level if given.
    public func units(on day: CalendarDay, level: AdministrativeLevel? = nil) -> [AdministrativeUnit] {
        units.filter { $0.isValid(on: day) && (level == nil || $0.level == level) }
    }

    /// A unit's children valid on a day.
    public func children(of id: RegionID, on day: CalendarDay) -> [AdministrativeUnit] {
        guard let i = indexByID[id] else { return [] }
        return children[Int(i)].map { units[Int($0)] }.filter { $0.isValid(on: day) }
    }

    /// What a unit became: the units it went into, whole or in part. Empty for a unit still valid, or
    /// one that went on under its own id (a province that kept its name).
    public func successors(of id: RegionID) -> [Succession] {
        indexByID[id].map { successions[Int($0)] } ?? []
    }

    /// What a unit was made of: the earlier units that went into it, whole or in part.
    public func predecessors(of id: RegionID) -> [Succession] {
        indexByID[id].map { precursors[Int($0)] } ?? []
    }

    /// The unit's ancestors from its parent up (the country last).
    public func ancestors(of id: RegionID) -> [AdministrativeUnit] {
        var out: [AdministrativeUnit] = []
        var current = self[id]?.parent
        while let p = current, let unit = self[p], out.count < 8 {
            out.append(unit)
            current = unit.parent
        }
        return out
    }

    /// Positions of the units a folded name (or alias) names, of every time.
    func positions(folded: String) -> [Int32] { byFoldedName[folded] ?? [] }

    /// Every folded name the map knows, for suggestions.
    var foldedNames: Dictionary<String, [Int32]>.Keys { byFoldedName.keys }
}
