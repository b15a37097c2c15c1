import Testing
import TestSupport
import LearningData
@testable import LearningExtract

/// A resolver that knows a few made-up units, so that phrases are tested without any dataset.
let testRegions = RegionResolver { name, _ in
    let units: [String: ResolvedRegion] = [
        "huyen son duong": ResolvedRegion(id: "tq/son-duong", name: "huyện Sơn Dương", level: .district),
        "xa tu thinh": ResolvedRegion(id: "tq/son-duong/tu-thinh", name: "xã Tú Thịnh", level: .commune),
        "xa hong lac": ResolvedRegion(id: "tq/son-duong/hong-lac", name: "xã Hồng Lạc", level: .commune),
    ]
    return units[VietnameseText.fold(name)]
}

/// The draft of a report of Sơn Dương for 2023 whose body is `sentence`.
func draft(_ sentence: String) -> [DraftFigure] {
    Extractor(regions: testRegions).extract("Hội Khuyến học huyện Sơn Dương tổng kết năm 2023\n" + sentence, document: "r.txt").figures
}

@Suite("Extraction, phrase by phrase")
struct PhraseTests {
    @Test("a count and what it counts", arguments: [
        ("Toàn huyện có 45.230/52.118 hộ gia đình đạt danh hiệu Gia đình học tập, đạt 86,78%.", "learning_family", 45230.0, 52118.0, "86,78%"),
        ("Có 312/330 dòng họ được công nhận Dòng họ học tập.", "learning_clan", 312, 330, nil),
        ("Có 36/38 đơn vị đạt Đơn vị học tập.", "learning_unit", 36, 38, nil),
        ("117/124 đạt danh hiệu Đơn vị học tập.", "learning_unit", 117, 124, nil),
        ("“Đơn vị học tập” là 24, bằng 100%.", "learning_unit", 24, nil, "100%"),
        ("Tổng số hội viên 28.540 người, chiếm 15,3% dân số.", "members", 28540, nil, "15,3%"),
        ("Toàn huyện có 28.540 hội viên.", "members", 28540, nil, nil),
        ("Kết nạp mới 860 hội viên.", "new_members", 860, nil, nil),
        ("Phát triển 374/350 hội viên mới.", "new_members", 374, nil, nil),
        ("Có 245 chi hội, 198 chi hội xếp loại tốt.", "chapters", 245, nil, nil),
        ("Trung tâm học tập cộng đồng mở 420 lớp với 18.500 lượt người tham gia.", "clc_classes", 420, nil, nil),
        ("Trao 1.120 suất học bổng trị giá 560 triệu đồng.", "scholarships", 1120, nil, nil),
        ("Có 175 người đăng ký và được công nhận Công dân học tập.", "learning_citizen", 175, nil, nil),
        ("Khen thưởng 05 tập thể và 8 cá nhân.", "commendations", 5, nil, nil),
        ("Khen thưởng cho 672 học sinh với số tiền 54 triệu đồng.", "awards", 672, nil, nil),
        ("Nuôi 51.200 chú heo đất.", "piggy_banks", 51200, nil, nil),
        ("Có 320 nhà hảo tâm ủng hộ quỹ.", "sponsors", 320, nil, nil),
    ])
    func count(_ sentence: String, _ indicator: String, _ value: Double, _ base: Double?, _ stated: String?) throws {
        let first = try #require(draft(sentence).first { $0.value != nil })
        #expect(first.indicator == indicator, "\(first.reason)")
        #expect(first.value == value && first.base == base && first.statedPercent == stated)
        #expect(first.year == 2023 && first.region == "tq/son-duong")
    }

    @Test("money in đồng, triệu and tỷ, placed by the words before it", arguments: [
        ("Quỹ khuyến học đạt 3,2 tỷ đồng.", "fund_raised", 3_200_000_000.0),
        ("Vận động được 850 triệu đồng.", "fund_raised", 850_000_000),
        ("Trao 1.120 suất học bổng trị giá 560 triệu đồng.", "scholarships_value", 560_000_000),
        ("Tặng 355 phần quà, trị giá 43,85 triệu đồng.", "gifts_value", 43_850_000),
        ("Khen thưởng cho 672 học sinh với số tiền 54 triệu đồng.", "awards_value", 54_000_000),
        ("Tổng số tiền tiết kiệm 26.542.000 đồng.", "savings_value", 26_542_000),
        ("Vận động quỹ 97.290.000/60.000.000 đồng, tỉ lệ 162,81%.", "fund_raised", 97_290_000),
        ("Số dư quỹ khuyến học đến cuối năm là 1,25 tỷ đồng.", "fund_balance", 1_250_000_000),
        ("Quỹ khuyến học hiện có 780 triệu đồng.", "fund_balance", 780_000_000),
    ])
    func money(_ sentence: String, _ indicator: String, _ value: Double) throws {
        let row = try #require(draft(sentence).first { $0.value == value }, "\(draft(sentence).map(\.reason))")
        #expect(row.indicator == indicator, "\(row.reason)")
    }

    @Test("targets, qualifiers, ranges and stated changes")
    func printedBeside() throws {
        let target = try #require(draft("Có 51.119/66.328 hộ đạt Gia đình học tập đạt tỷ lệ 77,07% (chỉ tiêu giao 75%).").first)
        #expect(target.statedPercent == "77,07%" && target.target == "75%")
        let over = try #require(draft("Phát triển 374/350 hội viên, đạt tỉ lệ 106,85%.").first)
        #expect(over.value == 374 && over.target == "350" && over.base == nil)
        let plan = try #require(draft("Phấn đấu năm 2024 có 90% hộ đạt Gia đình học tập.").first)
        #expect(plan.indicator == "learning_family" && plan.target == "90%" && plan.value == nil && plan.year == 2024)
        #expect(draft("Có gần 2.000 hội viên.").first?.qualifier == .nearly)
        #expect(draft("Có hơn 500 hội viên.").first?.qualifier == .over)
        #expect(draft("Có trên 260 chi hội.").first?.qualifier == .over)
        let range = try #require(draft("Mỗi lớp có từ 800 đến 1.000 lượt người học tại Trung tâm học tập cộng đồng.").first { $0.value == 800 })
        #expect(range.valueMax == 1000 && range.qualifier == .range)
        let change = try #require(draft("Có 54 dòng họ học tập (tăng 11 dòng họ so với năm 2022).").first)
        #expect(change.value == 54 && change.statedChange == 11 && change.year == 2023)
    }

    @Test("years and periods: named in the clause, carried from before, spans, halves; a comparison's year is not the figure's")
    func years() throws {
        #expect(draft("Năm 2022 có 500 hội viên.").first?.year == 2022)
        #expect(draft("So với năm 2021, có 500 hội viên.").first?.year == 2023)
        let half = try #require(draft("6 tháng đầu năm 2024, kết nạp 300 hội viên mới.").first)
        #expect(half.year == 2024 && half.period == "2024-H1")
        let span = try #require(draft("Giai đoạn 2019 - 2023, có 5.000 hội viên mới được kết nạp 5.000 hội viên.").first { $0.value == 5000 })
        #expect(span.year == 2023 && span.period == "2019-2023")
        #expect(draft("Đề án giai đoạn 2021 - 2030: có 500 hội viên.").first?.year == 2023, "a plan's span is not the figure's")
    }

    @Test("numbers that are not figures: dates, document numbers, durations, numbered units")
    func notFigures() {
        let rows = draft("Ngày 15/12/2023, theo Quyết định số 1373/QĐ-TTg, sau 3 năm thực hiện, Phường 6, 25 và 28 tổ chức hội nghị lúc 8 giờ.")
        #expect(rows.isEmpty, "\(rows.map { "\($0.value ?? 0) \($0.reason)" })")
    }

    @Test("a sub-unit named in the clause, before the number or after “tại”, takes the figure")
    func subUnits() throws {
        #expect(draft("Xã Tú Thịnh có 95% hộ đạt Gia đình học tập.").first?.region == "tq/son-duong/tu-thinh")
        #expect(draft("Có 120 gia đình học tập tại xã Hồng Lạc.").first?.region == "tq/son-duong/hong-lac")
    }

    @Test("a number nothing places is kept, without an indicator and with its reason; every quote is verbatim")
    func unplaced() throws {
        let text = "Hội Khuyến học huyện Sơn Dương tổng kết năm 2023\nCó 77 cây xanh được trồng; tặng 355 phần quà."
        let rows = Extractor(regions: testRegions).extract(text, document: "r.txt").figures
        let unplaced = try #require(rows.first { $0.value == 77 })
        #expect(unplaced.indicator.isEmpty && unplaced.confidence == .low && unplaced.reason.contains("no noun or title says what 77 counts"))
        #expect(rows.allSatisfy { text.contains($0.quote) })
    }
}

@Suite("Extraction on any text")
struct ExtractionRobustnessTests {
    static let pieces = ["năm", "2023", "2016 - 2020", "1.200", "0,5", "12,5%", "/", "45/50", "15/12/2023", "10:15", "triệu", "tỷ", "đồng", "hộ",
                         "dòng họ", "hội viên", "chi hội", "Gia đình học tập", "chỉ tiêu", "đạt", "tăng", "so với", "từ", "đến", "gần", "trên",
                         "trong đó", "gồm", "mỗi", "trị giá", "xã", "huyện", "Tú Thịnh", "Phường", "6", ",", ";", ".", "\n", "(", ")", "“", "-", "Covid-19",
                         "Hội Khuyến học", "phấn đấu", "trở lên", "6 tháng đầu năm", "số dư quỹ", "", "9999999999999999999999", "%", "tại"]

    @Test("random texts of the reports' words and numbers: no crash, every quote verbatim, every row placed or told why not")
    func random() {
        var random = SplitMix64(seed: 16)
        let extractor = Extractor(regions: testRegions)
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 1...60, using: &random)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined(separator: " ")
            let folded = ReportText(text).text
            for row in extractor.extract(text, document: "r.txt").figures {
                #expect(folded.contains(row.quote), "\(text)")
                #expect(!row.indicator.isEmpty || row.confidence == .low)
                #expect(!row.reason.isEmpty)
            }
        }
    }

    @Test("the same text gives the same draft, run after run")
    func deterministic() throws {
        let text = "Hội Khuyến học huyện Sơn Dương\nxã Tú Thịnh có 500 hội viên; xã Hồng Lạc có 400 hội viên; huyện Sơn Dương có 900 hội viên."
        let first = Extractor(regions: testRegions).extract(text, document: "r.txt")
        for _ in 0..<20 { #expect(Extractor(regions: testRegions).extract(text, document: "r.txt").figures == first.figures) }
    }
}
