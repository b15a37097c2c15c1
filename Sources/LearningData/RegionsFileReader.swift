/// Reads `regions.csv`: `id, name, kind, parent, aliases, evidence` (aliases separated by `|`).
///
/// A region whose id is an official unit's (``NationalMap``) must have that unit's parent; a region
/// may have an official unit as its parent without listing it (a thôn under its commune): the official
/// units it needs are then taken from the map, with their lifetimes.
enum RegionsFileReader {
    static let required = ["id", "name", "kind", "parent"]
    static let optional = ["aliases", "evidence"]

    static func read(_ file: SourceFile, map: NationalMap? = .embedded) throws(DatasetLoadError) -> Gazetteer {
        var reader = CSVReader(bytes: file.bytes, file: file.name)
        var problems = ProblemList()
        var regions: [Region] = []
        var lines: [RegionID: (line: Int, parentField: CSVField?)] = [:]
        var extraColumns: [String] = []
        do {
            guard let header = try reader.nextRecord() else {
                throw DatasetLoadError([Diagnostic(message: "\(file.name) is empty", expected: "a header row: id,name,kind,parent,aliases,evidence")])
            }
            let columns = try HeaderMap(header, reader: reader, required: required, optional: optional)
            extraColumns = columns.extraNames
            while let record = try reader.nextRecord() {
                guard !problems.isFull else { break }
                do {
                    try columns.checkCount(record, reader: reader)
                    let id = RegionID(try columns.text("id", record, reader).trimmingWhitespace)
                    let name = try columns.text("name", record, reader).trimmingWhitespace
                    let kindText = try columns.text("kind", record, reader)
                    guard let kind = AdministrativeKind(name: kindText) else {
                        throw reader.diagnostic(for: columns.field("kind", record), "unknown kind “\(kindText)”",
                                                expected: AdministrativeKind.allCases.map(\.vietnamese).joined(separator: ", "))
                    }
                    let parentText = try columns.text("parent", record, reader).trimmingWhitespace
                    let aliases = try columns.optionalText("aliases", record, reader)?.split(separator: "|").map { $0.trimmingWhitespace } ?? []
                    let evidence = try columns.optionalText("evidence", record, reader) ?? ""
                    let extras = try columns.extras(record, reader)
                    if id.rawValue.isEmpty || name.isEmpty {
                        throw reader.diagnostic(for: columns.field(id.rawValue.isEmpty ? "id" : "name", record), "a region needs an id and a name")
                    }
                    // An id written as a path ("quang-nam/x") names its parent: the two must agree.
                    if let slash = id.rawValue.lastIndex(of: "/"), String(id.rawValue[..<slash]) != parentText {
                        throw reader.diagnostic(for: columns.field("parent", record),
                                                "region “\(Diagnostic.excerpt(id.rawValue))” is written under “\(Diagnostic.excerpt(id.rawValue[..<slash]))”, but its parent is “\(Diagnostic.excerpt(parentText))”",
                                                expected: "parent \(id.rawValue[..<slash])",
                                                hint: "an id with “/” is the parent's id, a slash and the region's own part; fix the parent or the id")
                    }
                    if let earlier = lines[id] {
                        throw reader.diagnostic(for: columns.field("id", record), "region id “\(id)” was already given on line \(earlier.line)")
                    }
                    lines[id] = (record[0].line, parentText.isEmpty ? nil : columns.field("parent", record))
                    var region = Region(id: id, name: name, kind: kind, parent: parentText.isEmpty ? nil : RegionID(parentText),
                                        aliases: aliases, evidence: evidence, extras: extras)
                    // An official unit keeps the file's names and evidence, and takes the map's lifetime.
                    if let official = map?[id] {
                        region.validFrom = official.validFrom
                        region.validUntil = official.validUntil
                    }
                    regions.append(region)
                } catch {
                    problems.add(error)
                }
            }
        } catch {
            problems.add(error)
        }
        var ids = Set(regions.map(\.id))
        // Parents the file does not list but the map has: taken from the map, with what they need.
        let official = Set(regions.compactMap(\.parent).filter { !ids.contains($0) && map?[$0] != nil })
        if let map, !official.isEmpty {
            for region in NationalRegions.closure(of: Dictionary(uniqueKeysWithValues: official.map { ($0, []) }), map: map) where !ids.contains(region.id) {
                regions.append(region)
                ids.insert(region.id)
            }
        }
        // An official unit under another parent than the map's (a parent that is no region at all is
        // told below, with the nearest one).
        for region in regions {
            guard let official = map?[region.id], let parent = region.parent, official.parent != parent,
                  ids.contains(parent), let field = lines[region.id]?.parentField else { continue }
            let named = official.parent.flatMap { map?[$0] }.map { " (\($0.qualifiedName))" } ?? ""
            problems.add(reader.diagnostic(for: field,
                                           "“\(Diagnostic.excerpt(region.id.rawValue))” is the official \(official.qualifiedName), whose parent is “\(official.parent?.rawValue ?? "")”\(named), not “\(Diagnostic.excerpt(parent.rawValue))”",
                                           expected: "parent \(official.parent?.rawValue ?? "")",
                                           hint: "give your own region an id of its own, or the official parent"))
        }
        for region in regions {
            guard let parent = region.parent, !ids.contains(parent), let field = lines[region.id]?.parentField else { continue }
            let near = closestMatches(to: parent.rawValue, among: ids.map(\.rawValue))
            problems.add(reader.diagnostic(for: field, "parent “\(parent)” is not a region of this file",
                                           hint: near.first.map { "did you mean “\($0)”?" }))
        }
        for round in parentCycles(regions) {
            problems.add(cycleDiagnostic(round, field: lines[round[0]]?.parentField, reader: reader))
        }
        try problems.throwIfAny()
        do {
            var gazetteer = try Gazetteer(regions)
            gazetteer.extraColumns = extraColumns
            return gazetteer
        } catch {
            throw DatasetLoadError([Diagnostic(message: "\(file.name): \(error)")])
        }
    }

    /// Every cycle of parents, each as its round from its earliest region, in the order of those.
    /// Each region is walked once: a walk stops at a region already seen.
    static func parentCycles(_ regions: [Region]) -> [[RegionID]] {
        let index = Dictionary(regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let parent = regions.map { $0.parent.flatMap { index[$0] } }
        var walked = [Int?](repeating: nil, count: regions.count)   // the walk that first reached a region
        var cycles: [[Int]] = []
        for start in regions.indices where walked[start] == nil {
            var path: [Int] = [], next: Int? = start
            while let i = next, walked[i] == nil {
                walked[i] = start
                path.append(i)
                next = parent[i]
            }
            // Reaching a region of this same walk again closes a loop.
            guard let i = next, walked[i] == start, let loopStart = path.firstIndex(of: i) else { continue }
            let loop = path[loopStart...]
            let earliest = loop.firstIndex(of: loop.min() ?? i) ?? loopStart
            cycles.append(Array(loop[earliest...] + loop[..<earliest]))
        }
        return cycles.sorted { $0[0] < $1[0] }.map { $0.map { regions[$0].id } }
    }

    /// A parent cycle, at the parent field of its earliest region, with the whole round in the message.
    private static func cycleDiagnostic(_ round: [RegionID], field: CSVField?, reader: CSVReader) -> Diagnostic {
        let message = "region “\(round[0])” is its own ancestor: " + (round + [round[0]]).map(\.rawValue).joined(separator: " → ")
        let hint = "each region's parent must be a larger region above it"
        guard let field else { return Diagnostic(message: message, hint: hint) }
        return reader.diagnostic(for: field, message, hint: hint)
    }
}

/// The columns of a CSV file by name.
struct HeaderMap {
    let names: [String]
    private let index: [String: Int]
    /// The user's own columns, `x_…`, in header order: kept, never interpreted.
    let extraNames: [String]

    /// The prefix of a column of the user's own.
    static let extraPrefix = "x_"

    init(_ header: [CSVField], reader: CSVReader, required: [String], optional: [String]) throws(Diagnostic) {
        var names: [String] = []
        var index: [String: Int] = [:]
        let known = required + optional
        for field in header {
            let name = try reader.text(of: field).trimmingWhitespace.lowercased()
            if index[name] != nil { throw reader.diagnostic(for: field, "column “\(Diagnostic.excerpt(name))” appears twice") }
            // A column the loader does not know would be lost without a word ("notes" for "note"):
            // it is refused, unless it is marked as the user's own.
            if !known.contains(name), !name.hasPrefix(Self.extraPrefix) {
                func spaced(_ s: String) -> String { String(s.map { $0 == "_" ? " " : $0 }) }
                let near = closestMatches(to: spaced(name), among: known.map(spaced), limit: 1).first
                    .flatMap { spacedName in known.first { spaced($0) == spacedName } }
                throw reader.diagnostic(for: field, "unknown column “\(Diagnostic.excerpt(name))”", expected: known.joined(separator: ", "),
                                        hint: (near.map { "did you mean “\($0)”? " } ?? "") + "A column of your own is kept when its name starts with “x_” (x_\(Diagnostic.excerpt(name, limit: 20)))")
            }
            index[name] = names.count
            names.append(name)
        }
        for name in required where index[name] == nil {
            throw reader.diagnostic(for: header[header.count - 1], "the header has no “\(name)” column",
                                    expected: "the columns " + required.joined(separator: ", ") + " (others optional: " + optional.joined(separator: ", ") + ")")
        }
        self.names = names
        self.index = index
        extraNames = names.filter { $0.hasPrefix(Self.extraPrefix) }
    }

    func has(_ name: String) -> Bool { index[name] != nil }

    func checkCount(_ record: [CSVField], reader: CSVReader) throws(Diagnostic) {
        guard record.count != names.count else { return }
        let last = record[record.count - 1]
        throw reader.diagnostic(for: last, characterOffset: 0, length: 1,
                                "this row has \(record.count) fields but the header has \(names.count)",
                                expected: names.joined(separator: ","),
                                hint: "a field with a comma in it must be in double quotes")
    }

    func field(_ name: String, _ record: [CSVField]) -> CSVField { record[index[name] ?? 0] }

    func text(_ name: String, _ record: [CSVField], _ reader: CSVReader) throws(Diagnostic) -> String {
        try reader.text(of: field(name, record))
    }

    /// The record's fields of the user's own columns, by name; empty ones left out.
    func extras(_ record: [CSVField], _ reader: CSVReader) throws(Diagnostic) -> [String: String] {
        var out: [String: String] = [:]
        for name in extraNames {
            guard let text = try optionalText(name, record, reader) else { continue }
            if let bad = text.firstIndex(where: { $0 == ObservationDetails.extrasSeparator || $0 == ObservationDetails.extrasNameEnd }) {
                throw reader.diagnostic(for: field(name, record), characterOffset: text.distance(from: text.startIndex, to: bad),
                                        "a control character (U+001E or U+001F) in “\(name)”", hint: "remove it")
            }
            out[name] = text.trimmingWhitespace
        }
        return out
    }

    /// The field's text, or nil when the column is absent or the field empty.
    func optionalText(_ name: String, _ record: [CSVField], _ reader: CSVReader) throws(Diagnostic) -> String? {
        guard let i = index[name] else { return nil }
        let text = try reader.text(of: record[i])
        return text.trimmingWhitespace.isEmpty ? nil : text
    }
}
