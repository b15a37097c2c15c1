import Foundation
import Testing
@testable import LearningData

/// The package's root folder, found from this file's path (tests read `seeds/` to compare).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("The seeds' dataset")
struct SeedDatasetTests {
    let dataset: Dataset

    init() throws {
        dataset = try Dataset.embedded()
    }

    @Test("the embedded files are the files of seeds/, byte for byte")
    func embeddedMatchesFolder() throws {
        let folder = packageRoot.appendingPathComponent("seeds")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }.sorted()
        #expect(Seeds.files.map(\.name) == onDisk)
        for (name, contents) in Seeds.files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(Array(contents.utf8) == [UInt8](bytes), "\(name) differs from its embedded copy")
        }
        #expect(Seeds.files.filter { $0.name.hasSuffix(".txt") }.count == 5)
    }

    @Test("every figure has a document and a quote that stands in it word for word")
    func quotesAreVerbatim() throws {
        for o in dataset.observations {
            let provenance = try #require(o.provenance, "\(o.region) \(o.indicator) \(o.year) has no provenance")
            let document = try #require(Seeds.file(named: provenance.document))
            #expect(!provenance.quote.isEmpty)
            for fragment in provenance.fragments {
                #expect(document.contains(fragment), "not in \(provenance.document): \(fragment)")
            }
        }
    }

    @Test("the numbers of every printed figure are read from its quote")
    func numbersComeFromQuotes() throws {
        for o in dataset.observations where !o.isDerived {
            let quote = try #require(o.provenance?.quote)
            let numbers = VietnameseNumberReader.numbers(in: quote)
            let plain = numbers.filter { !$0.isPercent }.map(\.value)
            let percents = numbers.filter(\.isPercent).map(\.value)
            let label = "\(o.region) \(o.indicator) \(o.year) \(o.scope ?? "")"
            for figure in [o.value, o.valueMax, o.base].compactMap({ $0 }) {
                #expect(plain.contains(figure), "\(label): \(figure) is not in “\(quote)”")
            }
            if let target = o.target {
                let pool = target.isRate ? percents : plain
                #expect(pool.contains(target.value), "\(label): target \(target.value) is not in the quote")
                if let high = target.upperBound { #expect(pool.contains(high), "\(label): target end \(high)") }
            }
            if let stated = o.statedPercent {
                #expect(quote.contains(stated.text), "\(label): \(stated.text) is not printed in the quote")
            }
            if let change = o.statedChange { #expect(quote.contains(change.text), "\(label): the stated change") }
        }
    }

    @Test("every stated percentage agrees with its numbers, or the row says it does not")
    func statedPercentages() {
        var disagreeing: [String] = []
        for o in dataset.observations {
            guard let agreement = o.percentAgreement else { continue }
            if agreement.agrees {
                #expect(o.discrepancy == nil, "\(o.region) \(o.indicator) \(o.year) agrees but is marked as a discrepancy")
            } else {
                #expect(o.discrepancy != nil, "\(o.region) \(o.indicator) \(o.year): \(o.statedPercent?.text ?? "") disagrees and is not marked")
                disagreeing.append("\(o.region) \(o.indicator) \(o.year)")
            }
        }
        #expect(disagreeing.sorted() == [
            "bac-kan/bac-kan learning_community 2017",
            "binh-thuan/tuy-phong/lien-huong fund_raised 2018",
            "binh-thuan/tuy-phong/lien-huong learning_family 2016",
            "binh-thuan/tuy-phong/lien-huong learning_family 2018",
        ])
        // A marked discrepancy must be a real one.
        for o in dataset.observations where o.discrepancy != nil {
            #expect(o.percentAgreement?.agrees == false, "\(o.region) \(o.indicator) \(o.year) is marked but agrees")
        }
    }

    @Test("figures as the documents give them", arguments: [
        ("binh-thuan/tuy-phong/lien-huong", "learning_family", 2016, 2631.0, 7106.0),
        ("binh-thuan/tuy-phong/lien-huong", "learning_family", 2018, 5658, 7862),
        ("binh-thuan/tuy-phong/lien-huong", "learning_community", 2018, 8, 14),
        ("ho-chi-minh/binh-thanh", "learning_family", 2022, 51119, 66328),
        ("ho-chi-minh/binh-thanh", "learning_unit", 2022, 117, 124),
        ("bac-kan/bac-kan", "learning_family", 2017, 8511, 8760),
        ("bac-kan/bac-kan", "learning_community", 2017, 98, 123),
    ])
    func figures(region: String, indicator: String, year: Int, value: Double, base: Double) throws {
        let o = try #require(dataset.observation(indicator: IndicatorID(indicator), region: RegionID(region), year: year))
        #expect(o.value == value)
        #expect(o.base == base)
        #expect(!o.isDerived)
    }

    @Test("targets, qualifiers and percent bases")
    func targets() throws {
        let fund = try #require(dataset.observation(indicator: "fund_raised", region: "binh-thuan/tuy-phong/lien-huong", year: 2018))
        #expect(fund.value == 97_290_000)
        #expect(fund.target == Target(value: 60_000_000, isRate: false))
        #expect(fund.percentOf == .target)
        #expect(fund.statedPercent?.text == "162,81%")
        let family = try #require(dataset.observation(indicator: "learning_family", region: "ho-chi-minh/binh-thanh", year: 2022))
        #expect(family.target == Target(value: 75, isRate: true))
        #expect(family.baseKind == .registered)
        let kienHai = try #require(dataset.observation(indicator: "fund_raised", region: "kien-giang/kien-hai", year: 2021))
        #expect(kienHai.value == nil)
        #expect(kienHai.target == Target(value: 800_000_000, isRate: false, comparison: .atLeast))
        let recognised = try #require(dataset.observation(indicator: "learning_family", region: "kien-giang/kien-hai", year: 2021))
        #expect(recognised.target == Target(value: 92, isRate: true, comparison: .above))
        let raised2020 = try #require(dataset.observation(indicator: "fund_raised", region: "kien-giang/kien-hai", year: 2020))
        #expect(raised2020.qualifier == .over)
        #expect(raised2020.value == 841_000_000)
        let citizens = try #require(dataset.observation(indicator: "learning_citizen", region: "yen-bai", year: 2021,
                                                        scope: "tham gia thí điểm tại huyện Trấn Yên và thành phố Yên Bái"))
        #expect(citizens.target?.value == 800)
        #expect(citizens.target?.upperBound == 1000)
        #expect(citizens.period == .years(2020, 2021))
    }

    @Test("implied figures are stored as derived, with their rule")
    func derived() throws {
        let clans2021 = try #require(dataset.observation(indicator: "learning_clan", region: "ho-chi-minh/binh-thanh", year: 2021))
        #expect(clans2021.value == 43)
        #expect(clans2021.derivation?.contains("54 − 11") == true)
        let members2016 = try #require(dataset.observation(indicator: "members", region: "bac-kan/bac-kan", year: 2016))
        #expect(members2016.value == 9804)
        #expect(members2016.isDerived)
        // The derived value follows from the stated change of the year after.
        let members2017 = try #require(dataset.observation(indicator: "members", region: "bac-kan/bac-kan", year: 2017))
        let change = try #require(members2017.statedChange)
        #expect(change.referenceYear(from: 2017) == 2016)
        #expect(members2017.value.map { $0 - (change.absoluteChange ?? 0) } == 9804)
        for o in dataset.observations where o.isDerived { #expect(o.derivation?.isEmpty == false) }
        #expect(dataset.observations.filter(\.isDerived).count == 5)
    }

    @Test("an ambiguous “tăng 5,04%” is kept as a statement and no number is made of it")
    func ambiguousChange() throws {
        let family = try #require(dataset.observation(indicator: "learning_family", region: "bac-kan/bac-kan", year: 2017))
        let change = try #require(family.statedChange)
        #expect(change.text == "tăng 5,04% so với cùng kỳ")
        #expect(change.isAmbiguous)
        #expect(change.absoluteChange == nil)
        #expect(dataset.observation(indicator: "learning_family", region: "bac-kan/bac-kan", year: 2016) == nil)
    }

    @Test("figures per document")
    func counts() {
        let byDocument = Dictionary(grouping: dataset.observations) { $0.provenance?.document ?? "" }.mapValues(\.count)
        #expect(byDocument == ["000_f9252790b17971d2.txt": 23, "001_56ab86ef1f56db90.txt": 27, "002_ec29407104b3e549.txt": 26,
                               "003_093fef93b9de6433.txt": 9, "004_04ab0f4d7423921a.txt": 10])
        #expect(dataset.years == [2016, 2017, 2018, 2020, 2021, 2022])
    }

    @Test("the twelve headline indicators are in the catalogue, each used by the seeds")
    func catalogue() {
        let headline = ["learning_family", "learning_clan", "learning_community", "learning_unit", "learning_citizen", "members",
                        "new_members", "chapters", "fund_raised", "scholarships", "clc_classes", "clc_attendance"]
        for id in headline {
            #expect(dataset.catalogue[IndicatorID(id)] != nil, "\(id)")
            #expect(!dataset.rows(indicator: IndicatorID(id)).isEmpty, "\(id) has no figure")
        }
    }

    @Test("the summary reports what the data holds")
    func summary() {
        let summary = DatasetSummary(dataset)
        #expect(summary.figureCount == 95)
        #expect(summary.derivedCount == 5)
        #expect(summary.disagreements.count == 4)
        #expect(summary.text(style: .vi).contains("printed 162,81%, its numbers give 162,15%"))
    }
}
