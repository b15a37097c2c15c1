// Fuzz target: whole queries run over the embedded seeds, as the shell and notebooks run them, and
// their results written out.

import FuzzSupport
import LearningData
import LearningQuery

/// How long one input may scan rows before it is interrupted, in milliseconds. Short, so that the
/// fuzzer spends its time on new inputs; work that never checks the flag still meets `-timeout`.
private let budget = 250

/// One input: a script's bytes, run statement by statement in a fresh session. The output format and
/// number style come from the input's length, so every writer gets inputs without a header byte that
/// would shift the script.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text: String
    do {
        text = try ScriptText.decode(FuzzInput.bytes(data, size), name: "<fuzz>")
    } catch {
        return 0
    }
    let formats = OutputFormat.allCases
    let settings = OutputSettings(format: formats[size % formats.count], style: size / formats.count % 2 == 0 ? .vi : .en,
                                  maxRows: 40, maxCellWidth: 48, width: 120)
    let session = QuerySession(dataset: SeedData.dataset, settings: settings, cancellation: TimeBudget.flag(milliseconds: budget))
    for outcome in session.run(text, name: "<fuzz>") {
        if let value = outcome.value { _ = session.render(value) }
        if let error = outcome.error { _ = error.description }
        for warning in outcome.warnings { _ = warning.description }
    }
    return 0
}
