import LearningData

/// What the extractor drafted from one report.
public struct Extraction: Sendable {
    /// The rows drafted, in the order of the text.
    public let figures: [DraftFigure]
    /// The report's own region, as found (or given).
    public let region: ResolvedRegion?
    /// The report's year: its date's, or given.
    public let year: Int?
}

/// Drafts figures from a report's prose: each clause's numbers read by the grammar of such sentences
/// ("có 51.119/66.328 hộ … đạt tỷ lệ 77,07% (chỉ tiêu 75%)"), placed in the report's region (or a unit
/// named in the clause), in the year the text last named.
public struct Extractor: Sendable {
    let catalogue: IndicatorCatalogue
    let regions: RegionResolver

    /// An extractor over a catalogue, finding regions with `regions`.
    public init(catalogue: IndicatorCatalogue = .standard, regions: RegionResolver) {
        self.catalogue = catalogue
        self.regions = regions
    }

    /// The draft of a report.
    ///
    /// - Parameters:
    ///   - document: the report's file name, the rows' `document`.
    ///   - region: the report's region when the text leaves it open (a name or id the resolver knows).
    ///   - year: the year of figures whose clause and paragraph name none.
    public func extract(_ raw: String, document: String, region given: String? = nil, year givenYear: Int? = nil) -> Extraction {
        let text = ReportText(raw)
        let clauses = text.clauses()
        let reportYear = givenYear ?? Self.dateYear(text, clauses)
        let mentions = RegionMentions(resolver: regions)
        // Twice: the names found alone give a first region of the report, within which names the country
        // shares are then found ("xã Hải Vân" of huyện Hải Hậu), and the region is chosen again.
        let words = clauses.map { Words(text, $0) }
        var found = words.map { mentions.find(in: $0, year: reportYear) }
        var reportRegion = given.flatMap { regions($0, year: reportYear) } ?? Self.mainRegion(found, clauses, associations: Self.associations(text, clauses, found))
        if let first = reportRegion {
            found = words.map { mentions.find(in: $0, year: reportYear, within: first) }
            if given == nil { reportRegion = Self.mainRegion(found, clauses, associations: Self.associations(text, clauses, found)) }
        }
        // The reporting association's own unit, when the map does not know it ("Hội Khuyến học xã Hải
        // Vân" of a commune it lacks): the report is that unit's, written as the text gives it, and the
        // loader will ask for it in regions.csv rather than the figures going to the district silently.
        if given == nil, let own = words.prefix(8).flatMap(RegionMentions.associationNames).first,
           regions(own.written, year: reportYear) == nil, reportRegion.map({ own.level > $0.level }) ?? true {
            reportRegion = ResolvedRegion(id: own.written, name: own.written + " (not on the map)", level: own.level)
        }
        let reader = FigureReader(text: text, titles: IndicatorChoice.titles(catalogue))
        var figures: [DraftFigure] = []
        var carried: (year: Int, period: String?, words: String, line: Int)? = nil
        var lastSpan: YearContext.Named? = nil
        var line = 0, counted = 0
        for (index, range) in clauses.enumerated() {
            let clause = text.slice(range)
            let numbers = VietnameseNumberReader.numbers(in: clause)
            // The paragraph (line) the clause is in, counted on from the last clause: one pass in all.
            while counted < range.lowerBound { if text.scalars[counted] == "\n" { line += 1 }; counted += 1 }
            var named = YearContext.named(in: numbers, clause: clause, reportYear: reportYear)
            if let span = named, span.period?.contains("H") == false, span.period != nil { lastSpan = span }
            // "Trong nhiệm kỳ", "cả giai đoạn" without years: the span named last.
            if named == nil, let lastSpan, Words(text, range).contains("nhiem ky") || Words(text, range).contains("giai doan") { named = lastSpan }
            if let named { carried = (named.year, named.period, named.words, line) }
            let year: (Int?, String?, String, Bool)
            if let named {
                year = (named.year, named.period, "“\(named.words)” in the clause", true)
            } else if let carried {
                year = (carried.year, carried.period, "“\(carried.words)” named before" + (carried.line == line ? " in the paragraph" : ""), carried.line == line)
            } else {
                year = (reportYear, nil, reportYear.map { "the report's date (\($0))" } ?? "none", false)
            }
            let context = ClauseContext(document: document, region: reportRegion,
                                        regionWords: reportRegion.map { "the report's (\($0.name))" } ?? "none found",
                                        regionSure: reportRegion != nil, year: year.0, period: year.1, yearWords: year.2, yearSure: year.3,
                                        mentions: found[index], clauseStart: range.lowerBound)
            figures += reader.read(range, context)
        }
        return Extraction(figures: Self.scoped(figures), region: reportRegion, year: reportYear)
    }

    /// Rows of one indicator for one region, year and period are told apart by a scope, as the loader
    /// asks: the first (the whole, where a breakdown follows it) keeps none, each later one is scoped by
    /// what it counts as printed ("xe đạp", "Chi hội Khuyến học khối cơ quan").
    static func scoped(_ figures: [DraftFigure]) -> [DraftFigure] {
        var out = figures
        var seen: [String: Set<String>] = [:]
        for i in out.indices where !out[i].indicator.isEmpty {
            let key = [out[i].region, out[i].indicator, out[i].year.map(String.init) ?? "", out[i].period ?? ""].joined(separator: "|")
            guard seen[key] != nil else { seen[key] = [""]; continue }
            var scope = out[i].counted.isEmpty ? "part" : out[i].counted
            var k = 2
            while seen[key]?.contains(scope) == true { scope = (out[i].counted.isEmpty ? "part" : out[i].counted) + " (\(k))"; k += 1 }
            seen[key]?.insert(scope)
            out[i].scope = scope
            out[i].reason += "; scope: another row of the report gives \(out[i].indicator) for this region and year"
        }
        return out
    }

    /// The regions named as an association's, with where.
    static func associations(_ text: ReportText, _ clauses: [Range<Int>], _ found: [[(region: ResolvedRegion, start: Int, end: Int)]]) -> [(ResolvedRegion, Int)] {
        zip(clauses, found).flatMap { range, mentions in mentions.filter { namesAssociation(text, before: $0.start, in: range) }.map { ($0.region, $0.start) } }
    }

    /// Whether a region is named as an association's ("Hội Khuyến học tỉnh Yên Bái"): the report's own.
    static func namesAssociation(_ text: ReportText, before start: Int, in clause: Range<Int>) -> Bool {
        let lead = Words(text, max(clause.lowerBound, start - 30)..<start)
        return lead.ends(with: "hoi khuyen hoc") || lead.ends(with: "hoi khuyen hoc khuyen tai")
    }

    /// The year of the report's date: the first year in its first lines ("Chủ Nhật, 8 tháng 1, 2023",
    /// "23/02/2016"), else the year the text names most often.
    static func dateYear(_ text: ReportText, _ clauses: [Range<Int>]) -> Int? {
        let head = clauses.prefix(6).flatMap { VietnameseNumberReader.numbers(in: text.slice($0)) }
        if let dated = head.first(where: YearContext.isYear) { return Int(dated.value) }
        var counts: [Int: Int] = [:]
        for c in clauses { for n in VietnameseNumberReader.numbers(in: text.slice(c)) where YearContext.isYear(n) { counts[Int(n.value), default: 0] += 1 } }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }

    /// The report's own region: the one named most (twice for a name in its first clauses), the broader
    /// one where two are named as often ("quận Bình Thạnh" over a ward it names once).
    static func mainRegion(_ found: [[(region: ResolvedRegion, start: Int, end: Int)]], _ clauses: [Range<Int>],
                           associations: [(ResolvedRegion, Int)]) -> ResolvedRegion? {
        var score: [ResolvedRegion: Int] = [:]
        for (i, mentions) in found.enumerated() {
            for m in mentions { score[m.region, default: 0] += i < 8 ? 3 : 1 }
        }
        for (region, start) in associations { score[region, default: 0] += start < 2000 ? 20 : 5 }
        // Ties go to the broader region, then to the id, so that the same text always gives the same answer.
        return score.max { a, b in
            (a.value, -a.key.level.rawValue) != (b.value, -b.key.level.rawValue) ? (a.value, -a.key.level.rawValue) < (b.value, -b.key.level.rawValue) : a.key.id > b.key.id
        }?.key
    }
}
