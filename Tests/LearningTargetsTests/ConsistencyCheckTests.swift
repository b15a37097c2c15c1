import Testing
import LearningData
@testable import LearningTargets

/// Checks across rows: denominators implied by stated percentages, and one number printed twice.
@Suite("Consistency across rows")
struct ConsistencyCheckTests {
    static let gazetteer: Gazetteer? = try? Gazetteer([
        Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil),
        Region(id: "a", name: "Tỉnh A", kind: .province, parent: "vn"),
        Region(id: "a/b", name: "Huyện B", kind: .ruralDistrict, parent: "a"),
        Region(id: "a/c", name: "Huyện C", kind: .ruralDistrict, parent: "a"),
    ])

    static func dataset(_ observations: [Observation]) throws -> Dataset {
        var builder = DatasetBuilder(gazetteer: try #require(gazetteer))
        for o in observations { try builder.append(o) }
        return try builder.build(name: "fixture")
    }

    static func family(_ region: RegionID, _ year: Int, value: Double, base: Double? = nil, stated: String? = nil, document: String? = nil) throws -> Observation {
        Observation(region: region, indicator: "learning_family", year: year, value: value, base: base,
                    statedPercent: try stated.map { try StatedPercent(printed: $0) }, provenance: document.map { Provenance(document: $0, quote: "") })
    }

    @Test("a denominator implied by a stated percentage that jumps from another year's is a finding naming both years")
    func impliedDenominator() throws {
        // 2016: 5.000 of 10.000 households printed; 2020: 7.650 = 90% implies 8.500 households, 15 % fewer.
        let data = try Self.dataset([
            try Self.family("a/b", 2016, value: 5_000, base: 10_000),
            try Self.family("a/b", 2020, value: 7_650, stated: "90%"),
            try Self.family("a/c", 2016, value: 5_000, base: 10_000),
            try Self.family("a/c", 2020, value: 9_000, stated: "85,5%"),      // implies 10.526: within 10 %
        ])
        let findings = ConsistencyCheck.findings(in: data)
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.kind == .impliedDenominatorMoves)
        #expect(data[f.row].year == 2020 && data[f.other].year == 2016 && data[f.row].region == "a/b")
        #expect(f.message == "the denominator of 2020 (8500 implied by 7650 at 90%) is 15 % below that of 2016 (10000 printed)")
    }

    @Test("two printed bases that differ are facts, not a finding; neither is a stated percentage of the target")
    func printedBases() throws {
        let data = try Self.dataset([
            try Self.family("a/b", 2016, value: 5_000, base: 10_000),
            try Self.family("a/b", 2020, value: 7_000, base: 7_000),
        ])
        #expect(ConsistencyCheck.findings(in: data).isEmpty)
    }

    @Test("one document printing one number for two different figures is a finding; small numbers are not")
    func sameNumberTwice() throws {
        let data = try Self.dataset([
            try Self.family("a/b", 2020, value: 1_234, document: "r.txt"),
            Observation(region: "a/b", indicator: "members", year: 2020, value: 1_234, provenance: Provenance(document: "r.txt", quote: "")),
            Observation(region: "a/c", indicator: "members", year: 2020, value: 1_234, provenance: Provenance(document: "other.txt", quote: "")),
            try Self.family("a/c", 2020, value: 12, document: "r.txt"),
            Observation(region: "a/c", indicator: "chapters", year: 2020, value: 12, provenance: Provenance(document: "r.txt", quote: "")),
        ])
        let findings = ConsistencyCheck.findings(in: data)
        #expect(findings.map(\.kind) == [.sameNumberTwice])
        #expect(findings.first?.message == "r.txt prints 1234 for members of a/b in 2020 and for learning_family of a/b in 2020")
    }
}
