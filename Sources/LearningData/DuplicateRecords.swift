/// The records behind a pair of duplicate rows, read again from the file, so that the error shows
/// both lines and says how they differ: the same figure typed twice, or two rows that need a scope.
struct DuplicateRecords {
    let file: SourceFile
    /// Where each line asked for starts, in bytes.
    private let starts: [Int: Int]

    init(file: SourceFile, lines: [Int]) {
        self.file = file
        let wanted = Set(lines)
        var starts: [Int: Int] = [:]
        var line = 1, i = 0
        let bytes = file.bytes
        if wanted.contains(1) { starts[1] = 0 }
        // Physical lines, as the CSV reader counts them (CRLF, LF or CR), for the few lines wanted.
        while i < bytes.count, starts.count < wanted.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                line += 1
                if wanted.contains(line) { starts[line] = i + 1 }
            }
            i += 1
        }
        self.starts = starts
    }

    /// The text of a physical line.
    func text(_ line: Int) -> String? {
        guard let start = starts[line] else { return nil }
        var end = start
        while end < file.bytes.count, file.bytes[end] != 0x0A, file.bytes[end] != 0x0D { end += 1 }
        return String(decoding: file.bytes[start..<end], as: UTF8.self)
    }

    /// The observation the record starting on `line` gives, when it reads.
    func observation(_ line: Int, _ reader: RowReader?, document: (String) -> SourceDocument?) -> Observation? {
        guard let reader, let start = starts[line] else { return nil }
        var csv = CSVReader(bytes: file.bytes, file: file.name, position: start, line: line)
        guard let record = try? csv.nextRecord() else { return nil }
        return try? reader.read(record, reader: csv, document: document)
    }

    /// The error for line `second` repeating line `first`.
    func diagnostic(first: Int, second: Int, reader: RowReader?, document: (String) -> SourceDocument?) -> Diagnostic {
        let a = observation(first, reader, document: document), b = observation(second, reader, document: document)
        let differences = a.flatMap { a in b.map { Self.differences(a, $0, first: first) } } ?? []
        var message = "line \(second) gives the same region, indicator, year, period and scope as line \(first)"
        message += differences.isEmpty ? ", with the same figure" : ": " + differences.joined(separator: "; ")
        let hint: String
        // (Two rows from two documents are not duplicates: the builder keeps both as sources that disagree.)
        if differences.isEmpty {
            hint = "The figure is given twice: remove one of the rows"
        } else {
            hint = "If two reports give it, name each row's document (both are kept and the later is used); "
                + "if one is for part of the year or for several years, give it a period (2017-H1, 2016-2020); "
                + "if one counts a part of the region, give it a scope; otherwise remove one"
        }
        let earlier = text(first).map { "line \(first) is “\(Diagnostic.excerpt($0, limit: 120))”. " } ?? ""
        return Diagnostic(message: message, location: SourceLocation(file: file.name, line: second, column: 1),
                          sourceLine: text(second), hint: earlier + hint)
    }

    /// How two observations of one key differ, field by field: "value 51119 on line 3, 51200 here".
    static func differences(_ a: Observation, _ b: Observation, first: Int) -> [String] {
        func number(_ x: Double?) -> String { x.map(PlainNumber.format) ?? "none" }
        let fields: [(String, String, String)] = [
            ("value", number(a.value), number(b.value)),
            ("value_max", number(a.valueMax), number(b.valueMax)),
            ("base", number(a.base), number(b.base)),
            ("target", a.target?.csvText ?? "none", b.target?.csvText ?? "none"),
            ("stated_percent", a.statedPercent?.text ?? "none", b.statedPercent?.text ?? "none"),
            ("period", a.period?.description ?? "none", b.period?.description ?? "none"),
            ("document", a.provenance?.document ?? "none", b.provenance?.document ?? "none"),
        ]
        return fields.filter { $0.1 != $0.2 }.map { "\($0.0) \(Diagnostic.excerpt($0.1)) on line \(first), \(Diagnostic.excerpt($0.2)) here" }
    }
}
