import Testing
import TestSupport
import LearningData
@testable import LearningTargets

@Suite("The stated-percentage checker")
struct PercentageAuditTests {
    @Test("the four disagreements of the seeds, with both figures and the quote")
    func seeds() throws {
        let audit = PercentageAudit(try Dataset.embedded())
        #expect(audit.findings.count == 27)
        let found = audit.disagreements.map { ($0.observation.region.rawValue, $0.observation.indicator.rawValue, $0.observation.year, $0.stated.text) }
        #expect(found.map { "\($0.0) \($0.1) \($0.2) \($0.3)" }.sorted() == [
            "bac-kan/bac-kan learning_community 2017 76,67%",
            "binh-thuan/tuy-phong/lien-huong fund_raised 2018 162,81%",
            "binh-thuan/tuy-phong/lien-huong learning_family 2016 37,28%",
            "binh-thuan/tuy-phong/lien-huong learning_family 2018 70,62%",
        ])
        let fund = try #require(audit.disagreements.first { $0.observation.indicator == "fund_raised" })
        #expect(close(fund.computed, 162.15))
        guard case let .disagrees(points) = fund.verdict else { Issue.record("\(fund.verdict)"); return }
        #expect(close(points, 0.66, 1e-9))
        #expect(fund.observation.provenance?.quote.contains("162,81%") == true)
        let truncated = audit.findings.filter { $0.verdict == .truncated }.map(\.stated.text).sorted()
        #expect(truncated == ["106,85%", "21,42%", "96,42%"])
        let uncheckable = audit.findings.filter { if case .uncheckable = $0.verdict { return true } else { return false } }
        #expect(uncheckable.count == 10)
        let members = try #require(uncheckable.first { $0.observation.indicator == "members" })
        #expect(members.verdict == .uncheckable(reason: "the population is not printed"))
    }
}

@Suite("Validation rules")
struct ValidatorTests {
    @Test("the seeds break no built-in rule")
    func seeds() throws {
        #expect(Validator().violations(in: try Dataset.embedded()).isEmpty)
    }

    @Test("violations come back most important first, each with both sides")
    func violations() throws {
        var builder = DatasetBuilder(gazetteer: try Dataset.embedded().gazetteer)
        try builder.append(Observation(region: "yen-bai", indicator: "learning_family", year: 2020, value: 120, base: 100))
        try builder.append(Observation(region: "yen-bai", indicator: "chapters", year: 2020, value: 10))
        try builder.append(Observation(region: "yen-bai", indicator: "chapters", year: 2020, scope: "a", value: 7))
        try builder.append(Observation(region: "yen-bai", indicator: "chapters", year: 2020, scope: "b", value: 6))
        try builder.append(Observation(region: "yen-bai", indicator: "chapters", year: 2020, scope: "b: c", value: 9))
        try builder.append(Observation(region: "yen-bai", indicator: "new_members", year: 2020, value: -5))
        try builder.append(Observation(region: "yen-bai", indicator: "learning_family_registered", year: 2020, value: 110))
        let found = Validator().violations(in: try builder.build(name: "bad"))
        #expect(found.map(\.rule.id) == ["recognised_within_base", "value_not_negative", "family_recognised_within_registered",
                                          "parts_within_whole", "parts_within_whole"])
        #expect(found[0].left == 120 && found[0].right == 100)
        #expect(found[0].message.contains("value = 120, base = 100; expected value <= base"))
        // 7 + 6 > 10 for the whole; 9 > 6 for the part "b".
        #expect(found.filter { $0.rule.id == "parts_within_whole" }.map(\.left) == [13, 9])
    }

    @Test("a caller's own rule, and the missing-value policies")
    func custom() throws {
        var builder = DatasetBuilder(gazetteer: try Dataset.embedded().gazetteer)
        try builder.append(Observation(region: "yen-bai", indicator: "clc_attendance", year: 2020, value: 10))
        try builder.append(Observation(region: "yen-bai", indicator: "clc_classes", year: 2020, value: 20))
        try builder.append(Observation(region: "yen-bai", indicator: "clc_attendance", year: 2021, value: 10))
        let data = try builder.build(name: "custom")
        let rule = ValidationRule(id: "attendance_at_least_classes", summary: "each class has someone in it",
                                  left: .field(.value), .greaterOrEqual, right: .indicator("clc_classes", .value),
                                  importance: .low, indicators: ["clc_attendance"])
        let skip = Validator(rules: [], adding: [rule]).violations(in: data)
        #expect(skip.map(\.observation.year) == [2020])
        let never = ValidationRule(id: rule.id, summary: rule.summary, left: rule.left, rule.op, right: rule.right,
                                   missing: .neverSkip, indicators: rule.indicators)
        // With missing counted as zero, 2021 (no classes) passes 10 >= 0; 2020 still fails.
        #expect(Validator(rules: [never]).violations(in: data).map(\.observation.year) == [2020])
        let ruleLess = ValidationRule(id: "classes_exist", summary: "classes are reported", left: .indicator("clc_classes", .value),
                                      .greater, right: .constant(0), missing: .neverSkip, indicators: ["clc_attendance"])
        #expect(Validator(rules: [ruleLess]).violations(in: data).map(\.observation.year) == [2021])
    }
}
