import Foundation
import Dispatch
import Testing
import TestSupport
import LearningSynth
@testable import LearningData

/// `khuyenhoc pack`: a dataset packed and opened is the dataset loaded; a damaged, truncated,
/// other-version or stale pack is refused with its message and the CSV is read instead.
@Suite("Dataset packs")
struct DatasetPackTests {
    static func temporaryFolder(_ tag: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("khq-pack-\(tag)-\(UUID().uuidString)").path
    }

    /// A folder with two documents that disagree on one figure (so the dataset has superseded rows),
    /// a region with a user's column, a row with a scope, a period, a note and an extra column.
    static func conflictFolder() throws -> String {
        let folder = temporaryFolder("conflict")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            id,name,kind,parent,x_code
            vn,Việt Nam,quốc gia,,
            tinh-a,Tỉnh A,tỉnh,vn,A1
            tinh-a/huyen-b,Huyện B,huyện,tinh-a,B7

            """.write(toFile: folder + "/regions.csv", atomically: true, encoding: .utf8)
        try """
            region,indicator,year,period,scope,value,document,quote,note,x_source
            tinh-a/huyen-b,members,2016,,,4100,mid.txt,4.100 hội viên,first count,phone
            tinh-a/huyen-b,members,2017,,,4300,end.txt,4.300 hội viên,,
            tinh-a/huyen-b,members,2016,,,4180,end.txt,4.180 hội viên,,letter
            tinh-a/huyen-b,members,2016,2016-H1,,4000,,,,
            tinh-a,members,2016,,nữ,9000,,,,
            tinh-a,members,2016,,,20000,,,,

            """.write(toFile: folder + "/figures.csv", atomically: true, encoding: .utf8)
        try "6 tháng đầu năm 2016, huyện có 4.100 hội viên.".write(toFile: folder + "/mid.txt", atomically: true, encoding: .utf8)
        try "Năm 2016 có 4.180 hội viên; năm 2017 có 4.300 hội viên.".write(toFile: folder + "/end.txt", atomically: true, encoding: .utf8)
        return folder
    }

    static func syntheticFolder() throws -> String {
        let folder = temporaryFolder("synth")
        var options = SyntheticDataset.Options()
        (options.provinces, options.districtsPerProvince, options.communesPerDistrict, options.years) = (2, 3, 5, 2018...2024)
        try SyntheticDataset.write(to: folder, options: options)
        return folder
    }

    /// Every part of two datasets, compared field by field.
    static func expectEqual(_ a: Dataset, _ b: Dataset) {
        #expect(a.name == b.name && a.count == b.count && a.extraColumns == b.extraColumns)
        let (x, y) = (a.columns, b.columns)
        #expect(x.region == y.region && x.indicator == y.indicator && x.year == y.year && x.flags == y.flags)
        #expect(x.value.elementsEqual(y.value, by: same) && x.base.elementsEqual(y.base, by: same))
        #expect(x.target.elementsEqual(y.target, by: same) && x.statedPercent.elementsEqual(y.statedPercent, by: same))
        #expect(x.detailRows == y.detailRows && x.details.count == y.details.count)
        #expect(a.index == b.index && a.strings.strings == b.strings.strings)
        #expect((0..<a.count).allSatisfy { a[$0] == b[$0] && a.extras(at: $0) == b.extras(at: $0) && a.isHeadline(at: $0) == b.isHeadline(at: $0) })
        #expect(a.gazetteer.regions == b.gazetteer.regions && a.gazetteer.extraColumns == b.gazetteer.extraColumns)
        #expect(a.gazetteer.levels == b.gazetteer.levels && a.gazetteer.hasLifetimes == b.gazetteer.hasLifetimes)
        #expect(a.gazetteer.regions.allSatisfy { (try? b.gazetteer.lookup($0.qualifiedName).id) == (try? a.gazetteer.lookup($0.qualifiedName).id) })
        #expect(a.catalogue.indicators == b.catalogue.indicators)
        #expect(a.documents.names == b.documents.names && a.documents.names.allSatisfy { a.documents[$0] == b.documents[$0] })
        #expect((a.superseded == nil) == (b.superseded == nil))
        if let sa = a.superseded, let sb = b.superseded { expectEqual(sa, sb) }
    }

    /// Doubles equal bit for bit (NaN, the missing number, equals itself).
    static func same(_ p: Double, _ q: Double) -> Bool { p.bitPattern == q.bitPattern }

    static func roundTrip(_ dataset: Dataset, mapInPlace: Bool = true) throws -> Dataset {
        let path = temporaryFolder("rt") + ".khpack"
        try DatasetPack.write(dataset, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try DatasetPack.open(path, mapInPlace: mapInPlace)
    }

    @Test("the seeds packed and opened are the seeds: every column, row, region, indicator and document")
    func seeds() throws {
        let seeds = try Dataset.embedded()
        Self.expectEqual(seeds, try Self.roundTrip(seeds))
    }

    @Test("a synthetic national sample round-trips, mapped in place or copied")
    func synthetic() throws {
        let loaded = try DatasetLoader.load(from: try Self.syntheticFolder())
        #expect(loaded.count > 1000)
        Self.expectEqual(loaded, try Self.roundTrip(loaded))
        Self.expectEqual(loaded, try Self.roundTrip(loaded, mapInPlace: false))
    }

    @Test("superseded rows, extras, notes, scopes, periods and documents round-trip")
    func conflicts() throws {
        let loaded = try DatasetLoader.load(from: try Self.conflictFolder())
        #expect(loaded.superseded?.count == 1 && !loaded.extraColumns.isEmpty && !loaded.gazetteer.extraColumns.isEmpty)
        let opened = try Self.roundTrip(loaded)
        Self.expectEqual(loaded, opened)
        #expect(opened.conflicts.count == loaded.conflicts.count)
    }

    @Test("khuyenhoc pack writes DIR/figures.khpack; load uses it while the CSV is unchanged, with no note")
    func fresh() throws {
        let folder = try Self.conflictFolder()
        let (path, dataset) = try DatasetPack.pack(folder)
        #expect(path == folder + "/figures.khpack")
        var notes: [String] = []
        let loaded = try DatasetPack.load(from: folder) { notes.append($0) }
        #expect(notes.isEmpty)
        Self.expectEqual(dataset, loaded)
    }

    @Test("a pack older than its CSV is passed over: the CSV is read, and a note says why")
    func stale() throws {
        let folder = try Self.conflictFolder()
        try DatasetPack.pack(folder)
        let figures = folder + "/figures.csv"
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        try (text + "tinh-a,members,2017,,,21000,,,,\n").write(toFile: figures, atomically: true, encoding: .utf8)
        var notes: [String] = []
        let loaded = try DatasetPack.load(from: folder) { notes.append($0) }
        #expect(loaded.count == (try DatasetLoader.load(from: folder)).count)
        #expect(notes.count == 1 && notes[0].contains("figures.khpack is out of date: figures.csv changed") && notes[0].contains("reading the CSV"))
    }

    @Test("a document changed, or a regions.csv that appeared, makes the pack stale")
    func staleSources() throws {
        let folder = try Self.conflictFolder()
        try DatasetPack.pack(folder)
        try "Năm 2016 có 4.180 hội viên; năm 2017 có 4.300 hội viên. ".write(toFile: folder + "/end.txt", atomically: true, encoding: .utf8)
        var notes: [String] = []
        _ = try DatasetPack.load(from: folder) { notes.append($0) }
        #expect(notes.first?.contains("end.txt changed") == true)
    }

    /// A pack of the conflict folder, its bytes changed by `damage`; the message load notes.
    static func noteAfter(_ damage: (inout [UInt8]) -> Void) throws -> (note: String?, loaded: Dataset, folder: String) {
        let folder = try conflictFolder()
        let (path, _) = try DatasetPack.pack(folder)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        damage(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var notes: [String] = []
        let loaded = try DatasetPack.load(from: folder) { notes.append($0) }
        return (notes.first, loaded, folder)
    }

    @Test("a damaged byte in any section is refused by its checksum, naming the file and the section")
    func damagedByte() throws {
        let folder = try Self.conflictFolder()
        let (path, dataset) = try DatasetPack.pack(folder)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try PackFile(path: path)
        for section in file.sections where section.length > 0 {
            var bytes = original
            bytes[section.offset + section.length / 2] ^= 0x40
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: DatasetPackError(path, .damaged(section: section.kind.name, reason: "its checksum does not match"))) {
                try DatasetPack.open(path)
            }
        }
        var notes: [String] = []
        let loaded = try DatasetPack.load(from: folder, verification: .full) { notes.append($0) }
        #expect(notes.first?.contains("figures.khpack is damaged: flags column: its checksum does not match; reading the CSV instead") == true)
        Self.expectEqual(dataset, loaded)
    }


    /// The bytes the flip test tries: every byte of the header, and of the table and of each small
    /// section its first and last and up to 24 more at random (a fixed seed), so that every section
    /// and every field of the header is covered in a few hundred opens rather than every byte's.
    static func sampledOffsets(_ file: PackFile) -> [Int] {
        var random = SplitMix64(seed: 14)
        let tableLength = file.sections.count * PackFormat.tableEntrySize
        let spans = file.sections.filter { !$0.kind.isColumn && $0.length > 0 }.map { $0.offset..<($0.offset + $0.length) }
            + [(file.bytes.count - tableLength)..<file.bytes.count]
        var offsets = Array(0..<PackFormat.headerSize)
        for span in spans {
            var picked: Set<Int> = [span.lowerBound, span.upperBound - 1]
            while picked.count < min(26, span.count) { picked.insert(Int.random(in: span, using: &random)) }
            offsets += picked.sorted()
        }
        return offsets
    }

    @Test("a flipped byte anywhere in the header, table and small sections is refused, even opened fast; never a crash", arguments: [DatasetPack.Verification.full, .fast])
    func flippedBytes(_ verification: DatasetPack.Verification) throws {
        let path = Self.temporaryFolder("every") + ".khpack"
        try DatasetPack.write(try DatasetLoader.load(from: try Self.conflictFolder()), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try PackFile(path: path)
        let offsets = Self.sampledOffsets(file)
        // Every small section is tried, the region names too.
        #expect(Set(file.sections.filter { !$0.kind.isColumn && $0.length > 0 }.map(\.kind)).isSuperset(of: [.meta, .regions, .nameKeys, .index, .sources]))
        var accepted: [Int] = []
        for offset in offsets {
            var bytes = original
            bytes[offset] ^= 0xFF
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            if (try? DatasetPack.open(path, verification: verification)) != nil { accepted.append(offset) }
        }
        // The header's checksum covers even its reserved bytes.
        #expect(accepted.isEmpty)
    }

    @Test("a packed gazetteer builds its lookups on first use, once, from threads side by side; given no keys it folds them")
    func lazyLookups() throws {
        let loaded = try DatasetLoader.load(from: try Self.syntheticFolder())
        let opened = try Self.roundTrip(loaded)
        let (a, b) = (loaded.gazetteer, opened.gazetteer)
        let names = a.regions.map(\.qualifiedName) + a.regions.map(\.name) + ["không có", "tinh"]
        let expected = names.map { try? a.lookup($0).id }
        let found = UncheckedSendable(UnsafeMutableBufferPointer<RegionID?>.allocate(capacity: names.count))
        found.value.initialize(repeating: nil)
        defer { _ = found.value.deinitialize(); found.value.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { part in
            for k in stride(from: part, to: names.count, by: 8) { found.value[k] = try? b.lookup(names[k]).id }
        }
        #expect(Array(found.value) == expected)
        #expect(a.regions.indices.allSatisfy { b.index(of: a.regions[$0].id) == Gazetteer.Index($0) && b[a.regions[$0].id] == a.regions[$0] })
        #expect(b.unambiguousNames().map(\.key) == a.unambiguousNames().map(\.key))
        let parents = a.regions.indices.map { a.parentIndex(of: Gazetteer.Index($0)) ?? -1 }
        let folded = try Gazetteer(packed: a.regions, parentIndex: parents) { nil }
        #expect(names.map { try? folded.lookup($0).id } == expected)
    }

    @Test("opened fast, a pack whose region column names a region it lacks is refused, not a crash")
    func fastChecksIndexes() throws {
        let path = Self.temporaryFolder("fast") + ".khpack"
        try DatasetPack.write(try DatasetLoader.load(from: try Self.conflictFolder()), to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let region = try #require(try PackFile(path: path).section(.regionColumn, part: 0))
        bytes[region.offset] = 0x7F
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: DatasetPackError(path, .damaged(section: "region column", reason: "a row names region 127 of 3"))) {
            try DatasetPack.open(path, verification: .fast)
        }
        #expect(throws: DatasetPackError(path, .damaged(section: "region column", reason: "its checksum does not match"))) {
            try DatasetPack.open(path, verification: .full)
        }
    }

    @Test("a truncated pack is refused, saying how many bytes it has and should have")
    func truncated() throws {
        let (note, _, folder) = try Self.noteAfter { $0.removeLast($0.count / 3) }
        let path = folder + "/figures.khpack"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(note?.hasPrefix("note: \(path) is truncated: it has \(size) bytes, its header says") == true)
        #expect(throws: DatasetPackError.self) { try DatasetPack.open(path) }
        let (short, _, _) = try Self.noteAfter { $0.removeLast($0.count - 20) }
        #expect(short?.contains("is truncated: it has 20 bytes, its header says 64") == true)
    }

    @Test("a pack of another format version is refused, naming both versions")
    func otherVersion() throws {
        let (note, loaded, folder) = try Self.noteAfter { $0[8] = 7 }
        #expect(note == "note: \(folder)/figures.khpack is a dataset pack of format version 7; this khuyenhoc reads version \(PackFormat.version); reading the CSV instead (run khuyenhoc pack \(folder) to refresh it)")
        #expect(loaded.count == (try DatasetLoader.load(from: folder)).count)
    }

    @Test("a pack of format version 1 (regions stored by parent id) is refused, naming both versions")
    func versionOne() throws {
        let (note, _, folder) = try Self.noteAfter { $0[8] = 1 }
        #expect(note?.hasPrefix("note: \(folder)/figures.khpack is a dataset pack of format version 1; this khuyenhoc reads version 2; reading the CSV instead") == true)
    }

    @Test("a file that is not a pack is refused as one")
    func notAPack() throws {
        let (note, _, folder) = try Self.noteAfter { $0 = Array("region,indicator\n".utf8) + [UInt8](repeating: 32, count: 100) }
        #expect(note?.hasPrefix("note: \(folder)/figures.khpack is not a dataset pack") == true)
    }

    @Test("XXH64 gives the reference values")
    func checksum() {
        func hash(_ s: String) -> UInt64 { Array(s.utf8).withUnsafeBytes { PackChecksum.xxh64($0) } }
        #expect(hash("") == 0xEF46_DB37_51D8_E999)
        #expect(hash("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(hash("abc") == 0x44BC_2CF5_AD77_0999)
        #expect(hash(String(repeating: "0123456789", count: 10)) == hash(String(repeating: "0123456789", count: 10)))
        let big = [UInt8]((0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(big.withUnsafeBytes { PackChecksum.parallelSection($0) == PackChecksum.section($0) })
    }
}
