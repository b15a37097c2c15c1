import Synchronization

/// The documents a load has asked for, shared by the cores that scan `figures.csv`: each is read
/// (and made NFC) once, however many rows and cores cite it, and all of them go into the dataset.
final class SharedDocuments: @unchecked Sendable {
    // @unchecked: `read` is not Sendable, but it is only ever called with the lock held, by one
    // thread at a time.
    private let read: (String) -> SourceDocument?
    private let state = Mutex(State())

    private struct State {
        var byName: [String: Int] = [:]
        var documents: [SourceDocument?] = []
    }

    /// A cache over `read`, which gives the document of a name (nil when there is none).
    init(read: @escaping (String) -> SourceDocument?) { self.read = read }

    /// The number of the named document, reading it the first time; nil when there is none.
    func number(of name: String) -> Int? {
        state.withLock { s -> Int? in
            if let k = s.byName[name] { return s.documents[k] == nil ? nil : k }
            let k = s.documents.count
            s.byName[name] = k
            s.documents.append(read(name))
            return s.documents[k] == nil ? nil : k
        }
    }

    /// The document with this number (one ``number(of:)`` gave).
    func document(_ number: Int) -> SourceDocument? { state.withLock { $0.documents[number] } }

    /// The named document, read the first time (the row reader's way in).
    func document(named name: String) -> SourceDocument? { number(of: name).flatMap(document) }

    /// Every document found so far.
    var all: [SourceDocument] { state.withLock { $0.documents.compactMap { $0 } } }
}
