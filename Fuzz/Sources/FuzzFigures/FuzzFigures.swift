// Fuzz target: figures.csv as a user gives it, read against the seeds' regions and reports by both
// figures readers, which must agree.

import FuzzSupport
import LearningData

/// Where each input is written for the stream reader, which reads from a path.
private let file = ScratchFile("figures")

/// How the stream reader cuts the file: most inputs in small blocks drawn from their bytes, every
/// fourth whole. One cut per input, so that an input costs two reads and a reproducer replays the same way.
private func cut(for bytes: [UInt8]) -> ReaderAgreement.Cut {
    bytes.count % 4 == 0 ? .whole : .drawn(from: bytes)
}

/// One input: the bytes of a figures file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigures(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard file.write(bytes) else { return 0 }
    if let dataset = ReaderAgreement.check(figures: bytes, in: file, gazetteer: SeedData.dataset.gazetteer,
                                           cuts: [cut(for: bytes)]) {
        // The indexes built for the rows must find them again.
        for row in 0..<min(dataset.count, 64) {
            let observation = dataset[row]
            invariant(dataset.observation(indicator: observation.indicator, region: observation.region, year: observation.year,
                                          scope: observation.scope, period: observation.period) == observation,
                      "row \(row) is not found again by its indicator, region, year, scope and period")
        }
    }
    return 0
}
