import Testing
@testable import LearningData

/// Periods: how they are written and read, how they order, and what they do to a dataset's keys.
@Suite("Periods: years, parts of a year, spans")
struct PeriodTests {
    @Test("each written form reads back as itself", arguments: [
        ("2016", "2016", 12), ("2016-2020", "2016-2020", 60), ("2016–2020", "2016-2020", 60), ("2016-H1", "2016-H1", 6),
        ("2016-h2", "2016-H2", 6), ("2016-Q2", "2016-Q2", 3), ("2016-9M", "2016-9M", 9), ("2016-6M", "2016-H1", 6),
        ("2016-3M", "2016-Q1", 3), (" 2016 - Q4 ", "2016-Q4", 3), ("2016-2016", "2016", 12),
    ])
    func reads(_ text: String, _ canonical: String, _ months: Int) throws {
        let p = try Period(parsing: text)
        #expect(p.description == canonical)
        #expect(p.months == months)
        #expect(try Period(parsing: p.description) == p)
    }

    @Test("texts that are not periods say why", arguments: [
        ("2020-2016", "its last year comes before its first"), ("2016-H3", "not a part of a year"), ("2016-Q5", "not a part of a year"),
        ("2016-12M", "not a part of a year"), ("năm 2016", "does not start with a year"), ("2016-2017-2018", "more than two parts"), ("1800-1900", "does not start with a year"),
        ("2016-", "not a part of a year"),
    ])
    func refuses(_ text: String, _ reason: String) {
        #expect(throws: PeriodError.self) { try Period(parsing: text) }
        do { _ = try Period(parsing: text) } catch { #expect(error.reason.contains(reason), "\(error)") }
    }

    @Test("every part of a year survives storage, and the parts sort by how much of the year they cover")
    func storage() {
        let parts: [PartOfYear] = [.half(1), .half(2)] + (1...4).map(PartOfYear.quarter) + [1, 2, 4, 5, 7, 8, 9, 10, 11].map(PartOfYear.firstMonths)
        for part in parts { #expect(PartOfYear(storageCode: part.storageCode) == part, "\(part)") }
        #expect(Set(parts.map(\.storageCode)).count == parts.count)
        let ranks = [Period.year(2016), .part(.half(2), of: 2016), .part(.firstMonths(9), of: 2016), .part(.half(1), of: 2016),
                     .part(.quarter(1), of: 2016), .years(2015, 2016), .years(2012, 2016)].map(\.sortRank)
        #expect(ranks == ranks.sorted())
    }

    @Test("flows turn into yearly figures by the period's length", arguments: [
        ("2016-2020", 0.2), ("2016-H1", 2.0), ("2016-Q3", 4.0), ("2016-9M", 12.0 / 9), ("2016", 1.0),
    ])
    func perYear(_ text: String, _ factor: Double) throws {
        #expect(abs(try Period(parsing: text).perYearFactor - factor) < 1e-12)
    }

    static func dataset(_ rows: [Observation]) throws -> Dataset {
        var builder = DatasetBuilder(gazetteer: try Dataset.embedded().gazetteer)
        for (k, o) in rows.enumerated() { try builder.append(o, line: k + 2) }
        return try builder.build(name: "test")
    }

    @Test("a mid-year figure and the year-end one are two figures; the year-end one is the headline")
    func midYear() throws {
        let d = try Self.dataset([
            Observation(region: "ho-chi-minh/binh-thanh", indicator: "members", year: 2022, period: .part(.half(1), of: 2022), value: 52_000),
            Observation(region: "ho-chi-minh/binh-thanh", indicator: "members", year: 2022, value: 52_873),
        ])
        #expect(d.count == 2)
        #expect(d.headline(indicator: "members", region: "ho-chi-minh/binh-thanh", year: 2022)?.value == 52_873)
        #expect(d.observation(indicator: "members", region: "ho-chi-minh/binh-thanh", year: 2022, period: .part(.half(1), of: 2022))?.value == 52_000)
        #expect(d.headlineRows(indicator: "members", region: "ho-chi-minh/binh-thanh").count == 1)
    }

    @Test("two rows of one period with no documents are still a duplicate")
    func duplicate() throws {
        let o = Observation(region: "ho-chi-minh/binh-thanh", indicator: "fund_raised", year: 2022, period: .part(.half(1), of: 2022), value: 1)
        #expect(throws: BuildError.self) { try Self.dataset([o, o]) }
    }

    @Test("a stock at the end of a span stands for its last year when the year has no figure; a flow over a span never does")
    func spans() throws {
        let d = try Self.dataset([
            Observation(region: "ho-chi-minh/binh-thanh", indicator: "members", year: 2020, period: .years(2016, 2020), value: 50_000),
            Observation(region: "ho-chi-minh/binh-thanh", indicator: "fund_raised", year: 2020, period: .years(2016, 2020), value: 5e9),
            Observation(region: "bac-kan/bac-kan", indicator: "members", year: 2020, period: .years(2016, 2020), value: 10_000),
            Observation(region: "bac-kan/bac-kan", indicator: "members", year: 2020, value: 10_100),
        ])
        #expect(d.headline(indicator: "members", region: "ho-chi-minh/binh-thanh", year: 2020)?.value == 50_000)
        #expect(d.headline(indicator: "fund_raised", region: "ho-chi-minh/binh-thanh", year: 2020) == nil)
        #expect(d.headline(indicator: "members", region: "bac-kan/bac-kan", year: 2020)?.value == 10_100)
        #expect(d.headlineRows(indicator: "members", region: "bac-kan/bac-kan").count == 1)
    }
}
