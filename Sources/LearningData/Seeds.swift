/// The seed reports and the dataset made from them, embedded in the library at build time.
public enum Seeds {
    /// Every file of the package's `seeds/` folder: the five reports, `figures.csv` and `regions.csv`.
    public static var files: [(name: String, contents: String)] { EmbeddedSeeds.files }

    /// The source documents (the `.txt` files).
    public static var documents: DocumentStore {
        DocumentStore(EmbeddedSeeds.files.filter { $0.name.hasSuffix(".txt") }.map { SourceDocument(name: $0.name, text: $0.contents) })
    }

    /// The contents of one seed file.
    public static func file(named name: String) -> String? {
        EmbeddedSeeds.files.first { $0.name == name }?.contents
    }

    static let loaded: Result<Dataset, DatasetLoadError> = {
        guard let figures = file(named: DatasetLoader.figuresFileName), let regions = file(named: DatasetLoader.regionsFileName) else {
            return .failure(DatasetLoadError([Diagnostic(message: "the seeds were not embedded: figures.csv or regions.csv is missing")]))
        }
        let count = documents.count
        return Result { () throws(DatasetLoadError) -> Dataset in
            try DatasetLoader.parse(figures: SourceFile(name: "seeds/figures.csv", bytes: Array(figures.utf8)),
                                    regions: SourceFile(name: "seeds/regions.csv", bytes: Array(regions.utf8)),
                                    documents: documents, name: "seeds (\(count) reports)")
        }
    }()
}

extension Dataset {
    /// The seeds' dataset, embedded in the library: it loads with no path, from any directory, and is
    /// parsed once per process.
    public static func embedded() throws(DatasetLoadError) -> Dataset {
        try Seeds.loaded.get()
    }
}
