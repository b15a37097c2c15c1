// khuyenhoc-bench: times the engine on a dataset through the query language, as an analyst would use
// it: load the CSV once, then run each question (parsing, evaluation and rendering as a table) several
// times. Prints one JSON object: load time, each question's times, peak memory, and each question's
// answers as CSV for the side-by-side check in Benchmarks/compare.py. Not part of the test suite.
//
//   khuyenhoc-bench --data FOLDER --questions FILE [--repeat N]
//   khuyenhoc-bench --geography     (the national map: build, lookup and Tab completion costs)
//
// The questions file holds questions separated by lines `-- question: NAME`; a question may have
// several statements.
import Foundation
import LearningData
import LearningQuery

struct Question {
    let name: String
    let text: String
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("khuyenhoc-bench: \(message)\n".utf8))
    exit(2)
}

func parseQuestions(_ text: String) -> [Question] {
    var questions: [Question] = []
    var name: String? = nil
    var lines: [String] = []
    func flush() {
        if let name { questions.append(Question(name: name, text: lines.joined(separator: "\n"))) }
        lines = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("-- question:") {
            flush()
            name = line.dropFirst("-- question:".count).trimmingCharacters(in: .whitespaces)
        } else if name != nil {
            lines.append(String(line))
        }
    }
    flush()
    return questions
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func peakMemoryBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

func jsonString(_ s: String) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: [s]), let text = String(data: data, encoding: .utf8) else { return "\"\"" }
    return String(text.dropFirst().dropLast())
}

func option(_ name: String) -> String? {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
if CommandLine.arguments.contains("--geography") {
    GeographyBench.run()
    exit(0)
}
guard let dataPath = option("--data"), let questionsPath = option("--questions") else {
    fail("usage: khuyenhoc-bench --data FOLDER --questions FILE [--repeat N]")
}
let repeats = option("--repeat").flatMap(Int.init) ?? 7
guard let questionsText = try? String(contentsOfFile: questionsPath, encoding: .utf8) else { fail("cannot read \(questionsPath)") }
let questions = parseQuestions(questionsText)
DatasetLoader.tuneAllocatorForLargeLoads()

func load(_ path: String) -> (Dataset, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        let dataset = try DatasetLoader.load(from: path)
        return (dataset, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    } catch {
        fail("\(error)")
    }
}
let (dataset, loadSeconds) = load(dataPath)
let memoryAfterLoad = peakMemoryBytes()

let session = QuerySession(dataset: dataset)
var results: [String] = []
for question in questions {
    var times: [Double] = []
    var failure: String? = nil
    for _ in 0..<repeats {
        times.append(seconds {
            for outcome in session.run(question.text, name: question.name) {
                if let error = outcome.error { failure = "\(error)" }
                if let value = outcome.value, !outcome.quiet { _ = session.render(value) }
            }
        })
    }
    // The answers, in full and as plain numbers, for the check against the other engines (not timed).
    let answers = QuerySession(dataset: dataset, settings: OutputSettings(format: .csv, maxRows: nil, maxCellWidth: nil))
    let csv = answers.run(question.text, name: question.name).compactMap { o in !o.quiet ? o.value.map { answers.render($0) } : nil }
    results.append("""
    {"name": \(jsonString(question.name)), "median_s": \(median(times)), "min_s": \(times.min() ?? 0), \
    "error": \(failure.map(jsonString) ?? "null"), "answers": [\(csv.map(jsonString).joined(separator: ", "))]}
    """)
}
print("""
{"engine": "khuyenhoc", "rows": \(dataset.count), "load_s": \(loadSeconds), "memory_after_load_bytes": \(memoryAfterLoad), \
"peak_memory_bytes": \(peakMemoryBytes()), "questions": [\(results.joined(separator: ",\n"))]}
""")
