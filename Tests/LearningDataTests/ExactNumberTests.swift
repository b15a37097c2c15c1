import Testing
import TestSupport
@testable import LearningData

@Suite("Numbers held exactly and written without exponents")
struct ExactNumberTests {
    @Test("printed digits a double holds, and those it would change", arguments: [
        ("0", true), ("97290000", true), ("43.85", true), ("0.1", true), ("-12.50", true), ("00120.50", true),
        ("9007199254740992", true), ("9007199254740993", false), ("12345678901234567890", false),
        ("1234567890123456", true), ("0.1234567890123456789", false), ("100000000000000000000", true),
    ])
    func heldExactly(_ text: String, _ held: Bool) throws {
        let value = try #require(PlainNumber.parse(text))
        #expect(ExactDecimal.holds(value, plainText: text) == held)
        #expect((PlainNumber.inexactness(of: text, value) == nil) == held)
    }

    @Test("numbers of any size are laid out without an exponent", arguments: [
        (1e20, NumberStyle.vi, "100.000.000.000.000.000.000"),
        (1e20, .en, "100,000,000,000,000,000,000"),
        (-1.5e17, .vi, "-150.000.000.000.000.000"),
        (0x1p60, .en, "1,152,921,504,606,847,000"),
        (1.5e-7, .en, "0.00000015"),
        (123.25, .vi, "123,25"),
    ])
    func positional(_ value: Double, _ style: NumberStyle, _ expected: String) {
        let text = NumberWriter.decimal(value, style: style, maximumFractionDigits: 9)
        #expect(text == expected)
        #expect(!text.contains("e"))
    }

    @Test("plain (CSV, JSON) and fixed-digit writing never use an exponent, and read back to the same number")
    func plainRoundTrip() throws {
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let exponent = Double(Int(random.next() % 40)) - 10
            let value = (Double(random.next() >> 11) / 0x1p53 * 2 - 1) * pow10(exponent)
            let plain = PlainNumber.format(value)
            #expect(!plain.contains("e") && !plain.contains("E"), "\(value) → \(plain)")
            if abs(value) >= 1e-9 || value == 0 {
                let back = try #require(PlainNumber.parse(plain))
                #expect(abs(back - value) <= max(abs(value) * 1e-15, 5e-10), "\(value) → \(plain) → \(back)")
            }
            let fixed = NumberWriter.decimal(value, style: .vi, fractionDigits: 2)
            #expect(!fixed.contains("e"), "\(value) → \(fixed)")
        }
        #expect(NumberWriter.money(1e20, style: .vi) == "100.000.000.000.000.000.000 đ")
        #expect(NumberWriter.decimal(2e18, style: .en, fractionDigits: 3) == "2,000,000,000,000,000,000.000")
    }

    private func pow10(_ e: Double) -> Double {
        var x = 1.0
        for _ in 0..<Int(abs(e)) { x = e < 0 ? x / 10 : x * 10 }
        return x
    }

    @Test("the bounded edit distance equals the full one within its limit, and is nil past it")
    func boundedEditDistance() {
        var random = SplitMix64(seed: 5)
        let letters = Array("abcđe".unicodeScalars)
        func word() -> [Unicode.Scalar] { (0..<Int(random.next() % 9)).map { _ in letters[Int(random.next() % UInt64(letters.count))] } }
        for _ in 0..<3_000 {
            let a = word(), b = word(), limit = Int(random.next() % 5)
            let full = editDistance(String(String.UnicodeScalarView(a)), String(String.UnicodeScalarView(b)))
            #expect(editDistance(a, b, limit: limit) == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
        }
    }

    @Test("did-you-mean skips names far longer or shorter than the query")
    func longQueries() {
        let names = (0..<2_000).map { "Xã Số \($0)" }
        #expect(closestMatches(to: String(repeating: "a", count: 100_000), among: names).isEmpty)
        #expect(closestMatches(to: "Xa So 1999", among: names).first == "Xã Số 1999")
    }

    @Test("a long source line is shown as a window around the caret, its quoted text cut")
    func longLines() {
        let line = String(repeating: "x", count: 5_000) + "?" + String(repeating: "y", count: 5_000)
        let d = Diagnostic(code: "E1", message: "bad “\(Diagnostic.excerpt(line))”", location: SourceLocation(file: "f", line: 1, column: 5_001), sourceLine: line)
        let lines = d.description.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count < 200 })
        let shown = lines[1].dropFirst(" 1 | ".count), caret = lines[2].dropFirst(" 1 | ".count)
        let at = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) } ?? -1
        #expect(Array(shown)[at] == "?")
        #expect(lines[0].contains("(10001 characters)"))
    }
}
