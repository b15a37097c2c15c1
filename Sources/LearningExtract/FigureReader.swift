import LearningData

/// What holds for a clause from the report around it: the region and the year in force.
struct ClauseContext {
    let document: String
    let region: ResolvedRegion?
    /// How the region was found, for the reason.
    let regionWords: String
    let regionSure: Bool
    let year: Int?
    let period: String?
    let yearWords: String
    /// Whether the year was named in this clause or its paragraph (not only the report's date).
    let yearSure: Bool
    /// The regions the clause names, where (offsets in the report's text).
    let mentions: [(region: ResolvedRegion, start: Int, end: Int)]
    /// Where the clause starts in the report's text.
    let clauseStart: Int
}

/// Reads the figures of one clause: each number that is a figure (not a year, a date, a document's
/// number or part of a name), what it counts, and what is printed with it (a base after “/”, a stated
/// percentage, a target, a change, a qualifier, a range).
struct FigureReader {
    let text: ReportText
    let titles: [(folded: String, indicator: String)]

    func read(_ range: Range<Int>, _ context: ClauseContext) -> [DraftFigure] {
        let clause = text.slice(range)
        let scalars = Array(clause.unicodeScalars)
        let numbers = VietnameseNumberReader.numbers(in: clause)
        let all = Words(text, range)
        var figures: [DraftFigure] = []
        var previousEnd = 0
        var skippedName = false
        var k = 0
        func words(_ a: Int, _ b: Int) -> Words { Words(text, (range.lowerBound + a)..<(range.lowerBound + max(a, b))) }
        func between(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<max(a, b)])).trimmingWhitespace }
        while k < numbers.count {
            let n = numbers[k]
            let next = k + 1 < numbers.count ? numbers[k + 1] : nil
            let before = words(previousEnd, n.scalarRange.lowerBound)
            defer { k += 1 }
            // Years, dates, a document's number ("số 1373/QĐ-TTg"), a number that is part of a name ("Phường 6, 25 và 28").
            if YearContext.isYear(n) { previousEnd = n.scalarRange.upperBound; continue }
            let after0 = n.scalarRange.upperBound < scalars.count ? scalars[n.scalarRange.upperBound] : " "
            if after0 == "/", let next, next.scalarRange.lowerBound == n.scalarRange.upperBound + 1,
               next.scalarRange.upperBound < scalars.count, scalars[next.scalarRange.upperBound] == "/" || YearContext.isYear(next) && next.value > n.value {
                // 23/02/2016, 12/2022: a date.
                var j = k + 1
                while j < numbers.count, numbers[j].scalarRange.lowerBound <= numbers[j - 1].scalarRange.upperBound + 1 { j += 1 }
                previousEnd = numbers[j - 1].scalarRange.upperBound
                k = j - 1
                continue
            }
            // 10:15 (a time); 28/12 (a day and month, no noun after it).
            if after0 == ":" || (n.scalarRange.lowerBound > 0 && scalars[n.scalarRange.lowerBound - 1] == ":") {
                previousEnd = n.scalarRange.upperBound
                continue
            }
            if after0 == "/", let next, next.scalarRange.lowerBound == n.scalarRange.upperBound + 1, n.value <= 31, next.value <= 12, n.fractionDigits == 0,
               next.fractionDigits == 0, IndicatorChoice.noun(words(next.scalarRange.upperBound, min(scalars.count, next.scalarRange.upperBound + 30))) == nil {
                previousEnd = next.scalarRange.upperBound
                k += 1
                continue
            }
            let gluedToWord = n.scalarRange.lowerBound >= 2 && scalars[n.scalarRange.lowerBound - 1] == "-" && scalars[n.scalarRange.lowerBound - 2].properties.isAlphabetic
            if gluedToWord || (after0 == "/" || after0 == "-") && n.scalarRange.upperBound + 1 < scalars.count && scalars[n.scalarRange.upperBound + 1].properties.isUppercase {
                previousEnd = n.scalarRange.upperBound
                continue
            }
            let joinedBefore = before.joined
            let numberedName = Lexicon.numberedKinds.contains { kind in
                before.ends(with: kind) && before.items[before.items.count - kind.split(separator: " ").count].capitalised
            }
            let rawBefore = VietnameseText.nfc(String(String.UnicodeScalarView(scalars[previousEnd..<n.scalarRange.lowerBound]))).lowercased().trimmingWhitespace
            let each = Lexicon.eachWords.contains { rawBefore.hasSuffix($0) }
            if each || numberedName || Lexicon.notFigureBefore.contains(where: { before.ends(with: $0) }) || (skippedName && ["", ",", "và", "va"].contains(joinedBefore)) {
                skippedName = true
                previousEnd = n.scalarRange.upperBound
                continue
            }
            skippedName = false
            var end = n.scalarRange.upperBound
            var base: Double? = nil
            var overTarget: String? = nil
            var money = n.isMoney
            var consumed = 0
            // X/Y: X of Y ("51.119/66.328 hộ"), or X against a target of Y ("374/350 hội viên", "97.290.000/60.000.000 đồng").
            if !n.isPercent, let next, !next.isPercent, between(n.scalarRange.upperBound, next.scalarRange.lowerBound) == "/" {
                if next.value >= n.value { base = next.value } else { overTarget = DraftFigure.plain(next.value) }
                money = money || next.isMoney
                end = next.scalarRange.upperBound
                consumed = 1
            }
            if base == nil, overTarget == nil, Lexicon.notFigureAfter.contains(where: { words(end, min(scalars.count, end + 12)).starts(with: $0) }) {
                previousEnd = end
                continue
            }
            var valueMax: Double? = nil
            if !n.isPercent, base == nil, let next, next.isPercent == n.isPercent, ["đến", "-", "–"].contains(between(n.scalarRange.upperBound, next.scalarRange.lowerBound)),
               before.ends(with: "tu") || ["-", "–"].contains(between(n.scalarRange.upperBound, next.scalarRange.lowerBound)), next.value > n.value {
                valueMax = next.value * (next.scale == .none && n.scale != .none ? pow10(n.scale.rawValue) : 1)
                end = next.scalarRange.upperBound
                consumed = 1
            }
            let following = k + 1 + consumed < numbers.count ? numbers[k + 1 + consumed].scalarRange.lowerBound : scalars.count
            let after = words(end, following)
            let quote = text.slice(range)
            let qualifier = valueMax != nil ? Qualifier.range : Lexicon.qualifiers.first { before.ends(with: $0.words) }?.qualifier ?? .exact
            if n.isPercent {
                handlePercent(n, before: before, lead: words(0, n.scalarRange.lowerBound), after: after, clause: all, context: context, quote: quote, into: &figures)
            } else if money {
                let choice = moneyIndicator(before: before, clause: all, previous: figures.last, lead: words(0, n.scalarRange.lowerBound))
                var f = figure(choice, value: n.value, valueMax: valueMax, base: nil, qualifier: qualifier, context: context, quote: quote, number: n.text)
                // The value of the count before it ("20 xe đạp trị giá 47,5 triệu đồng") counts what that count counts.
                if let previous = figures.last, choice.map({ Lexicon.valueOf[previous.indicator] == $0.indicator }) == true { f.counted = previous.counted }
                f.target = overTarget
                f.region = region(at: n.scalarRange.lowerBound, after: after, context)?.id ?? f.region
                figures.append(f)
            } else if let change = Lexicon.changeWords.first(where: { before.ends(with: $0.words) }), after.contains("so voi") || all.contains("so voi") {
                let choice = IndicatorChoice.choose(noun: IndicatorChoice.noun(after), clause: all, before: before, after: after, titles: titles)
                let family = { (id: String) in id.replacingOccurrences(of: "_registered", with: "") }
                let printed = (before.items.suffix(change.words.split(separator: " ").count).first.map { text.slice($0.range.lowerBound..<(range.lowerBound + n.scalarRange.upperBound)) }) ?? n.text
                if let i = figures.lastIndex(where: { family($0.indicator) == family(choice?.indicator ?? "?") && $0.statedChange == nil }) {
                    figures[i].statedChange = change.sign * n.value
                    figures[i].statedChangeText = printed
                } else {
                    var f = figure(choice, value: nil, valueMax: nil, base: nil, qualifier: .exact, context: context, quote: quote, number: n.text)
                    f.statedChange = change.sign * n.value
                    f.statedChangeText = printed
                    figures.append(f)
                }
            } else {
                var choice = IndicatorChoice.choose(noun: IndicatorChoice.noun(after), clause: all, before: before, after: after, titles: titles,
                                                    lead: words(0, n.scalarRange.lowerBound))
                if choice?.sure != true, let parent = breakdownParent(figures, clause: clause, scalars: scalars, upTo: n.scalarRange.lowerBound) {
                    choice = IndicatorChoice(indicator: parent, sure: false, words: "a part of the \(parent) before “trong đó/gồm”")
                }
                let lead = words(0, n.scalarRange.lowerBound)
                let planned = ["phan dau", "ke hoach", "muc tieu"].contains { lead.contains($0) } && !before.contains("dat duoc")
                var f = figure(choice, value: planned ? nil : n.value, valueMax: valueMax, base: base, qualifier: qualifier, context: context, quote: quote,
                               number: n.text, after: after)
                f.target = planned ? DraftFigure.plain(n.value) : overTarget
                if planned { f.reason += "; a target: “phấn đấu/kế hoạch/mục tiêu” before it" }
                if let own = ownYear(after: words(end, min(scalars.count, end + 40)), numbers: numbers, scalars: scalars, end: end, clauseStart: range.lowerBound) {
                    f.year = own
                    f.period = nil
                    f.reason += "; year: “năm \(own)” right after the figure"
                }
                if let sub = region(at: n.scalarRange.lowerBound, after: after, context) {
                    f.region = sub.id
                    f.reason = f.reason.replacingOccurrences(of: "region: \(context.regionWords)", with: "region: “\(sub.name)” in the clause")
                }
                if base != nil { f.baseKind = all.contains("dang ky") && f.indicator.hasPrefix("learning_") && !f.indicator.hasSuffix("_registered") ? "registered" : "total" }
                figures.append(f)
            }
            previousEnd = end
            k += consumed
        }
        return figures
    }

    /// A percentage: a target ("chỉ tiêu 75%"), the stated percentage of the figure before it ("đạt tỷ lệ
    /// 77,07%"), or a figure of its own ("100% khu phố đạt Cộng đồng học tập").
    private func handlePercent(_ n: VietnameseNumber, before: Words, lead: Words, after: Words, clause: Words, context: ClauseContext, quote: String,
                               into figures: inout [DraftFigure]) {
        let lastWords = Words(items: Array(lead.items.suffix(6)))
        // "vượt chỉ tiêu 2,83%": by how much a target was passed, neither the figure nor the target.
        if before.ends(with: "vuot chi tieu") || before.ends(with: "vuot") || before.ends(with: "vuot ke hoach") { return }
        // "50% … trở lên" states a threshold: criteria and plans are written so. A percentage in a clause
        // that already set a target only is a target too.
        let threshold = after.items.prefix(4).indices.contains { i in after.starts(with: "tro len", at: i) }
        let inPlan = figures.contains { $0.value == nil && $0.target != nil }
        if Lexicon.targetWords.contains(where: { lastWords.contains($0) }) || threshold || inPlan {
            let printed = DraftFigure.plain(n.value) + "%"
            if !threshold, !inPlan, let i = figures.indices.last, figures[i].target == nil {
                figures[i].target = printed
            } else {
                let choice = IndicatorChoice.choose(noun: IndicatorChoice.noun(after), clause: clause, before: before, after: after, titles: titles)
                    ?? titles.first { clause.contains($0.folded) }.map { IndicatorChoice(indicator: $0.indicator, sure: true, words: "“\($0.folded)”") }
                var f = figure(choice, value: nil, valueMax: nil, base: nil, qualifier: .exact, context: context, quote: quote, number: n.text)
                f.target = threshold ? ">=" + printed : printed
                f.reason += threshold ? "; a target: “trở lên”" : "; a target: “chỉ tiêu/kế hoạch/phấn đấu” before it"
                figures.append(f)
            }
            return
        }
        if let i = figures.indices.last, figures[i].statedPercent == nil, before.items.count <= 6 || Lexicon.percentOfWords.contains(where: { before.ends(with: $0) }) {
            figures[i].statedPercent = n.text
            return
        }
        let noun = IndicatorChoice.noun(after)
        guard let choice = IndicatorChoice.choose(noun: noun, clause: clause, before: before, after: after, titles: titles) else { return }
        var f = figure(choice, value: nil, valueMax: nil, base: nil, qualifier: .exact, context: context, quote: quote, number: n.text)
        f.statedPercent = n.text
        if let sub = region(at: n.scalarRange.lowerBound, after: after, context) { f.region = sub.id }
        figures.append(f)
    }

    /// The indicator of an amount of money: "trị giá" after a count is that count's value; otherwise the
    /// nearest cue before it ("học bổng", "quỹ", "vận động").
    private func moneyIndicator(before: Words, clause: Words, previous: DraftFigure?, lead: Words? = nil) -> IndicatorChoice? {
        if let found = moneyIndicator(in: before, clause: clause, previous: previous) { return found }
        // "số dư quỹ … đến ngày 30/11/2023 đạt 9,3 tỷ đồng": the cue stands before the date.
        guard let lead, let found = moneyIndicator(in: Words(items: Array(lead.items.suffix(14))), clause: clause, previous: nil) else { return nil }
        return IndicatorChoice(indicator: found.indicator, sure: false, words: found.words)
    }

    private func moneyIndicator(in before: Words, clause: Words, previous: DraftFigure?) -> IndicatorChoice? {
        let near = Words(items: Array(before.items.suffix(3)))
        if near.contains("tri gia") || near.contains("voi so tien") || near.contains("so tien"), let previous, let value = Lexicon.valueOf[previous.indicator] {
            return IndicatorChoice(indicator: value, sure: true, words: "“trị giá” after a count of \(previous.indicator)")
        }
        var best: (position: Int, indicator: String, words: String)? = nil
        for cue in Lexicon.moneyCues {
            let parts = cue.words.split(separator: " ").count
            for start in stride(from: before.items.count - parts, through: 0, by: -1) where before.starts(with: cue.words, at: start) {
                if best.map({ start > $0.position }) ?? true { best = (start, cue.indicator, cue.words) }
                break
            }
        }
        // A balance ("số dư quỹ", "tồn quỹ", "quỹ hiện có") is not money raised, wherever "quỹ" stands.
        let window = Words(items: Array(before.items.suffix(12)))
        let atDate = window.contains("quy") && (window.contains("den ngay") || window.contains("den thoi diem"))
        if let balance = ["ton quy", "so du", "hien co", "hien con"].first(where: { window.contains($0) }) ?? (atDate ? "quỹ … đến ngày" : nil) {
            return IndicatorChoice(indicator: "fund_balance", sure: true, words: "“\(balance)” before the amount")
        }
        if let best { return IndicatorChoice(indicator: best.indicator, sure: before.items.count - best.position <= 8, words: "“\(best.words)” before the amount") }
        return nil
    }

    private func figure(_ choice: IndicatorChoice?, value: Double?, valueMax: Double?, base: Double?, qualifier: Qualifier, context: ClauseContext,
                        quote: String, number: String, after: Words? = nil) -> DraftFigure {
        let confidence: DraftFigure.Confidence = choice == nil ? .low : (choice?.sure == true && context.yearSure && context.region != nil ? .high : .medium)
        var reason = choice.map { "indicator: \($0.words)" } ?? "no noun or title says what \(number) counts"
        reason += "; region: \(context.regionWords); year: \(context.yearWords)"
        var f = DraftFigure(document: context.document, region: context.region?.id ?? "", indicator: choice?.indicator ?? "", year: context.year,
                           period: context.period, value: value, valueMax: valueMax, base: base, baseKind: nil, target: nil, statedPercent: nil,
                           qualifier: qualifier, statedChange: nil, quote: quote, confidence: confidence, reason: reason)
        f.counted = after.map(counted) ?? ""
        return f
    }

    /// Words that end what a number counts: what follows says something else of it.
    static let countedStops = ["tri gia", "voi", "dat", "duoc", "tai", "cho", "trong", "chiem", "tang", "giam", "so voi", "moi"]

    /// The words after a number up to a comma, a bracket, a word of another phrase or six words: what it
    /// counts, as printed.
    private func counted(_ after: Words) -> String {
        var end = after.items.startIndex
        while end < after.items.endIndex, end - after.items.startIndex < 6 {
            if end > after.items.startIndex {
                let gap = text.slice(after.items[end - 1].range.upperBound..<after.items[end].range.lowerBound)
                if gap.contains(where: { ",;:()“”\"".contains($0) }) { break }
            }
            if Self.countedStops.contains(where: { after.starts(with: $0, at: end) }) { break }
            end += 1
        }
        guard end > after.items.startIndex else { return "" }
        return text.slice(after.items[after.items.startIndex].range.lowerBound..<after.items[end - 1].range.upperBound)
    }

    /// "1.905 hộ năm 2016": a year named right after the figure's noun is the figure's own.
    private func ownYear(after: Words, numbers: [VietnameseNumber], scalars: [Unicode.Scalar], end: Int, clauseStart: Int) -> Int? {
        let items = after.items.prefix(4)
        guard let i = items.firstIndex(where: { $0.folded == "nam" }), i > items.startIndex, i + 1 < after.items.endIndex else { return nil }
        let next = after.items[i + 1]
        guard let year = Int(next.folded), (1990...2100).contains(year), next.range.lowerBound - clauseStart > end else { return nil }
        return year
    }

    /// The indicator a breakdown continues: the figure before “trong đó” or “gồm” in this clause.
    private func breakdownParent(_ figures: [DraftFigure], clause: String, scalars: [Unicode.Scalar], upTo offset: Int) -> String? {
        guard let last = figures.last(where: { !$0.indicator.isEmpty && $0.value != nil }) else { return nil }
        let lastStart = VietnameseText.fold(String(String.UnicodeScalarView(scalars[..<offset])))
        guard let cue = Lexicon.breakdownWords.compactMap({ (" " + lastStart + " ").range(of: " " + $0 + " ") }).max(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        _ = cue
        return last.indicator
    }

    /// A unit below the report's region that the clause names for this number: right after it ("15 gia
    /// đình tại thị xã Nghĩa Lộ"), or the last one named before it.
    private func region(at offset: Int, after: Words, _ context: ClauseContext) -> ResolvedRegion? {
        let absolute = offset + context.clauseStart
        let deeper = context.mentions
        for word in after.items.prefix(6) where ["tai", "o", "cua", "thuoc"].contains(word.folded) {
            if let m = deeper.first(where: { $0.start >= word.range.upperBound && $0.start <= word.range.upperBound + 2 }) { return m.region }
        }
        return deeper.last { $0.end <= absolute }?.region
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
}
