import LearningData

/// Why a region has no score, said as what its years hold: "2021: only a target; no other year has a
/// figure", "2019: only a target; 2018 has a rate". A reason that only said "no figure is printed"
/// would hide what the year does hold and which year has the figure.
struct UnrankedReason {
    /// The reason, ready for a note.
    let text: String

    /// - Parameters:
    ///   - rows: the region's headline rows of the indicator, in year order.
    ///   - tried: the rows the alignment admitted and the measure could not score, latest first, each
    ///     with what it holds.
    ///   - otherPeriods: the periods of the region's figures the period choice left out.
    init(_ dataset: Dataset, rows: [Int], tried: [(observation: Observation, why: String)], measure: RankingMeasure, alignment: YearAlignment,
         otherPeriods: [Period] = [], choice: PeriodChoice = .years) {
        var parts: [String] = []
        if tried.isEmpty, case let .only(p) = choice {
            parts.append("nothing for \(p)")
        } else if tried.isEmpty {
            switch alignment {
            case let .year(y): parts.append("nothing for \(y)")
            case let .asOf(y): parts.append("nothing up to \(y)")
            case .latest: parts.append("no figure in any year")
            }
        } else {
            // Years that hold the same are said once: "2016, 2017: a figure but the population is not known".
            var groups: [(years: [Int], why: String)] = []
            for (o, why) in tried {
                if let k = groups.firstIndex(where: { $0.why == why }) { groups[k].years.append(o.year) } else { groups.append(([o.year], why)) }
            }
            parts += groups.map { $0.years.sorted().map(String.init).joined(separator: ", ") + ": " + $0.why }
        }
        // The other years, nearest first: which has the figure the year asked for lacks.
        let triedYears = Set(tried.map(\.observation.year))
        let anchor = tried.first?.observation.year ?? alignment.year ?? Int.max
        let others = rows.map { dataset[$0] }.filter { !triedYears.contains($0.year) }
            .sorted { abs($0.year - anchor) != abs($1.year - anchor) ? abs($0.year - anchor) < abs($1.year - anchor) : $0.year > $1.year }
        for o in others.prefix(2) {
            switch measure.score(o, dataset) {
            case .success: parts.append("\(o.year) has a \(measure.noun)")
            case let .failure(unscored): parts.append("\(o.year): \(unscored.reason)")
            }
        }
        if others.count > 2 { parts.append("\(others.count - 2) more years") }
        let anyFigure = (tried.map(\.observation) + others).contains { $0.value != nil || $0.statedPercent != nil }
        if !anyFigure, !rows.isEmpty { parts.append(tried.isEmpty ? "no year has a figure" : "no other year has a figure") }
        if !otherPeriods.isEmpty {
            // Figures for other periods are there, but not like the ones compared: say so, and how to take them.
            var seen = Set<Period>()
            let listed = otherPeriods.reversed().filter { seen.insert($0).inserted }.map { "\($0) (\($0.kindName))" }
            let compared = choice.year == nil ? "single years" : "\(choice)"
            parts.append("a figure for " + listed.joined(separator: ", ") + ", not ranked with \(compared)")
        }
        text = parts.joined(separator: "; ")
    }
}

extension YearAlignment {
    /// The one year asked for, or the year up to which; nil for each region's latest.
    var year: Int? {
        switch self {
        case let .year(y), let .asOf(y): y
        case .latest: nil
        }
    }
}
