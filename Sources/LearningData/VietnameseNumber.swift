/// A number read from Vietnamese text: "2.631" (2631), "37,28%" (37.28 percent), "43,85 triệu đồng"
/// (43 850 000), "01" (1).
public struct VietnameseNumber: Hashable, Sendable, CustomStringConvertible {
    /// The value in plain units: 43 850 000 for "43,85 triệu"; 37.28 for "37,28%" (a percent, not 0.3728).
    public let value: Double
    /// Whether a `%` followed the digits.
    public let isPercent: Bool
    /// How many digits were printed after the decimal comma: 2 for "37,28%", 0 for "2.631".
    /// A stated percentage is checked at this precision.
    public let fractionDigits: Int
    /// The scale word that followed, if any ("triệu" is ×10⁶).
    public let scale: Scale
    /// Whether a currency word followed ("đồng", "đ", "VNĐ", "VND").
    public let isMoney: Bool
    /// The exact characters the number was read from, scale and unit words included.
    public let text: String
    /// Where the number stands in the text it was found in, in Unicode scalars from the start.
    public let scalarRange: Range<Int>

    /// Scale words that multiply the number before them.
    public enum Scale: Int, Sendable, CaseIterable {
        case none = 0, thousand = 3, million = 6, billion = 9

        /// The Vietnamese words for the scale, folded ("trieu" for "triệu").
        var foldedWords: [String] {
            switch self {
            case .none: []
            case .thousand: ["nghin", "ngan"]
            case .million: ["trieu"]
            case .billion: ["ty", "ti"]
            }
        }
    }

    public var description: String { text }
}

/// What went wrong reading a number that should be one whole Vietnamese number.
public struct NumberFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that was read.
    public let text: String
    /// Where in `text` the problem is, in Unicode scalars from the start.
    public let offset: Int
    /// What was wrong, in plain words.
    public let reason: String

    public var description: String { "cannot read “\(text)” as a number: \(reason)" }
}

/// Reads numbers written the Vietnamese way: `.` groups thousands, `,` is the decimal comma, and a
/// scale word ("nghìn", "triệu", "tỷ") may follow.
public enum VietnameseNumberReader {
    /// Reads `text` as exactly one number, with optional sign, `%`, scale word and currency word.
    ///
    /// `parse("97.290.000 đồng")` is 97 290 000; `parse("1.5")` is an error, because a `.` must be
    /// followed by exactly three digits (write one and a half as "1,5").
    public static func parse(_ text: String) throws(NumberFormatError) -> VietnameseNumber {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        skipSpaces(scalars, &i)
        var negative = false
        if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" || scalars[i] == "−" {
            negative = scalars[i] != "+"
            i += 1
        }
        guard i < scalars.count, isDigit(scalars[i]) else {
            throw NumberFormatError(text: text, offset: i, reason: i < scalars.count ? "expected a digit" : "there is no number")
        }
        guard var number = scan(scalars, from: i, strict: true, text: text) else {
            throw NumberFormatError(text: text, offset: i, reason: "expected a digit")
        }
        if let problem = strictProblem(scalars, number: number) {
            throw NumberFormatError(text: text, offset: problem.offset, reason: problem.reason)
        }
        var end = number.scalarRange.upperBound
        skipSpaces(scalars, &end)
        guard end == scalars.count else {
            throw NumberFormatError(text: text, offset: end, reason: "unexpected “\(String(String.UnicodeScalarView(scalars[end...])))” after the number")
        }
        if negative {
            number = VietnameseNumber(value: -number.value, isPercent: number.isPercent, fractionDigits: number.fractionDigits,
                                      scale: number.scale, isMoney: number.isMoney, text: text, scalarRange: 0..<scalars.count)
        }
        return number
    }

    /// Every number in a running text, in order: the reader used to find a figure in its quote.
    ///
    /// Ranges such as "800 - 1000" give two numbers; dates such as "23/02/2016" give three. Signs are
    /// not read, since a "-" between numbers in prose is a dash.
    public static func numbers(in text: String) -> [VietnameseNumber] {
        let scalars = Array(text.unicodeScalars)
        var found: [VietnameseNumber] = []
        var i = 0
        while i < scalars.count {
            let startsWord = i == 0 || !isDigit(scalars[i - 1])
            if isDigit(scalars[i]), startsWord, let number = scan(scalars, from: i, strict: false, text: text) {
                found.append(number)
                i = max(number.scalarRange.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    // MARK: - Scanning

    private static func scan(_ s: [Unicode.Scalar], from start: Int, strict: Bool, text: String) -> VietnameseNumber? {
        var digits: [UInt8] = []
        var i = start
        while i < s.count, isDigit(s[i]) { digits.append(UInt8(s[i].value - 48)); i += 1 }
        guard !digits.isEmpty else { return nil }
        // Thousands groups: "." followed by exactly three digits and then no fourth.
        while groupFollows(s, at: i) {
            for k in 1...3 { digits.append(UInt8(s[i + k].value - 48)) }
            i += 4
        }
        var fractionDigits = 0
        if i + 1 < s.count, s[i] == ",", isDigit(s[i + 1]) {
            i += 1
            while i < s.count, isDigit(s[i]) { digits.append(UInt8(s[i].value - 48)); fractionDigits += 1; i += 1 }
        }
        var end = i
        var isPercent = false, scale = VietnameseNumber.Scale.none, isMoney = false
        var look = i
        skipSpaces(s, &look)
        if look < s.count, s[look] == "%" {
            isPercent = true
            end = look + 1
        } else if let (word, after) = word(in: s, at: look), let found = VietnameseNumber.Scale.allCases.first(where: { $0.foldedWords.contains(word) }),
                  !(found == .billion && nextWord(in: s, at: after) == "le") {
            scale = found
            end = after
            look = after
        }
        if !isPercent {
            var unitLook = look
            skipSpaces(s, &unitLook)
            // Compared unfolded: "dòng" (a clan, "dòng họ") folds to the same letters as "đồng".
            if let (_, after) = word(in: s, at: unitLook),
               ["đồng", "đ", "vnd", "vnđ", "dong", "d"].contains(VietnameseText.nfc(String(String.UnicodeScalarView(s[unitLook..<after]))).lowercased()) {
                isMoney = true
                end = after
            }
        }
        guard let value = makeValue(digits: digits, fractionDigits: fractionDigits, scale: scale) else { return nil }
        return VietnameseNumber(value: value, isPercent: isPercent, fractionDigits: fractionDigits, scale: scale,
                                isMoney: isMoney, text: String(String.UnicodeScalarView(s[start..<end])), scalarRange: start..<end)
    }

    private static func groupFollows(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 3 < s.count, s[i] == ".", isDigit(s[i + 1]), isDigit(s[i + 2]), isDigit(s[i + 3]) else { return false }
        return i + 4 >= s.count || !isDigit(s[i + 4])
    }

    /// In a whole-number parse, a "." that does not start a thousands group is an error, not an end.
    private static func strictProblem(_ s: [Unicode.Scalar], number: VietnameseNumber) -> (offset: Int, reason: String)? {
        let end = number.scalarRange.upperBound
        guard end < s.count else { return nil }
        if s[end] == "." {
            return (end, "“.” separates thousands in Vietnamese numbers and must be followed by exactly three digits; the decimal mark is “,” (1,5)")
        }
        if s[end] == ",", end + 1 < s.count, !isDigit(s[end + 1]) {
            return (end, "expected digits after the decimal comma")
        }
        return nil
    }

    private static func makeValue(digits: [UInt8], fractionDigits: Int, scale: VietnameseNumber.Scale) -> Double? {
        var significant = digits.drop { $0 == 0 }
        if significant.isEmpty { return 0 }
        // Trailing zeros move into the exponent so that "97.290.000" stays exact and short.
        var exponent = scale.rawValue - fractionDigits
        while let last = significant.last, last == 0 { significant.removeLast(); exponent += 1 }
        guard significant.count <= 18 else { return nil }
        var mantissa: UInt64 = 0
        for d in significant { mantissa = mantissa * 10 + UInt64(d) }
        guard exponent >= -22, exponent <= 22 else { return exponent > 0 ? nil : 0 }
        let power = powersOfTen[abs(exponent)]
        return exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
    }

    /// 10⁰ … 10²², each exact; ``QuoteFigures`` makes values with the same table.
    static let powersOfTen: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    // MARK: - Characters and words

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{A0}" || c == "\t" }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ i: inout Int) {
        while i < s.count, isSpace(s[i]) { i += 1 }
    }

    /// The folded word starting at `i` and where it ends, when `i` starts a word of letters.
    private static func word(in s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i
        while j < s.count, s[j].properties.isAlphabetic { j += 1 }
        guard j > i else { return nil }
        return (VietnameseText.fold(String(String.UnicodeScalarView(s[i..<j]))), j)
    }

    private static func nextWord(in s: [Unicode.Scalar], at i: Int) -> String? {
        var j = i
        skipSpaces(s, &j)
        return word(in: s, at: j)?.0
    }
}
