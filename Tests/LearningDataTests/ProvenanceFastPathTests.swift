import Foundation
import Testing
@testable import LearningData

/// Rows with a document, a quote, a note, a scope or a period go through the parallel scanner, their
/// texts checked once per distinct text, and give exactly what the row reader gives: the same rows,
/// quotes, notes and documents, or the same diagnostics.
@Suite("Provenance at full speed")
struct ProvenanceFastPathTests {
    static let header = "region,indicator,year,period,scope,value,base,target,stated_percent,document,quote,note"

    /// A file where every row has provenance: quotes repeated on many rows, one with a `""` escape,
    /// one with curly quotes, one written decomposed (NFD), a quote of two excerpts, scopes, periods,
    /// and a row that names its document with no quote.
    static func rows(badYear: Int? = nil) -> (lines: [String], documents: [String: String]) {
        var lines = [header], sentences: [String] = []
        for year in 2000...2039 {
            let v = year - 1900, women = year - 1950
            var quote = "Năm \(year), hội có \(v) hội viên"
            sentences.append(quote + ".")
            if year == badYear { quote = quote.replacingOccurrences(of: "hội viên", with: "hội viện") }
            let scoped = "trong đó có \(women) hội viên nữ “tích cực”"
            sentences.append("Trong năm, " + scoped + ".")
            for region in ["ho-chi-minh/binh-thanh", "bac-kan/bac-kan"] {
                lines.append("\(region),members,\(year),,,\(v),,,,a.txt,\"\(quote)\",Số liệu của Hội")
                lines.append("\(region),members,\(year),,nữ,\(women),,,,a.txt,\"\(scoped)\",\"theo \"\"báo cáo\"\" năm\"")
                if year % 5 == 0 {
                    let span = "giai đoạn \(year - 4)–\(year) mở \(v + 1) lớp"
                    sentences.append("Trong " + span + ".")
                    lines.append("\(region),clc_classes,\(year),\(year - 4)-\(year),,\(v + 1),,,,a.txt,\"\(span) [...] hội có \(v) hội viên\",")
                }
                lines.append("\(region),learning_family,\(year),,,\(v * 10),\(v * 20),75%,\"50,00%\",b.txt,\"\(Self.decomposed(year))\",")
                lines.append("\(region),chapters,\(year),,,\(v),,,,b.txt,,Số liệu của Hội")
            }
        }
        var family: [String] = []
        for year in 2000...2039 { family.append(Self.decomposed(year).precomposedStringWithCanonicalMapping + ".") }
        return (lines, ["a.txt": sentences.joined(separator: " "), "b.txt": family.joined(separator: " ").decomposedStringWithCanonicalMapping])
    }

    /// A quote with the family figures, written decomposed (as some editors save Vietnamese).
    static func decomposed(_ year: Int) -> String {
        let v = year - 1900
        return "năm \(year) có \(v * 10)/\(v * 20) hộ đạt gia đình học tập, tỷ lệ 50,00% (chỉ tiêu 75%)".decomposedStringWithCanonicalMapping
    }

    static func reading(_ folder: TemporaryDataset, tuning: FiguresStreamReader.Tuning) throws
        -> (dataset: Dataset, sequential: Bool, rowReaderRows: Int) {
        let gazetteer = try RegionsFileReader.read(SourceFile(name: "r", bytes: Array(TemporaryDataset.regions.utf8)))
        return try FiguresStreamReader.readReporting(path: folder.figuresPath, name: "x", gazetteer: gazetteer, catalogue: .standard,
                                                     tuning: tuning) { DatasetLoader.document(named: $0, in: folder.path) }
    }

    @Test("provenance on every row: the parallel path alone, the same rows as the row reader", arguments: [true, false])
    func everyRow(tiny: Bool) throws {
        let (lines, documents) = Self.rows()
        let folder = try TemporaryDataset(figures: lines.joined(separator: "\n") + "\n", documents: documents)
        let tuning = tiny ? FastIngestTests.tiny : FiguresStreamReader.Tuning()
        let (fast, sequential) = FastIngestTests.bothWays(folder, tuning: tuning)
        let a = try fast.get(), b = try sequential.get()
        FastIngestTests.expectSame(a, b)
        #expect(a.count == lines.count - 1)
        #expect(a.observations.map(\.provenance) == b.observations.map(\.provenance))
        #expect(a.observations.map(\.note) == b.observations.map(\.note))
        #expect(a.documents.names == b.documents.names)
        #expect(a.observations.contains { $0.note == "theo \"báo cáo\" năm" })
        #expect(a.observations.contains { $0.period != nil && $0.provenance?.fragments.count == 2 })
        let streamed = try Self.reading(folder, tuning: tuning)
        #expect(!streamed.sequential)
        #expect(streamed.rowReaderRows == 0, "every row should be scanned, none read by the row reader")
    }

    @Test("a quote missing from its document is still refused, with the same message, line and column")
    func missingQuote() throws {
        let (lines, documents) = Self.rows(badYear: 2013)
        let folder = try TemporaryDataset(figures: lines.joined(separator: "\n") + "\n", documents: documents)
        for tuning in [FastIngestTests.tiny, FiguresStreamReader.Tuning()] {
            let (fast, sequential) = FastIngestTests.bothWays(folder, tuning: tuning)
            guard case let .failure(x) = fast, case let .failure(y) = sequential else { Issue.record("both must refuse the file"); return }
            #expect(x.diagnostics.map(\.description) == y.diagnostics.map(\.description))
            #expect(x.diagnostics.map(\.location) == y.diagnostics.map(\.location))
            let first = try #require(x.diagnostics.first)
            #expect(first.message.hasPrefix("the quote is not in a.txt word for word: the first 27 characters match; then the document has “ên. Trong năm, trong đó …”"))
            let line = try #require(lines.firstIndex { $0.contains("hội viện") }) + 1
            #expect(first.location?.line == line)
            // Both regions' rows of 2013, in one diagnostic.
            #expect(x.diagnostics.count == 1)
            #expect(first.message.hasSuffix("(the same on 1 more line: \(line + 4))"))
        }
    }

    @Test("a document that is missing, and a quote without a document: the row reader's words")
    func missingDocument() throws {
        let lines = [Self.header, "bac-kan/bac-kan,members,2020,,,5,,,,nowhere.txt,,", "bac-kan/bac-kan,members,2021,,,6,,,,,có 6 hội viên,"]
        let folder = try TemporaryDataset(figures: lines.joined(separator: "\n") + "\n", documents: [:])
        let (fast, sequential) = FastIngestTests.bothWays(folder)
        guard case let .failure(x) = fast, case let .failure(y) = sequential else { Issue.record("both must refuse the file"); return }
        #expect(x.diagnostics.map(\.description) == y.diagnostics.map(\.description))
        #expect(x.diagnostics.count == 2)
    }
}
