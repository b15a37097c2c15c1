import Foundation
import Testing
import LearningData
@testable import LearningSynth

func smallOptions(seed: UInt64 = 7) -> SyntheticDataset.Options {
    var o = SyntheticDataset.Options()
    o.provinces = 2
    o.districtsPerProvince = 3
    o.communesPerDistrict = 4
    o.years = 2018...2022
    o.seed = seed
    o.wrongStated = 0.05
    return o
}

func folder() -> String { FileManager.default.temporaryDirectory.appendingPathComponent("khq-synth-\(UUID().uuidString)").path }

@Suite("The synthetic national dataset")
struct SyntheticDatasetTests {
    @Test("the same seed gives the same files; another seed, other files")
    func deterministic() throws {
        let a = folder(), b = folder(), c = folder()
        try SyntheticDataset.write(to: a, options: smallOptions())
        try SyntheticDataset.write(to: b, options: smallOptions())
        try SyntheticDataset.write(to: c, options: smallOptions(seed: 8))
        for file in ["figures.csv", "regions.csv"] {
            #expect(FileManager.default.contents(atPath: "\(a)/\(file)") == FileManager.default.contents(atPath: "\(b)/\(file)"))
        }
        #expect(FileManager.default.contents(atPath: "\(a)/figures.csv") != FileManager.default.contents(atPath: "\(c)/figures.csv"))
    }

    @Test("it loads as a user's dataset: provinces > districts > communes, about 3% missing, every region and the folder marked synthetic")
    func loads() throws {
        let path = folder()
        let rows = try SyntheticDataset.write(to: path, options: smallOptions())
        let dataset = try DatasetLoader.load(from: path)
        #expect(dataset.count == rows)
        let full = 2 * 3 * 4 * 5 * 12
        #expect(rows < full && Double(rows) > Double(full) * 0.9)
        #expect(dataset.gazetteer.regions.filter { $0.level == .commune }.count == 24)
        #expect(dataset.gazetteer.regions.allSatisfy { $0.evidence == "synthetic" })
        #expect(try String(contentsOfFile: "\(path)/README.txt", encoding: .utf8).contains("SYNTHETIC"))
        #expect(dataset.years == [2018, 2019, 2020, 2021, 2022])
    }

    @Test("some stated percentages are wrong on purpose, the rest agree with their numbers")
    func statedPercentages() throws {
        let path = folder()
        try SyntheticDataset.write(to: path, options: smallOptions())
        let summary = DatasetSummary(try DatasetLoader.load(from: path))
        #expect(summary.checkedPercentages > 500)
        #expect(!summary.disagreements.isEmpty)
        #expect(Double(summary.disagreements.count) < Double(summary.checkedPercentages) * 0.15)
    }

    @Test("sized for a number of observations")
    func sized() {
        let o = SyntheticDataset.Options.sized(2_000_000)
        let communes = o.provinces * o.districtsPerProvince * o.communesPerDistrict
        #expect(abs(Double(communes * 12 * o.years.count) * 0.97 - 2_000_000) < 100_000)
        #expect(communes > 10_000 && communes < 11_000)
    }
}

@Suite("The synthetic dataset on Vietnam's real map")
struct RealMapSyntheticTests {
    @Test("on the map of 2024 its regions are the real units, with villages below the communes when asked; it loads as a user's dataset")
    func realMap() throws {
        var o = SyntheticDataset.Options.sized(50_000, years: 2022...2022, realMapAsOf: .endOf(2024))
        o.villagesPerCommune = 1
        let path = folder()
        let rows = try SyntheticDataset.write(to: path, options: o)
        let dataset = try DatasetLoader.load(from: path)
        #expect(dataset.count == rows)
        let g = dataset.gazetteer
        #expect(g.regions.filter { $0.level == .commune }.count == 10_035)
        #expect(g.regions.filter { $0.level == .province }.count == 63)
        #expect(g["yen-bai/yen-binh/han-da"]?.evidence.hasPrefix("synthetic figures for the real xã Hán Đà") == true)
        #expect(g.regions.allSatisfy { $0.evidence.hasPrefix("synthetic") })
    }

    @Test("as of 2026: the 34 provinces and 3 321 communes; sized larger, villages carry the figures")
    func after2025() throws {
        let o = SyntheticDataset.Options.sized(200_000, years: 2026...2026, realMapAsOf: .endOf(2026))
        #expect(o.villagesPerCommune == 5)   // 200 000 ÷ (12 × 1 × 0,97) ÷ 3 321 ≈ 5,2
        let path = folder()
        try SyntheticDataset.write(to: path, options: o)
        let dataset = try DatasetLoader.load(from: path)
        #expect(dataset.gazetteer.regions.filter { $0.level == .province }.count == 34)
        #expect(dataset.gazetteer.regions.filter { $0.level == .district }.isEmpty)
        #expect(dataset.gazetteer.regions.filter { $0.kind == .village }.count == 3_321 * 5)
        #expect(dataset.region(at: 0).kind == .village)
    }
}
