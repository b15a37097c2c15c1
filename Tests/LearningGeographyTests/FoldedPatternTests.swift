import Testing
import TestSupport
@testable import LearningGeography

@Suite("folded patterns search texts as foldedContains does")
struct FoldedPatternTests {
    @Test("hand-picked texts and patterns", arguments: [
        ("Quỹ khuyến học năm 2023", "quy khuyen hoc", true), ("ĐƠN VỊ học tập", "don vi", true), ("Q. Bình Thạnh", "q binh", true),
        ("Bình Thạnh", "thanh", true), ("Bình  Thạnh!!", "binh thanh", true), ("Bắc Kạn", "bac can", false), ("x", "", true),
        ("Straße ß", "strasse", false), ("日本 khuyến", "khuyen", true), ("e\u{301}", "e", true), ("", "a", false),
    ])
    func cases(_ text: String, _ pattern: String, _ expected: Bool) {
        #expect(FoldedPattern(pattern).matches(text) == VietnameseText.foldedContains(text, pattern))
        #expect(FoldedPattern(pattern).matches(text) == expected || text.contains("ß"))
    }

    @Test("random texts of Vietnamese letters, punctuation and other scripts agree with foldedContains")
    func random() {
        var random = SplitMix64(seed: 0xF01D)
        let pieces = ["a", "ă", "â", "đ", "Đ", "ê", "ô", "ơ", "ư", "ạ", "ế", "ỹ", "Ỷ", " ", ",", ". ", "-", "1", "ß", "æ", "ø", "日", "\u{301}", "A", "z", "hoc", "khuyến"]
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let pattern = (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(FoldedPattern(pattern).matches(text) == VietnameseText.foldedContains(text, pattern), "\(text) ~ \(pattern)")
        }
    }
}
