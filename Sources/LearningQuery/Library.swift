import LearningData

/// A library a script imports (`import "lib/shares.khq"`): its file, read and parsed.
struct Library {
    /// Its absolute path.
    let path: String
    let source: SourceText
    let statements: [Statement]
}

/// The libraries one input imports, each read and parsed once and shared by the resolver and the
/// evaluator, and the chain of files being imported, so that a cycle is refused.
final class LibraryCache {
    let files: ScriptFiles
    private var loaded: [String: Library] = [:]
    /// The absolute paths of the files being read, outermost first: the script run (when it is a file),
    /// then each library importing the next.
    private(set) var chain: [String]

    init(files: ScriptFiles, script: String?) {
        self.files = files
        chain = script.map { [$0] } ?? []
    }

    /// The library `path` names, written in `importer` at `pathSpan`: read, checked as UTF-8 and parsed,
    /// or a located error (a file that cannot be read, an import cycle, a statement a library cannot hold).
    func library(_ path: String, at pathSpan: SourceSpan, in importer: SourceText) throws(QueryError) -> Library {
        let absolute = files.resolve(path, from: importer.directory)
        if let i = chain.firstIndex(of: absolute) {
            let cycle = (chain[i...] + [absolute]).map(Self.shortName).joined(separator: " → ")

            throw QueryError(importer.diagnostic("E131", "this import makes a cycle: \(cycle)", at: pathSpan,
                                                 hint: "move what both files need into a third library that imports neither"))
        }
        if let library = loaded[absolute] { return library }
        let name = ScriptFiles.displayName(path, from: importer)
        guard let bytes = files.read(absolute) else {
            throw QueryError(importer.diagnostic("E130", "cannot read the library \(name)", at: pathSpan,
                                                 hint: importer.directory == nil ? "a relative path is read from the current folder" : "a relative path is read from the folder of the file that imports it"))
        }
        let text = try ScriptText.decode(bytes, name: name)
        let source = SourceText(text, name: name, directory: ScriptFiles.directory(of: absolute))
        let statements = try Parser.parse(source)
        for statement in statements {
            switch statement {
            case .binding, .function, .importFile: continue
            case .parameter:
                throw QueryError(source.diagnostic("E132", "a library cannot declare a parameter: parameters belong to the script that is run", at: statement.span,
                                                   hint: "bind a value with let here, or give the library's functions a parameter for it"))
            case .expression:
                throw QueryError(source.diagnostic("E132", "a library holds definitions only (let, functions, import); this statement would show a value", at: statement.span,
                                                   hint: "bind it with let NAME = …, or move it into the script that imports the library"))
            }
        }
        let library = Library(path: absolute, source: source, statements: statements)
        loaded[absolute] = library
        return library
    }

    /// Follows an import: its file is on the chain until `leave()`.
    func enter(_ library: Library) { chain.append(library.path) }

    /// Back from an import.
    func leave() { chain.removeLast() }

    private static func shortName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
