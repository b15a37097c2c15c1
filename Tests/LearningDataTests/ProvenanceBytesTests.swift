import Foundation
import Testing
import TestSupport
@testable import LearningData

/// The byte-level pieces of the provenance fast path give what the exact, `String`-level code gives:
/// the numbers of a quote, the pool's numbering of canonically equivalent texts, and where an
/// excerpt stands in a document whatever the search starts from.
@Suite("Provenance, byte by byte")
struct ProvenanceBytesTests {

    static let pieces = ["0", "7", "12", "1.646", "2.0440", "44,71", "%", " %", "\u{A0}%", ".", ",", " ", "\u{A0}", "\t", "hộ", "trên",
                         "triệu", "tỷ", "tỉ lệ", "nghìn", "ngàn", "Ngàn", "TRIỆU", "đồng", "Đ", "đ", "dòng họ", "năm", "x", "-", "/",
                         "000", "1234567890123456789", "9.999.999.999.999.999.999", "0,000", "ạ", "“", "”", "[...]", "e\u{301}"]

    static func numbers(_ text: String) -> (values: [Double], percents: [Bool])? {
        var values: [Double] = [], percents: [Bool] = []
        let done = text.utf8.withContiguousStorageIfAvailable { QuoteFigures.read($0, values: &values, percents: &percents) }
        return done == true ? (values, percents) : nil
    }

    @Test("a quote's numbers from its bytes are the Vietnamese reader's, or it asks the reader")
    func figures() {
        var random = SplitMix64(seed: 14)
        var read = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...9, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
            let exact = VietnameseNumberReader.numbers(in: text)
            guard let fast = Self.numbers(text) else {
                // Asking the reader is right only when a word could be a scale word.
                #expect(text.contains { "nNtTĐđ".contains($0) || !$0.isASCII }, "\(text)")
                continue
            }
            read += 1
            #expect(fast.values == exact.map(\.value), "\(text)")
            #expect(fast.percents == exact.map(\.isPercent), "\(text)")
        }
        #expect(read > 5_000)
    }

    @Test("the benchmark's quotes are read from their bytes", arguments: [
        "Năm 2014, đơn vị c1 ghi nhận chỉ số learning family, đạt 736, trên tổng số 1.646, tỷ lệ 44,71%, chỉ tiêu 75%.",
        "Gia đình học tập: 736 hộ trên tổng số 1.646 hộ (đạt 44,71%); chỉ tiêu 75%.",
        "Dòng họ học tập: 12 dòng họ trên tổng số 25 dòng họ (đạt 48,00%).",
    ])
    func benchmarkQuotes(quote: String) throws {
        let fast = try #require(Self.numbers(quote))
        let exact = VietnameseNumberReader.numbers(in: quote)
        #expect(fast.values == exact.map(\.value))
        #expect(fast.percents == exact.map(\.isPercent))
    }

    @Test("canonically equivalent texts get one number, whichever way each is stored and whichever comes first")
    func pool() {
        let nfc = "Hội Khuyến học Hà Nội", nfd = "Hội Khuyến học Hà Nội".decomposedStringWithCanonicalMapping
        #expect(!TextKey(nfd).isPlain && TextKey(nfc).isPlain)
        for (first, second) in [(nfc, nfd), (nfd, nfc)] {
            var pool = StringPool()
            let a = pool.intern("x"), b = pool.intern(first), c = pool.intern(second), d = pool.intern(first, key: TextKey(first))
            #expect((a, b, c, d) == (0, 1, 1, 1))
            #expect(pool.strings == ["x", first])
        }
        // A pack's pool, with a text twice: the first keeps its number, as interning in order would.
        var packed = StringPool(texts: ["a", nfd, nfc, "b"])
        #expect(packed.intern(nfc) == 1)
        #expect(packed.intern("b") == 3)
        #expect(packed.intern("c") == 4)
        var grown = StringPool()
        grown.reserve(10)
        let numbers = (0..<5_000).map { grown.intern("câu số \($0)") }
        #expect(numbers == (0..<5_000).map(Int32.init))
        #expect((0..<5_000).allSatisfy { grown.intern("câu số \($0)") == Int32($0) })
    }

    @Test("an excerpt is found wherever the search starts, and only on character boundaries")
    func search() {
        let text = "Năm 2014, xã A đạt 736. Năm 2015, xã A đạt 740. Năm 2014, xã A đạt 736."
        for hint in [-3, 0, 5, 30, text.utf8.count - 3, text.utf8.count, text.utf8.count + 10] {
            for excerpt in ["Năm 2015, xã A đạt 740.", "Năm 2014, xã A đạt 736.", "đạt 7", "."] {
                let end = VerbatimSearch.surelyFind(excerpt, in: text, from: hint)
                #expect(end != nil, "\(excerpt) from \(hint)")
                if let end {
                    let bytes = Array(text.utf8)[(end - excerpt.utf8.count)..<end]
                    #expect(Array(bytes) == Array(excerpt.utf8))
                }
            }
            #expect(VerbatimSearch.surelyFind("Năm 2016", in: text, from: hint) == nil)
        }
        // A match whose end splits a character (CR LF, or a letter and its combining mark) is not sure.
        #expect(!VerbatimSearch.surelyContains("ab\r\ncd", "ab\r"))
        #expect(!VerbatimSearch.surelyContains("xe\u{301}y", "xe"))
        #expect(VerbatimSearch.surelyContains("ab\r\ncd", "ab\r\n"))
        #expect(!VerbatimSearch.surelyContains("abc", ""))
    }

    @Test("the stretch's table numbers each distinct run of bytes once, keeping them where they are in the buffer")
    func internTable() {
        let words = (0..<3_000).map { "câu \($0 % 1_000)" } + ["", "a", "ab"]
        var bytes: [UInt8] = [], spans: [Range<Int>] = []
        for word in words {
            spans.append(bytes.count..<(bytes.count + word.utf8.count))
            bytes += Array(word.utf8)
        }
        bytes.withUnsafeBufferPointer { p in
            var table = ByteInternTable(expected: 10)
            var firstOf: [String: Int32] = [:]
            for (word, span) in zip(words, spans) {
                let (id, isNew, hash) = table.intern(p, span.lowerBound, span.upperBound)
                #expect(isNew == (firstOf[word] == nil), "\(word)")
                #expect(id == firstOf[word, default: id])
                #expect(hash == ByteInternTable.hash(p, span.lowerBound, span.upperBound))
                firstOf[word] = id
            }
            #expect(table.count == 1_003)
        }
    }
}
