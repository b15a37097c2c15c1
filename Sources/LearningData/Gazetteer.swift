import Foundation
import Synchronization

/// The regions of a dataset, with their hierarchy and lookup by name.
///
/// Regions are numbered in the order given; the dataset's columns refer to them by that number (a
/// ``Gazetteer/Index``), so a national dataset stores four bytes per observation for its region.
public struct Gazetteer: Sendable {
    /// The position of a region in ``regions``.
    public typealias Index = Int32

    /// All regions, in the order they were given.
    public let regions: [Region]
    /// The user's own columns of `regions.csv` (`x_…`), in file order; each region's are its ``Region/extras``.
    public var extraColumns: [String] = []
    /// The level of each region, by index: scans over rows read this, not the regions themselves.
    public let levels: [AdministrativeLevel]
    /// Whether some region has a lifetime (units of Vietnam's map that began or ended in 2025): then
    /// roll-ups keep to the units of the year.
    public let hasLifetimes: Bool
    private let parentIndex: [Index]            // -1 for the root
    private let childOffsets: [Int]             // children of i are childList[childOffsets[i]..<childOffsets[i+1]]
    private let childList: [Index]
    /// Finding a region by id and by name: built here, or on first use for a gazetteer read from a pack.
    private let lookups: Lookups

    /// Builds the hierarchy; fails on a duplicate id, an unknown parent or a cycle.
    public init(_ regions: [Region]) throws(GazetteerError) {
        var indexByID: [RegionID: Index] = [:]
        for (i, region) in regions.enumerated() {
            if indexByID.updateValue(Index(i), forKey: region.id) != nil { throw .duplicateID(region.id) }
        }
        var parentIndex = [Index](repeating: -1, count: regions.count)
        for (i, region) in regions.enumerated() {
            guard let parent = region.parent else { continue }
            guard let p = indexByID[parent] else { throw .unknownParent(region.id, parent) }
            parentIndex[i] = p
        }
        try self.init(regions, parentIndex: parentIndex, lookups: Lookups(indexByID: indexByID, byFoldedName: Lookups.names(regions, keys: nil)))
    }

    /// A gazetteer read from a dataset pack: the regions with their parents' positions as stored
    /// (each region's ``Region/parent`` is the id of the region at its parent's position). Nothing
    /// in proportion to the regions is hashed: the id and name dictionaries are built on the first
    /// lookup by id or name, from the folded keys `nameKeys` gives (each region's ``nameKeys(_:)``;
    /// nil, or a list of the wrong length, folds them then). The positions must be -1 or a region's
    /// (the pack's decoder checks them); fails on a cycle.
    init(packed regions: [Region], parentIndex: [Index], nameKeys: @escaping @Sendable () -> [[String]]?) throws(GazetteerError) {
        precondition(parentIndex.count == regions.count && parentIndex.allSatisfy { $0 >= -1 && Int($0) < regions.count })
        try self.init(regions, parentIndex: parentIndex, lookups: Lookups(buildingIDs: {
            // A pack is written from a gazetteer, whose ids are distinct; a damaged one keeps the first.
            var indexByID: [RegionID: Index] = [:]
            indexByID.reserveCapacity(regions.count)
            for (i, region) in regions.enumerated() where indexByID[region.id] == nil { indexByID[region.id] = Index(i) }
            return indexByID
        }, names: { Lookups.names(regions, keys: nameKeys().flatMap { $0.count == regions.count ? $0 : nil }) }))
    }

    /// The hierarchy from the parents' positions; every position is -1 or a region's.
    private init(_ regions: [Region], parentIndex: [Index], lookups: Lookups) throws(GazetteerError) {
        hasLifetimes = regions.contains { $0.hasLifetime }
        var childCounts = [Int](repeating: 0, count: regions.count + 1)
        for p in parentIndex where p >= 0 { childCounts[Int(p) + 1] += 1 }
        for i in 0..<regions.count { childCounts[i + 1] += childCounts[i] }
        var fill = childCounts
        var childList = [Index](repeating: 0, count: childCounts[regions.count])
        for i in regions.indices where parentIndex[i] >= 0 {
            let p = Int(parentIndex[i])
            childList[fill[p]] = Index(i)
            fill[p] += 1
        }
        try Self.checkAcyclic(parentIndex, regions)
        self.regions = regions
        self.levels = regions.map(\.level)
        self.parentIndex = parentIndex
        self.childOffsets = childCounts
        self.childList = childList
        self.lookups = lookups
    }

    /// The dictionaries of ``lookup(_:level:year:)``, ``index(of:)`` and ``subscript(id:)``.
    ///
    /// A gazetteer made from a list of regions has them from its init, read with no lock. One read
    /// from a dataset pack builds them the first time one is needed (``Gazetteer/init(packed:parentIndex:nameKeys:)``),
    /// under a lock, once: every copy of the gazetteer shares this object, so the work is done once
    /// per pack opened, and each later read takes the (uncontended) lock only to find them built.
    final class Lookups: Sendable {
        private let ids: LazyTable<[RegionID: Index]>
        private let names: LazyTable<[String: [Index]]>

        /// Tables made already.
        init(indexByID: [RegionID: Index], byFoldedName: [String: [Index]]) {
            ids = LazyTable(ready: indexByID)
            names = LazyTable(ready: byFoldedName)
        }

        /// Tables made when first read, each on its own: a lookup by id (`"p01/d1/c1"`) builds the id
        /// table only, not the folded names of every region.
        init(buildingIDs: @escaping @Sendable () -> [RegionID: Index], names: @escaping @Sendable () -> [String: [Index]]) {
            ids = LazyTable(building: buildingIDs)
            self.names = LazyTable(building: names)
        }

        /// Each region's position by id.
        var indexByID: [RegionID: Index] { ids.value }

        /// Positions by folded name or alias, with and without its kind prefix.
        var byFoldedName: [String: [Index]] { names.value }

        /// The positions of regions by their name keys, given or (nil) folded here.
        static func names(_ regions: [Region], keys givenKeys: [[String]]?) -> [String: [Index]] {
            // The folding is the costly part of a national gazetteer: it runs on every core, a share of
            // the regions each; the dictionary is then filled in region order, as before.
            var keyLists = givenKeys ?? [[String]](repeating: [], count: regions.count)
            let parts = givenKeys != nil ? 0 : regions.count < 4096 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
            if parts > 0 { keyLists.withUnsafeMutableBufferPointer { lists in
                let shared = UncheckedSendable(lists)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    for i in (regions.count * part / parts)..<(regions.count * (part + 1) / parts) {
                        shared.value[i] = Gazetteer.nameKeys(regions[i])
                    }
                }
            } }
            var byFoldedName: [String: [Index]] = [:]
            byFoldedName.reserveCapacity(keyLists.reduce(0) { $0 + $1.count })   // no rehashing as it fills
            for (i, keys) in keyLists.enumerated() {
                for key in keys { byFoldedName[key, default: []].append(Index(i)) }
            }
            return byFoldedName
        }
    }

    /// The folded keys a region is found by: its name, its name after its kind ("quan binh thanh"),
    /// its aliases, each also without a kind word it begins with; distinct, none empty.
    static func nameKeys(_ region: Region) -> [String] {
        let name = VietnameseText.fold(region.name)
        // fold(prefix + " " + name) is fold(prefix) + " " + fold(name): folding joins words with one space.
        let prefix = region.kind == .country ? "" : VietnameseText.fold(region.kind.prefix)
        var keys: [String] = []
        for folded in [name, prefix.isEmpty ? name : (name.isEmpty ? prefix : prefix + " " + name)] + region.aliases.map(VietnameseText.fold) {
            for key in [folded, AdministrativeKind.splitPrefix(folded: folded).rest] where !key.isEmpty && !keys.contains(key) {
                keys.append(key)
            }
        }
        return keys
    }

    private static func checkAcyclic(_ parents: [Index], _ regions: [Region]) throws(GazetteerError) {
        for start in parents.indices {
            var steps = 0, i = parents[start]
            while i >= 0 {
                steps += 1
                if steps > parents.count { throw .cycle(regions[Int(firstOfCycle(through: i, parents))].id) }
                i = parents[Int(i)]
            }
        }
    }

    /// The earliest region of the cycle `member` is on. The region the search started from may only
    /// hang below the cycle; the cycle's own regions are the ones that are their own ancestors.
    private static func firstOfCycle(through member: Index, _ parents: [Index]) -> Index {
        var first = member, i = parents[Int(member)]
        while i != member {
            first = min(first, i)
            i = parents[Int(i)]
        }
        return first
    }

    /// How many regions there are.
    public var count: Int { regions.count }

    /// The position of the region with this id.
    public func index(of id: RegionID) -> Index? { lookups.indexByID[id] }

    /// The region with this id.
    public subscript(id: RegionID) -> Region? { lookups.indexByID[id].map { regions[Int($0)] } }

    /// The region at a position.
    public subscript(index: Index) -> Region { regions[Int(index)] }

    /// The parent's position, or nil for the root.
    public func parentIndex(of index: Index) -> Index? {
        let p = parentIndex[Int(index)]
        return p >= 0 ? p : nil
    }

    /// The positions of the regions directly below.
    public func childIndices(of index: Index) -> ArraySlice<Index> {
        childList[childOffsets[Int(index)]..<childOffsets[Int(index) + 1]]
    }

    /// The regions from the parent up to the root, nearest first.
    public func ancestors(of id: RegionID) -> [Region] {
        guard var i = index(of: id) else { return [] }
        var out: [Region] = []
        while let p = parentIndex(of: i) { out.append(regions[Int(p)]); i = p }
        return out
    }

    /// The region itself or its nearest ancestor at `level`, if any.
    public func ancestor(of index: Index, at level: AdministrativeLevel) -> Index? {
        var i: Index? = index
        while let current = i {
            let region = regions[Int(current)]
            if region.level == level { return current }
            if region.level < level { return nil }
            i = parentIndex(of: current)
        }
        return nil
    }

    /// Whether `index` is `ancestor` or lies below it.
    public func isWithin(_ index: Index, _ ancestor: Index) -> Bool {
        var i: Index? = index
        while let current = i {
            if current == ancestor { return true }
            i = parentIndex(of: current)
        }
        return false
    }

    /// Finds one region by what a person would type: the id, the name, an alias, with or without the
    /// kind before it ("Q. Bình Thạnh", "quận Bình Thạnh", "binh thanh"), ignoring case and diacritics.
    ///
    /// - Parameters:
    ///   - level: keeps only regions of this level, which settles "Bắc Kạn" (city or province).
    ///   - year: where several fit, keeps those valid in that year: "Bình Thạnh" of a 2022 figure is the
    ///     district, of a 2026 figure the ward.
    /// - Throws: ``RegionLookupError`` when nothing fits, or more than one region fits.
    public func lookup(_ name: String, level: AdministrativeLevel? = nil, year: Int? = nil) throws(RegionLookupError) -> Region {
        let typed = VietnameseText.nfc(name).trimmingWhitespace
        if let i = lookups.indexByID[RegionID(typed)], level == nil || regions[Int(i)].level == level { return regions[Int(i)] }
        let byFoldedName = lookups.byFoldedName
        let folded = VietnameseText.fold(typed)
        guard !folded.isEmpty else { throw .empty }
        let (kinds, rest) = AdministrativeKind.splitPrefix(folded: folded)
        var found = byFoldedName[folded] ?? []
        if kinds != nil, found.isEmpty { found = byFoldedName[rest] ?? [] }
        var fitting = found.map { regions[Int($0)] }
        if let kinds, byFoldedName[folded] == nil { fitting = fitting.filter { kinds.contains($0.kind) } }
        if let level { fitting = fitting.filter { $0.level == level } }
        if let year, fitting.count > 1 {
            let valid = fitting.filter { $0.isValid(inYear: year) }
            if !valid.isEmpty { fitting = valid }
        }
        switch fitting.count {
        case 1:
            return fitting[0]
        case 0 where !found.isEmpty:
            let asked = level?.name ?? kinds.map { $0.map(\.vietnamese).sorted().joined(separator: " or ") } ?? "region"
            throw .noneOfThatKind(query: typed, asked: asked, found: found.map { regions[Int($0)] })
        case 0:
            throw .notFound(query: typed, suggestions: suggestions(for: kinds == nil ? folded : rest))
        default:
            throw .ambiguous(query: typed, candidates: fitting)
        }
    }

    /// Each region's name as stored, when ``lookup(_:level:)`` of that exact name finds that region
    /// alone (names two regions share are left out): the fast loader reads such names without the
    /// full lookup.
    func unambiguousNames() -> [(key: String, value: Index)] {
        let (indexByID, byFoldedName) = (lookups.indexByID, lookups.byFoldedName)
        return regions.indices.compactMap { i in
            let name = regions[i].name
            guard indexByID[RegionID(name)] == nil, byFoldedName[VietnameseText.fold(name)]?.count == 1 else { return nil }
            return (name, Index(i))
        }
    }

    /// The regions whose name or alias contains `pattern`, compared folded; all regions for "".
    public func search(_ pattern: String) -> [Region] {
        let key = VietnameseText.fold(pattern)
        guard !key.isEmpty else { return regions }
        return regions.filter { region in
            ([region.name, region.qualifiedName] + region.aliases).contains { VietnameseText.fold($0).contains(key) }
        }
    }

    private func suggestions(for folded: String) -> [Region] {
        let byFoldedName = lookups.byFoldedName
        let names = Array(byFoldedName.keys)
        var out: [Region] = []
        for key in closestMatches(to: folded, among: names, limit: 3) {
            for i in byFoldedName[key] ?? [] where !out.contains(regions[Int(i)]) { out.append(regions[Int(i)]) }
        }
        return Array(out.prefix(4))
    }
}

/// Why a list of regions does not make a hierarchy.
public enum GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two regions have this id.
    case duplicateID(RegionID)
    /// The region (first) names a parent (second) that is not in the list.
    case unknownParent(RegionID, RegionID)
    /// The region is its own ancestor: the earliest, in the order given, of the regions on the cycle.
    case cycle(RegionID)

    public var description: String {
        switch self {
        case let .duplicateID(id): "region id “\(id)” is used twice"
        case let .unknownParent(id, parent): "region “\(id)” names parent “\(parent)”, which is not a region"
        case let .cycle(id): "region “\(id)” is its own ancestor"
        }
    }
}

/// A value made once, when first read, under a lock; or given made, then read without one.
private final class LazyTable<T: Sendable>: Sendable {
    private let ready: T?
    private let built = Mutex<T?>(nil)
    private let build: @Sendable () -> T

    init(ready value: T) { (ready, build) = (value, { value }) }
    init(building build: @escaping @Sendable () -> T) { (ready, self.build) = (nil, build) }

    var value: T {
        if let ready { return ready }
        return built.withLock { built in
            if let built { return built }
            let made = build()
            built = made
            return made
        }
    }
}
