extension NationalMap {
    /// The unit a name stands for on a day: ignoring case, diacritics and a kind before it ("quận Bình
    /// Thạnh", "Q. Bình Thạnh"), and narrowed by a parent after a comma ("Bình Thạnh, Hồ Chí Minh").
    /// "Bình Thạnh" on a day of 2022 is the district; on a day of 2026 the ward.
    ///
    /// - Parameters:
    ///   - day: the day the name is meant for; nil for any time (then a name valid on only one side
    ///     of the reorganisation is no longer ambiguous with the other side only if it names one unit).
    ///   - level: only units of this level.
    /// - Throws: ``UnitLookupError`` when no unit or several units of that time bear the name, with the
    ///   candidates (their kinds, parents and years of validity) or the nearest names.
    public func unit(named name: String, on day: CalendarDay?, level: AdministrativeLevel? = nil) throws(UnitLookupError) -> AdministrativeUnit {
        if let unit = self[RegionID(name.trimmingWhitespace)] { return unit }
        let parts = name.split(separator: ",", maxSplits: 1).map { VietnameseText.fold(String($0)) }
        guard let first = parts.first, !first.isEmpty else { throw .notFound(name, suggestions: []) }
        let (kinds, rest) = AdministrativeKind.splitPrefix(folded: first)
        var candidates = positions(folded: rest)
        if candidates.isEmpty, kinds != nil { candidates = positions(folded: first) }
        let within: [Int32]? = parts.count > 1 ? candidatesForParent(parts[1]) : nil
        let matches = candidates.filter { k in
            let u = units[Int(k)]
            guard kinds.map({ $0.contains(u.kind) }) ?? true, level.map({ u.level == $0 }) ?? true else { return false }
            guard let within else { return true }
            return ancestors(of: u.id).contains { a in within.contains { units[Int($0)].id == a.id } }
        }
        guard !matches.isEmpty else {
            let near = candidates.isEmpty ? closestMatches(to: rest, among: Array(foldedNames)) : []
            throw .notFound(name, suggestions: near)
        }
        var valid = day.map { d in matches.filter { units[Int($0)].isValid(on: d) } } ?? matches
        valid = Array(Set(valid)).sorted()
        if valid.count > 1 {
            // Diacritics are ignored so that "Binh Thanh" is found; but where they are typed, they tell
            // Bình Thạnh from Bình Thành and Bình Thanh.
            let typed = Self.plainName(String(name.split(separator: ",", maxSplits: 1)[0]))
            let exact = valid.filter { k in let u = units[Int(k)]; return ([u.name] + u.aliases).contains { Self.plainName($0) == typed } }
            if !exact.isEmpty { valid = exact }
        }
        if valid.count == 1 { return units[Int(valid[0])] }
        let shown = (valid.isEmpty ? matches : valid).map { units[Int($0)] }
        if valid.isEmpty, let day { throw .notValid(name, on: day, candidates: shown.map(candidate)) }
        throw .ambiguous(name, on: day, candidates: shown.map(candidate))
    }

    /// A name as typed, NFC, lower case, without a kind word before it: what an exact match compares.
    static func plainName(_ text: String) -> String {
        let lowered = VietnameseText.nfc(text.trimmingWhitespace).lowercased()
        let words = lowered.split(separator: " "), folded = VietnameseText.fold(lowered)
        let kept = AdministrativeKind.splitPrefix(folded: folded).rest.split(separator: " ").count
        // Word for word with its folded form, the kind's words are the first ones; otherwise keep all.
        return words.count == folded.split(separator: " ").count ? words.suffix(kept).joined(separator: " ") : lowered
    }

    private func candidatesForParent(_ folded: String) -> [Int32] {
        let (_, rest) = AdministrativeKind.splitPrefix(folded: folded)
        return positions(folded: rest) + positions(folded: folded)
    }

    /// A candidate as an error lists it: "phường Bình Thạnh (Hồ Chí Minh, from 2025-07-01)".
    func candidate(_ u: AdministrativeUnit) -> UnitLookupError.Candidate {
        UnitLookupError.Candidate(id: u.id, kind: u.kind, name: u.name, parentName: u.parent.flatMap { self[$0] }?.name, lifetime: u.lifetime)
    }
}

/// Why a name does not stand for one unit.
public enum UnitLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A unit a lookup might have meant.
    public struct Candidate: Hashable, Sendable, CustomStringConvertible {
        public let id: RegionID, kind: AdministrativeKind, name: String, parentName: String?, lifetime: String
        public var description: String { "\(kind.prefix) \(name) (\(parentName.map { "\($0), " } ?? "")\(lifetime); \(id))" }
    }

    /// No unit has the name; the nearest names, folded.
    case notFound(String, suggestions: [String])
    /// Units have the name, but none on that day.
    case notValid(String, on: CalendarDay, candidates: [Candidate])
    /// Several units of that time have the name.
    case ambiguous(String, on: CalendarDay?, candidates: [Candidate])

    /// Whether several units fit (rather than none).
    public var isAmbiguous: Bool {
        if case .ambiguous = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .notFound(name, suggestions):
            "no unit of Vietnam's map is named “\(name)”" + (suggestions.first.map { "; did you mean “\($0)”?" } ?? "")
        case let .notValid(name, day, candidates):
            "no unit named “\(name)” was valid on \(day): " + candidates.map(\.description).joined(separator: "; ")
        case let .ambiguous(name, day, candidates):
            "“\(name)” names \(candidates.count) units" + (day.map { " valid on \($0)" } ?? "") + ": "
                + candidates.prefix(8).map(\.description).joined(separator: "; ")
                + (candidates.count > 8 ? "; \(candidates.count - 8) more" : "")
                + " (add the kind or the parent: “quận Bình Thạnh”, “Bình Thạnh, Hồ Chí Minh”)"
        }
    }
}
