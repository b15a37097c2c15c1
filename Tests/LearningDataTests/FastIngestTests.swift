import Foundation
import Testing
import TestSupport
import LearningSynth
@testable import LearningData

/// The streaming loader (blocks, a stretch per core, the fast row scanner, buckets by indicator and
/// year) must give exactly what the sequential reader gives: the same rows, bit for bit, and the same
/// diagnostics. Tiny blocks and stretches make a small file cross many block and stretch boundaries.
@Suite("Fast ingest")
struct FastIngestTests {
    static let tiny = FiguresStreamReader.Tuning(blockSize: 173, minimumPieceBytes: 29, cores: 3)

    /// The dataset both ways, or both errors.
    static func bothWays(_ folder: TemporaryDataset, tuning: FiguresStreamReader.Tuning = tiny)
        -> (fast: Result<Dataset, DatasetLoadError>, sequential: Result<Dataset, DatasetLoadError>) {
        let gazetteer: Gazetteer
        do {
            gazetteer = try RegionsFileReader.read(SourceFile(name: "regions.csv", bytes: [UInt8](try Data(contentsOf: folder.folder.appendingPathComponent("regions.csv")))))
        } catch {
            Issue.record("regions: \(error)")
            return (.failure(DatasetLoadError([])), .failure(DatasetLoadError([])))
        }
        let document = { (name: String) -> SourceDocument? in
            (try? String(contentsOf: folder.folder.appendingPathComponent(name), encoding: .utf8)).map { SourceDocument(name: name, text: $0) }
        }
        let path = folder.figuresPath
        let fast = Result { () throws(DatasetLoadError) -> Dataset in
            try FiguresStreamReader.read(path: path, name: "x", gazetteer: gazetteer, catalogue: .standard, tuning: tuning, document: document)
        }
        let sequential = Result { () throws(DatasetLoadError) -> Dataset in
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            return try FiguresFileReader.read(SourceFile(name: path, bytes: bytes), gazetteer: gazetteer, catalogue: .standard, name: "x", document: document)
        }
        return (fast, sequential)
    }

    static func expectSame(_ a: Dataset, _ b: Dataset) {
        #expect(a.count == b.count)
        guard a.count == b.count else { return }
        #expect(a.columns.region == b.columns.region)
        #expect(a.columns.indicator == b.columns.indicator)
        #expect(a.columns.year == b.columns.year)
        #expect(a.columns.flags == b.columns.flags)
        for (x, y) in [(a.columns.value, b.columns.value), (a.columns.base, b.columns.base), (a.columns.target, b.columns.target),
                       (a.columns.statedPercent, b.columns.statedPercent)] {
            #expect(x.map(\.bitPattern) == y.map(\.bitPattern))
        }
        #expect(a.observations == b.observations)
    }

    @Test("the seeds folder: quotes, scopes, derived rows and stated percentages, all through the row reader")
    func seeds() throws {
        let documents = Dictionary(uniqueKeysWithValues: Seeds.files.filter { $0.name.hasSuffix(".txt") }.map { ($0.name, $0.contents) })
        let folder = try TemporaryDataset(figures: try #require(Seeds.file(named: "figures.csv")),
                                          regions: try #require(Seeds.file(named: "regions.csv")), documents: documents)
        let (fast, sequential) = Self.bothWays(folder)
        Self.expectSame(try fast.get(), try sequential.get())
        #expect(try fast.get().count == 95)
    }

    @Test("a synthetic national sample, in tiny blocks and in the default ones", arguments: [true, false])
    func synthetic(tiny: Bool) throws {
        let folder = try TemporaryDataset(figures: "", regions: nil, documents: [:])
        var options = SyntheticDataset.Options()
        (options.provinces, options.districtsPerProvince, options.communesPerDistrict, options.years) = (2, 3, 4, 2018...2022)
        try SyntheticDataset.write(to: folder.path, options: options)
        let (fast, sequential) = Self.bothWays(folder, tuning: tiny ? Self.tiny : FiguresStreamReader.Tuning())
        Self.expectSame(try fast.get(), try sequential.get())
        #expect(try fast.get().count > 1000)
    }

    @Test("CRLF, a byte-order mark, blank lines, quoted commas and a quoted line break that straddles the cuts")
    func awkwardCSV() throws {
        var lines = ["\u{FEFF}region,indicator,year,value,base,target,stated_percent,note"]
        for year in 2010...2030 {
            lines.append("ho-chi-minh/binh-thanh,members,\(year),\(1000 + year),,,,")
            lines.append("")
            lines.append("bac-kan/bac-kan,learning_family,\(year),\(year),\(year * 2),\"75%\",\"50,00%\",\"a note, with a comma\"")
            lines.append("ho-chi-minh/binh-thanh,learning_family,\(year),10,20,,,\"two\nlines\"")
        }
        let folder = try TemporaryDataset(figures: lines.joined(separator: "\r\n") + "\r\n")
        for cores in [1, 2, 3] {
            var tuning = Self.tiny
            tuning.cores = cores
            let (fast, sequential) = Self.bothWays(folder, tuning: tuning)
            Self.expectSame(try fast.get(), try sequential.get())
            // And the stream reader managed it itself: a stretch cut inside a quoted line break is
            // scanned again from where the record really ends, not handed to the sequential reader.
            let gazetteer = try RegionsFileReader.read(SourceFile(name: "r", bytes: Array(TemporaryDataset.regions.utf8)))
            let streamed = try FiguresStreamReader.readReporting(path: folder.figuresPath, name: "x", gazetteer: gazetteer, catalogue: .standard,
                                                                tuning: tuning) { _ in nil }
            #expect(!streamed.sequential)
        }
    }

    @Test("regions given by name: the unambiguous ones read directly, the shared one refused as the row reader refuses it")
    func regionNames() throws {
        var lines = ["region,indicator,year,value"]
        for year in 2000...2040 { lines.append("Bình Thạnh,members,\(year),\(year)") }
        let folder = try TemporaryDataset(figures: lines.joined(separator: "\n") + "\n")
        let (fast, sequential) = Self.bothWays(folder)
        Self.expectSame(try fast.get(), try sequential.get())
        #expect(try fast.get().count == 41)
        // "Bắc Kạn" is both the province and its city: the same error either way.
        lines[7] = "Bắc Kạn,members,2006,1"
        let ambiguous = try TemporaryDataset(figures: lines.joined(separator: "\n") + "\n")
        let (a, b) = Self.bothWays(ambiguous)
        guard case let .failure(x) = a, case let .failure(y) = b else { Issue.record("both must fail"); return }
        #expect(x.diagnostics.map(\.description) == y.diagnostics.map(\.description))
        #expect(x.diagnostics.first?.location?.line == 8)
    }

    @Test("digits too many for the scanner (a value, a target, a percentage) are the row reader's, without overflow")
    func longDigitRuns() throws {
        let long = String(repeating: "9", count: 40)
        for row in ["ho-chi-minh/binh-thanh,members,2022,\(long),,,", "ho-chi-minh/binh-thanh,members,2022,1,,\(long),",
                    "ho-chi-minh/binh-thanh,members,2022,1,,,\"\(long)%\""] {
            let folder = try TemporaryDataset(figures: "region,indicator,year,value,base,target,stated_percent\n" + row + "\n")
            let (fast, sequential) = Self.bothWays(folder)
            switch (fast, sequential) {
            case let (.success(a), .success(b)): Self.expectSame(a, b)
            case let (.failure(a), .failure(b)): #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
            default: Issue.record("the two readers disagree on \(row)")
            }
        }
    }

    @Test("bad rows get the sequential reader's diagnostics, at the same lines and columns")
    func diagnostics() throws {
        var lines = [TemporaryDataset.header]
        for year in 2000...2040 { lines.append("ho-chi-minh/binh-thanh,members,\(year),\(year),,,,,") }
        lines[5] = "ho-chi-minh/binh-thanh,members,2004,51.119,,,,,"            // a Vietnamese grouping
        lines[17] = "ho-chi-minh/binh-thanh,membres,2016,3,,,,,"                 // a misspelt indicator
        lines[30] = "Bình Thạnh,members,2029,7,,,,,"                             // a name: the row reader takes it
        lines[33] = "ho-chi-minh/binh-thanh,members,2032,,,,,,"                  // no figure
        let folder = try TemporaryDataset(figures: lines.joined(separator: "\n") + "\n")
        let (fast, sequential) = Self.bothWays(folder)
        guard case let .failure(a) = fast, case let .failure(b) = sequential else {
            Issue.record("both loads must fail")
            return
        }
        #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
        #expect(a.diagnostics.map { $0.location?.line } == [6, 18, 34])
    }

    @Test("duplicates and broken CSV are reported as the sequential reader reports them")
    func duplicatesAndBrokenFiles() throws {
        var lines = [TemporaryDataset.header]
        for year in 2000...2040 { lines.append("ho-chi-minh/binh-thanh,members,\(year),\(year),,,,,") }
        lines.append("ho-chi-minh/binh-thanh,members,2007,1,,,,,")
        for figures in [lines.joined(separator: "\n"), lines.joined(separator: "\n") + "\nbac-kan,members,2020,\"3,,,,,\n"] {
            let folder = try TemporaryDataset(figures: figures)
            let (fast, sequential) = Self.bothWays(folder)
            guard case let .failure(a) = fast, case let .failure(b) = sequential else {
                Issue.record("both loads must fail")
                continue
            }
            #expect(!a.diagnostics.isEmpty)
            #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
        }
    }

    @Test("a region's rows found by binary search in each block are the rows a full scan finds")
    func regionRows() throws {
        let folder = try TemporaryDataset(figures: "", regions: nil, documents: [:])
        var options = SyntheticDataset.Options()
        (options.provinces, options.districtsPerProvince, options.communesPerDistrict, options.years) = (2, 2, 3, 2015...2020)
        try SyntheticDataset.write(to: folder.path, options: options)
        let dataset = try DatasetLoader.load(from: folder.path)
        for region in dataset.gazetteer.regions {
            let scanned = (0..<dataset.count).filter { dataset.columns.region[$0] == dataset.gazetteer.index(of: region.id) }.map(Int32.init)
            #expect(Array(dataset.rows(region: region.id)) == scanned)
            let members = scanned.filter { dataset.indicator(at: Int($0)).id == "members" }
            #expect(Array(dataset.rows(indicator: "members", region: region.id)) == members)
        }
    }
}

@Suite("The fast scanner's numbers")
struct ScannerNumberTests {
    static func plain(_ text: String) -> (Double, Bool)? {
        Array(text.utf8).withUnsafeBufferPointer { FiguresRowScanner.plain($0, 0, $0.count) }
    }

    @Test("plain numbers read as Double(String) reads them", arguments: [
        "0", "-0", "7", "2631", "51119", "97290000", "43.85", "0.1", "0.3", "37.28", "162.81", "1.005", "-12.5",
        "123456789012345", "9007199254740993", "1.", ".5", "1e5", "+3", "12a", "", "-", "1..2",
        "123456789012345678901234567890", "0.123456789012345678901234567890",
    ])
    func plainNumbers(_ text: String) {
        let expected = PlainNumber.parse(text)
        guard let (value, whole) = Self.plain(text) else {
            // The scanner may decline what it cannot read exactly; the row reader takes it then.
            #expect(expected == nil || text.filter(\.isNumber).count > 15 || text.hasPrefix("+"))
            return
        }
        #expect(expected.map(\.bitPattern) == value.bitPattern)
        #expect(whole == (value == value.rounded()))
    }

    @Test("ten thousand random decimals agree with Double(String), bit for bit")
    func randomDecimals() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let whole = random.next() % 1_000_000_000, fraction = random.next() % 1_000_000
            let digits = Int(random.next() % 6) + 1
            let text = "\(whole).\(String(String(fraction).prefix(digits)))"
            guard let (value, _) = Self.plain(text) else { Issue.record("declined \(text)"); continue }
            #expect(value.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test("stated percentages read as the row reader reads them",
          arguments: ["37,28%", "70,62%", "100%", "0%", "0,5%", "96,42%", "162,81%", "5,123456%"])
    func statedPercentages(_ text: String) throws {
        let folder = try TemporaryDataset(figures: "region,indicator,year,value,base,stated_percent\nho-chi-minh/binh-thanh,learning_family,2022,1,2,\"\(text)\"\n")
        let (fast, sequential) = FastIngestTests.bothWays(folder)
        FastIngestTests.expectSame(try fast.get(), try sequential.get())
        #expect(try fast.get().columns.statedPercent[0] == StatedPercent(printed: text).value)
    }
}

@Suite("Byte-key table")
struct ByteKeyTableTests {
    @Test("every key is found, keys that differ by a byte or a length are not confused")
    func lookups() {
        let keys = (0..<5000).map { "p\($0 % 34)/d\($0 % 700)/c\($0)" } + ["a", "ab", "abc", "", "ăn", "xã Đông"]
        let table = ByteKeyTable(keys.enumerated().map { ($0.element, Int32($0.offset)) })
        for (i, key) in keys.enumerated() {
            #expect(Array(key.utf8).withUnsafeBufferPointer { table.lookup($0, 0, $0.count) } == Int32(i))
        }
        for missing in ["p1/d1/c", "abcd", "b", "p0/d0/c5000", "xã Đôn"] {
            #expect(Array(missing.utf8).withUnsafeBufferPointer { table.lookup($0, 0, $0.count) } == nil)
        }
    }
}
