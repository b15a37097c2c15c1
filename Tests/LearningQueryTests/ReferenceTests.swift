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
