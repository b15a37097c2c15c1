/// Why a name typed by a user did not lead to exactly one region.
public enum RegionLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// No region has that name; `suggestions` are the nearest names, possibly none.
    case notFound(query: String, suggestions: [Region])
    /// Several regions have that name (the city and the province of Bắc Kạn).
    case ambiguous(query: String, candidates: [Region])
    /// Regions have that name, but none of the kind or level asked for.
    case noneOfThatKind(query: String, asked: String, found: [Region])

    public var description: String {
        switch self {
        case .empty:
            return "a region name is empty"
        case let .notFound(query, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "“\($0.name)” (\($0.qualifiedName), id \($0.id))" }.joined(separator: " or ") + "?"
            return "no region is named “\(Diagnostic.excerpt(query))”\(hint)"
        case let .ambiguous(query, candidates):
            let list = candidates.map { "\($0.qualifiedName) (\($0.level.name), id \($0.id))" }.joined(separator: "; ")
            let levels = Array(Set(candidates.map(\.level.name))).sorted().map { "\"\($0)\"" }.joined(separator: " or ")
            return "“\(Diagnostic.excerpt(query))” fits \(candidates.count) regions: \(list). Ask for a level (level: \(levels)), put the kind before the name, or use the id"
        case let .noneOfThatKind(query, asked, found):
            let list = found.map { "\($0.qualifiedName) (id \($0.id))" }.joined(separator: "; ")
            return "no \(asked) is named “\(Diagnostic.excerpt(query))”; that name belongs to \(list)"
        }
    }

    /// The regions the message names: candidates, suggestions or those of another kind.
    public var regions: [Region] {
        switch self {
        case .empty: []
        case let .notFound(_, suggestions): suggestions
        case let .ambiguous(_, candidates): candidates
        case let .noneOfThatKind(_, _, found): found
        }
    }
}
