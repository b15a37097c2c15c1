import Testing
import TestSupport
import LearningData
@testable import LearningRanking


/// Communes with a value each for clc_classes in 2020 (and 2021 when given).
func communes(_ values: [(String, Double)], year: Int = 2020, more: [(String, Double, Int)] = []) throws -> Dataset {
    var regions = [Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil),
                   Region(id: "p", name: "Tỉnh P", kind: .province, parent: "vn")]
    let names = Set(values.map(\.0) + more.map(\.0)).sorted()
    regions += names.map { Region(id: RegionID("p/\($0)"), name: $0, kind: .commune, parent: "p") }
    var builder = DatasetBuilder(gazetteer: try Gazetteer(regions))
    for (name, value) in values { try builder.append(Observation(region: RegionID("p/\(name)"), indicator: "clc_classes", year: year, value: value)) }
    for (name, value, y) in more { try builder.append(Observation(region: RegionID("p/\(name)"), indicator: "clc_classes", year: y, value: value)) }
    return try builder.build(name: "communes")
}

@Suite("Ranking regions")
struct RankingTests {
    @Test("tie methods as pandas names them", arguments: [
        (TieMethod.competition, [1.0, 2, 2, 4]), (.dense, [1, 2, 2, 3]), (.ordinal, [1, 2, 3, 4]), (.average, [1, 2.5, 2.5, 4]), (.max, [1, 3, 3, 4]),
    ])
    func ties(method: TieMethod, ranks: [Double]) throws {
        let data = try communes([("A", 30), ("B", 20), ("C", 20), ("D", 10)])
        let ranking = try Ranking(data, indicator: "clc_classes", measure: .value, year: .year(2020), level: .only(.commune), ties: method)
        #expect(ranking.entries.map(\.rank) == ranks)
        #expect(ranking.entries.map(\.region.name) == ["A", "B", "C", "D"])
        #expect(TieMethod(name: "min") == .competition)
        #expect(TieMethod(name: "first") == .ordinal)
    }

    @Test("percent rank: the share of the others a region is ahead of")
    func percentiles() throws {
        let data = try communes([("A", 30), ("B", 20), ("C", 20), ("D", 10)])
        let ranking = try Ranking(data, indicator: "clc_classes", measure: .value, year: .year(2020))
        #expect(zip(ranking.entries.map(\.percentile), [100, 100.0 / 3, 100.0 / 3, 0]).allSatisfy { close($0, $1) })
        let ascending = try Ranking(data, indicator: "clc_classes", measure: .value, year: .year(2020), direction: .ascending)
        #expect(ascending.entries.first?.region.name == "D")
    }

    @Test("property: ordinal ranks are a permutation; competition ranks skip after ties", arguments: 0..<50)
    func property(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let values = (0..<12).map { ("R\($0)", Double(generator.next() % 5)) }
        let data = try communes(values)
        let ordinal = try Ranking(data, indicator: "clc_classes", measure: .value, year: .year(2020), ties: .ordinal)
        #expect(ordinal.entries.map(\.rank) == (1...12).map(Double.init))
        let competition = try Ranking(data, indicator: "clc_classes", measure: .value, year: .year(2020))
        for (i, e) in competition.entries.enumerated() {
            let better = competition.entries.filter { $0.score > e.score }.count
            #expect(e.rank == Double(better + 1), "entry \(i)")
        }
    }

    @Test("one year for all: regions without it are listed as missing, with the years they do have")
    func oneYear() throws {
        let data = try communes([("A", 3), ("B", 5)], more: [("C", 7, 2019)])
        let ranking = try Ranking(data, indicator: "clc_classes", measure: .value, year: .year(2020), level: .only(.commune))
        #expect(ranking.entries.map(\.region.name) == ["B", "A"])
        #expect(ranking.missing.map(\.reason) == ["nothing for 2020; 2019 has a figure"])
        #expect(!ranking.yearsDiffer)
        let latest = try Ranking(data, indicator: "clc_classes", measure: .value, year: .latest, level: .only(.commune))
        #expect(latest.entries.map(\.region.name) == ["C", "B", "A"])
        #expect(latest.yearsDiffer)
        #expect(throws: RankingError.unknownIndicator("clc_clases", suggestions: ["clc_classes"])) {
            try Ranking(data, indicator: "clc_clases")
        }
    }

    @Test("the seeds by learning-family rate in each region's latest year, years shown")
    func seedsLatest() throws {
        let data = try Dataset.embedded()
        let ranking = try Ranking(data, indicator: "learning_family")
        // Three districts and a township have figures: the districts are ranked, Liên Hương left out.
        #expect(ranking.levels.level == .district)
        #expect(ranking.levels.leftOut.map(\.id) == ["binh-thuan/tuy-phong/lien-huong"])
        #expect(ranking.entries.map(\.region.id) == ["bac-kan/bac-kan", "ho-chi-minh/binh-thanh"])
        #expect(ranking.entries.map(\.year) == [2017, 2022])
        #expect(close(ranking.entries[0].score, 97.15753424657534))
        #expect(close(ranking.entries[1].score, 77.07001567965264))
        #expect(ranking.yearsDiffer)
        #expect(ranking.missing.map(\.region.id) == ["kien-giang/kien-hai"])
        #expect(ranking.missing.first?.reason == "2021: only a target; no other year has a figure")
        let all = try Ranking(data, indicator: "learning_family", level: .any)
        #expect(all.entries.map(\.region.id) == ["bac-kan/bac-kan", "ho-chi-minh/binh-thanh", "binh-thuan/tuy-phong/lien-huong"])
        #expect(close(all.entries[2].score, 5658.0 / 7862 * 100))
    }

    @Test("per capita from members' stated share of the population, and attainment")
    func otherMeasures() throws {
        let data = try Dataset.embedded()
        let perCapita = try Ranking(data, indicator: "members", measure: .perCapita, level: .any)
        #expect(perCapita.entries.map(\.region.name) == ["Bình Thạnh", "Liên Hương", "Kiên Hải"])
        #expect(close(perCapita.entries[0].score, 16.02))
        #expect(perCapita.entries.allSatisfy { $0.isIndirect })
        #expect(perCapita.missing.map(\.region.name) == ["Bắc Kạn"])
        let attainment = try Ranking(data, indicator: "fund_raised", measure: .attainment, level: .any)
        #expect(attainment.entries.map(\.region.name) == ["Liên Hương"])
        #expect(close(attainment.entries[0].score, 162.15))
    }

    @Test("change of rank between two years")
    func rankChange() throws {
        let data = try communes([("A", 30), ("B", 20), ("C", 10)], more: [("A", 5, 2021), ("B", 25, 2021), ("C", 15, 2021)])
        let change = try RankChange(data, indicator: "clc_classes", measure: .value, from: 2020, to: 2021, level: .only(.commune))
        #expect(change.moves.map(\.region.name) == ["B", "C", "A"])
        #expect(change.moves.map(\.placesGained) == [1, 1, -2])
        #expect(change.moves.map(\.scoreChange) == [5, 5, -25])
    }

    @Test("a composite index: min-max normalised, weighted, coverage shown")
    func composite() throws {
        var regions = [Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil)]
        regions += ["A", "B", "C"].map { Region(id: RegionID($0), name: $0, kind: .province, parent: "vn") }
        var builder = DatasetBuilder(gazetteer: try Gazetteer(regions))
        for (r, v) in [("A", 10.0), ("B", 20), ("C", 30)] { try builder.append(Observation(region: RegionID(r), indicator: "clc_classes", year: 2020, value: v)) }
        for (r, v) in [("A", 300.0), ("B", 100)] { try builder.append(Observation(region: RegionID(r), indicator: "clc_attendance", year: 2020, value: v)) }
        let index = try CompositeIndex(try builder.build(name: "c"), components: [
            CompositeComponent("clc_classes", measure: .value, weight: 1),
            CompositeComponent("clc_attendance", measure: .value, weight: 3),
        ], year: .year(2020))
        // A: classes 0, attendance 100 → (0 + 300)/4 = 75. B: 50 and 0 → 12,5. C: classes only, 100.
        #expect(index.entries.map(\.region.name) == ["C", "A", "B"])
        #expect(index.entries.map(\.score) == [100, 75, 12.5])
        #expect(index.entries.map(\.coverage) == [1, 2, 2])
    }
}

@Suite("Regions side by side")
struct ComparisonTests {
    @Test("Bình Thạnh and Bắc Kạn: the shared indicators, each from its own year, and the table says the years differ")
    func binhThanhBacKan() throws {
        let data = try Dataset.embedded()
        let (regions, notes) = try RegionComparison.resolve(["Bình Thạnh", "Bắc Kạn"], in: data.gazetteer)
        #expect(regions.map(\.id) == ["ho-chi-minh/binh-thanh", "bac-kan/bac-kan"])
        #expect(notes == ["“Bắc Kạn” is taken as thành phố Bắc Kạn (id bac-kan/bac-kan), the district like the others; not tỉnh Bắc Kạn (id bac-kan)"])
        let comparison = try RegionComparison(data, regions: regions.map(\.id))
        #expect(comparison.rows.map(\.indicator.id) == ["learning_family", "learning_clan", "learning_community", "learning_unit",
                                                         "members", "chapters", "scholarships"])
        #expect(comparison.yearsDiffer)
        let family = comparison.rows[0]
        #expect(family.cells.map { $0?.year } == [2022, 2017])
        #expect(family.yearsDiffer)
        #expect(family.comparesRates)
        #expect(close(family.rateDifferencePoints, 77.07001567965264 - 97.15753424657534))
        #expect(family.valueDifference == Double(51119 - 8511))
        #expect(family.leader == 1)
        let members = try #require(comparison.rows.first { $0.indicator.id == "members" })
        #expect(!members.comparesRates)
        #expect(members.leader == 0)
    }

    @Test("an ambiguous name without peers to settle it stays an error")
    func ambiguous() throws {
        let g = try Dataset.embedded().gazetteer
        #expect(throws: RegionLookupError.self) { try RegionComparison.resolve(["Bắc Kạn"], in: g) }
        #expect(throws: RegionLookupError.self) { try RegionComparison.resolve(["Bắc Kạn", "Yên Bái"], in: g) }
        #expect(throws: RegionLookupError.self) { try RegionComparison.resolve(["Bắc Kạn", "Hán Đà"], in: g) }
    }
}

