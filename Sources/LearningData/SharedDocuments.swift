import Synchronization

/// The documents a load has asked for, shared by the cores that scan `figures.csv`: each is read
/// (and made NFC) once, however many rows and cores cite it, and all of them go into the dataset.
final class SharedDocuments: @unchecked Sendable {
    // @unchecked: `read` is not Sendable; the loader's (``DatasetLoader/document(named:in:)``) reads a
    // file and keeps no state, so cores may call it side by side.
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
        if let known = state.withLock({ s in s.byName[name].map { s.documents[$0] == nil ? nil : $0 } }) { return known }
        // Read (and made NFC) without the lock, so that the cores read files side by side; two
        // cores that want the same new document both read it, and the first one's is kept.
        let found = readAlone(name)
        return state.withLock { s -> Int? in
            if let k = s.byName[name] { return s.documents[k] == nil ? nil : k }
            let k = s.documents.count
            s.byName[name] = k
            s.documents.append(found)
            return found == nil ? nil : k
        }
    }

    private func readAlone(_ name: String) -> SourceDocument? { read(name) }

    /// The document with this number (one ``number(of:)`` gave).
    func document(_ number: Int) -> SourceDocument? { state.withLock { $0.documents[number] } }

    /// The named document, read the first time (the row reader's way in).
    func document(named name: String) -> SourceDocument? { number(of: name).flatMap(document) }

    /// Every document found so far.
    var all: [SourceDocument] { state.withLock { $0.documents.compactMap { $0 } } }
}
