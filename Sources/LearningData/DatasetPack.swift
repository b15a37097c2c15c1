import Foundation

/// A dataset saved as one binary, columnar file that opens by memory-mapping: `khuyenhoc pack DIR`
/// writes `DIR/figures.khpack`, and `--data DIR` opens it instead of reading the CSV while it is
/// fresh (every file it was made from unchanged).
///
/// Opening maps the dense columns straight into the arrays of ``ObservationColumns`` (see
/// ``PackColumnLoader``), takes the index and the regions' hierarchy as stored (the gazetteer's
/// lookups by id and name are built from the stored folded names on first use), and checks
/// every section's checksum: a damaged, truncated, stale or other-version pack is refused with a
/// ``DatasetPackError`` naming it, and ``load(from:note:)`` reads the CSV instead. The layout is in
/// ``PackFormat``.
public enum DatasetPack {
    /// How much of a pack is checked against its checksums when it is opened.
    ///
    /// The small sections (regions, indicators, documents, texts, row details, index, sources), the
    /// header and the table are always checked, and so are the values of the dense columns that
    /// index something (each row's region and indicator within the dataset's, its flags naming cases
    /// that exist): a damaged pack can never crash or read out of bounds. What the choice decides is
    /// whether the dense columns' checksums are checked too, which reads all of them: about 850 MB for
    /// 20 million rows, 0,7–2 s on this 2-core machine, more than the rest of the open.
    public enum Verification: Sendable {
        /// Every section's checksum: a damaged byte anywhere is refused.
        case full
        /// Every section's but the dense columns': a damaged figure (value, base, target, stated
        /// percentage, year) in an otherwise sound pack is not detected, and reads as another number.
        /// Opening then touches only the pages a query reads, shared with the page cache.
        case fast
    }

    /// The pack's file extension.
    public static let fileExtension = "khpack"

    /// Where the pack of a dataset folder (`DIR/figures.khpack`) or figures file (`F.khpack` beside
    /// `F.csv`) lives.
    public static func path(for dataPath: String) -> String { PackSourceFiles(dataPath: dataPath).pack }

    /// Reads a dataset folder or figures file from its CSV and writes its pack beside it, atomically.
    /// Returns the pack's path and the dataset.
    @discardableResult
    public static func pack(_ dataPath: String) throws(DatasetLoadError) -> (path: String, dataset: Dataset) {
        let files = PackSourceFiles(dataPath: dataPath)
        // The stamps are taken before reading, so that a file changed while it is read makes the pack stale.
        let before = try DatasetLoader.load(from: dataPath)
        let stamps = files.stamps(of: before)
        do { try write(before, to: files.pack, sources: stamps) } catch { throw DatasetLoadError([Diagnostic(message: error.description)]) }
        return (files.pack, before)
    }

    /// Writes a dataset as a pack at `path`, replacing any file there whole or not at all; `sources`
    /// are the files it was read from, checked by ``load(from:note:)``.
    public static func write(_ dataset: Dataset, to path: String, sources: [PackSourceStamp] = []) throws(DatasetPackError) {
        do { try PackWriter(dataset, sources: sources).write(to: path) } catch { throw DatasetPackError(path, .write(error.description)) }
    }

    /// Opens a pack, checking every section.
    ///
    /// - Parameters:
    ///   - name: the dataset's name (by default the one it had when packed).
    ///   - verification: whether the dense columns' checksums are checked too (``Verification``).
    ///   - mapInPlace: false copies the columns out of the file instead of mapping them (the same
    ///     dataset; for measuring the difference).
    public static func open(_ path: String, name: String? = nil, verification: Verification = .full, mapInPlace: Bool = true) throws(DatasetPackError) -> Dataset {
        var reader = PackReader(file: try PackFile(path: path), mapInPlace: mapInPlace, verification: verification)
        return try reader.dataset(name: name)
    }

    /// The files a pack was made from, as they were then.
    public static func sources(of path: String) throws(DatasetPackError) -> [PackSourceStamp] {
        try PackReader(file: PackFile(path: path), mapInPlace: false, verification: .fast).sources()
    }

    /// A dataset folder or figures file, from its pack when there is one and it is fresh, else from
    /// its CSV. A pack that is stale, damaged or of another version is passed over with a `note`
    /// saying why; no pack at all is no note. `KHUYENHOC_PACK_COPY=1` in the environment copies the
    /// columns instead of mapping them (to measure the difference).
    public static func load(from dataPath: String, verification: Verification = .fast, note: (String) -> Void = { _ in }) throws(DatasetLoadError) -> Dataset {
        let files = PackSourceFiles(dataPath: dataPath)
        guard FileManager.default.fileExists(atPath: files.pack) else { return try DatasetLoader.load(from: dataPath) }
        do throws(DatasetPackError) {
            let file = try PackFile(path: files.pack)
            var reader = PackReader(file: file, mapInPlace: ProcessInfo.processInfo.environment["KHUYENHOC_PACK_COPY"] == nil,
                                    verification: verification)
            for stamp in try reader.sources() {
                if let change = stamp.change(in: files.folder) {
                    throw DatasetPackError(files.pack, .stale(source: stamp.path, change: change))
                }
            }
            return try reader.dataset(name: dataPath)
        } catch {
            let refresh = "run khuyenhoc pack \(dataPath) to refresh it"
            note("note: \(error.description); reading the CSV instead (\(refresh))")
            return try DatasetLoader.load(from: dataPath)
        }
    }
}
