import LearningData

/// Which administrative level a ranking or comparison puts side by side.
///
/// A province, a district and a township are not peers: their rates and counts measure populations of
/// very different sizes, so a ranking of them together reads as a league table it is not. Rankings and
/// comparisons therefore keep to one level unless asked to mix.
public enum LevelChoice: Hashable, Sendable, CustomStringConvertible {
    /// The level most of the candidates share (on a tie, the higher level), said in a note, with the
    /// regions of other levels left out and named.
    case automatic
    /// The regions of this level.
    case only(AdministrativeLevel)
    /// Every level together; the level is shown beside each region.
    case any

    /// Reads `"any"` or a level's name ("district", "huyện", "cấp huyện").
    public init?(name: String) {
        if VietnameseText.fold(name) == "any" { self = .any } else if let level = AdministrativeLevel(name: name) { self = .only(level) } else { return nil }
    }

    public var description: String {
        switch self {
        case .automatic: "automatic"
        case let .only(level): level.name
        case .any: "any"
        }
    }
}

/// Regions split by level: those kept and those of other levels left out.
public struct LevelSelection: Hashable, Sendable {
    /// The level kept; nil when levels are mixed (``LevelChoice/any``) or there were no regions.
    public let level: AdministrativeLevel?
    /// How the level was chosen.
    public let choice: LevelChoice
    /// The regions kept, in the order given.
    public let kept: [Region]
    /// The regions of other levels, left out, in the order given.
    public let leftOut: [Region]
    /// With ``LevelChoice/automatic``: how many candidates each level had, most first.
    public let counts: [(level: AdministrativeLevel, count: Int)]

    /// Keeps the regions of one level: the one asked for, or the one most regions share (on a tie the
    /// higher one, whose regions are fewer and larger); with ``LevelChoice/any`` keeps all.
    public init(_ regions: [Region], choice: LevelChoice) {
        self.choice = choice
        var tally: [AdministrativeLevel: Int] = [:]
        for r in regions { tally[r.level, default: 0] += 1 }
        counts = tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        let level: AdministrativeLevel?
        switch choice {
        case .any: level = nil
        case let .only(l): level = l
        case .automatic: level = counts.first?.level
        }
        self.level = level
        kept = level.map { l in regions.filter { $0.level == l } } ?? regions
        leftOut = level.map { l in regions.filter { $0.level != l } } ?? []
    }

    /// Whether the regions kept are of more than one level.
    public var isMixed: Bool { Set(kept.map(\.level)).count > 1 }

    public static func == (a: Self, b: Self) -> Bool {
        a.level == b.level && a.choice == b.choice && a.kept == b.kept && a.leftOut == b.leftOut
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(level)
        hasher.combine(choice)
        hasher.combine(kept)
        hasher.combine(leftOut)
    }

    /// The note a table prints when the level was chosen or some regions were left out; nil when there
    /// is nothing to say. `what` names the candidates ("regions with learning_family figures"); `verb`
    /// what `level: "any"` would do with them ("ranks", "compares").
    public func note(_ what: String, verb: String = "ranks") -> String? {
        switch choice {
        case .any:
            guard isMixed else { return nil }
            return "levels mixed (level: \"any\"): " + counts.map { "\($0.count) \($0.count == 1 ? $0.level.name : $0.level.plural)" }.joined(separator: ", ")

        case .only:
            return nil
        case .automatic:
            guard let level, !leftOut.isEmpty else { return nil }
            let tie = counts.count > 1 && counts[1].count == counts[0].count ? " (a tie: the higher level is taken)" : ""
            let names = leftOut.prefix(8).map { "\($0.name) (\($0.level.name))" }.joined(separator: ", ")
                + (leftOut.count > 8 ? " and \(leftOut.count - 8) more" : "")
            return "\(level.plural) only, the level of \(kept.count) of the \(kept.count + leftOut.count) \(what)\(tie); left out: \(names); "
                + "level: \"any\" \(verb) them all"
        }
    }
}
