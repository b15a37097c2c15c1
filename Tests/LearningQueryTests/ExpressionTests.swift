import Testing
import LearningData
@testable import LearningQuery

/// The value of one expression, written for people in vi style.
func show(_ text: String, style: NumberStyle = .vi) throws -> String {
    let session = QuerySession(dataset: try Dataset.embedded())
    let value = try session.evaluate(text)
    return ValueFormatter.human(value, style)
}

@Suite("Operators, precedence and values")
struct ExpressionTests {
    @Test("arithmetic, comparison and logic with their precedence", arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 - 4 - 3", "3"), ("2 * 3 / 4", "1,5"), ("-2 * 3", "-6"), ("- (2 + 3)", "-5"),
        ("2 * 3 + 4 * 5 - 6 / 3", "24"), ("1 < 2 and 2 < 3", "true"), ("not 1 > 2", "true"), ("true or false and false", "true"),
        ("(true or false) and false", "false"), ("1 == 1.0", "true"), ("1 != 2", "true"), ("3 >= 3", "true"),
        ("null + 1", "–"), ("null == null", "true"), ("1 == null", "false"), ("null < 1", "–"), ("null and false", "false"),
        ("null or true", "true"), ("null and true", "–"), ("1 / 0", "–"),
        ("77.07% - 75%", "+2,07 điểm %"), ("75% + 2", "77,00%"), ("50% * 2", "100,00%"), ("10% / 5%", "2"),
        ("2016 + 2", "2.018"), ("\"a\" + \"b\"", "ab"), ("\"năm \" + 2018", "năm 2018"), ("\"x\" + region(\"binh thanh\")", "xBình Thạnh"), ("\"Bình Thạnh\" ~ \"binh\"", "true"), ("\"Bình Thạnh\" !~ \"BINH\"", "false"),
        ("2 in [1, 2, 3]", "true"), ("4 not in [1, 2]", "true"), ("\"hà nội\" in [\"Hà Nội\"]", "false"),
        ("round(2.5)", "3"), ("round(-2.5)", "-3"), ("round(77.0700156%, 1)", "77,10%"), ("abs(-3)", "3"),
        ("{a: 1, b: 2}.b", "2"), ("[1, 2, 3]", "[1, 2, 3]"), ("1_000_000", "1.000.000"), ("0.125", "0,125"),
        ("region(\"binh thanh\") == \"Bình Thạnh\"", "true"), ("region(\"binh thanh\") == \"ho-chi-minh/binh-thanh\"", "true"),
        ("learning_family == \"Gia đình hiếu học\"", "true"), ("region(\"bac kan\", level: \"district\").parent", "Bắc Kạn"),
        ("rate(learning_family, \"Bình Thạnh\", 2022) - 75%", "+2,07 điểm %"), ("value(fund_raised, \"Liên Hương\", 2018)", "97.290.000 đ"),
    ])
    func expression(_ text: String, _ expected: String) throws {
        #expect(try show(text) == expected, "\(text)")
    }

    @Test("en style", arguments: [("1234567.5", "1,234,567.5"), ("77.07%", "77.07%"), ("77.07% - 75%", "+2.07 pp"), ("value(fund_raised, \"Liên Hương\", 2018)", "97,290,000 VND")])
    func english(_ text: String, _ expected: String) throws {
        #expect(try show(text, style: .en) == expected)
    }

    @Test("the examples' values, exactly")
    func values() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        guard case let .percent(rate) = try session.evaluate("rate(learning_family, \"Bình Thạnh\", 2022)") else { Issue.record("not a percent"); return }
        #expect(abs(rate - 77.07001567965264) < 1e-9)
        guard case let .record(change) = try session.evaluate("series(learning_family, \"lien huong\") | change(2016, 2018)") else { Issue.record("not a record"); return }
        #expect(change["change"]?.numeric == 3027)
        guard case let .points(points)? = change["change_points"] else { Issue.record("not points"); return }
        #expect(abs(points - 34.9413715039254) < 1e-9)
        guard case let .record(target) = try session.evaluate("target(fund_raised, \"Liên Hương\", 2018)") else { Issue.record("not a record"); return }
        #expect(target["attainment"]?.numeric.map { ($0 * 100).rounded() } == 16215)
        guard case let .text(status)? = target["status"], case let .text(check)? = target["stated_check"] else { Issue.record("fields"); return }
        #expect(status == "exceeded")
        #expect(check == "disagrees")
        guard case let .table(ranking) = try session.evaluate("rank(learning_family, year: latest)") else { Issue.record("not a table"); return }
        #expect(ranking.values(column: 2).map { $0.numeric } == [2017, 2022])   // districts only: Liên Hương (a township) is left out
        #expect(ranking.notes.contains { $0.hasPrefix("years differ") })
        guard case let .table(top) = try session.evaluate("figures | where indicator == members | top 3 by value") else { Issue.record("not a table"); return }
        #expect(top.values(column: top.columnNames.firstIndex(of: "value") ?? -1).compactMap(\.numeric) == [52873, 10380, 9804])
    }

    @Test("a where on the figures keeps row numbers, not copies, and finds what a scan finds")
    func figuresView() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        guard case let .table(table) = try session.evaluate("figures | where year == 2022 and region ~ \"binh thanh\"") else { Issue.record("table"); return }
        guard table.isFigures else { Issue.record("materialised"); return }
        #expect(table.rowCount == 26)
        guard case let .number(n) = try session.evaluate("figures | where year == 2022 | count()") else { Issue.record("number"); return }
        #expect(n == 26)  // document 001 gives 27 rows, one of them the derived 2021 figure
    }
}

@Suite("Sessions")
struct SessionTests {
    @Test("bindings last for the session; reset forgets them")
    func bindings() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        #expect(session.run("let x = 40").allSatisfy { $0.succeeded })
        #expect(try ValueFormatter.human(session.evaluate("x + 2"), .vi) == "42")
        #expect(session.bindingNames == ["x"])
        session.reset()
        #expect(session.run("x").first?.error?.code == "E201")
    }

    @Test("a script: statements per line, a pipeline continued by a leading |, comments")
    func script() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        let outcomes = session.run("""
            -- Liên Hương
            let lh = series(learning_family, "Liên Hương")
            lh
              | change(2016, 2018)   -- the change

            rate(learning_family, "Bình Thạnh",
                 2022)
            """)
        #expect(outcomes.count == 3)
        #expect(outcomes.allSatisfy { $0.succeeded })
        #expect(outcomes.first?.binding == "lh")
    }

    @Test("names are checked before anything runs; a runtime error does not stop the others unless asked")
    func errors() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        let early = session.run("let a = 1\nnonsense_name")
        #expect(early.count == 1)
        #expect(early[0].error?.code == "E201")
        #expect(session.binding("a") == nil)
        let late = session.run("rate(learning_family, \"Bắc Kạn\", 2017)\n1 + 1")
        #expect(late.map(\.succeeded) == [false, true])
        let bail = session.run("rate(learning_family, \"Bắc Kạn\", 2017)\n1 + 1", stopAtFirstError: true)
        #expect(bail.count == 1)
    }

    @Test("a raised cancellation flag interrupts a long evaluation and leaves the session usable")
    func cancellation() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        _ = session.run("let keep = 7")
        // A table operator over many rows checks the flag every 4096 rows.
        let big = (0..<5_000).map(String.init).joined(separator: ", ")
        session.cancellation.raise()
        let context = EvaluationContext(dataset: session.dataset, bindings: [:], source: SourceText("x"), cancellation: session.cancellation)
        var interrupted = false
        for _ in 0..<5_000 {
            do { try context.tick() } catch { interrupted = error.code == "E900"; break }
        }
        #expect(interrupted)
        #expect(session.run("table([\(big)]) | where value > 10 | count()").first?.succeeded == true)
        #expect(session.binding("keep") != nil)
    }
}

@Suite("Inputs that must not crash")
struct RobustnessTests {
    @Test("empty input, blank lines and comments only")
    func empty() throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        #expect(session.run("").isEmpty)
        #expect(session.run("\n\n  -- nothing\n").isEmpty)
    }

    @Test("deep nesting, long chains, long member chains and a 1 MB line are errors or answers", arguments: [
        String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000),
        "1" + String(repeating: "+1", count: 200_000),
        "x" + String(repeating: ".a", count: 100_000),
        "not " + String(repeating: "not ", count: 5_000) + "true",
        "\"" + String(repeating: "á", count: 1_000_000) + "\"",
        "[" + String(repeating: "1,", count: 100_000) + "1] | table() | count()",
        "99999999999999999999999999", "1e308 * 10", "\u{0}", "table([1e300, 2016]) | select year = value, value | pivot",
        "[1e308 * 10 - 1e308 * 10] | table() | sort value", "table([1, 2]) | select year = value / 0 | pivot", "rate(", ")", "|", "let", "let = 1", "figures | where",
    ])
    func pathological(_ text: String) throws {
        let session = QuerySession(dataset: try Dataset.embedded())
        let outcomes = session.run(text)
        #expect(!outcomes.isEmpty)
    }

    @Test("invalid UTF-8 in a script is an error at its line and column")
    func invalidUTF8() throws {
        let bytes = Array("1 + 1\nrate(\"".utf8) + [0xC3, 0x28] + Array("\")\n".utf8)
        do {
            _ = try ScriptText.decode(bytes, name: "bad.khq")
            Issue.record("accepted")
        } catch {
            #expect(error.code == "E100")
            #expect(error.diagnostic.location?.line == 2)
            #expect(error.diagnostic.location?.column == 7)
        }
        #expect(try ScriptText.decode([0xEF, 0xBB, 0xBF] + Array("1".utf8), name: "bom.khq") == "1")
    }
}
