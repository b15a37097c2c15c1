import Dispatch
import Foundation

/// Loads a `figures.csv` from disk at speed: the file is read in blocks (never whole), each block is
/// cut at record boundaries into one stretch per core, and the stretches are scanned in parallel by
/// ``FiguresRowScanner`` straight into columns.
///
/// It gives the same dataset and the same diagnostics as ``FiguresFileReader``: records the scanner
/// cannot take are read by the same row reader, in file order, on their real lines; a file that breaks
/// the CSV rules is handed to the sequential reader whole, for its exact diagnostics.
enum FiguresStreamReader {
    /// How the file is cut: bytes read at a time, and the least a core is given to scan. Tests make
    /// them tiny, so that a small file crosses many blocks and splits.
    struct Tuning: Sendable {
        var blockSize = 8 << 20
        var minimumPieceBytes = 1 << 20
        var cores = ProcessInfo.processInfo.activeProcessorCount
    }

    static func read(path: String, name: String, gazetteer: Gazetteer, catalogue: IndicatorCatalogue, tuning: Tuning = Tuning(),
                     document: @escaping (String) -> SourceDocument?) throws(DatasetLoadError) -> Dataset {
        try readReporting(path: path, name: name, gazetteer: gazetteer, catalogue: catalogue, tuning: tuning, document: document).dataset
    }

    /// The dataset, whether the file had to go through the sequential reader, and how many records
    /// the row reader read on the fast pass (for the tests).
    static func readReporting(path: String, name: String, gazetteer: Gazetteer, catalogue: IndicatorCatalogue, tuning: Tuning = Tuning(),
                              document: @escaping (String) -> SourceDocument?) throws(DatasetLoadError)
        -> (dataset: Dataset, sequential: Bool, rowReaderRows: Int) {
        guard let file = BlockFile(path: path, blockSize: tuning.blockSize) else {
            throw DatasetLoadError([Diagnostic(message: "cannot read \(path)")])
        }
        // One cache for the cores' resolvers and the row reader: each document is read once.
        let documents = SharedDocuments(read: document)
        let cachedDocument = { (name: String) -> SourceDocument? in documents.document(named: name) }
        let resolver = ProvenanceResolver(documents: documents, catalogue: catalogue)
        var block = Block()
        file.next(&block, keepingFrom: 0)
        guard let (columns, firstLine, firstByte) = try header(of: block, path: path) else {
            return (try sequential(path: path, name: name, gazetteer, catalogue, document), true, 0)
        }
        var scanner = FiguresRowScanner(roles: columns.names.map(role), gazetteer: gazetteer, catalogue: catalogue)
        let rowReader = RowReader(columns: columns, gazetteer: gazetteer, catalogue: catalogue)

        // No line per row: if duplicates turn up, the sequential reader finds their lines.
        var builder = DatasetBuilder(gazetteer: gazetteer, catalogue: catalogue, tracksLines: false)
        var problems = ProblemList()
        var line = firstLine
        var start = firstByte
        var pieces = [FiguresRowScanner.Piece](repeating: .init(), count: max(1, tuning.cores))
        var reserved = false
        // Whether rows that cite documents came in out of file order (a stretch's scanned rows before
        // its row reader's): then which of two sources is kept may differ from the sequential reader's.
        var reordered = false
        var rowReaderRows = 0
        var textsSoFar = 0
        while true {
            let used = scanPieces(block, from: start, scanner: scanner, resolver: resolver, catalogueCount: catalogue.count,
                                  minimumPieceBytes: tuning.minimumPieceBytes, into: &pieces)
            if pieces[..<used].contains(where: { $0.broken }) { return (try sequential(path: path, name: name, gazetteer, catalogue, document), true, rowReaderRows) }
            if start == firstByte, scanner.names == nil, Self.mostlySlow(pieces[..<used]) {
                // The file names its regions instead of giving ids: read unambiguous names directly
                // too, and scan the first block again.
                scanner = FiguresRowScanner(roles: scanner.roles, gazetteer: gazetteer, catalogue: catalogue, readsNames: true)
                continue
            }
            for piece in pieces[..<used] {
                let texts = builder.intern(piece.texts)
                textsSoFar += texts.count
                for run in piece.runs { builder.append(piece.grouped, range: run.rows, key: run.key, texts: texts) }
                for slow in piece.slowRows {
                    rowReaderRows += 1
                    var reader = CSVReader(bytes: block.bytes, file: path, position: slow.offset, line: line + slow.line)
                    do {
                        guard let record = try reader.nextRecord() else { continue }
                        let o = try rowReader.read(record, reader: reader, document: cachedDocument)
                        if piece.citesDocuments, o.provenance != nil { reordered = true }
                        try builder.append(o, line: line + slow.line)
                    } catch {
                        problems.add(error)
                        if problems.isFull { try problems.throwIfAny(stoppedEarly: true) }
                    }
                }
                line += piece.lines
            }
            let consumed = pieces[used - 1].end
            if !reserved, consumed > 0, let size = file.size {
                // The first block tells how the rows spread over indicators and years: size each
                // bucket for the whole file once.
                builder.reserveBuckets(scale: Double(size) / Double(consumed))
                // And the pool, for texts as many a byte as the first block had (a new quote a row, in
                // a provenance load).
                builder.reserveTexts(Int(Double(textsSoFar) * Double(size) / Double(consumed) * 1.1))
                reserved = true
            }
            if block.atEnd {
                if consumed < block.bytes.count { return (try sequential(path: path, name: name, gazetteer, catalogue, document), true, rowReaderRows) }
                break
            }
            file.next(&block, keepingFrom: consumed)
            start = 0
        }
        try problems.throwIfAny()
        do {
            let dataset = try (consume builder).build(name: name, documents: DocumentStore(documents.all), extraColumns: columns.extraNames)
            if reordered, dataset.superseded != nil { return (try sequential(path: path, name: name, gazetteer, catalogue, document), true, rowReaderRows) }
            return (dataset, false, rowReaderRows)
        } catch {
            // Duplicates (or a row the builder refuses): the sequential reader says where, line by line.
            return (try sequential(path: path, name: name, gazetteer, catalogue, document), true, rowReaderRows)
        }
    }

    /// Whether a tenth or more of the records went to the row reader.
    private static func mostlySlow(_ pieces: ArraySlice<FiguresRowScanner.Piece>) -> Bool {
        let slow = pieces.reduce(0) { $0 + $1.slowRows.count }, fast = pieces.reduce(0) { $0 + $1.columns.count }
        return slow > 0 && slow * 10 >= slow + fast
    }

    /// The columns, and the line and byte where the records start; nil when the sequential reader
    /// should say what is wrong.
    private static func header(of block: Block, path: String) throws(DatasetLoadError) -> (HeaderMap, Int, Int)? {
        var reader = CSVReader(bytes: block.bytes, file: path)
        guard let header = try? reader.nextRecord(), block.limit > 0 || block.atEnd else { return nil }
        do {
            let columns = try HeaderMap(header, reader: reader, required: FiguresFileReader.required, optional: FiguresFileReader.optional)
            return (columns, reader.currentLine, reader.position)
        } catch { throw DatasetLoadError([error]) }
    }

    /// The role the scanner gives each column.
    private static func role(_ name: String) -> FiguresRowScanner.Role {
        switch name {
        case "region": .region
        case "indicator": .indicator
        case "year": .year
        case "value": .value
        case "base": .base
        case "target": .target
        case "stated_percent": .stated
        case "document": .document
        case "quote": .quote
        case "note": .note
        case "scope": .scope
        case "period": .period
        // A user's own column is kept: a row that fills one goes to the full row reader.
        default: FiguresFileReader.optional.contains(name) || name.hasPrefix(HeaderMap.extraPrefix) ? .detail : .ignored
        }
    }

    /// Scans a block's records from `start` in one stretch per core, into `pieces` (reused from block
    /// to block); returns how many pieces hold the block. A stretch starts after a line break; if that
    /// break was inside a quoted field, the stretch before it ends elsewhere, and the rest of the block
    /// is scanned again from there in one piece.
    private static func scanPieces(_ block: Block, from start: Int, scanner: FiguresRowScanner, resolver: ProvenanceResolver, catalogueCount: Int,
                                   minimumPieceBytes: Int, into pieces: inout [FiguresRowScanner.Piece]) -> Int {
        let limit = block.limit
        let parts = max(1, min(pieces.count, (limit - start) / max(1, minimumPieceBytes)))
        var bounds = [start]
        for k in 1..<parts {
            var cut = max(bounds[bounds.count - 1], start + (limit - start) * k / parts)
            while cut < limit, block.bytes[cut - 1] != 0x0A { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(limit)
        let atEnd = block.atEnd
        return block.bytes.withUnsafeBufferPointer { p in
            Parallel.forEach(&pieces) { k, piece in
                guard k < parts else { return }
                scanner.scan(p, from: bounds[k], to: bounds[k + 1], atEnd: atEnd, into: &piece)
                resolver.resolve(&piece, p)
                piece.groupByBlock(catalogueCount: catalogueCount)
            }
            for k in 1..<parts {
                let before = pieces[k - 1]
                if before.broken || before.incomplete { return k }
                if before.end != bounds[k] {
                    scanner.scan(p, from: before.end, to: limit, atEnd: atEnd, into: &pieces[k])
                    resolver.resolve(&pieces[k], p)
                    pieces[k].groupByBlock(catalogueCount: catalogueCount)
                    return k + 1
                }
            }
            return parts
        }
    }

    private static func sequential(path: String, name: String, _ gazetteer: Gazetteer, _ catalogue: IndicatorCatalogue,
                                   _ document: (String) -> SourceDocument?) throws(DatasetLoadError) -> Dataset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetLoadError([Diagnostic(message: "cannot read \(path)")])
        }
        return try FiguresFileReader.read(SourceFile(name: path, bytes: [UInt8](data)), gazetteer: gazetteer, catalogue: catalogue,
                                          name: name, document: document)
    }
}

/// Bytes of a file read so far: what was left of the last block, then the next block.
struct Block {
    var bytes: [UInt8] = []
    /// Records are scanned up to here: just after the last line break (or the end of the file).
    var limit = 0
    /// The file ends with these bytes.
    var atEnd = false
}

/// A file read in blocks with `read(2)`, into one buffer reused from block to block.
final class BlockFile {
    private let descriptor: Int32
    private let blockSize: Int

    /// The file's size in bytes, when the system says.
    var size: Int? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    init?(path: String, blockSize: Int) {
        self.blockSize = max(1, blockSize)
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Keeps the bytes from `consumed` on and appends up to a block's size more; a
    /// block without a line break grows until it has one or the file ends.
    func next(_ block: inout Block, keepingFrom consumed: Int) {
        block.bytes.removeSubrange(0..<consumed)
        repeat {
            let old = block.bytes.count
            let want = blockSize
            var got = 0
            block.bytes.append(contentsOf: repeatElement(0, count: want))
            block.bytes.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                while got < want {
                    let r = Glibc.read(descriptor, base + old + got, want - got)
                    if r <= 0 { block.atEnd = true; break }
                    got += r
                }
            }
            block.bytes.removeLast(want - got)
        } while !block.atEnd && block.bytes.lastIndex(of: 0x0A) == nil
        block.limit = block.atEnd ? block.bytes.count : (block.bytes.lastIndex(of: 0x0A) ?? -1) + 1
    }
}

/// Runs work on every core.
enum Parallel {
    /// Runs `body(k, &items[k])` for every item, one item a core at a time.
    static func forEach<T>(_ items: inout [T], _ body: (Int, inout T) -> Void) {
        guard items.count > 1 else {
            for k in items.indices { body(k, &items[k]) }
            return
        }
        items.withUnsafeMutableBufferPointer { buffer in
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedSendable((body, buffer))
                DispatchQueue.concurrentPerform(iterations: buffer.count) { k in
                    shared.value.0(k, &shared.value.1[k])
                }
            }
        }
    }
}

/// A value handed to other threads that the caller keeps from being shared unsafely.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
