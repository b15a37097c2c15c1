import Foundation
import Testing
import LearningData
@testable import LearningExtract

let extractTests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let packageFolder = extractTests.deletingLastPathComponent().deletingLastPathComponent()

/// A figure as the measure compares it: indicator, region, year and value.
struct FigureKey: Hashable, CustomStringConvertible {
    let indicator: String, region: String, year: Int, value: Double
    var description: String { "\(indicator) \(region) \(year) \(value)" }
}

/// Recall (figures of the reference found) and precision (high-confidence rows that are right).
struct Measure {
    let found: Int, total: Int, right: Int, high: Int
    let missed: [FigureKey], wrong: [String]
    var recall: Double { total == 0 ? 0 : Double(found) / Double(total) }
    var precision: Double { high == 0 ? 1 : Double(right) / Double(high) }

    /// With EXTRACT_REPORT=FILE, writes what was missed (with the drafts of the same number) and what was
    /// wrong, for the one improving the extractor.
    func writeReport(_ drafts: [DraftFigure]) throws {
        guard let path = ProcessInfo.processInfo.environment["EXTRACT_REPORT"] else { return }
        let lines = missed.map { k in k.description + " ← " + drafts.filter { $0.value == k.value || $0.base == k.value }
            .map { "\($0.indicator)|\($0.region)|\($0.year ?? 0)|\($0.confidence)|\($0.reason)|\($0.quote.prefix(80))" }.joined(separator: " ; ") }
        try ("missed:\n" + lines.joined(separator: "\n") + "\nwrong:\n" + wrong.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func of(_ drafts: [DraftFigure], against reference: [FigureKey], regionKey: (String) -> String) -> Measure {
        let wanted = Set(reference)
        let drafted = drafts.compactMap { d -> FigureKey? in
            guard let year = d.year, let value = d.value, !d.indicator.isEmpty else { return nil }
            return FigureKey(indicator: d.indicator, region: regionKey(d.region), year: year, value: value)
        }
        let got = Set(drafted)
        let highs = drafts.filter { $0.confidence == .high && $0.value != nil }
        let wrong = highs.filter { d in
            guard let year = d.year, let value = d.value else { return true }
            return !wanted.contains(FigureKey(indicator: d.indicator, region: regionKey(d.region), year: year, value: value))
        }
        return Measure(found: wanted.intersection(got).count, total: wanted.count, right: highs.count - wrong.count, high: highs.count,
                       missed: reference.filter { !got.contains($0) }, wrong: wrong.map { "\($0.indicator) \($0.region) \($0.year ?? 0) \($0.value ?? 0): \($0.quote.prefix(90))" })
    }
}

@Suite("Extraction measured on the seed reports")
struct SeedRecallTests {
    /// The seeds' printed figures (not derived), by document.
    static func reference() throws -> [String: [FigureKey]] {
        let dataset = try Dataset.embedded()
        var out: [String: [FigureKey]] = [:]
        for row in 0..<dataset.count where dataset[row].derivation == nil {
            guard let value = dataset.value(at: row), let document = dataset[row].provenance?.document else { continue }
            out[document, default: []].append(FigureKey(indicator: dataset.indicator(at: row).id.rawValue, region: dataset.region(at: row).id.rawValue,
                                                        year: Int(dataset.columns.year[row]), value: value))
        }
        return out
    }

    @Test("recall and high-confidence precision on the five seed reports")
    func seeds() throws {
        let dataset = try Dataset.embedded()
        let extractor = Extractor(regions: .gazetteer(dataset.gazetteer))
        var drafts: [DraftFigure] = []
        var reference: [FigureKey] = []
        for (document, figures) in try Self.reference().sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOf: packageFolder.appendingPathComponent("seeds/\(document)"), encoding: .utf8)
            drafts += extractor.extract(text, document: document).figures
            reference += figures
        }
        let m = Measure.of(drafts, against: reference) { $0 }
        print("extraction on the seeds: recall \(m.found)/\(m.total) = \(String(format: "%.1f", m.recall * 100)) %, high-confidence precision \(m.right)/\(m.high) = \(String(format: "%.1f", m.precision * 100)) %")
        try m.writeReport(drafts)
        // Floors at what the extractor reaches (the README states it): a change that loses figures fails.
        #expect(m.recall >= 0.9, "recall \(m.found)/\(m.total)")
        #expect(m.precision >= 0.95, "high-confidence precision \(m.right)/\(m.high)")
    }
}
