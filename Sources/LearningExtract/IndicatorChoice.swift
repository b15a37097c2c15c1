import LearningData

/// Which indicator a count is of: the noun after the number ("hộ", "hội viên", "chi hội"), refined by
/// the words of its clause (a title such as "Gia đình học tập", "đăng ký", "mới", "xếp loại tốt"), or a
/// title right after the number when no noun is ("117/124 đạt danh hiệu Đơn vị học tập").
struct IndicatorChoice {
    /// The indicator's id, and whether words of the clause settle it (a title, or a noun that counts
    /// one thing only) rather than a noun alone.
    let indicator: String
    let sure: Bool
    /// The words that decided it.
    let words: String

    /// The titles of the catalogue (names and synonyms, folded), longest first.
    static func titles(_ catalogue: IndicatorCatalogue) -> [(folded: String, indicator: String)] {
        catalogue.indicators.flatMap { i in ([i.name] + i.synonyms).map { (VietnameseText.fold($0), i.id.rawValue) } }
            .filter { $0.folded.split(separator: " ").count >= 2 }
            .sorted { $0.folded.count > $1.folded.count }
    }

    /// The indicator of a count whose noun is `noun` (nil when none), in a clause of `clause` words,
    /// with `after` the words after the number and `before` those before it.
    static func choose(noun: (words: String, kind: Lexicon.NounKind)?, clause: Words, before: Words, after: Words,
                       titles: [(folded: String, indicator: String)], lead: Words? = nil) -> IndicatorChoice? {
        let title = titles.first { clause.contains($0.folded) }
        let commended = ["duoc tang giay khen", "duoc tang bang khen", "duoc khen thuong", "duoc tuyen duong", "tang giay khen", "tang bang khen"].contains { clause.contains($0) }
        let rewarded = Lexicon.rewardWords.contains { (lead ?? before).contains($0) } || commended
        guard let noun else {
            // No noun: a title within the next words names what is counted, or what was commended; or a
            // title before it ("“Đơn vị học tập” là 24").
            let near = Words(items: Array(after.items.prefix(10)))
            guard let t = titles.first(where: { near.contains($0.folded) }) else {
                let lead = Words(items: Array(before.items.suffix(12)))
                guard let t = titles.first(where: { lead.contains($0.folded) }) else { return nil }
                return IndicatorChoice(indicator: t.indicator, sure: lead.ends(with: "la") || lead.ends(with: "dat"), words: "“\(t.folded)” before the number")
            }
            if rewarded { return IndicatorChoice(indicator: "commendations", sure: true, words: "“khen thưởng” and the title “\(t.folded)”") }
            return IndicatorChoice(indicator: t.indicator, sure: true, words: "“\(t.folded)” after the number")
        }
        if rewarded {
            switch noun.kind {
            case .commendations: return IndicatorChoice(indicator: "commendations", sure: true, words: "“khen thưởng” … “\(noun.words)”")
            case .people where noun.words == "ca nhan": return IndicatorChoice(indicator: "commendations", sure: true, words: "“khen thưởng” … “cá nhân”")
            case .attendances where Words(items: Array(after.items.prefix(4))).contains("tap the") || Words(items: Array(after.items.prefix(4))).contains("ca nhan"):
                return IndicatorChoice(indicator: "commendations", sure: true, words: "“khen” … “lượt tập thể, cá nhân”")
            case .people, .pupils, .cadres, .attendances: return IndicatorChoice(indicator: "awards", sure: true, words: "“khen thưởng” … “\(noun.words)”")
            default: break
            }
        }
        let titled = { (family: String) -> Bool in title.map { $0.indicator.hasPrefix(family) } ?? false }
        // Registered, not recognised: "đăng ký" after the noun with no "đạt" or "công nhận" before the
        // title ("268.450 hộ đăng ký xây dựng danh hiệu Gia đình học tập"); "hộ đăng ký đạt danh hiệu …"
        // counts the recognised among the registered.
        let upToTitle = Words(items: Array(after.items.prefix { !["hoc", "hieu", "khuyen"].contains($0.folded) }.prefix(8)))
        let registers = upToTitle.contains("dang ky") && !upToTitle.contains("dat") && !upToTitle.contains("cong nhan")
        func recognition(_ id: String, family: String) -> IndicatorChoice {
            let settled = titled(family)
            if registers { return IndicatorChoice(indicator: id + "_registered", sure: settled, words: "“\(noun.words)” … “đăng ký”") }
            return IndicatorChoice(indicator: id, sure: settled, words: "“\(noun.words)”" + (settled ? " and “\(title?.folded ?? "")”" : ""))
        }
        func by(_ id: String, _ cue: String, sure: Bool = true) -> IndicatorChoice { IndicatorChoice(indicator: id, sure: sure, words: cue) }
        let has = { (phrase: String) in clause.contains(phrase) }
        switch noun.kind {
        case .households:
            if has("du lich") { return by("tourism_learning_family", "“\(noun.words)” and “du lịch”") }
            return recognition("learning_family", family: "learning_family")
        case .clans: return recognition("learning_clan", family: "learning_clan")
        case .communities: return by("learning_community", "“\(noun.words)”", sure: titled("learning_community") || has("hoc tap"))
        case .communes: return titled("learning_commune") || has("cong dong hoc tap") ? by("learning_commune", "“\(noun.words)” and “cộng đồng học tập”") : nil
        case .units: return has("hoc tap") ? by("learning_unit", "“\(noun.words)” and “học tập”", sure: titled("learning_unit") || has("don vi hoc tap")) : nil
        case .members:
            let newCue = after.starts(with: "moi", at: noun.words.split(separator: " ").count) || before.ends(with: "ket nap") || before.ends(with: "ket nap moi")
                || before.ends(with: "phat trien") || before.ends(with: "phat trien moi") || before.ends(with: "phat trien them")
            if newCue { return by("new_members", "“hội viên” and “mới/kết nạp/phát triển”") }
            if has("dua ra khoi") || has("rut ten") || has("xoa ten") { return by("members_removed", "“hội viên” and “đưa ra khỏi/rút tên”") }
            return by("members", "“hội viên”")
        case .chapters:
            let rated = Words(items: Array(after.items.prefix(8)))
            if ["xep loai tot", "vung manh", "xuat sac", "loai tot", "hoat dong tot"].contains(where: { rated.contains($0) }) {
                return by("chapters_rated_good", "“\(noun.words)” and “xếp loại tốt/vững mạnh”")
            }
            return by("chapters", "“\(noun.words)”")
        case .groups: return by("study_groups", "“tổ khuyến học”")
        case .scholarships: return by("scholarships", "“\(noun.words)”")
        case .classes:
            let centre = has("trung tam hoc tap cong dong") || has("tthtcd") || has("hoc tap cong dong")
            if !centre, has("tap huan") || has("boi duong") { return by("training_classes", "“lớp” and “tập huấn/bồi dưỡng”", sure: has("can bo")) }
            return by("clc_classes", "“lớp”" + (centre ? " and “trung tâm học tập cộng đồng”" : ""), sure: centre)
        case .attendances: return by("clc_attendance", "“\(noun.words)”", sure: has("lop") || has("trung tam"))
        case .sponsors: return by("sponsors", "“\(noun.words)”")
        case .portions:
            if has("hoc bong") { return by("scholarships", "“suất” and “học bổng”") }
            return has("qua") ? by("gifts", "“suất” and “quà”") : nil
        case .gifts: return by("gifts", "“\(noun.words)”")
        case .piggyBanks: return by("piggy_banks", "“\(noun.words)”")
        case .savingsBooks: return by("savings_books", "“sổ tiết kiệm”")
        case .commendations: return has("khen") ? by("commendations", "“\(noun.words)” and “khen”") : nil
        case .pupils: return has("khen thuong") || has("tuyen duong") ? by("awards", "“\(noun.words)” and “khen thưởng/tuyên dương”") : nil
        case .centres: return has("xep loai") ? by("clc_rated", "“trung tâm” and “xếp loại”") : nil
        case .cadres: return has("tap huan") || has("boi duong") ? by("trainees", "“cán bộ” and “tập huấn/bồi dưỡng”") : nil
        case .people where before.contains("hoi vien"):
            return choose(noun: ("hoi vien", .members), clause: clause, before: before, after: after, titles: titles, lead: lead)
        case .people:
            if has("cong dan hoc tap") { return by("learning_citizen", "“\(noun.words)” and “công dân học tập”") }
            let attending = ["du", "tham gia", "theo hoc", "hoc"].contains { after.starts(with: $0, at: noun.words.split(separator: " ").count) }
            if attending, has("lop") || has("trung tam") { return by("clc_attendance", "“người” attending “lớp”", sure: has("trung tam hoc tap cong dong")) }
            return nil
        }
    }

    /// The longest noun of the lexicon the words start with.
    static func noun(_ after: Words) -> (words: String, kind: Lexicon.NounKind)? {
        Lexicon.nouns.filter { after.starts(with: $0.words) }.max { $0.words.count < $1.words.count }
    }
}
