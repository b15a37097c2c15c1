import Foundation
import LearningData

/// The back end of the Jupyter kernel: a loop reading one JSON request per line on standard input and
/// writing one JSON reply per line on standard output. All evaluation stays here in Swift; the Python
/// wrapper only forwards cells and replies.
///
/// Request: `{"code": "…"}`. Reply: `{"execution_count": n, "outputs": [nbformat outputs]}`, the same
/// outputs `khuyenhoc notebook run` writes. A request that is not JSON gets `{"error": "…"}`.
public enum KernelBackend {
    /// Serves requests until standard input ends.
    public static func serve(dataset: Dataset) {
        var runner = NotebookRunner(dataset: dataset)
        while let line = readLine(strippingNewline: true) {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let reply: JSON
            do {
                let request = try JSON.parse(line)
                guard let code = request["code"]?.text else { throw NotebookError("a request is {\"code\": \"…\"}") }
                let (count, outputs) = runner.execute(code)
                reply = .object(["execution_count": .number(Double(count)), "outputs": .array(outputs)])
            } catch {
                reply = .object(["error": .string("\(error)")])
            }
            // One line per reply: the serialized form's newlines are only between tokens, so they go.
            let text = reply.serialized().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }
}
