import Foundation
import Testing
import LearningData
import LearningQuery

@Suite("The README's query examples")
struct ReadmeTests {
    @Test("each example of the README is shown with its golden output, unchanged", arguments: ["01", "02", "03", "04", "05", "06", "07", "08", "09", "19", "21"])
    func example(_ number: String) throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let folder = testsFolder.appendingPathComponent("Golden/examples")
        let query = try String(contentsOf: folder.appendingPathComponent("\(number).khq"), encoding: .utf8)
        let output = try String(contentsOf: folder.appendingPathComponent("\(number).out"), encoding: .utf8)
        let block = "$ khuyenhoc -c '" + query.trimmingCharacters(in: .newlines).replacingOccurrences(of: "'", with: "'\\''") + "'\n"
            + output.trimmingCharacters(in: .newlines) + "\n```"
        #expect(readme.contains(block), "README.md does not show example \(number) as the tests produce it")
    }
}

@Suite("The README's geography commands")
struct ReadmeGeographyTests {
    /// The queries of the `$ khuyenhoc -c '…'` lines of a README section, with the comment after each.
    static func commands(inSection title: String) throws -> [(query: String, comment: String)] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## " + title) else { return [] }
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        return end.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("$ khuyenhoc -c '"), let close = line.dropFirst(16).firstIndex(of: "'") else { return nil }
            let query = String(line.dropFirst(16)[..<close])
            let comment = line.range(of: "# ").map { String(line[$0.upperBound...]) } ?? ""
            return (query, comment)
        }
    }

    @Test("each command of “Geography and the 2025 reorganisation” runs on the seeds and says what its comment says")
    func geography() throws {
        let commands = try Self.commands(inSection: "Geography and the 2025 reorganisation")
        #expect(commands.count >= 5)
        let session = QuerySession(dataset: try Dataset.embedded(), settings: OutputSettings(maxRows: nil, maxCellWidth: nil))
        for (query, comment) in commands {
            let outcome = try #require(session.run(query).first)
            #expect(outcome.error == nil, "\(query): \(String(describing: outcome.error))")
            guard let value = outcome.value else { Issue.record("\(query) gives nothing"); continue }
            let shown = session.render(value)
            // The comment's first words (a name such as “Thái Nguyên”) are in the answer.
            if let name = comment.split(separator: ",").first?.split(separator: " ").prefix(2).joined(separator: " "), !name.isEmpty {
                #expect(shown.contains(name), "\(query) does not show “\(name)”: \(shown)")
            }
        }
    }
}

@Suite("The README's reusable scripts", .serialized)
struct ReadmeScriptTests {
    /// The `$ khuyenhoc …` commands of a README section, each with the lines shown after it.
    static func blocks(inSection title: String) throws -> [(arguments: [String], shown: String)] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "### " + title) else { return [] }
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var out: [(arguments: [String], shown: String)] = []
        var lines = section.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("$ khuyenhoc ") else { continue }
            var shown: [Substring] = []
            while let next = lines.popFirst(), next != "```" { shown.append(next) }
            out.append((words(String(line.dropFirst(12))), shown.joined(separator: "\n")))
        }
        return out
    }

    /// A command line split as a POSIX shell splits it: words apart at spaces, quotes kept together.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character? = nil, inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test("each command of “Reusable scripts” prints what the README shows, from the repository's folder")
    func commands() throws {
        let blocks = try Self.blocks(inSection: "Reusable scripts: parameters, libraries, your own tables and joins")
        #expect(blocks.count >= 4)
        #expect(blocks.contains { $0.arguments.contains("--set") } && blocks.contains { $0.arguments.joined().contains("join") })
        for block in blocks {
            let process = Process()
            process.executableURL = try executable()
            process.arguments = block.arguments
            process.currentDirectoryURL = packageRoot
            let output = Pipe(), error = Pipe()
            process.standardOutput = output
            process.standardError = error
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let err = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect((out + err).trimmingCharacters(in: .newlines) == block.shown, "\(block.arguments) prints\n\(out)\(err)")
        }
    }

    @Test("the README shows the example scripts as they are")
    func scripts() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for file in ["docs/examples/compare.khq", "docs/examples/lib/shares.khq", "docs/examples/population.csv"] {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
            #expect(readme.contains("```\n" + text.trimmingCharacters(in: .newlines) + "\n```"), "README.md does not show \(file) as it is")
        }
    }
}

@Suite("The README's reports-in workflow", .serialized)
struct ReadmeWorkflowTests {
    @Test("init, add, accept and a query print what the README shows, in a fresh folder beside the seeds")
    func workflow() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Reports in: figures drafted from a report's text"))
        let section = readme[start.upperBound...]
        let block = try #require(section.range(of: "```\n$ khuyenhoc init").map { section[$0.lowerBound...].dropFirst(4) })
        let lines = block.prefix { _ in true }.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0 != "```" }
        var steps: [(arguments: [String], shown: [Substring])] = []
        for line in lines {
            if line.hasPrefix("$ khuyenhoc ") { steps.append((ReadmeScriptTests.words(String(line.dropFirst(12))), [])) } else { steps[steps.count - 1].shown.append(line) }
        }
        #expect(steps.count >= 6)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("khq-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("seeds"), withDestinationURL: packageRoot.appendingPathComponent("seeds"))
        for step in steps {
            let process = Process()
            process.executableURL = try executable()
            process.arguments = step.arguments
            process.currentDirectoryURL = folder
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(step.arguments): \(out)")
            #expect(out.trimmingCharacters(in: .newlines) == step.shown.joined(separator: "\n"), "\(step.arguments) prints\n\(out)")
        }
    }
}
