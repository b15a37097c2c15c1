import Foundation

extension DatasetLoader {
    /// One dataset of several: folders (or figures files) given with `--data` several times, and the
    /// embedded seeds with `withSeeds`, so that a new report is ranked beside the seeds' districts.
    ///
    /// Each part is loaded alone first, so that its errors name its own file and lines. Then their
    /// figures are read as one file: columns matched by name, a row that another part gives word for word
    /// counted once, documents found in the part that names them; regions from every `regions.csv`
    /// (the first part's row kept where two give one id) and, for the units no such file lists, from
    /// Vietnam's map. Region ids are shared: the seeds' and the map's are the same slugs.
    public static func load(merging paths: [String], withSeeds: Bool, catalogue: IndicatorCatalogue = .standard) throws(DatasetLoadError) -> Dataset {
        if paths.count == 1, !withSeeds { return try load(from: paths[0], catalogue: catalogue) }
        if paths.isEmpty { return try Dataset.embedded() }
        var parts: [MergePart] = []
        if withSeeds, let figures = Seeds.file(named: figuresFileName), let regions = Seeds.file(named: regionsFileName) {
            let documents = Seeds.documents
            parts.append(MergePart(name: "seeds", figures: SourceFile(name: "seeds/figures.csv", bytes: Array(figures.utf8)),
                                   regions: SourceFile(name: "seeds/regions.csv", bytes: Array(regions.utf8)), document: { documents[$0] }))
        }
        for path in paths {
            _ = try load(from: path, catalogue: catalogue)
            parts.append(try MergePart(path: path))
        }
        return try merge(parts, catalogue: catalogue)
    }

    static func merge(_ parts: [MergePart], catalogue: IndicatorCatalogue) throws(DatasetLoadError) -> Dataset {
        var header: [String] = []
        var tables: [(part: MergePart, header: [String], rows: [[String]])] = []
        for part in parts {
            let table: (header: [String], rows: [[String]])
            do { table = try DraftTable.read(part.figures) } catch { throw DatasetLoadError([error]) }
            for name in table.header where !header.contains(name) { header.append(name) }
            tables.append((part, table.header, table.rows))
        }
        var seen = Set<[String]>()
        var rows: [[String]] = []
        var owner: [String: MergePart] = [:]
        let documentColumn = header.firstIndex(of: "document")
        for table in tables {
            for row in table.rows {
                let aligned = header.map { name in table.header.firstIndex(of: name).map { row[$0] } ?? "" }
                guard seen.insert(aligned).inserted else { continue }
                rows.append(aligned)
                if let documentColumn, !aligned[documentColumn].isEmpty, owner[aligned[documentColumn]] == nil { owner[aligned[documentColumn]] = table.part }
            }
        }
        let names = parts.map(\.name).joined(separator: " + ")
        let figures = SourceFile(name: "figures of " + names, bytes: Array(DraftTable.csv(header: header, rows: rows).utf8))
        let gazetteer = try mergedGazetteer(parts, figures: figures)
        return try FiguresFileReader.read(figures, gazetteer: gazetteer, catalogue: catalogue, name: names) { name in owner[name]?.document(name) }
    }

    /// The regions of every part's `regions.csv`, the first part's row where two give one id, and the
    /// map's units for the ids none lists.
    private static func mergedGazetteer(_ parts: [MergePart], figures: SourceFile) throws(DatasetLoadError) -> Gazetteer {
        var regions: [Region] = []
        var ids = Set<String>()
        for part in parts {
            guard let file = part.regions else { continue }
            for region in try RegionsFileReader.read(file).regions where ids.insert(region.id.rawValue).inserted { regions.append(region) }
        }
        let named = NationalRegions.named(in: figures, map: .embedded).ids.filter { !ids.contains($0.key.rawValue) }
        for region in NationalRegions.closure(of: named, map: .embedded) where ids.insert(region.id.rawValue).inserted { regions.append(region) }
        do { return try Gazetteer(regions) } catch { throw DatasetLoadError([Diagnostic(message: "the merged regions: \(error)")]) }
    }
}

/// A part of a merged dataset: its figures, its regions file if it has one, and its documents.
struct MergePart {
    let name: String
    let figures: SourceFile
    let regions: SourceFile?
    let document: @Sendable (String) -> SourceDocument?

    init(name: String, figures: SourceFile, regions: SourceFile?, document: @escaping @Sendable (String) -> SourceDocument?) {
        self.name = name
        self.figures = figures
        self.regions = regions
        self.document = document
    }

    init(path: String) throws(DatasetLoadError) {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let figuresPath = isFolder.boolValue ? folder + "/" + DatasetLoader.figuresFileName : path
        guard let figures = FileManager.default.contents(atPath: figuresPath) else { throw DatasetLoadError([Diagnostic(message: "cannot read \(figuresPath)")]) }
        let regionsPath = folder + "/" + DatasetLoader.regionsFileName
        name = path
        self.figures = SourceFile(name: figuresPath, bytes: [UInt8](figures))
        regions = FileManager.default.contents(atPath: regionsPath).map { SourceFile(name: regionsPath, bytes: [UInt8]($0)) }
        document = { DatasetLoader.document(named: $0, in: folder.isEmpty ? "." : folder) }
    }
}
