/// What a dataset holds, computed from it: counts by document, the years covered, and every stated
/// percentage that disagrees with its own numbers.
public struct DatasetSummary: Sendable {
    /// One stated percentage that its own numbers do not give.
    public struct Disagreement: Sendable, Hashable {
        /// The observation.
        public let observation: Observation
        /// What was printed.
        public let stated: StatedPercent
        /// What the row's numbers give, in percent.
        public let computed: Double
    }

    /// The dataset's name.
    public let name: String
    /// How many regions and indicators the dataset knows, and how many indicators it uses.
    public let regionCount: Int, indicatorCount: Int, indicatorsUsed: Int
    /// How many observations, and how many of them are derived rather than printed.
    public let figureCount: Int, derivedCount: Int
    /// Observations per document (rows with no document under "").
    public let figuresByDocument: [(document: String, count: Int)]
    /// The years covered.
    public let years: [Int]
    /// Stated percentages with their numbers, and how many of them agree.
    public let checkedPercentages: Int
    /// Those that disagree, in row order.
    public let disagreements: [Disagreement]
    /// Stated percentages that cannot be checked because a number is not printed.
    public let uncheckable: Int

    /// Computes the summary in one pass over the rows.
    public init(_ dataset: Dataset) {
        name = dataset.name
        regionCount = dataset.gazetteer.count
        indicatorCount = dataset.catalogue.count
        years = dataset.years
        var byDocument: [String: Int] = [:]
        var derived = 0, checked = 0, uncheckable = 0
        var used = Set<IndicatorCatalogue.Index>()
        var disagreements: [Disagreement] = []
        for row in 0..<dataset.count {
            let o = dataset[row]
            used.insert(dataset.columns.indicator[row])
            byDocument[o.provenance?.document ?? "", default: 0] += 1
            if o.isDerived { derived += 1 }
            guard let stated = o.statedPercent else { continue }
            guard let computed = o.computedPercent else { uncheckable += 1; continue }
            checked += 1
            if !stated.agreement(with: computed).agrees {
                disagreements.append(Disagreement(observation: o, stated: stated, computed: computed))
            }
        }
        indicatorsUsed = used.count
        figureCount = dataset.count
        derivedCount = derived
        figuresByDocument = byDocument.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        checkedPercentages = checked
        self.uncheckable = uncheckable
        self.disagreements = disagreements
    }

    /// A plain-text report.
    public func text(style: NumberStyle) -> String {
        var lines: [String] = []
        lines.append("Dataset: \(name)")
        let span = years.first.map { first in years.last.map { $0 == first ? "\(first)" : "\(first)–\($0)" } ?? "" } ?? "none"
        lines.append("\(figureCount) figures (\(derivedCount) derived), \(regionCount) regions, \(indicatorsUsed) of \(indicatorCount) indicators used, years \(span)")
        lines.append("")
        lines.append("Figures by document:")
        for (document, count) in figuresByDocument {
            lines.append("  \(document.isEmpty ? "(no document)" : document)  \(count)")
        }
        lines.append("")
        lines.append("Stated percentages: \(checkedPercentages) checked, \(checkedPercentages - disagreements.count) agree, \(disagreements.count) disagree, \(uncheckable) cannot be checked (a number is not printed)")
        for d in disagreements {
            let o = d.observation
            lines.append("  \(o.region) \(o.indicator) \(o.year): printed \(d.stated.text), its numbers give \(NumberWriter.percent(d.computed, style: style, fractionDigits: 2))")
        }
        return lines.joined(separator: "\n")
    }
}
