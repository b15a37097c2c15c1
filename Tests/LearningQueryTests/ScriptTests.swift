import Foundation
import Synchronization
import Testing
import LearningData
@testable import LearningQuery

/// Files in memory, by absolute path, with a current folder of their own.
func memoryFiles(_ files: [String: String], current: String = "/work") -> ScriptFiles {
    let bytes = files.mapValues { [UInt8]($0.utf8) }
    return ScriptFiles(read: { bytes[$0] }, currentDirectory: { current })
}

func session(_ files: [String: String] = [:], current: String = "/work") throws -> QuerySession {
    let s = QuerySession(dataset: try Dataset.embedded())
    s.files = memoryFiles(files, current: current)
    return s
}

/// What a run shows: values rendered, errors as their codes and messages.
func shown(_ outcomes: [StatementOutcome], _ s: QuerySession) -> [String] {
    outcomes.compactMap { o in
        if let error = o.error { return "\(error.code): \(error.diagnostic.message)" }
        guard !o.quiet, let value = o.value else { return nil }
        if case .list = value { return ValueFormatter.human(value, .vi) }
        return s.render(value)
    }
}

@Suite("Script parameters")
struct ScriptParameterTests {
    @Test("a value given from outside is checked against the parameter's type, written or read from its default", arguments: [
        ("param a = \"Bình Thạnh\"", "a=Bắc Kạn", "Bắc Kạn"),
        ("param a = \"Bình Thạnh\"", "a=\"Bắc Kạn\"", "Bắc Kạn"),
        ("param a = \"Bình Thạnh\"", "a=2017", "E135"),
        ("param y = latest", "y=2017", "2017"),
        ("param y = latest", "y=last(3)", "last 3 years"),
        ("param y = latest", "y=soon", "E135"),
        ("param y: year = 2022", "y=2016", "2016"),
        ("param n = 2", "n=2,5", "E135"),
        ("param n = 2", "n=2.5", "2,5"),
        ("param flag = true", "flag=false", "false"),
        ("param flag = true", "flag=yes", "E135"),
        ("param names = [\"Bình Thạnh\"]", "names=[\"Bắc Kạn\", \"Bình Thạnh\"]", "[Bắc Kạn, Bình Thạnh]"),
        ("param v", "v=members", "members"),
        ("param a: text", "a=Bình Thạnh", "Bình Thạnh"),
    ])
    func typed(_ declaration: String, _ setting: String, _ expected: String) throws {
        let s = try session()
        let script = declaration + "\n" + declaration.split(separator: " ")[1].split(separator: ":")[0]
        do {
            let argument = try s.scriptArgument(setting: setting)
            try s.checkArguments([argument], for: script, name: "t.khq")
            let outcomes = s.run(script, name: "t.khq", arguments: [argument])
            #expect(shown(outcomes, s) == [expected])
        } catch {
            #expect(error.code == expected, "\(error)")
        }
    }

    @Test("--set's form: NAME=VALUE, the name a name", arguments: ["noequals", "1a=2", "=3", "a b=1"])
    func badSetting(_ setting: String) throws {
        #expect(throws: QueryError.self) { try session().scriptArgument(setting: setting) }
    }

    @Test("without a value from outside, the default; a parameter is a binding like let; :save keeps the value given")
    func defaultsAndReplay() throws {
        let s = try session()
        var outcomes = s.run("param a = \"Bình Thạnh\"\na")
        #expect(shown(outcomes, s) == ["Bình Thạnh"])
        #expect(outcomes[0].quiet && outcomes[0].binding == "a" && outcomes[0].replay == "param a = \"Bình Thạnh\"")
        outcomes = s.run("param a: text = \"Bình Thạnh\"", arguments: [try s.scriptArgument(setting: "a=Bắc Kạn")])
        #expect(outcomes[0].replay == "param a: text = \"Bắc Kạn\"")
        #expect(s.binding("a").map(s.render) == "Bắc Kạn")
    }

    @Test("a parameter with no default and no value stops where it is declared")
    func required() throws {
        let s = try session()
        let outcomes = s.run("param a: text\n1")
        #expect(outcomes[0].error?.code == "E136")
        #expect(outcomes[0].error?.diagnostic.location?.line == 1)
        #expect(shown(outcomes, s).last == "1")
    }

    @Test("an unknown parameter is refused with the nearest name and the list; so is one given twice")
    func unknown() throws {
        let s = try session()
        let script = "param region_a = \"x\"\nparam year = latest\n"
        #expect {
            try s.checkArguments([try s.scriptArgument(setting: "regon_a=y")], for: script, name: "c.khq")
        } throws: { error in
            let d = (error as? QueryError)?.diagnostic
            return d?.code == "E134" && d?.hint?.contains("did you mean “region_a”? its parameters: region_a, year") == true && d?.location?.file == "--set"
        }
        #expect(throws: QueryError.self) { try s.checkArguments([try s.scriptArgument(setting: "year=1"), try s.scriptArgument(setting: "year=2")], for: script, name: "c.khq") }
        #expect(throws: QueryError.self) { try s.checkArguments(try s.scriptArguments("year: 2017, yaer: 2018"), for: script, name: "c.khq") }
        #expect(try s.scriptArguments("region_a: \"Bình\" , year: 2016 + 1").map(\.literal) == ["\"Bình\"", "2016 + 1"])
    }
}

@Suite("Libraries (import)")
struct ImportTests {
    static let files = [
        "/s/main.khq": "import \"lib/a.khq\"\nimport \"lib/b.khq\"\nshare(2)\nbase + from_common",
        "/s/lib/a.khq": "import \"../common.khq\"\nlet share(x) = x * base",
        "/s/lib/b.khq": "import \"../common.khq\"\nlet from_b = 1",
        "/s/common.khq": "let base = 10\nlet from_common = 5",
        "/s/self.khq": "import \"self.khq\"",
        "/s/lib/bad.khq": "let f(x) = x +* 1",
        "/s/lib/body-error.khq": "let g(x) = rate(x, \"Nowhere\", 2022)",
        "/work/typed.khq": "let typed = 7",
    ]

    @Test("a library's path is read from the folder of the file that imports it; two libraries may import a third")
    func relative() throws {
        let s = try session(Self.files)
        let outcomes = s.run(Self.files["/s/main.khq"] ?? "", name: "main.khq", file: "/s/main.khq")
        #expect(shown(outcomes, s) == ["20", "15"])
        #expect(s.functionNames == ["share"] && s.bindingNames == ["base", "from_b", "from_common"])
        #expect(outcomes[0].replay == "import \"/s/lib/a.khq\"")
    }

    @Test("typed input imports from the current folder")
    func typed() throws {
        let s = try session(Self.files)
        #expect(shown(s.run("import \"typed.khq\"\ntyped"), s) == ["7"])
    }

    @Test("a file importing itself, or a library cycle, is refused before anything runs")
    func cycles() throws {
        let s = try session(Self.files)
        let outcomes = s.run("1\nimport \"self.khq\"", name: "self.khq", file: "/s/self.khq")
        #expect(outcomes.count == 1 && outcomes[0].error?.code == "E131")
        #expect(outcomes[0].error?.diagnostic.message.contains("self.khq → self.khq") == true)
    }

    @Test("an error in a library points into the library's file, named beside the importing file")
    func errorsInside() throws {
        let s = try session(Self.files)
        let parse = s.run("import \"lib/bad.khq\"", name: "scripts/main.khq", file: "/s/main.khq")
        #expect(parse[0].error?.diagnostic.location?.file == "scripts/lib/bad.khq")
        #expect(parse[0].error?.diagnostic.location?.line == 1)
        let body = s.run("import \"lib/body-error.khq\"\ng(learning_family)", name: "main.khq", file: "/s/main.khq")
        #expect(body.last?.error?.code == "E303")
        #expect(body.last?.error?.diagnostic.location?.file == "lib/body-error.khq")
    }
}

@Suite("read_csv and tables of one's own")
struct ReadCSVTests {
    @Test("a column's type comes from all its cells", arguments: [
        ("n\n1.200\n\"0,5\"\n", "vi", "[1.200, 0,5]", "number"),
        ("n\n\"1,200.5\"\n3\n", "en-locale", "[1.200,5, 3]", "number"),
        ("share\n\"77,5%\"\n60%\n", "vi", "[77,50%, 60,00%]", "percent"),
        ("fund,k\n1.200.000 đồng,a\n,b\n0,c\n", "vi", "[1.200.000 đ, –, 0 đ]", "money"),
        ("year\n2022\n2017\n", "vi", "[2022, 2017]", "year"),
        ("n\n-\n–\n", "vi", "[–, –]", "null"),
        ("n\nx\n1\n", "vi", "[x, 1]", "text"),
        ("n\n50%\n1\n", "vi", "[50%, 1]", "text"),
    ])
    func types(_ csv: String, _ mode: String, _ values: String, _ type: String) throws {
        let s = try session(["/work/t.csv": csv])
        let call = mode == "en-locale" ? "read_csv(\"t.csv\", locale: \"en\")" : "read_csv(\"t.csv\")"
        let outcomes = s.run("let t = \(call)\nt.\(csv.split(separator: "\n")[0].split(separator: ",")[0])")
        #expect(outcomes.allSatisfy { $0.succeeded }, "\(outcomes.compactMap(\.error))")
        #expect(shown(outcomes, s) == [values])
        if case let .list(items)? = outcomes.last?.value { #expect(items.first?.typeName == type || (type == "number" && items.allSatisfy { $0.typeName == "number" })) }
        let warned = outcomes.flatMap(\.warnings).contains { $0.code == "W306" }
        #expect(warned == (type == "text"))
    }

    @Test("table([…]) makes rows of records; a list of other values is one column")
    func inline() throws {
        let s = try session()
        #expect(shown(s.run("table([{a: 1}, {b: 2}]) | count()\ntable([{a: 1}, {b: 2}]).b\ntable([1, 2]).value"), s) == ["2", "[–, 2]", "[1, 2]"])
    }
}

@Suite("join and union")
struct JoinTests {
    static let left = "table([{k: \"a\", x: 1}, {k: \"b\", x: 2}, {k: null, x: 3}, {k: \"c\", x: 4}])"
    static let right = "table([{k: \"a\", y: 10}, {k: \"a\", y: 11}, {k: \"b\", y: 20}, {k: null, y: 0}, {k: \"z\", y: 99}])"

    @Test("inner and left: matched rows, duplicates repeated, missing keys never match; the notes count each", arguments: [
        ("inner", "[1, 1, 2]", "[10, 11, 20]", "inner join on k: 2 of 4 rows matched; 2 without a match dropped: (missing), c"),
        ("left", "[1, 1, 2, 3, 4]", "[10, 11, 20, –, –]", "left join on k: 2 of 4 rows matched; 2 without a match kept with empty right-hand columns: (missing), c"),
    ])
    func sides(_ side: String, _ xs: String, _ ys: String, _ note: String) throws {
        let s = try session()
        let outcomes = s.run("let j = \(Self.left) | join \(side) \(Self.right) on k\nj.x\nj.y")
        #expect(shown(outcomes, s) == [xs, ys])
        guard case let .table(t)? = s.binding("j") else { Issue.record("no table"); return }
        #expect(t.notes.first == note)
        #expect(t.notes.contains { $0.contains("1 key on more than one row (a ×2)") })
        #expect(t.notes.contains("2 of 5 rows of the right table match no row: (missing), z"))
    }

    @Test("a right column named like a left one is kept as name_right; the resolver knows the joined columns")
    func columns() throws {
        let s = try session()
        let t = "table([{k: 1, v: \"l\"}]) | join table([{k: 1, v: \"r\"}]) on k"
        #expect(shown(s.run("(\(t)).v_right"), s) == ["[r]"])
        let refused = s.run("1\nregions | join indicators on id | select name, name_right, nope")
        #expect(refused.count == 1 && refused[0].error?.code == "E201")
    }

    @Test("a text naming a region meets the region: with its kind, without diacritics, by id; a name of two regions meets both")
    func regions() throws {
        let s = try session()
        let names = "table([{r: \"Q. Bình Thạnh\", n: 1}, {r: \"binh thuan\", n: 2}, {r: \"kien-giang/kien-hai\", n: 3}, {r: \"Bắc Kạn\", n: 4}])"
        let outcomes = s.run("let j = regions | join \(names) on id == r\nlet k = regions | select name, region = id | join \(names) on region == r")
        #expect(outcomes.allSatisfy { $0.succeeded })
        let j = s.run("regions | join \(names) on name == r | count()")
        #expect(shown(j, s) == ["5"], "the name column holds regions: Bắc Kạn meets the province and the city")
        let byRegion = s.run("figures | where indicator == members | join left \(names) on region == r | select region, n")
        #expect(shown(byRegion, s).first?.contains("│ Bình Thạnh │ 1 │") == true)
        #expect(shown(byRegion, s).first?.contains("│ Bắc Kạn    │ 4 │") == true)
    }

    @Test("union: the same columns in any order; other columns refused")
    func union() throws {
        let s = try session()
        #expect(shown(s.run("(table([{a: 1, b: 2}]) | union table([{b: 4, a: 3}])).a"), s) == ["[1, 3]"])
        #expect(s.run("table([{a: 1}]) | union table([{b: 1}])").first?.error?.code == "E234")
    }
}
