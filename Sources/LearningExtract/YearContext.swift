import LearningData

/// The year (and period) a figure is for, as the text says it: "năm 2022", "cuối năm 2022", "6 tháng
/// đầu năm 2024", "giai đoạn 2016 - 2020", "nhiệm kỳ 2017-2022". A year after "so với" is a comparison
/// and a span that ends in the future is a plan: neither is the figure's year. A year named stays the
/// year of the clauses after it until another is named; before any, the report's own year holds.
struct YearContext {
    /// A year or period named in a clause.
    struct Named {
        let year: Int
        /// `2016-2020`, `2024-H1`: nil for the whole year.
        let period: String?
        /// The words that said it.
        let words: String
    }

    /// What a clause names, from its numbers and the words before each.
    static func named(in numbers: [VietnameseNumber], clause: String, reportYear: Int?) -> Named? {
        var found: Named? = nil
        let folded = " " + VietnameseText.fold(clause) + " "
        // "Năm qua" (the past year) in a report dated in a year is the year before.
        if let reportYear, folded.contains(" nam qua ") {
            found = Named(year: reportYear - 1, period: nil, words: "năm qua, before the report's date")
        }
        // "Trong 6 tháng", "6 tháng qua": the first half of the report's year.
        if let reportYear, folded.contains(" trong 6 thang ") || folded.contains(" 6 thang qua ") || folded.contains(" sau thang qua ") {
            found = Named(year: reportYear, period: "\(reportYear)-H1", words: "6 tháng of the report's year")
        }
        for (k, n) in numbers.enumerated() where isYear(n) {
            let before = VietnameseText.fold(String(clause.unicodeScalars.prefix(n.scalarRange.lowerBound)))
            let last = before.split(separator: " ").suffix(4).joined(separator: " ")
            if last.hasSuffix("so voi nam") || last.hasSuffix("so voi") || last.hasSuffix("cung ky nam") { continue }
            let year = Int(n.value)
            // A span: "2016 - 2020", "2016–2020", "2017-2022".
            if k + 1 < numbers.count, isYear(numbers[k + 1]), isSpanBetween(clause, n, numbers[k + 1]) {
                let end = Int(numbers[k + 1].value)
                if let reportYear, end > reportYear { continue }
                if end > year, (try? Period(parsing: "\(year)-\(end)")) != nil { found = Named(year: end, period: "\(year)-\(end)", words: "\(year)-\(end)") }
                continue
            }
            if k > 0, isYear(numbers[k - 1]), isSpanBetween(clause, numbers[k - 1], n) { continue }
            guard last.hasSuffix("nam") || last.hasSuffix("nam hoc") else { continue }
            if last.hasSuffix("6 thang dau nam") || last.hasSuffix("sau thang dau nam") {
                found = Named(year: year, period: "\(year)-H1", words: "6 tháng đầu năm \(year)")
            } else if last.hasSuffix("9 thang dau nam") {
                found = Named(year: year, period: "\(year)-9M", words: "9 tháng đầu năm \(year)")
            } else if found == nil || found?.period == nil {
                found = Named(year: year, period: nil, words: "năm \(year)")
            }
        }
        return found
    }

    /// A whole number that reads as a year of the movement's reports.
    static func isYear(_ n: VietnameseNumber) -> Bool {
        !n.isPercent && !n.isMoney && n.scale == .none && n.fractionDigits == 0 && !n.text.contains(".") && (1990...2100).contains(n.value)
    }

    private static func isSpanBetween(_ clause: String, _ a: VietnameseNumber, _ b: VietnameseNumber) -> Bool {
        let between = String(String.UnicodeScalarView(Array(clause.unicodeScalars)[a.scalarRange.upperBound..<b.scalarRange.lowerBound]))
        let trimmed = between.trimmingWhitespace
        return ["-", "–", "—", "đến"].contains(trimmed)
    }
}
