import LearningData

/// How a target not yet due was projected.
public enum ProjectionMethod: Hashable, Sendable, CustomStringConvertible {
    /// A least-squares line through this many years.
    case linearTrend(points: Int)
    /// The straight line through the only two years with figures.
    case twoPointLine(from: Int, to: Int)
    /// The only year with a figure, carried forward unchanged.
    case carryForward(from: Int)

    public var description: String {
        switch self {
        case let .linearTrend(n): "linear trend over \(n) years"
        case let .twoPointLine(a, b): "straight line through \(a) and \(b)"
        case let .carryForward(y): "\(y) carried forward (only one year known)"
        }
    }
}

/// A target whose actual has not arrived, judged from the years before it.
public struct TargetProjection: Hashable, Sendable {
    /// Whether the projection reaches the target.
    public enum Status: String, Sendable, Codable {
        case onTrack = "on_track"
        case offTrack = "off_track"
        case cannotProject = "cannot_project"
    }

    /// The projected actual for the target's year (percent for a rate target), if one could be made.
    public let projected: Double?
    /// How it was made.
    public let method: ProjectionMethod?
    /// On track, off track, or no projection possible.
    public let status: Status
    /// Why there is no projection, when there is none.
    public let reason: String?

    /// Projects the actual of a target-only observation from the headline figures of earlier years.
    public init(_ dataset: Dataset, target o: Observation) {
        guard let target = o.target else {
            self.init(projected: nil, method: nil, status: .cannotProject, reason: "the figure has no target")
            return
        }
        guard o.scope == nil else {
            self.init(projected: nil, method: nil, status: .cannotProject, reason: "the target is for “\(o.scope ?? "")”, not for the whole region")
            return
        }
        if let period = o.period, period.part != nil || dataset.catalogue[o.indicator]?.temporal == .sum {
            // Yearly figures cannot be projected onto a half-year or a term's total.
            self.init(projected: nil, method: nil, status: .cannotProject, reason: "the target is for \(period.kindName) (\(period)), not for one year")
            return
        }
        let history: [(year: Int, value: Double)] = dataset.headlineRows(indicator: o.indicator, region: o.region).compactMap { row in
            let earlier = dataset[row]
            guard earlier.year < o.year else { return nil }
            let number = target.isRate ? earlier.rateReading.map { $0.rate * 100 } : earlier.value
            return number.map { (earlier.year, $0) }
        }
        guard let last = history.last else {
            self.init(projected: nil, method: nil, status: .cannotProject, reason: Self.nothingToProjectFrom(dataset, target: o, isRate: target.isRate))
            return
        }
        let projected: Double
        let method: ProjectionMethod
        switch history.count {
        case 1:
            projected = last.value
            method = .carryForward(from: last.year)
        case 2:
            let first = history[0]
            projected = first.value + (last.value - first.value) * Double(o.year - first.year) / Double(last.year - first.year)
            method = .twoPointLine(from: first.year, to: last.year)
        default:
            let line = LeastSquaresLine(history.map { (Double($0.year), $0.value) })
            projected = line?.y(at: Double(o.year)) ?? last.value
            method = .linearTrend(points: history.count)
        }
        self.init(projected: projected, method: method, status: target.isMet(by: projected) ? .onTrack : .offTrack, reason: nil)
    }

    /// Why no earlier year gives a number to project from, said as what the years hold ("2020: a
    /// figure but no base or stated percentage"), and which later year has a figure, if one does.
    static func nothingToProjectFrom(_ dataset: Dataset, target o: Observation, isRate: Bool) -> String {
        let rows = dataset.headlineRows(indicator: o.indicator, region: o.region).map { dataset[$0] }
        let earlier = rows.filter { $0.year < o.year }.reversed()
        // "a rate" only when some earlier year has something that is not one: then the word matters.
        var text = "no earlier year has a \(isRate && !earlier.isEmpty ? "rate" : "figure") to project from"
        if !earlier.isEmpty {
            let said = earlier.prefix(3).map { e in
                "\(e.year): " + (isRate && e.value != nil && e.rateReading == nil ? "a figure but no base or stated percentage" : e.contents)
            }
            text += " (" + said.joined(separator: "; ") + (earlier.count > 3 ? "; \(earlier.count - 3) more years" : "") + ")"
        }
        let later = rows.filter { $0.year > o.year && (isRate ? $0.rateReading != nil : $0.value != nil) }.map { String($0.year) }
        if !later.isEmpty { text += "; " + later.joined(separator: ", ") + (later.count == 1 ? " has one" : " have one") + ", after the target's year" }
        return text
    }

    init(projected: Double?, method: ProjectionMethod?, status: Status, reason: String?) {
        self.projected = projected
        self.method = method
        self.status = status
        self.reason = reason
    }
}
