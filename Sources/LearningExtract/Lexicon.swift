import LearningData

/// The words of the movement's reports that say what a number counts, folded (lower case, no
/// diacritics). They are the grammar of such sentences, "N <noun> …", "<title> đạt N%", "trị giá N
/// đồng", written from the catalogue's names and the nouns the reports count in, not from any report.
enum Lexicon {
    /// What a count is of: the noun right after the number, longest first.
    static let nouns: [(words: String, kind: NounKind)] = [
        ("ho gia dinh", .households), ("ho dan", .households), ("gia dinh", .households), ("ho", .households),
        ("dong ho", .clans), ("ho toc", .clans),
        ("thon to dan pho", .communities), ("to dan pho", .communities), ("khu pho", .communities), ("khu dan cu", .communities),
        ("cum dan cu", .communities), ("thon", .communities), ("ap", .communities), ("ban", .communities), ("khom", .communities),
        ("lang", .communities), ("xom", .communities), ("cong dong", .communities), ("khu vuc", .communities),
        ("xa phuong thi tran", .communes), ("xa phuong", .communes), ("xa", .communes), ("phuong", .communes),
        ("co quan don vi", .units), ("co quan", .units), ("don vi", .units), ("truong hoc", .units), ("truong", .units), ("doanh nghiep", .units),
        ("hoi vien", .members),
        ("chi hoi", .chapters), ("to chuc hoi", .chapters), ("co so hoi", .chapters), ("hoi co so", .chapters), ("ban khuyen hoc", .chapters),
        ("to khuyen hoc", .groups),
        ("suat hoc bong", .scholarships), ("hoc bong", .scholarships), ("suat", .portions),
        ("lop", .classes),
        ("luot nguoi", .attendances), ("luot", .attendances), ("hoc vien", .attendances),
        ("phan qua", .gifts), ("suat qua", .gifts), ("xe dap", .gifts), ("bo sach", .gifts), ("qua", .gifts),
        ("chu heo", .piggyBanks), ("heo dat", .piggyBanks), ("con heo", .piggyBanks),
        ("so tiet kiem", .savingsBooks),
        ("tap the", .commendations), ("giay khen", .commendations), ("bang khen", .commendations),
        ("hoc sinh", .pupils), ("sinh vien", .pupils), ("em", .pupils),
        ("trung tam", .centres),
        ("can bo", .cadres),
        ("nha hao tam", .sponsors), ("nha tai tro", .sponsors), ("don vi tai tro", .sponsors),
        ("nguoi", .people), ("cong dan", .people), ("ca nhan", .people),
    ]

    /// What a count is of, before the indicator is settled by the words around it.
    enum NounKind: String {
        case households, clans, communities, communes, units, members, chapters, groups, scholarships, classes, attendances, gifts
        case piggyBanks, savingsBooks, commendations, pupils, centres, cadres, people
        case sponsors
        /// "suất": of a scholarship or of a gift, as the clause says.
        case portions
    }

    /// Words that a number is not a figure after: a document's number, a date, a rank, an age.
    static let notFigureBefore = ["quyet dinh so", "nghi quyet so", "cong van so", "ke hoach so", "thong bao so", "chi thi so", "ngay", "thang", "lan thu", "thu", "khoa", "tuoi", "ky", "quyet dinh",
                                  "nghi quyet", "chi thi", "cong van", "luc", "gio", "trang", "dieu", "khoan", "muc"]
    /// Words after which an amount is one item's, not a total ("mỗi phần 1 triệu đồng"); unfolded, since
    /// "mỗi" (each) folds as "mới" (new) does.
    static let eachWords = ["mỗi", "mỗi phần", "mỗi suất", "mỗi em", "mỗi người", "mỗi học sinh", "mỗi chi hội", "bình quân"]
    /// Words before a percentage that make it the stated percentage of the figure before it.
    static let percentOfWords = ["dat", "dat ty le", "dat ti le", "ty le", "ti le", "bang", "chiem", "dat tren", "dat gan", "dat hon"]
    /// Kinds whose units are often numbered ("Phường 6", "Khu phố 3"): a number after one written with
    /// a capital is part of a name.
    static let numberedKinds = ["phuong", "khu pho", "to", "ap", "thon", "khom", "xom", "doi"]
    /// Words a number is not a figure before.
    static let notFigureAfter = ["gio", "phut", "tuoi", "thang", "nam", "ngay", "lan", "trang", "km", "m2", "ha"]

    /// Words that open a breakdown of the figure before them ("260 chi hội, trong đó …, gồm …").
    static let breakdownWords = ["trong do", "gom", "bao gom"]

    /// Words that make the people counted after them the rewarded ("khen thưởng cho 672 học sinh").
    static let rewardWords = ["khen thuong", "tuyen duong", "bieu duong", "trao thuong"]

    /// Words before a percentage that make it a target.
    static let targetWords = ["chi tieu", "ke hoach", "phan dau", "muc tieu", "chi tieu giao", "chi tieu de ra", "nghi quyet de ra"]

    /// Words before a number that make it a stated change, and its sign.
    static let changeWords: [(words: String, sign: Double)] = [("tang", 1), ("tang them", 1), ("giam", -1), ("giam di", -1)]

    /// Qualifiers before a number, longest first.
    static let qualifiers: [(words: String, qualifier: Qualifier)] = [
        ("gan", .nearly), ("xap xi", .about), ("khoang", .about), ("hon", .over), ("tren", .over), ("ngoai", .over), ("it nhat", .atLeast),
    ]

    /// The money indicators, by a word of the phrase before the amount.
    static let moneyCues: [(words: String, indicator: String)] = [
        ("hoc bong", "scholarships_value"), ("phan qua", "gifts_value"), ("qua", "gifts_value"), ("khen thuong", "awards_value"),
        ("tiet kiem", "savings_value"), ("ton quy", "fund_balance"), ("so du", "fund_balance"), ("hien co", "fund_balance"), ("hien con", "fund_balance"),
        ("quy", "fund_raised"), ("van dong", "fund_raised"), ("huy dong", "fund_raised"),
        ("ung ho", "fund_raised"), ("dong gop", "fund_raised"), ("tai tro", "fund_raised"), ("nguon", "fund_raised"),
        ("thu duoc", "fund_raised"), ("quyen gop", "fund_raised"),
    ]

    /// The value indicator of a count's indicator, for "N <items> trị giá M đồng".
    static let valueOf: [String: String] = [
        "scholarships": "scholarships_value", "gifts": "gifts_value", "awards": "awards_value", "savings_books": "savings_value",
        "piggy_banks": "savings_value",
    ]
}
