extension NationalMap {
    /// The map of `seeds/geography/`, embedded at build time and built on first use.
    public static let embedded: NationalMap = {
        let files = Dictionary(EmbeddedSeeds.files.map { ($0.name, $0.contents) }, uniquingKeysWith: { a, _ in a })
        // The files are written by scripts/geography/convert.py and checked by the tests: a malformed
        // line is skipped rather than trapped on, and the tests' counts would show it.
        return NationalMap(before: files["before-2025.csv"] ?? "", from: files["from-2025.csv"] ?? "",
                           changes: files["changes-2025.csv"] ?? "", aliases: files["aliases.csv"] ?? "")
    }()

    /// The id of the country.
    public static let countryID: RegionID = "vn"

    /// Builds the map from the text of the four files (see `seeds/geography/SOURCE.md`).
    init(before: String, from: String, changes: String, aliases: String) {
        func rows(_ text: String) -> [[Substring]] {
            text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        var aliasesByID: [RegionID: [String]] = [:]
        for r in rows(aliases) where r.count == 2 { aliasesByID[RegionID(String(r[0])), default: []].append(String(r[1])) }
        let last = CalendarDay.lastDayBeforeReorganisation, first = CalendarDay.reorganisation
        func parent(_ id: Substring) -> RegionID {
            id.lastIndex(of: "/").map { RegionID(String(id[..<$0])) } ?? NationalMap.countryID
        }
        var newRows: [RegionID: [Substring]] = [:]
        for r in rows(from) where r.count == 5 { newRows[RegionID(String(r[0]))] = r }

        var units = [AdministrativeUnit(id: Self.countryID, code: "", kind: .country, name: "Việt Nam", parent: nil,
                                        aliases: ["Viet Nam", "Vietnam", "cả nước", "toàn quốc"])]
        var beforeCodes: [String: RegionID] = [:], fromCodes: [String: RegionID] = [:]
        for r in rows(before) where r.count == 4 {
            guard let kind = AdministrativeKind(name: String(r[2])) else { continue }
            let id = RegionID(String(r[0])), code = String(r[1])
            beforeCodes[code] = id
            if kind.level == .province, let kept = newRows[id] {
                // A province that kept its name goes on: one unit, its new code beside the old.
                let newCode = String(kept[1])
                fromCodes[newCode] = id
                units.append(AdministrativeUnit(id: id, code: newCode, formerCode: newCode == code ? nil : code, kind: kind, name: String(r[3]),
                                                parent: Self.countryID, aliases: aliasesByID[id] ?? []))
            } else {
                units.append(AdministrativeUnit(id: id, code: code, kind: kind, name: String(r[3]), parent: parent(r[0]),
                                                validUntil: last, aliases: aliasesByID[id] ?? []))
            }
        }
        for r in rows(from) where r.count == 5 {
            let id = RegionID(String(r[0]))
            // A province that kept its name is already in, with both its codes.
            guard let kind = AdministrativeKind(name: String(r[2])), fromCodes[String(r[1])] != id else { continue }
            fromCodes[String(r[1])] = id
            units.append(AdministrativeUnit(id: id, code: String(r[1]), kind: kind, name: String(r[3]), parent: parent(r[0]),
                                            validFrom: first, aliases: aliasesByID[id] ?? [], areaKm2: Double(r[4])))
        }

        var links: [Succession] = []
        var seen = Set<[RegionID]>()
        for r in rows(changes) where r.count == 3 {
            guard let a = beforeCodes[String(r[0])], let b = fromCodes[String(r[1])], a != b else { continue }
            if seen.insert([a, b]).inserted { links.append(Succession(earlier: a, later: b, share: r[2] == "1" ? .whole : .part, day: first)) }
        }
        links += Self.districtSuccessions(units: units, communeLinks: links, day: first)
        self.init(units: units, successions: links)
    }

    /// A district's successors are the new communes its communes went into: whole only where all of
    /// it went into one. Districts the source maps directly (islands without communes) keep theirs.
    private static func districtSuccessions(units: [AdministrativeUnit], communeLinks: [Succession], day: CalendarDay) -> [Succession] {
        let districts = Set(units.filter { $0.level == .district }.map(\.id))
        let mapped = Set(communeLinks.map(\.earlier)).intersection(districts)
        var communesOf: [RegionID: [RegionID]] = [:]
        for u in units where u.level == .commune && u.validUntil != nil {
            if let p = u.parent, districts.contains(p) { communesOf[p, default: []].append(u.id) }
        }
        var byEarlier: [RegionID: [Succession]] = [:]
        for link in communeLinks { byEarlier[link.earlier, default: []].append(link) }
        var out: [Succession] = []
        for district in districts.subtracting(mapped).sorted() {
            let links = (communesOf[district] ?? []).flatMap { byEarlier[$0] ?? [] }
            let targets = Array(Set(links.map(\.later))).sorted()
            let whole = targets.count == 1 && links.allSatisfy { $0.share == .whole }
            out += targets.map { Succession(earlier: district, later: $0, share: whole ? .whole : .part, day: day) }
        }
        return out
    }
}
