import Foundation
import Testing
import TestSupport
@testable import LearningData

/// Whatever the writer writes, the readers read back as the same number, bit for bit: counts,
/// decimals, percentages and money, in both styles. Vietnamese text is read by the Vietnamese reader
/// (and percentages as printed by ``StatedPercent``); English text, which no reader of the library
/// takes as it is, is checked to be the Vietnamese text with the marks swapped, and without its
/// grouping commas to be what the plain CSV reader reads.
///
/// The numbers are drawn by their digits, at most 15 significant ones: that many always come back out
/// of a Double as written, so the writer prints exactly the digits drawn. Longer ones are left to a
/// report of their own (numbers of 16 digits or more are not read back exactly).
@Suite("Numbers written and read back")
struct NumberRoundTripPropertyTests {
    /// Decimal digits, with a sign and a decimal point: `integerDigits` before the point (no leading
    /// zero but for a lone 0), `fractionDigits` after.
    static func digits(_ random: inout SplitMix64, integerDigits: Int, fractionDigits: Int, negative: Bool) -> String {
        var text = negative ? "-" : ""
        for k in 0..<integerDigits {
            text += String(k == 0 && integerDigits > 1 ? Int.random(in: 1...9, using: &random) : Int.random(in: 0...9, using: &random))
        }
        if fractionDigits > 0 {
            text += "."
            for _ in 0..<fractionDigits { text += String(Int.random(in: 0...9, using: &random)) }
        }
        return text
    }

    /// A number of at most 15 significant digits, up to `maximumFraction` of them after the point.
    static func number(_ random: inout SplitMix64, maximumFraction: Int, maximumDigits: Int = 15, signed: Bool = true) -> Double {
        let fraction = Int.random(in: 0...maximumFraction, using: &random)
        let integer = Int.random(in: 1...(maximumDigits - fraction), using: &random)
        let text = digits(&random, integerDigits: integer, fractionDigits: fraction, negative: signed && Bool.random(using: &random))
        return Double(text) ?? .nan
    }

    /// The English text with its marks swapped: what the Vietnamese style writes for the same number.
    static func swappingMarks(_ english: String) -> String {
        String(english.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }

    @Test("decimals of up to six fraction digits, both styles", arguments: [1, 2, 3])
    func decimals(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<400 {
            let value = Self.number(&random, maximumFraction: 6)
            let vi = NumberWriter.decimal(value, style: .vi), en = NumberWriter.decimal(value, style: .en)
            let read = try VietnameseNumberReader.parse(vi)
            #expect(read.value.bitPattern == value.bitPattern || (read.value == 0 && value == 0), "\(value) written as \(vi) reads as \(read.value)")
            #expect(!read.isPercent && !read.isMoney)
            #expect(en == Self.swappingMarks(vi), "\(value): en \(en), vi \(vi)")
            #expect(PlainNumber.parse(en.replacingOccurrences(of: ",", with: "")) == value, "\(value) written as \(en)")
        }
    }

    @Test("counts up to 15 digits and money in đồng, both styles")
    func countsAndMoney() throws {
        var random = SplitMix64(seed: 4)
        for _ in 0..<600 {
            let count = Self.number(&random, maximumFraction: 0, signed: false)
            let vi = NumberWriter.decimal(count, style: .vi)
            #expect(try VietnameseNumberReader.parse(vi).value == count, "\(count) written as \(vi)")
            let money = NumberWriter.money(count, style: .vi), moneyEn = NumberWriter.money(count, style: .en)
            let read = try VietnameseNumberReader.parse(money)
            #expect(read.value == count && read.isMoney, "\(count) đồng written as \(money)")
            #expect(moneyEn == Self.swappingMarks(vi) + " VND")
            #expect(PlainNumber.parse(moneyEn.dropLast(4).replacingOccurrences(of: ",", with: "")) == count, "\(moneyEn)")
        }
    }

    @Test("money with a fraction of a đồng reads back rounded half away from zero")
    func moneyRounds() throws {
        var random = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let amount = Self.number(&random, maximumFraction: 2, maximumDigits: 12, signed: false)
            let money = NumberWriter.money(amount, style: .vi)
            #expect(try VietnameseNumberReader.parse(money).value == amount.rounded(.toNearestOrAwayFromZero), "\(amount) written as \(money)")
        }
    }

    @Test("percentages at their own precision (0 here) and at a fixed one, both styles", arguments: [0, 1, 2, 3])
    func percentages(fixedDigits: Int) throws {
        var random = SplitMix64(seed: 6 + UInt64(fixedDigits))
        for _ in 0..<300 {
            // Shares and rates up to six integer digits (162,81% and the like), no more fraction digits than written.
            let percent = Self.number(&random, maximumFraction: fixedDigits == 0 ? 2 : fixedDigits, maximumDigits: 8)
            let digits: Int? = fixedDigits == 0 ? nil : fixedDigits
            let vi = NumberWriter.percent(percent, style: .vi, fractionDigits: digits)
            let en = NumberWriter.percent(percent, style: .en, fractionDigits: digits)
            let stated = try StatedPercent(printed: vi)
            #expect(stated.value == percent, "\(percent) written as \(vi) reads as \(stated.value)")
            if let digits { #expect(stated.fractionDigits == digits, "\(vi)") }
            #expect(en == Self.swappingMarks(vi), "\(en) against \(vi)")
            #expect(PlainNumber.parse(en.dropLast().replacingOccurrences(of: ",", with: "")) == percent, "\(en)")
        }
    }

    @Test("a fixed number of fraction digits pads with zeros and reads back the same number")
    func fixedDigits() throws {
        var random = SplitMix64(seed: 10)
        for _ in 0..<400 {
            let digits = Int.random(in: 0...6, using: &random)
            let value = Self.number(&random, maximumFraction: digits, maximumDigits: 12)
            let vi = NumberWriter.decimal(value, style: .vi, fractionDigits: digits)
            let read = try VietnameseNumberReader.parse(vi)
            #expect(read.value == value, "\(value) written as \(vi) with \(digits) digits reads as \(read.value)")
            #expect(read.fractionDigits == digits, "\(vi)")
        }
    }
}
