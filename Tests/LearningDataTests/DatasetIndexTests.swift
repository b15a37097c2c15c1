import Testing
@testable import LearningData

@Suite("The columnar dataset and its indexes")
struct DatasetIndexTests {
    let dataset: Dataset

    init() throws {
        dataset = try Dataset.embedded()
    }

    @Test("rows of an indicator in a year are exactly those a scan finds, sorted by region")
    func indicatorYear() {
        for indicator in dataset.catalogue.indicators {
            for year in 2010...2025 {
                let indexed = Array(dataset.rows(indicator: indicator.id, year: year))
                let scanned = (0..<dataset.count).filter { dataset.indicator(at: $0).id == indicator.id && Int(dataset.columns.year[$0]) == year }
                #expect(indexed == scanned)
                let regions = indexed.map { dataset.columns.region[$0] }
                #expect(regions == regions.sorted())
            }
        }
    }

    @Test("rows of a region, and of an indicator for a region, are those a scan finds")
    func region() {
        for region in dataset.gazetteer.regions {
            let scanned = (0..<dataset.count).filter { dataset.region(at: $0).id == region.id }
            #expect(dataset.rows(region: region.id).map(Int.init) == scanned)
            for indicator in dataset.catalogue.indicators {
                let both = scanned.filter { dataset.indicator(at: $0).id == indicator.id }
                #expect(dataset.rows(indicator: indicator.id, region: region.id).map(Int.init) == both)
            }
        }
        #expect(dataset.rows(region: "nowhere").isEmpty)
        #expect(dataset.rows(indicator: "nothing").isEmpty)
    }

    @Test("every observation survives the columns unchanged")
    func roundTrip() throws {
        var builder = DatasetBuilder(gazetteer: dataset.gazetteer, catalogue: dataset.catalogue)
        let observations = dataset.observations
        for (line, o) in observations.reversed().enumerated() { try builder.append(o, line: line) }
        let rebuilt = try builder.build(name: "rebuilt")
        #expect(rebuilt.observations == observations)
    }

    @Test("years before zero, far back and recent sort in order, and each year's block is found")
    func yearOrder() throws {
        var builder = DatasetBuilder(gazetteer: dataset.gazetteer)
        for year in [2020, -5, 10, 1999, -300] {
            try builder.append(Observation(region: "bac-kan", indicator: "members", year: year, value: Double(year)))
        }
        let built = try builder.build(name: "years")
        #expect(built.columns.year.map(Int.init) == [-300, -5, 10, 1999, 2020])
        for year in [-300, -5, 10, 1999, 2020] {
            #expect(built.rows(indicator: "members", year: year).map { built.columns.value[$0] } == [Double(year)])
        }
    }

    @Test("missing numbers are nil, never zero")
    func missing() throws {
        let community = try #require(dataset.observation(indicator: "learning_community", region: "ho-chi-minh/binh-thanh", year: 2022))
        #expect(community.value == nil)
        #expect(community.base == nil)
        #expect(community.rate == nil)
        #expect(community.statedPercent?.value == 100)
    }

    @Test("two rows with the same region, indicator, year, period and scope are refused with both lines")
    func duplicates() throws {
        var builder = DatasetBuilder(gazetteer: dataset.gazetteer)
        let o = Observation(region: "bac-kan", indicator: "members", year: 2017, value: 1)
        try builder.append(o, line: 2)
        try builder.append(Observation(region: "bac-kan", indicator: "members", year: 2017, scope: "a part", value: 1), line: 3)
        try builder.append(o, line: 7)
        #expect(throws: BuildError.duplicates([(2, 7)])) { try builder.build(name: "x") }
        #expect(throws: BuildError.unknownRegion("atlantis")) {
            try builder.append(Observation(region: "atlantis", indicator: "members", year: 2017), line: 8)
        }
    }
}
