/// The indicators a dataset may use, looked up by id or by any of their names.
public struct IndicatorCatalogue: Sendable {
    /// The position of an indicator in ``indicators``; the dataset stores this per observation.
    public typealias Index = UInt16

    /// All indicators, in catalogue order.
    public let indicators: [Indicator]
    private let indexByID: [IndicatorID: Index]
    private let byFoldedName: [String: Index]

    /// Builds a catalogue; fails on a duplicate id or a name given to two indicators.
    public init(_ indicators: [Indicator]) throws(CatalogueError) {
        guard indicators.count <= Int(Index.max) else { throw .tooMany(indicators.count) }
        var indexByID: [IndicatorID: Index] = [:]
        var byFoldedName: [String: Index] = [:]
        for (i, indicator) in indicators.enumerated() {
            if indexByID.updateValue(Index(i), forKey: indicator.id) != nil { throw .duplicateID(indicator.id) }
            for name in [indicator.name] + indicator.synonyms {
                let key = VietnameseText.fold(name)
                if let other = byFoldedName.updateValue(Index(i), forKey: key), other != Index(i) {
                    throw .sharedName(name, indicators[Int(other)].id, indicator.id)
                }
            }
        }
        self.indicators = indicators
        self.indexByID = indexByID
        self.byFoldedName = byFoldedName
    }

    /// How many indicators there are.
    public var count: Int { indicators.count }

    /// The position of the indicator with this id.
    public func index(of id: IndicatorID) -> Index? { indexByID[id] }

    /// The indicator with this id.
    public subscript(id: IndicatorID) -> Indicator? { indexByID[id].map { indicators[Int($0)] } }

    /// The indicator at a position.
    public subscript(index: Index) -> Indicator { indicators[Int(index)] }

    /// Finds an indicator by id or by a Vietnamese name or synonym, ignoring case and diacritics
    /// ("learning_family", "Gia đình hiếu học", "gia dinh hoc tap").
    public func lookup(_ name: String) -> Indicator? {
        if let i = indexByID[IndicatorID(name)] { return indicators[Int(i)] }
        let key = VietnameseText.fold(name)
        if let i = byFoldedName[key] ?? indexByID[IndicatorID(key.replacingSpaces(with: "_"))] { return indicators[Int(i)] }
        return nil
    }

    /// The ids nearest to a mistyped one, for "did you mean …?" hints.
    public func suggestions(for name: String) -> [IndicatorID] {
        closestMatches(to: name.replacingUnderscores(), among: indicators.map { $0.id.rawValue.replacingUnderscores() })
            .map { IndicatorID($0.replacingSpaces(with: "_")) }
    }
}

/// Why a list of indicators does not make a catalogue.
public enum CatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateID(IndicatorID)
    case sharedName(String, IndicatorID, IndicatorID)
    case tooMany(Int)

    public var description: String {
        switch self {
        case let .duplicateID(id): "indicator id “\(id)” is used twice"
        case let .sharedName(name, a, b): "the name “\(name)” is given to both \(a) and \(b)"
        case let .tooMany(n): "\(n) indicators are more than a catalogue holds (65 535)"
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
    func replacingSpaces(with replacement: Character) -> String { String(map { $0 == " " ? replacement : $0 }) }
}
