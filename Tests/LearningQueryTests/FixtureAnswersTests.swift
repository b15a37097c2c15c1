import Foundation
import Testing
import LearningData
@testable import LearningQuery

/// Issue 12, items 3, 4 and 7, on the made-up province of `Fixtures/province-a`: An Phú with districts
/// and communes (Phú Lộc a township), Bình Yên reporting its own totals with no districts, Hà Lâm, and
/// districts where only some give a base, a "gần" figure, a year with only targets.
@Suite("Right answers on a real analyst's data (fixture province-a)")
struct FixtureAnswersTests {
    let session: QuerySession

    init() throws {
        session = QuerySession(dataset: try fixtureDatasets("province-a"), settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
    }

    func table(_ query: String) throws -> Table {
        guard case let .table(table) = try session.evaluate(query) else { throw FixtureError.notATable(query) }
        return table
    }

    /// The cells of one column, as plain text (numbers as CSV prints them, null empty).
    func column(_ t: Table, _ name: String) throws -> [String] {
        let k = try #require(t.columnIndex(name), "no column \(name) in \(t.columnNames)")
        return (0..<t.rowCount).map { ValueFormatter.plain(t.value(row: $0, column: k)) }
    }

    /// The row of a region, as column name → plain text.
    func row(_ t: Table, _ region: String) throws -> [String: String] {
        let names = try column(t, t.columnNames[0])
        let r = try #require(names.firstIndex(of: region), "no row \(region) in \(names)")
        return Dictionary(uniqueKeysWithValues: t.columnNames.indices.map { (t.columnNames[$0], ValueFormatter.plain(t.value(row: r, column: $0))) })
    }

    // MARK: 3. One level at a time

    @Test("rank keeps the level most regions share, names the others in a note and leaves them out")
    func rankOneLevel() throws {
        let t = try table("rank(learning_family, year: latest)")
        #expect(try column(t, "region") == ["Bắc Phong", "Lạc Thủy", "Tây Hà", "Kê Sát"])
        #expect(t.columnIndex("level") == nil)
        let note = try #require(t.notes.first { $0.hasPrefix("districts only") })
        for name in ["An Phú (province)", "Bình Yên (province)", "Phú Lộc (commune)"] { #expect(note.contains(name), "\(note)") }
    }

    @Test("level: \"any\" mixes the levels and shows each region's level")
    func rankAnyLevel() throws {
        let t = try table("rank(learning_family, year: latest, level: \"any\")")
        let regions = try column(t, "region"), levels = try column(t, "level")
        #expect(regions.count == 10)
        #expect(levels[try #require(regions.firstIndex(of: "An Phú"))] == "province")
        #expect(levels[try #require(regions.firstIndex(of: "Phú Lộc"))] == "commune")
        #expect(t.notes.contains { $0.hasPrefix("levels mixed") })
    }

    @Test("a level asked for is ranked alone, and rank_change ranks one level in both years")
    func rankLevelAsked() throws {
        #expect(try column(try table("rank(learning_family, year: 2020, level: \"province\")"), "region") == ["An Phú", "Bình Yên"])
        let change = try table("rank_change(learning_family, 2019, 2020)")
        #expect(try column(change, "region") == ["Bắc Phong", "Lạc Thủy", "Tây Hà"])
        #expect(change.notes.contains { $0.hasPrefix("districts only") })
        let any = try table("rank_change(learning_family, 2019, 2020, level: \"any\")")
        #expect(any.columnNames.prefix(2) == ["region", "level"])
    }

    @Test("compare leaves out a region of another level than most, and refuses two of different levels")
    func compareOneLevel() throws {
        let three = try table("compare(\"Tây Hà\", \"Nam Giang\", \"Phú Lộc\")")
        #expect(!three.columnNames.contains("Phú Lộc"))
        #expect(three.notes.contains { $0.contains("left out: Phú Lộc (commune)") })
        #expect(throws: QueryError.self) { try session.evaluate("compare(\"Tây Hà\", \"Phú Lộc\")") }
        let mixed = try table("compare(\"Tây Hà\", \"Phú Lộc\", level: \"any\")")
        #expect(mixed.columnNames.contains("Phú Lộc"))
        #expect(mixed.notes.contains { $0.contains("Phú Lộc is a commune") })
    }

    // MARK: 2. Periods are first-class

    @Test("a five-year total is not ranked with one year's figure; the reason names its period")
    func rankLikeWithLike() throws {
        let t = try table("rank(fund_raised, year: 2020, by: \"value\")")
        #expect(try column(t, "region") == ["Bình Yên"])
        #expect(t.columnIndex("period") == nil)
        #expect(t.notes.contains("not ranked: An Phú (nothing for 2020; a figure for 2016-2020 (5 years), not ranked with single years)"), "\(t.notes)")
    }

    @Test("periods: \"any\" ranks them together with a period column and a note; per: \"year\" averages the term")
    func rankAnyPeriods() throws {
        let any = try table("rank(fund_raised, year: 2020, by: \"value\", periods: \"any\")")
        #expect(try column(any, "region") == ["An Phú", "Bình Yên"])
        #expect(try column(any, "period") == ["2016-2020", ""])
        #expect(any.notes.contains { $0.hasPrefix("periods mixed (periods: \"any\"): besides whole years, 2016-2020 (5 years) ×1") })
        let yearly = try table("rank(fund_raised, year: 2020, by: \"value\", per: \"year\")")
        #expect(try column(yearly, "value") == ["5000000000", "4800000000"])
        #expect(try column(yearly, "basis") == ["printed, per year of 2016-2020", "printed"])
        let term = try table("rank(fund_raised, by: \"value\", periods: \"2016-2020\")")
        #expect(try column(term, "region") == ["An Phú"])
        #expect(throws: QueryError.self) { try session.evaluate("rank(fund_raised, year: 2019, periods: \"2016-2020\")") }
    }

    @Test("a year's roll-up leaves out a term's total and counts it; periods: \"any\" sums it and says so")
    func rollupPeriods() throws {
        let year = try table("rollup(fund_raised, 2020, \"country\")")
        #expect(try row(year, "Việt Nam")["value"] == "4800000000")
        #expect(year.notes.contains { $0.hasPrefix("left out: figures for other periods than the year 2020: 2016-2020 (5 years) ×1") }, "\(year.notes)")
        let any = try table("rollup(fund_raised, 2020, \"country\", periods: \"any\")")
        #expect(try row(any, "Việt Nam")["value"] == "29800000000")
        #expect(any.notes.contains { $0.hasPrefix("periods mixed") })
        // A half-year beside the year's own figure is not "left out": the region has its figure.
        let members = try table("rollup(members, 2016, \"province\")")
        #expect(!members.notes.contains { $0.hasPrefix("left out") })
    }

    @Test("the year-end stock is the series; the half-year is named beside it, and a term's flow is not a year")
    func seriesPeriods() throws {
        guard case let .series(s) = try session.evaluate("series(members, \"Đông Sơn\")") else { Issue.record("not a series"); return }
        #expect(s.points.map(\.value) == [8650])
        #expect(s.otherPeriods.map(\.period) == [.part(.half(1), of: 2016)])
        guard case let .series(fund) = try session.evaluate("series(fund_raised, \"An Phú\")") else { Issue.record("not a series"); return }
        #expect(fund.isEmpty && fund.otherPeriods.count == 1)
    }

    @Test("an answer that uses a figure two documents disagree on names the one it used")
    func conflictUsed() throws {
        let expected = "sources disagree: Kê Sát members 2020: 5350 from ha-lam-2021.txt used; ha-lam-2020.txt gives 5200"
        for query in ["rank(members, year: 2020, by: \"value\", level: \"district\")", "rollup(members, 2020, \"province\")"] {
            #expect(try table(query).notes.contains(expected), "\(query)")
        }
        #expect(try table("rank(members, year: 2021, by: \"value\", level: \"district\")").notes.allSatisfy { !$0.hasPrefix("sources disagree") })
    }

    @Test("W301 lists the years with a figure, not the years with only a target")
    func noFigureYears() throws {
        let outcome = try #require(session.run("value(learning_family, \"Nam Giang\", 2021)").first)
        let warning = try #require(outcome.warnings.first)
        #expect(warning.message.contains("(2021: only a target; years with a figure: 2019, 2020)"), "\(warning.message)")
    }

    // MARK: 4. Roll-ups that are internally consistent

    @Test("value, base and rate each say on how many regions they rest; the rate is over the regions that give both")
    func rollupCoverages() throws {
        // 2019: four districts of An Phú give a figure, only Tây Hà (4.800 of 6.000) a base.
        let t = try table("rollup(learning_family, 2019, \"province\")")
        let anPhu = try row(t, "An Phú")
        #expect(anPhu["value"] == "18200" && anPhu["value_coverage"] == "4 of 4 districts")
        #expect(anPhu["base"] == "6000" && anPhu["base_coverage"] == "1 of 4 districts")
        #expect(anPhu["rate"] == "80" && anPhu["rate_coverage"] == "1 of 4 districts")
        let country = try row(t, "Việt Nam")
        #expect(country["value"] == "25800" && country["value_coverage"] == "2 of 3 provinces")
        // Tây Hà's 4.800/6.000 and Bình Yên's 7.600/9.500: never 25.800 over 15.500.
        #expect(country["rate"] == PlainNumber.format((4800.0 + 7600) / (6000 + 9500) * 100))
        #expect(country["rate_coverage"] == "2 of 3 provinces (1 partial)")
        #expect(t.notes.contains { $0.hasPrefix("value and rate rest on different regions in An Phú, Việt Nam") })
    }

    @Test("a region that reports its own total is used as reported, the sum below beside it, a difference flagged")
    func rollupReported() throws {
        let districts = try table("rollup(learning_family, 2020, \"district\")")
        let tayHa = try row(districts, "Tây Hà")
        #expect(tayHa["value"] == "5100" && tayHa["value_coverage"] == "reported")
        #expect(tayHa["sum_below"] == "5000" && tayHa["differs"] == "true")
        // Đông Sơn reports nothing: its communes are summed, the one without a base left out of the rate.
        let dongSon = try row(districts, "Đông Sơn")
        #expect(dongSon["value"] == "9900" && dongSon["base"] == "8000" && dongSon["rate"] == "80" && dongSon["rate_coverage"] == "2 of 3 communes")
        let provinces = try table("rollup(learning_family, 2020, \"province\")")
        let anPhu = try row(provinces, "An Phú")
        #expect(anPhu["value"] == "20000" && anPhu["value_coverage"] == "reported")
        // Below it: Đông Sơn's communes (9.900), Tây Hà and Nam Giang as reported (5.100, 3.000).
        #expect(anPhu["sum_below"] == "18000")
        #expect(anPhu["differs"] == "false")   // Bắc Phong gives no figure: a smaller sum is no contradiction
        #expect(provinces.notes.contains { $0.contains("differ beyond rounding: Tây Hà (district)") })
    }

    @Test("a region whose children are not in the dataset is not dropped")
    func rollupKeepsLeaves() throws {
        let t = try table("rollup(learning_family, 2020, \"province\")")
        #expect(try column(t, "region") == ["An Phú", "Bình Yên", "Hà Lâm", "Việt Nam"])
        let binhYen = try row(t, "Bình Yên")
        #expect(binhYen["value"] == "7800" && binhYen["base"] == "10000" && binhYen["value_coverage"] == "reported")
        #expect(try row(t, "Việt Nam")["value"] == "29800")
    }

    // MARK: 7. Honest reasons and marks

    @Test("not ranked: what the year holds, and which other year has a figure", arguments: [
        ("rank(learning_family, year: latest)", "Nam Giang", "2021: only a target; 2019, 2020: a figure but no base or stated percentage to make a rate"),
        ("rank(learning_family, year: 2021)", "Bắc Phong", "2021: only a target; 2020 has a rate; 2019: a figure but no base or stated percentage to make a rate"),
        ("rank(learning_family, year: 2020, by: \"value\")", "Bắc Phong", "2020: only a stated percentage; 2021: only a target; 2019 has a figure"),
        ("rank(learning_family, year: 2021)", "Tây Hà", "nothing for 2021; 2020 has a rate; 2019 has a rate"),
    ])
    func notRanked(query: String, region: String, reason: String) throws {
        let t = try table(query)
        #expect(t.notes.contains("not ranked: \(region) (\(reason))"), "\(t.notes)")
    }

    @Test("no earlier figure: the reason says what the earlier years hold")
    func noEarlierFigure() throws {
        guard case let .record(r) = try session.evaluate("target(learning_family, \"Nam Giang\", 2021)") else { Issue.record("not a record"); return }
        #expect(r["reason"].map { ValueFormatter.plain($0) }
                == "no earlier year has a rate to project from (2020: a figure but no base or stated percentage; 2019: a figure but no base or stated percentage)")
    }

    @Test("a qualified figure keeps its qualifier in rank, compare, series and rollup, in every format", arguments: OutputFormat.allCases)
    func qualifiers(format: OutputFormat) throws {
        let s = QuerySession(dataset: try fixtureDatasets("province-a"), settings: OutputSettings(format: format, maxRows: nil, maxCellWidth: nil))
        for query in ["rank(members, level: \"province\", by: \"value\")", "compare(\"An Phú\", \"Bình Yên\")", "rollup(members, 2020, \"province\")"] {
            let text = s.render(try s.evaluate(query))
            #expect(text.contains("nearly"), "\(format): \(query)\n\(text)")
        }
        // A series says it in its note, in Vietnamese as the report prints it.
        #expect(s.render(try s.evaluate("series(members, \"An Phú\")")).contains("gần"))
    }

    @Test("a sum with a qualified figure in it is qualified")
    func qualifiedSums() throws {
        let t = try table("rollup(learning_family, 2020, \"province\")")
        #expect(try row(t, "An Phú")["qualifier"] == "nearly")
        #expect(try row(t, "Hà Lâm")["qualifier"] == "over")
        #expect(try row(t, "Việt Nam")["qualifier"] == "about")   // nearly and over together
    }

    @Test("percentiles to one decimal")
    func percentiles() throws {
        #expect(try column(try table("rank(learning_family, year: latest)"), "percentile") == ["100", "66.7", "33.3", "0"])
    }
}

enum FixtureError: Error {
    case notATable(String)
}

@Suite("Percentiles to one decimal")
struct PercentileTests {
    @Test("one decimal, and only the first and the last are 100 and 0, among a thousand regions")
    func manyRegions() throws {
        var regions = [Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil), Region(id: "p", name: "P", kind: .province, parent: "vn")]
        regions += (0..<2001).map { Region(id: RegionID("p/c\($0)"), name: "C\($0)", kind: .commune, parent: "p") }
        var builder = DatasetBuilder(gazetteer: try Gazetteer(regions))
        for k in 0..<2001 { try builder.append(Observation(region: RegionID("p/c\(k)"), indicator: "clc_classes", year: 2020, value: Double(k))) }
        let session = QuerySession(dataset: try builder.build(name: "many"))
        guard case let .table(t) = try session.evaluate("rank(clc_classes, 2020, by: \"value\")") else { Issue.record("not a table"); return }
        let k = try #require(t.columnIndex("percentile"))
        let p = (0..<t.rowCount).map { t.value(row: $0, column: k).numeric ?? .nan }
        #expect(p[0] == 100 && p[1] == 99.9 && p[1000] == 50 && p[1999] == 0.1 && p[2000] == 0)
        #expect(p.allSatisfy { ($0 * 10).rounded() == $0 * 10 })
    }
}
