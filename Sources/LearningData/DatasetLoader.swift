import Foundation

/// Loads a user's dataset from files, in the same schema as the seeds: a folder with `figures.csv`,
/// `regions.csv` and the documents the quotes come from, or a figures file on its own.
///
/// A dataset loads whole or not at all: a malformed file is refused with every problem found, each
/// naming the file, line and column.
public enum DatasetLoader {
    /// The figures file's name inside a dataset folder.
    public static let figuresFileName = "figures.csv"
    /// The regions file's name inside a dataset folder.
    public static let regionsFileName = "regions.csv"

    /// Loads from a folder (holding `figures.csv` and `regions.csv`) or from a figures file.
    ///
    /// For a figures file, `regions.csv` beside it is used if present, otherwise the seeds' regions.
    /// Documents named in the `document` column are read from the figures file's folder.
    public static func load(from path: String, catalogue: IndicatorCatalogue = .standard) throws(DatasetLoadError) -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetLoadError([Diagnostic(message: "no file or folder at \(path)")])
        }
        let folder = isDirectory.boolValue ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path).deletingLastPathComponent()
        let figuresPath = isDirectory.boolValue ? folder.appendingPathComponent(figuresFileName).path : path
        let regionsPath = folder.appendingPathComponent(regionsFileName).path
        let gazetteer: Gazetteer
        guard FileManager.default.isReadableFile(atPath: figuresPath) else {
            throw DatasetLoadError([Diagnostic(message: "cannot read \(figuresPath)")])
        }
        if FileManager.default.fileExists(atPath: regionsPath) {
            gazetteer = try RegionsFileReader.read(readFile(regionsPath))
        } else if isDirectory.boolValue {
            // No regions.csv: the figures name official units, taken from Vietnam's map.
            gazetteer = try nationalGazetteer(figures: readFile(figuresPath))
        } else {
            gazetteer = try Dataset.embedded().gazetteer
        }
        return try FiguresStreamReader.read(path: figuresPath, name: path, gazetteer: gazetteer, catalogue: catalogue) { name in
            document(named: name, in: folder.path)
        }
    }

    /// A document a row names, from the dataset's folder or its `documents/` subfolder (where
    /// `khuyenhoc add` puts reports). A document name is a plain file name: no way out of the folder.
    static func document(named name: String, in folder: String) -> SourceDocument? {
        guard !name.contains("/"), !name.hasPrefix(".") else { return nil }
        for path in [folder + "/" + name, folder + "/documents/" + name] {
            if let data = WholeFile.contents(atPath: path), let text = String(data: data, encoding: .utf8) { return SourceDocument(name: name, text: text) }
        }
        return nil
    }

    /// Checks rows as a dataset folder would read them, without writing anything: the figures in
    /// `figures` (its own name in messages) against the folder's regions (or Vietnam's map when it has
    /// none) and its documents.
    public static func check(figures: SourceFile, inFolder folder: String, catalogue: IndicatorCatalogue = .standard) throws(DatasetLoadError) -> Dataset {
        let regionsPath = folder + "/" + regionsFileName
        let gazetteer = FileManager.default.fileExists(atPath: regionsPath) ? try RegionsFileReader.read(readFile(regionsPath)) : try nationalGazetteer(figures: figures)
        return try FiguresFileReader.read(figures, gazetteer: gazetteer, catalogue: catalogue, name: figures.name) { document(named: $0, in: folder) }
    }

    /// Builds a dataset from files already in memory (what ``load(from:catalogue:)`` and the embedded
    /// seeds use).
    public static func parse(figures: SourceFile, regions: SourceFile, documents: DocumentStore,
                             catalogue: IndicatorCatalogue = .standard, name: String) throws(DatasetLoadError) -> Dataset {
        let gazetteer = try RegionsFileReader.read(regions)
        return try FiguresFileReader.read(figures, gazetteer: gazetteer, catalogue: catalogue, name: name) { documents[$0] }
    }

    /// The gazetteer of a folder without `regions.csv`: the official units its figures name (by id, or
    /// by name in each row's year), with their ancestors and those ancestors' other units of the time.
    static func nationalGazetteer(figures: SourceFile, map: NationalMap = .embedded) throws(DatasetLoadError) -> Gazetteer {
        let (ids, problems) = NationalRegions.named(in: figures, map: map)
        var list = ProblemList()
        for p in problems where !list.isFull { list.add(p) }
        try list.throwIfAny()
        do { return try Gazetteer(NationalRegions.closure(of: ids, map: map)) } catch {
            throw DatasetLoadError([Diagnostic(message: "\(figures.name): \(error)")])
        }
    }

    private static func readFile(_ path: String) throws(DatasetLoadError) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetLoadError([Diagnostic(message: "cannot read \(path)")])
        }
        return SourceFile(name: path, bytes: [UInt8](data))
    }
}

extension DatasetLoader {
    /// Has the C allocator take every buffer of 64 KiB or more straight from the system and give it
    /// back when freed. Call it once, at the start of a program that loads national datasets.
    ///
    /// glibc otherwise raises its threshold as large buffers are freed and keeps later ones in its
    /// heap, where freed memory is rarely returned: a load that moves its rows from one set of
    /// buffers to another (as ``DatasetBuilder`` does, bucket by bucket) would then hold them twice.
    /// With it, a 20-million-observation load peaks at about 1× its columns. Process-wide; harmless
    /// for small datasets.
    public static func tuneAllocatorForLargeLoads() {
        #if os(Linux)
        // mallopt is in <malloc.h>, which Glibc's module does not bring in: look it up instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3                                 // M_MMAP_THRESHOLD
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 64 * 1024)
        #endif
    }
}
