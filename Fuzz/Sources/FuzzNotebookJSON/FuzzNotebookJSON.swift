// Fuzz target: the notebook JSON reader and writer, notebooks built from what it reads, and the
// kernel's request loop fed the same bytes as its standard input.

import FuzzSupport
// `stdin` is a C global; the kernel reads it through readLine, so it is reopened here, one thread only.
@preconcurrency import Glibc
import LearningData
import LearningNotebook

/// Where each input is written to become the kernel's standard input.
private let kernelInput = ScratchFile("kernel")

/// The kernel writes its replies to standard output, which goes to /dev/null (libFuzzer reports on
/// standard error). Done once, before the first request.
private let repliesDiscarded: Bool = {
    let null = open("/dev/null", O_WRONLY)
    return null >= 0 && dup2(null, STDOUT_FILENO) >= 0
}()

/// The kernel runs the code of every request: longer inputs only exercise the evaluator, which
/// FuzzEvaluate fuzzes under a time budget.
private let kernelInputLimit = 2048

/// One input: JSON text (a notebook, a kernel request, or anything).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebookJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    do {
        let json = try JSON.parse(text)
        checkRoundTrip(json)
        if let notebook = try? Notebook(json: json) {
            checkRoundTrip(notebook.json)
            for format in NotebookExport.Format.allCases { _ = NotebookExport.render(notebook, as: format, title: "fuzz") }
        }
    } catch {
        _ = error.description
    }
    if bytes.count <= kernelInputLimit { serveKernel(bytes) }
    return 0
}

/// What is written reads back as the same value. The writer writes a number that is not finite as
/// `null` (JSON has no infinity), so the comparison does too.
private func checkRoundTrip(_ json: JSON) {
    let written = json.serialized()
    do {
        let again = try JSON.parse(written)
        invariant(again == finite(json), "the JSON written back reads as another value:\n\(written)")
    } catch {
        invariant(false, "the JSON written back does not read: \(error)\n\(written)")
    }
}

/// The value with every number that is not finite replaced by null, as the writer writes it.
private func finite(_ json: JSON) -> JSON {
    switch json {
    case let .number(x) where !x.isFinite: .null
    case let .array(items): .array(items.map(finite))
    case let .object(fields): .object(fields.mapValues(finite))
    default: json
    }
}

/// The kernel's loop over the input's lines, as `khuyenhoc kernel` runs it under Jupyter.
private func serveKernel(_ bytes: [UInt8]) {
    guard repliesDiscarded, kernelInput.write(bytes), freopen(kernelInput.path, "r", stdin) != nil else { return }
    KernelBackend.serve(dataset: SeedData.dataset)
}
