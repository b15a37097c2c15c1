import LearningData

/// The embedded seeds, parsed once per process: the dataset queries run over and the regions and
/// documents the figures readers are given.
public enum SeedData {
    /// The seeds' dataset. A library that cannot load its own seeds is not worth fuzzing: stop at once.
    public static let dataset: Dataset = {
        do { return try Dataset.embedded() } catch { fatalError("the embedded seeds do not load: \(error)") }
    }()

    /// The seeds' reports, for rows that cite a document.
    public static let documents: DocumentStore = Seeds.documents

    /// A document of the seeds by name, as the readers ask for one.
    @Sendable public static func document(_ name: String) -> SourceDocument? { documents[name] }
}
