import LearningGeography

/// The numbers a quote prints, read from its UTF-8 bytes exactly as
/// ``VietnameseNumberReader/numbers(in:)`` reads them from its scalars, without a `String`, an array
/// of scalars or an allocation per number: a provenance load has a new quote on almost every row, so
/// this runs once a row.
///
/// Every character the reader looks at around a number (digits, `.`, `,`, `%`, spaces) is ASCII or
/// U+00A0, so positions in bytes stand for positions in scalars. A word right after a number that
/// could be a scale word ("triệu", "nghìn", "tỷ": one starting with n or t, or with a letter beyond
/// ASCII other than đ) is folded and compared as the reader does; any other word cannot be one.
enum QuoteFigures {
    /// Appends each number's value and whether it is a percentage, in order; false (with nothing
    /// appended) when the full reader must read the quote (bytes that are not UTF-8).
    static func read(_ p: UnsafeBufferPointer<UInt8>, values: inout [Double], percents: inout [Bool]) -> Bool {
        let n = p.count, first = values.count
        var i = 0
        while i < n {
            guard isDigit(p[i]), i == 0 || !isDigit(p[i - 1]) else { i += 1; continue }
            var digits = Digits()
            var j = i
            while j < n, isDigit(p[j]) { digits.add(p[j]); j += 1 }
            // Thousands groups: "." followed by exactly three digits and then no fourth.
            while j + 3 < n, p[j] == 0x2E, isDigit(p[j + 1]), isDigit(p[j + 2]), isDigit(p[j + 3]), j + 4 >= n || !isDigit(p[j + 4]) {
                digits.add(p[j + 1]); digits.add(p[j + 2]); digits.add(p[j + 3])
                j += 4
            }
            var fractionDigits = 0
            if j + 1 < n, p[j] == 0x2C, isDigit(p[j + 1]) {
                j += 1
                while j < n, isDigit(p[j]) { digits.add(p[j]); fractionDigits += 1; j += 1 }
            }
            var look = j
            while look < n {
                if p[look] == 0x20 || p[look] == 0x09 { look += 1 } else if p[look] == 0xC2, look + 1 < n, p[look + 1] == 0xA0 { look += 2 } else { break }
            }
            let isPercent = look < n && p[look] == 0x25
            var scale = 0
            if !isPercent, look < n, mayStartScaleWord(p, look) {
                guard let found = scaleWord(p, at: look) else {
                    values.removeSubrange(first...)
                    percents.removeSubrange(first...)
                    return false
                }
                scale = found
            }
            if let value = digits.value(fractionDigits: fractionDigits, scale: scale) {
                values.append(value)
                percents.append(isPercent)
                // What the reader skips past after the digits (spaces, "%", a currency word) holds
                // no digit, so going on from the digits finds the same next number.
                i = j
            } else {
                i += 1
            }
        }
        return true
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Whether the scalar at `k` may start a word that folds to a scale word: an ASCII letter folds
    /// to itself in lower case, and đ to d, so only n, t and other letters beyond ASCII may.
    private static func mayStartScaleWord(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = p[k]
        if b < 0x80 { return b == 0x6E || b == 0x4E || b == 0x74 || b == 0x54 }
        if b == 0xC4, k + 1 < p.count, p[k + 1] == 0x90 || p[k + 1] == 0x91 { return false }     // Đ, đ
        return true
    }

    /// The power of ten of the scale word at `k` (0 for none), as the reader finds it: the word of
    /// alphabetic scalars there, folded, is one of the scale's words, and a billion is not one
    /// when "lệ" follows ("tỷ lệ" is a rate). nil for bytes that are not UTF-8.
    private static func scaleWord(_ p: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        guard let (word, after) = foldedWord(p, at: k) else { return nil }
        guard let scale = VietnameseNumber.Scale.allCases.first(where: { $0.foldedWords.contains(word) }) else { return 0 }
        if scale == .billion {
            var next = after
            while next < p.count {
                if p[next] == 0x20 || p[next] == 0x09 { next += 1 } else if p[next] == 0xC2, next + 1 < p.count, p[next + 1] == 0xA0 { next += 2 } else { break }
            }
            guard let (following, _) = foldedWord(p, at: next) else { return nil }
            if following == "le" { return 0 }
        }
        return scale.rawValue
    }

    /// The folded word of alphabetic scalars starting at `k` ("" when none does) and where it ends;
    /// nil for bytes that are not UTF-8.
    private static func foldedWord(_ p: UnsafeBufferPointer<UInt8>, at k: Int) -> (String, Int)? {
        var j = k
        while j < p.count {
            let b = p[j]
            if b < 0x80 {
                guard b >= 0x41 && b <= 0x5A || b >= 0x61 && b <= 0x7A else { break }
                j += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard j + length <= p.count else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: p[j..<(j + length)])
            guard let decoded = String(validating: bytes, as: UTF8.self), let scalar = decoded.unicodeScalars.first,
                  decoded.unicodeScalars.count == 1 else { return nil }
            guard scalar.properties.isAlphabetic else { break }
            j += length
        }
        guard j > k else { return ("", j) }
        guard let word = String(validating: UnsafeBufferPointer(rebasing: p[k..<j]), as: UTF8.self) else { return nil }
        return (VietnameseText.fold(word), j)
    }

    /// A number's digits as the reader's `makeValue` takes them, kept as they come: leading zeros
    /// dropped, trailing zeros counted into the exponent, at most 18 significant digits.
    private struct Digits {
        var mantissa: UInt64 = 0
        var significant = 0, pendingZeros = 0
        var started = false, tooLong = false

        @inline(__always)
        mutating func add(_ byte: UInt8) {
            let d = UInt64(byte &- 0x30)
            if d == 0 {
                if started { pendingZeros += 1 }
                return
            }
            started = true
            if significant + pendingZeros + 1 > 18 { tooLong = true }
            if !tooLong {
                for _ in 0..<pendingZeros { mantissa &*= 10 }
                mantissa = mantissa &* 10 &+ d
            }
            significant += pendingZeros + 1
            pendingZeros = 0
        }

        func value(fractionDigits: Int, scale: Int) -> Double? {
            guard started else { return 0 }
            guard !tooLong else { return nil }
            let exponent = scale + pendingZeros - fractionDigits
            guard exponent >= -22, exponent <= 22 else { return exponent > 0 ? nil : 0 }
            let power = VietnameseNumberReader.powersOfTen[abs(exponent)]
            return exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
        }
    }
}
