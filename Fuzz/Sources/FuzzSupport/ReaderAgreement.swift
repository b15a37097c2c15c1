@testable import LearningData

/// The figures readers side by side: the fast stream reader (blocks, a stretch per core, the row
/// scanner) promises the sequential reader's dataset, bit for bit, or its diagnostics, word for word.
/// Any difference is a bug in one of them, so it stops the process.
public enum ReaderAgreement {
    /// How the stream reader cuts a file: small sizes make a fuzz input of a few hundred bytes cross
    /// block and stretch boundaries, as a national file of gigabytes does with the standard sizes.
    public struct Cut: Sendable, CustomStringConvertible {
        let tuning: FiguresStreamReader.Tuning

        /// Blocks of 4 KiB in stretches of at least 512 bytes over two cores.
        public static let small = Cut(FiguresStreamReader.Tuning(blockSize: 4096, minimumPieceBytes: 512, cores: 2))
        /// One block and one stretch: what `DatasetLoader.load(from:)` does with a file under a megabyte.
        /// Not its standard 8 MiB block, which would be zero-filled (instrumented, byte by byte) per input.
        public static let whole = Cut(FiguresStreamReader.Tuning(blockSize: 64 << 10, minimumPieceBytes: 64 << 10, cores: 1))

        init(_ tuning: FiguresStreamReader.Tuning) { self.tuning = tuning }

        /// Blocks of 16 to 512 bytes, stretches of 1 to 128, one to three cores, drawn from a hash of
        /// the input: bugs at a boundary need the boundary at one exact place, and the same input
        /// must replay the same way.
        public static func drawn(from bytes: [UInt8]) -> Cut {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325                      // FNV-1a
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return Cut(FiguresStreamReader.Tuning(blockSize: 16 + Int(hash % 497), minimumPieceBytes: 1 + Int((hash >> 20) % 128),
                                                  cores: 1 + Int((hash >> 40) % 3)))
        }

        public var description: String { "blocks of \(tuning.blockSize) B, stretches of \(tuning.minimumPieceBytes) B, \(tuning.cores) cores" }
    }

    /// Reads `bytes` (already written to `file`) with the sequential reader and with the stream reader
    /// cut each way, and stops the process if they disagree. Returns the dataset when the file loads.
    @discardableResult
    public static func check(figures bytes: [UInt8], in file: ScratchFile, gazetteer: Gazetteer, cuts: [Cut]) -> Dataset? {
        let path = file.path
        let sequential = Result { () throws(DatasetLoadError) -> Dataset in
            try FiguresFileReader.read(SourceFile(name: path, bytes: bytes), gazetteer: gazetteer, catalogue: .standard,
                                       name: "fuzz", document: SeedData.document)
        }
        for cut in cuts {
            let streamed = Result { () throws(DatasetLoadError) -> Dataset in
                try FiguresStreamReader.read(path: path, name: "fuzz", gazetteer: gazetteer, catalogue: .standard,
                                             tuning: cut.tuning, document: SeedData.document)
            }
            compare(streamed: streamed, sequential: sequential, cut: cut)
        }
        return try? sequential.get()
    }

    private static func compare(streamed: Result<Dataset, DatasetLoadError>, sequential: Result<Dataset, DatasetLoadError>, cut: Cut) {
        switch (streamed, sequential) {
        case let (.success(a), .success(b)):
            invariant(a.count == b.count, "stream reader (\(cut)) read \(a.count) rows, the sequential reader \(b.count)")
            invariant(a.columns.region == b.columns.region && a.columns.indicator == b.columns.indicator
                      && a.columns.year == b.columns.year && a.columns.flags == b.columns.flags,
                      "stream reader (\(cut)) and sequential reader disagree on the key columns or flags")
            for (name, x, y) in [("value", a.columns.value, b.columns.value), ("base", a.columns.base, b.columns.base),
                                 ("target", a.columns.target, b.columns.target),
                                 ("stated_percent", a.columns.statedPercent, b.columns.statedPercent)] {
                invariant(x.map(\.bitPattern) == y.map(\.bitPattern), "stream reader (\(cut)) and sequential reader disagree on \(name)")
            }
            invariant(a.observations == b.observations, "stream reader (\(cut)) and sequential reader give different observations")
        case let (.failure(a), .failure(b)):
            invariant(a.diagnostics.map(\.description) == b.diagnostics.map(\.description) && a.truncated == b.truncated,
                      "stream reader (\(cut)) and sequential reader refuse the file differently:\n\(a)\n--- sequential:\n\(b)")
        case let (.success(a), .failure(b)):
            invariant(false, "stream reader (\(cut)) accepted \(a.count) rows; the sequential reader refused the file:\n\(b)")
        case let (.failure(a), .success(b)):
            invariant(false, "the sequential reader accepted \(b.count) rows; the stream reader (\(cut)) refused the file:\n\(a)")
        }
    }
}
