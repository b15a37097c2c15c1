import Testing
import TestSupport
@testable import LearningData

@Suite("Reading Vietnamese numbers")
struct VietnameseNumberReaderTests {
    @Test("whole numbers as the reports print them", arguments: [
        ("2.631", 2631.0, false, 0),
        ("7.106", 7106, false, 0),
        ("37,28%", 37.28, true, 2),
        ("37,28 %", 37.28, true, 2),
        ("100%", 100, true, 0),
        ("97.290.000 đồng", 97_290_000, false, 0),
        ("43,85 triệu đồng", 43_850_000, false, 2),
        ("558,6 triệu", 558_600_000, false, 1),
        ("841 triệu", 841_000_000, false, 0),
        ("26,542 triệu đồng", 26_542_000, false, 3),
        ("1,5 tỷ", 1_500_000_000, false, 1),
        ("2 tỉ đồng", 2_000_000_000, false, 0),
        ("5 nghìn", 5_000, false, 0),
        ("01", 1, false, 0),
        ("0", 0, false, 0),
        ("2101", 2101, false, 0),
        ("-3", -3, false, 0),
        ("1.234,5", 1234.5, false, 1),
    ])
    func parse(text: String, value: Double, isPercent: Bool, fractionDigits: Int) throws {
        let number = try VietnameseNumberReader.parse(text)
        #expect(number.value == value)
        #expect(number.isPercent == isPercent)
        #expect(number.fractionDigits == fractionDigits)
    }

    @Test("money words are recognised", arguments: ["97.290.000 đồng", "43,85 triệu đồng", "1.234.567 đ", "500 VND"])
    func money(text: String) throws {
        #expect(try VietnameseNumberReader.parse(text).isMoney)
    }

    // "dòng họ" (clans) folds to the letters of "đồng": 54 clans were read as 54 đồng.
    @Test("a word that folds like đồng is not money", arguments: ["54 dòng họ", "2/3 dòng họ", "5 Dòng họ học tập"])
    func notMoney(text: String) {
        #expect(VietnameseNumberReader.numbers(in: text).allSatisfy { !$0.isMoney })
    }

    @Test("text that is not one Vietnamese number is refused, with the place", arguments: [
        ("1.5", 1), ("2.63", 1), ("1.2345", 1), ("", 0), ("abc", 0), ("12,", 2), ("3 con gà", 2), ("%", 0),
    ])
    func refuse(text: String, offset: Int) {
        #expect(throws: NumberFormatError.self) { try VietnameseNumberReader.parse(text) }
        do {
            _ = try VietnameseNumberReader.parse(text)
        } catch {
            #expect(error.offset == offset, "offset for \(text)")
        }
    }

    @Test("a decimal point in the English way gets an explanation")
    func explainDecimalPoint() {
        do {
            _ = try VietnameseNumberReader.parse("1.5")
            Issue.record("1.5 was accepted")
        } catch {
            #expect(error.description.contains("decimal mark is “,”"))
        }
    }

    @Test("every number in a running text", arguments: [
        ("đạt tỉ lệ 37,28% so với tổng số hộ", [37.28]),
        ("(46/25 suất, đạt tỉ lệ 184%)", [46, 25, 184]),
        ("kết quả vận động quỹ (97.290.000/60.000.000 đồng, tỉ lệ 162,81%)", [97_290_000, 60_000_000, 162.81]),
        ("với tổng số 800 - 1000 công dân", [800, 1000]),
        ("được hơn 841 triệu đồng", [841_000_000]),
        ("trị giá 43,85 triệu đồng; tặng 614 suất học bổng trị giá 558,6 triệu đồng", [43_850_000, 614, 558_600_000]),
        ("Năm 2018./.", [2018]),
        ("Phường 6, 25 và 28", [6, 25, 28]),
        ("ngày 23/02/2016", [23, 2, 2016]),
        ("không có số", []),
    ])
    func numbersInText(text: String, values: [Double]) {
        #expect(VietnameseNumberReader.numbers(in: text).map(\.value) == values)
    }

    @Test("“tỉ lệ” is a rate, not a billion")
    func tiLeIsNotABillion() {
        let numbers = VietnameseNumberReader.numbers(in: "có 10 tỉ lệ")
        #expect(numbers.map(\.value) == [10])
    }

    @Test("a found number knows its place and text")
    func spans() {
        let text = "có 3.936 hội viên, đạt tỉ lệ 12,82%"
        let numbers = VietnameseNumberReader.numbers(in: text)
        #expect(numbers.map(\.text) == ["3.936", "12,82%"])
        #expect(numbers.first?.scalarRange == 3..<8)
    }
}

@Suite("Writing numbers")
struct NumberWriterTests {
    @Test("vi and en styles", arguments: [
        (2631.0, NumberStyle.vi, "2.631"), (2631, .en, "2,631"),
        (1_234_567, .vi, "1.234.567"), (1_234_567.5, .en, "1,234,567.5"),
        (43.85, .vi, "43,85"), (0, .vi, "0"), (-1234.25, .vi, "-1.234,25"), (999, .vi, "999"),
        (0.1 + 0.2, .en, "0.3"),
    ])
    func decimal(value: Double, style: NumberStyle, text: String) {
        #expect(NumberWriter.decimal(value, style: style) == text)
    }

    @Test("percentages, money and percentage points")
    func units() {
        #expect(NumberWriter.percent(37.28, style: .vi) == "37,28%")
        #expect(NumberWriter.percent(37.28, style: .en) == "37.28%")
        #expect(NumberWriter.percent(100, style: .vi) == "100%")
        #expect(NumberWriter.percent(162.1500, style: .vi, fractionDigits: 2) == "162,15%")
        #expect(NumberWriter.money(1_234_567, style: .vi) == "1.234.567 đ")
        #expect(NumberWriter.money(1_234_567, style: .en) == "1,234,567 VND")
        #expect(NumberWriter.points(2.5, style: .vi) == "+2,5 điểm %")
        #expect(NumberWriter.points(-1.25, style: .en) == "-1.25 pp")
    }

    @Test("fixed digits round half away from zero")
    func rounding() {
        #expect(NumberWriter.decimal(2.5, style: .vi, fractionDigits: 0) == "3")
        #expect(NumberWriter.decimal(-2.5, style: .vi, fractionDigits: 0) == "-3")
        #expect(NumberWriter.decimal(37.025, style: .en, fractionDigits: 1) == "37.0")
        #expect(NumberWriter.decimal(1, style: .vi, fractionDigits: 2) == "1,00")
    }

    @Test("what is written in vi style reads back the same", arguments: [NumberStyle.vi])
    func roundTrip(style: NumberStyle) throws {
        var generator = SplitMix64(seed: 20261123)
        for _ in 0..<2_000 {
            let whole = Double(generator.next() % 10_000_000_000)
            let cents = Double(generator.next() % 100) / 100
            for value in [whole, whole + cents, cents] {
                let text = NumberWriter.decimal(value, style: style)
                #expect(try VietnameseNumberReader.parse(text).value == value, "\(value) written as \(text)")
                let percent = NumberWriter.percent(cents * 100, style: style)
                #expect(try VietnameseNumberReader.parse(percent).value == (cents * 100).rounded() , "\(percent)")
            }
        }
    }

    @Test("plain numbers for CSV files round-trip", arguments: [0.0, 97_290_000, 43.85, 0.5, -12, 1e14, 123.456789])
    func plainRoundTrip(value: Double) {
        #expect(PlainNumber.parse(PlainNumber.format(value)) == value)
    }

    @Test("plain numbers refuse Vietnamese grouping", arguments: ["97.290.000", "2,631", "1e5", "", ".5", "5.", "--1", "nan", "inf"])
    func plainRefuses(text: String) {
        #expect(PlainNumber.parse(text) == nil)
    }
}

