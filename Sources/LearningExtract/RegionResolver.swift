import LearningData

/// A region a report names, as the extractor writes it.
public struct ResolvedRegion: Sendable, Hashable {
    /// Its id in the dataset (or the national code).
    public let id: String
    /// Its name with its kind, for reasons.
    public let name: String
    /// Its level, to tell a report's own region from the units below it.
    public let level: AdministrativeLevel
}

/// Finds the region a name stands for: in a dataset's gazetteer (a folder's regions, the seeds'), or
/// among all the country's units on the report's day.
public struct RegionResolver: Sendable {
    private let resolve: @Sendable (String, Int?) -> ResolvedRegion?

    /// A resolver by a function of the name and the report's year.
    public init(_ resolve: @escaping @Sendable (String, Int?) -> ResolvedRegion?) { self.resolve = resolve }

    /// The regions of a dataset, looked up as the shell looks them up ("quận Bình Thạnh", "TP. Bắc Kạn").
    public static func gazetteer(_ gazetteer: Gazetteer) -> RegionResolver {
        RegionResolver { name, year in
            guard let region = try? gazetteer.lookup(name, year: year) else { return nil }
            return ResolvedRegion(id: region.id.rawValue, name: region.qualifiedName, level: region.level)
        }
    }

    /// Vietnam's units on the report's day (the 1st of July of its year), by their national codes.
    public static func nationalMap(_ map: NationalMap = .embedded) -> RegionResolver {
        RegionResolver { name, year in
            let day = year.flatMap { CalendarDay(parsing: "\($0)-07-01") }
            guard let unit = try? map.unit(named: name, on: day) else { return nil }
            return ResolvedRegion(id: unit.id.rawValue, name: unit.qualifiedName, level: unit.level)
        }
    }

    /// The first resolver that knows the name.
    public static func either(_ first: RegionResolver, _ second: RegionResolver) -> RegionResolver {
        RegionResolver { name, year in first.callAsFunction(name, year: year) ?? second.callAsFunction(name, year: year) }
    }

    /// The region a name stands for, or nil.
    public func callAsFunction(_ name: String, year: Int?) -> ResolvedRegion? { resolve(name, year) }
}

extension RegionMentions {
    /// The units named as the reporting association's ("Hội Khuyến học xã Hải Vân"), as written, with
    /// their level, found or not: a unit the map does not know is still the report's own.
    static func associationNames(in words: Words) -> [(written: String, level: AdministrativeLevel)] {
        var out: [(String, AdministrativeLevel)] = []
        let items = words.items
        for i in items.indices where words.starts(with: "hoi khuyen hoc", at: i) {
            let at = i + 3
            guard let prefix = AdministrativeKind.typedPrefixes.first(where: { $0.folded.count > 1 && words.starts(with: $0.folded, at: at) }),
                  let kind = prefix.kinds.first else { continue }
            let nameStart = at + prefix.folded.split(separator: " ").count
            var end = nameStart
            while end < items.count, end - nameStart < 4, items[end].capitalised { end += 1 }
            guard end > nameStart else { continue }
            let written = kind.vietnamese + " " + items[nameStart..<end].map { words.text($0) }.joined(separator: " ")
            out.append((written, kind.level))
        }
        return out
    }
}

/// Regions named in a clause: a kind ("huyện", "quận", "thị trấn", "TP.") and the capitalised words
/// after it ("Yên Bình", "Phường 6" is a name too), the longest that the resolver knows.
struct RegionMentions {
    let resolver: RegionResolver

    /// Each region named, with where its words start and end in the text.
    /// - Parameter within: the report's region, which settles a name the country shares ("xã Hải Vân" of
    ///   huyện Hải Hậu).
    func find(in words: Words, year: Int?, within: ResolvedRegion? = nil) -> [(region: ResolvedRegion, start: Int, end: Int)] {
        var found: [(ResolvedRegion, Int, Int)] = []
        var i = 0
        let items = words.items
        while i < items.count {
            guard let prefix = AdministrativeKind.typedPrefixes.first(where: { words.starts(with: $0.folded, at: i) }) else { i += 1; continue }
            let nameStart = i + prefix.folded.split(separator: " ").count
            var length = 0
            while nameStart + length < items.count, length < 4, items[nameStart + length].capitalised { length += 1 }
            var matched = false
            while length > 0 {
                let range = items[i].range.lowerBound..<items[nameStart + length - 1].range.upperBound
                let words = items[i..<(nameStart + length)].map(\.folded).joined(separator: " ")
                if let region = resolver(words, year: year) ?? within.flatMap({ resolver(words + ", " + $0.name, year: year) }) {
                    found.append((region, range.lowerBound, range.upperBound))
                    i = nameStart + length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { i += 1 }
        }
        return found
    }
}
