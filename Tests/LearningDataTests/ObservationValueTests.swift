import Testing
@testable import LearningData

@Suite("Stated percentages, targets, changes and qualifiers")
struct ObservationValueTests {
    @Test("a stated percentage agrees when rounded or truncated at its printed precision", arguments: [
        (2631.0, 7106.0, "37,28%", "disagrees"),
        (5658, 7862, "70,62%", "disagrees"),
        (8511, 8760, "97,16%", "rounded"),
        (98, 123, "76,67%", "disagrees"),
        (54, 56, "96,42%", "truncated"),
        (3, 14, "21,42%", "truncated"),
        (8, 14, "57,14%", "rounded"),
        (2306, 2200, "104,82%", "rounded"),
        (374, 350, "106,85%", "truncated"),
        (46, 25, "184%", "rounded"),
        (51119, 66328, "77,07%", "rounded"),
        (117, 124, "94,35%", "rounded"),
        (2, 2, "100%", "rounded"),
        (97_290_000, 60_000_000, "162,81%", "disagrees"),
        (2, 3, "66,67%", "rounded"),
        (2, 3, "66,66%", "truncated"),
        (2, 3, "67%", "rounded"),
        (2, 3, "66%", "truncated"),
        (2, 3, "66,7%", "rounded"),
        (2, 3, "66,8%", "disagrees"),
    ])
    func agreement(value: Double, base: Double, printed: String, expected: String) throws {
        let stated = try StatedPercent(printed: printed)
        let agreement = stated.agreement(with: value / base * 100)
        switch (agreement, expected) {
        case (.rounded, "rounded"), (.truncated, "truncated"), (.disagrees, "disagrees"): break
        default: Issue.record("\(value)/\(base) printed \(printed): \(agreement), expected \(expected)")
        }
    }

    @Test("the disagreement is printed minus actual, in percentage points")
    func difference() throws {
        let stated = try StatedPercent(printed: "37,28%")
        guard case let .disagrees(difference) = stated.agreement(with: 2631.0 / 7106 * 100) else {
            Issue.record("37,28% agreed"); return
        }
        #expect(abs(difference - 0.2547) < 0.001)
    }

    @Test("a stated percentage must be printed with %")
    func percentRequired() {
        #expect(throws: FieldError.self) { try StatedPercent(printed: "37,28") }
        #expect(throws: FieldError.self) { try StatedPercent(printed: "37.28%") }
    }

    @Test("targets in their CSV form", arguments: [
        ("60000000", 60_000_000.0, nil as Double?, false, Target.Comparison.atLeast),
        ("75%", 75, nil, true, .atLeast),
        (">=800000000", 800_000_000, nil, false, .atLeast),
        (">92%", 92, nil, true, .above),
        ("800..1000", 800, 1000, false, .atLeast),
        ("=116", 116, nil, false, .exactly),
        ("<=5%", 5, nil, true, .atMost),
    ])
    func targets(text: String, value: Double, upper: Double?, isRate: Bool, comparison: Target.Comparison) throws {
        let target = try Target(csv: text)
        #expect(target == Target(value: value, upperBound: upper, isRate: isRate, comparison: comparison))
        #expect(try Target(csv: target.csvText) == target)
    }

    @Test("bad targets are refused", arguments: ["", "abc", "1000..800", "1..2..3", "75 %%", "60.000.000"])
    func badTargets(text: String) {
        #expect(throws: FieldError.self) { try Target(csv: text) }
    }

    @Test("targets are met or not, and read for people")
    func targetMet() {
        #expect(Target(value: 92, isRate: true, comparison: .above).isMet(by: 92.5))
        #expect(!Target(value: 92, isRate: true, comparison: .above).isMet(by: 92))
        #expect(Target(value: 60_000_000, isRate: false).isMet(by: 97_290_000))
        #expect(Target(value: 800, upperBound: 1000, isRate: false).isMet(by: 800))
        #expect(Target(value: 800_000_000, isRate: false).formatted(style: .vi, money: true) == "800.000.000 đ")
        #expect(Target(value: 92, isRate: true, comparison: .above).formatted(style: .vi) == "> 92%")
        #expect(Target(value: 800, upperBound: 1000, isRate: false).formatted(style: .vi) == "800–1.000")
    }

    @Test("stated changes", arguments: [
        ("tăng 576 hội viên so với cùng kỳ", 576.0 as Double?, false, 2016 as Int?),
        ("tăng 11 dòng họ so với năm 2021", 11, false, 2021),
        ("tăng 5,04% so với cùng kỳ", nil, true, 2016),
        ("giảm 3 đơn vị", -3, false, nil),
    ])
    func changes(text: String, absolute: Double?, ambiguous: Bool, reference: Int?) throws {
        let change = try StatedChange(printed: text)
        #expect(change.absoluteChange == absolute)
        #expect(change.isAmbiguous == ambiguous)
        #expect(change.referenceYear(from: 2017) == reference)
    }

    @Test("a change must say up or down")
    func badChange() {
        #expect(throws: FieldError.self) { try StatedChange(printed: "576 hội viên") }
    }

    @Test("qualifiers read from codes and Vietnamese words", arguments: [
        ("", Qualifier.exact), ("gần", .nearly), ("nearly", .nearly), ("hơn", .over), ("trên", .over),
        ("ít nhất", .atLeast), ("at_least", .atLeast), ("khoảng", .about), ("range", .range),
    ])
    func qualifiers(code: String, qualifier: Qualifier) {
        #expect(Qualifier(code: code) == qualifier)
    }

    @Test("an observation's rate and computed percentage; a zero base gives no rate")
    func rates() {
        var o = Observation(region: "x", indicator: "learning_family", year: 2022, value: 51119, base: 66328)
        #expect(o.rate.map { ($0 * 10_000).rounded() } == 7707)
        o.base = 0
        #expect(o.rate == nil)
        #expect(o.computedPercent == nil)
        o.base = nil
        #expect(o.rate == nil)
        let fund = Observation(region: "x", indicator: "fund_raised", year: 2018, value: 97_290_000,
                               target: Target(value: 60_000_000, isRate: false), percentOf: .target)
        #expect(fund.computedPercent.map { ($0 * 100).rounded() } == 16215)
    }
}

@Suite("The indicator catalogue")
struct IndicatorCatalogueTests {
    let catalogue = IndicatorCatalogue.standard

    @Test("names and synonyms find their indicator", arguments: [
        ("learning_family", "learning_family"), ("Gia đình hiếu học", "learning_family"), ("gia dinh hoc tap", "learning_family"),
        ("Dòng họ hiếu học", "learning_clan"), ("Cộng đồng học tập", "learning_community"), ("hội viên", "members"),
        ("learning family", "learning_family"), ("Quỹ khuyến học", "fund_raised"),
    ])
    func lookup(name: String, id: String) {
        #expect(catalogue.lookup(name)?.id == IndicatorID(id))
    }

    @Test("a mistyped id gets a suggestion")
    func suggestions() {
        #expect(catalogue.suggestions(for: "learning_famly").first == "learning_family")
        #expect(catalogue.suggestions(for: "memebrs").first == "members")
        #expect(catalogue.lookup("nothing like it") == nil)
    }

    @Test("how indicators aggregate")
    func aggregation() throws {
        let members = try #require(catalogue["members"])
        #expect(members.temporal == .last)
        #expect(members.denominator?.defaultKind == .population)
        let fund = try #require(catalogue["fund_raised"])
        #expect(fund.temporal == .sum)
        #expect(fund.unit.isMoney)
        #expect(!fund.hasRate)
        for id in ["learning_family", "learning_clan", "learning_community", "learning_unit", "learning_citizen"] {
            let indicator = try #require(catalogue[IndicatorID(id)])
            #expect(indicator.hasRate, "\(id) has a rate")
            #expect(indicator.temporal == .last, "\(id) is an annual status")
        }
        for indicator in catalogue.indicators {
            #expect(!indicator.name.isEmpty && !indicator.label.isEmpty && !indicator.summary.isEmpty)
        }
    }

    @Test("a catalogue with a repeated id or a shared name is refused")
    func invalid() {
        let a = Indicator(id: "a", name: "Một", label: "A", unit: .people, temporal: .sum, summary: "a")
        let b = Indicator(id: "b", name: "mot", label: "B", unit: .people, temporal: .sum, summary: "b")
        #expect(throws: CatalogueError.duplicateID("a")) { try IndicatorCatalogue([a, a]) }
        #expect(throws: CatalogueError.sharedName("mot", "a", "b")) { try IndicatorCatalogue([a, b]) }
    }
}

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("a diagnostic renders location, line, caret, expectation and hint")
    func render() {
        let d = Diagnostic(.error, code: "E101", message: "unknown indicator “learning_famly”",
                           location: SourceLocation(file: "query", line: 1, column: 8), sourceLine: "series(learning_famly, \"x\")",
                           length: 14, hint: "did you mean `learning_family`?")
        #expect(d.description == """
            query:1:8: error[E101]: unknown indicator “learning_famly”
             1 | series(learning_famly, "x")
               |        ^~~~~~~~~~~~~~
              hint: did you mean `learning_family`?
            """)
    }

    @Test("a caret past the end of the line stays at its end; tabs do not shift it")
    func edges() {
        let d = Diagnostic(message: "m", location: SourceLocation(file: "f", line: 3, column: 99), sourceLine: "a\tb", length: 5)
        #expect(d.description.hasSuffix("|    ^"))
    }
}
