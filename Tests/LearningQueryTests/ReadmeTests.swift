import Foundation
import Testing

@Suite("The README's query examples")
struct ReadmeTests {
    @Test("each example of the README is shown with its golden output, unchanged", arguments: ["01", "02", "03", "04", "05", "06", "07", "08", "09", "19"])
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
