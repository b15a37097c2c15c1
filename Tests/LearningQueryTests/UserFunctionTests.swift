import Testing
import LearningData
@testable import LearningQuery

/// Functions an analyst defines: `let name(p, q = default) = body`.
@Suite("User functions")
struct UserFunctionTests {
    static func session() throws -> QuerySession {
        QuerySession(dataset: try Dataset.embedded(), settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
    }

    static let gap = "let gap(ind, a, b, y = 2022) = rate(ind, a, y) - rate(ind, b, y)"

    @Test("defaults, named arguments, and a definition kept for later inputs")
    func calls() throws {
        let s = try Self.session()
        let defined = try #require(s.run(Self.gap).first)
        #expect(defined.binding == "gap" && defined.error == nil)
        #expect(s.functionSignatures == ["gap(ind, a, b, y = 2022)"])
        #expect(try s.evaluate("gap(learning_family, \"Bình Thạnh\", \"Bình Thạnh\")").numeric == 0)
        // Liên Hương 2018 against itself in 2016 through a second function: 71,97 % − 37,03 %.
        _ = s.run("let progress(a, from, to) = gap(learning_family, a, a, to) + rate(learning_family, a, to) - rate(learning_family, a, from)")
        let points = try s.evaluate("progress(to: 2018, a: \"Liên Hương\", from: 2016)").numeric
        #expect(points.map { abs($0 - 34.9413715039254) < 1e-9 } == true)
    }

    @Test("after |, the value on the left is the first argument; a default may use the parameters before it")
    func pipelines() throws {
        let s = try Self.session()
        _ = s.run("let best(t, n = 2) = t | sort rate desc | take n\nlet twice(x, y = x * 2) = y")
        guard case let .table(t) = try s.evaluate("figures | where indicator == learning_family | select region, year, rate | best(n: 1)") else {
            Issue.record("not a table"); return
        }
        #expect(t.rowCount == 1)
        #expect(try s.evaluate("twice(21)").numeric == 42)
        #expect(try s.evaluate("3 | twice()").numeric == 6)
    }

    @Test("mistakes are located, with the usage and the nearest parameter", arguments: [
        ("gap(learning_family, \"Bình Thạnh\")", "E204", "gap needs “b”"),
        ("gap(learning_family, \"Bình Thạnh\", \"Bắc Kạn\", yr: 2018)", "E203", "gap has no argument “yr”"),
        ("gap(learning_family, \"Bình Thạnh\", \"Bắc Kạn\", 2018, 1)", "E205", "gap takes at most 4 arguments"),
        ("let rate(x) = x", "E113", "“rate” is a built-in function"),
        ("let f(a, b = 1, c) = a", "E204", "“c” has no default but comes after one that has"),
        ("let f(a, a) = a", "E205", "the parameter “a” is named twice"),
        ("let f(x) = x + nosuch", "E201", "unknown name “nosuch”"),
        ("let loop(n) = loop(n + 1)\nloop(1)", "E223", "more than 32 deep"),
    ])
    func errors(_ query: String, _ code: String, _ words: String) throws {
        let s = try Self.session()
        _ = s.run(Self.gap)
        let failed = try #require(s.run(query).first { $0.error != nil }?.error)
        #expect(failed.code == code)
        #expect("\(failed)".contains(words), "\(failed)")
        if code == "E203" { #expect(failed.diagnostic.hint?.contains("did you mean `y:`?") == true) }
    }

    @Test("an error inside a body points into the text that defined it, whichever input calls it")
    func errorInBody() throws {
        let s = try Self.session()
        _ = s.run("let half(x) = x / \"two\"", name: "lib.khq")
        let failed = try #require(s.run("half(4)", name: "<input>").first?.error)
        #expect(failed.diagnostic.location?.file == "lib.khq")
    }

    @Test("a function is a name of its own: a binding of the same name does not hide it, and :reset forgets it")
    func namespaces() throws {
        let s = try Self.session()
        _ = s.run("let twice(x) = x * 2\nlet twice = 5")
        #expect(try s.evaluate("twice(twice)").numeric == 10)
        s.reset()
        #expect(s.functionNames.isEmpty)
        #expect(s.run("twice(1)").first?.error?.code == "E221")
    }
}
