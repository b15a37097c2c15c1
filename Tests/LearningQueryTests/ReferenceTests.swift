import Foundation
import Testing
import LearningData
@testable import LearningQuery

@Suite("The reference page and the functions")
struct ReferenceTests {
    @Test("docs/query-language.md documents exactly the functions that exist")
    func functionsSection() throws {
        let url = packageRoot.appendingPathComponent("docs/query-language.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- functions:begin -->\n", end = "<!-- functions:end -->"
        let start = try #require(doc.range(of: begin)), stop = try #require(doc.range(of: end))
        let generated = Reference.functionsMarkdown() + "\n"
        if updatingGolden {
            try (String(doc[..<start.upperBound]) + generated + String(doc[stop.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(doc[start.upperBound..<stop.lowerBound]) == generated, "run with UPDATE_GOLDEN=1 to regenerate the functions section")
        // And the reverse: every documented signature names a function.
        let documented = doc.components(separatedBy: "\n").filter { $0.hasPrefix("#### `") }.compactMap { line in
            line.dropFirst(6).split(separator: "(").first.map(String.init)
        }
        #expect(Set(documented) == Set(Functions.all.map(\.name)))
    }

    @Test("every function's example runs on the embedded dataset without error", arguments: Functions.all.map(\.name))
    func examplesRun(_ name: String) throws {
        let function = try #require(Functions.named[name])
        let session = QuerySession(dataset: try Dataset.embedded())
        let outcomes = session.run(function.example)
        let failures = outcomes.compactMap { $0.error?.description }
        #expect(failures.isEmpty, "\(function.example): \(failures)")
    }

    @Test("a function that declares its columns returns those columns", arguments: Functions.all.filter { $0.columns != nil }.map(\.name))
    func declaredColumns(_ name: String) throws {
        let function = try #require(Functions.named[name])
        let session = QuerySession(dataset: try Dataset.embedded())
        let value = try session.evaluate(function.example)
        let columns: [String]? = switch value {
        case let .table(table): table.columnNames
        case .series: SeriesTable.columns
        default: nil
        }
        #expect(columns == function.columns, "\(function.example)")
    }

    // rank declared a column “score”, but it is named after `by:`, so a script that selected `rate`
    // was refused before it ran (while the shell, one statement at a time, ran it).
    @Test("a script may use rank's score column by its name", arguments: [
        "rank(learning_family) | select region, rate",
        "let r = rank(learning_family, year: latest)\nr | select region, rate",
        "rank(members, year: latest, by: \"value\") | select region, value",
    ])
    func rankColumns(_ script: String) throws {
        let outcomes = QuerySession(dataset: try Dataset.embedded()).run(script)
        let failures = outcomes.compactMap { $0.error?.description }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("help for a function and the grammar in the parser's comment is the one in the reference")
    func grammar() throws {
        #expect(Reference.help(for: "rank")?.hasPrefix("rank(indicator: indicator") == true)
        #expect(Reference.help(for: "nothing") == nil)
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/query-language.md"), encoding: .utf8)
        let parser = try String(contentsOf: packageRoot.appendingPathComponent("Sources/LearningQuery/Parser.swift"), encoding: .utf8)
        for rule in ["program        = { statement ( NEWLINE | \";\" ) } ;", "comparison     = additive", "primary        = NUMBER"] {
            #expect(doc.contains(rule) && parser.contains(rule), "\(rule)")
        }
    }
}
