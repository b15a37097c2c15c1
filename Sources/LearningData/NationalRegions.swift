/// The regions of Vietnam's map a dataset needs when it names official units without listing them in
/// a `regions.csv`: the units named, their ancestors, and every unit directly below each ancestor
/// that was valid at the same time (so that a province's coverage counts all its districts of the
/// time), with their lifetimes. Not the whole map: a roll-up lists the provinces the data touches,
/// and the country's row counts the 63 (or 34) it is out of.
enum NationalRegions {
    /// The regions for these units, in map order; each unit with the years its figures are for (the
    /// units beside it are those of those years), or none (then of its whole lifetime).
    static func closure(of named: [RegionID: Set<Int>], map: NationalMap) -> [Region] {
        var wanted = Set<RegionID>()
        for (id, years) in named {
            guard let unit = map[id] else { continue }
            wanted.insert(id)
            let days = years.isEmpty ? lifetimeDays(unit) : years.map { CalendarDay.endOf($0) }
            for ancestor in map.ancestors(of: id) {
                wanted.insert(ancestor.id)
                for day in Set(days) { for child in map.children(of: ancestor.id, on: day) { wanted.insert(child.id) } }
            }
        }
        return map.units.filter { wanted.contains($0.id) }.map(Region.init)
    }

    /// Days that cover a unit's lifetime on both sides of the reorganisation where it lived on both.
    private static func lifetimeDays(_ unit: AdministrativeUnit) -> [CalendarDay] {
        [.lastDayBeforeReorganisation, .reorganisation].filter { unit.isValid(on: $0) }
    }

    /// The official units the region column of a figures file names, each by id or by name in its
    /// row's year, and the rows whose region is neither, with why.
    static func named(in file: SourceFile, map: NationalMap) -> (ids: [RegionID: Set<Int>], problems: [Diagnostic]) {
        var reader = CSVReader(bytes: file.bytes, file: file.name)
        var ids: [RegionID: Set<Int>] = [:], problems: [Diagnostic] = []
        guard let header = try? reader.nextRecord() else { return ([:], []) }
        let names = header.compactMap { try? reader.text(of: $0).trimmingWhitespace }
        guard let regionColumn = names.firstIndex(of: "region") else { return ([:], []) }
        let yearColumn = names.firstIndex(of: "year")
        var resolved: [String: RegionID] = [:]
        while let record = try? reader.nextRecord() {
            guard regionColumn < record.count, let text = try? reader.text(of: record[regionColumn]).trimmingWhitespace, !text.isEmpty else { continue }
            let year = yearColumn.flatMap { $0 < record.count ? (try? reader.text(of: record[$0])).flatMap { Int($0.trimmingWhitespace) } : nil }
            let key = text + "\u{1F}" + String(year ?? 0)
            func note(_ id: RegionID) {
                resolved[key] = id
                ids[id, default: []].formUnion(year.map { [$0] } ?? [])
            }
            if let id = resolved[key] { note(id); continue }
            if map[RegionID(text)] != nil { note(RegionID(text)); continue }
            do throws(UnitLookupError) {
                note(try map.unit(named: text, on: year.map { .endOf($0) }).id)
            } catch {
                problems.append(reader.diagnostic(for: record[regionColumn], error.description,
                                                  expected: "an official unit's id or name (or list your own regions in regions.csv)"))
            }
        }
        return (ids, problems)
    }
}
