/// One field of a CSV record, as a span of the file's bytes.
package struct CSVField {
    /// Bytes of the value, without surrounding quotes (escaped quotes still doubled).
    let start: Int, end: Int
    /// Whether it was in double quotes (so `""` inside stands for `"`).
    let quoted: Bool
    /// Line and byte offset of that line's start, where the field begins.
    package let line: Int, lineStart: Int
    /// Byte offset where the field begins (its opening quote, if quoted).
    package let offset: Int
}

/// Reads RFC 4180 CSV straight from bytes: records separated by CRLF or LF, fields by commas, fields
/// with commas, quotes or line breaks in double quotes, `""` for a quote inside. One pass, no `String`
/// per line; text is only decoded (and checked as UTF-8) for the fields a caller asks for.
package struct CSVReader {
    let bytes: [UInt8]
    let file: String
    /// The byte between fields: a comma, or `;` as spreadsheets in some locales write.
    package var separator: UInt8 = 0x2C
    private(set) var position: Int
    private var line = 1
    private var lineStart = 0

    package init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte-order mark, as spreadsheet programs write, is not part of the first field.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        lineStart = position
    }

    /// A reader that starts at a record boundary inside `bytes`, on the given line: the fast loader
    /// hands single records to the full row reader this way.
    init(bytes: [UInt8], file: String, position: Int, line: Int) {
        self.bytes = bytes
        self.file = file
        self.position = position
        self.line = line
        lineStart = position
    }

    /// The line the next record starts on.
    var currentLine: Int { line }

    /// The next record, or nil at the end. Blank lines are skipped.
    package mutating func nextRecord() throws(Diagnostic) -> [CSVField]? {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            consumeNewline()
        }
        guard position < bytes.count else { return nil }
        var fields: [CSVField] = []
        while true {
            let field = try readField()
            fields.append(field)
            if position >= bytes.count { return fields }
            switch bytes[position] {
            case separator:
                position += 1
                if position >= bytes.count { fields.append(CSVField(start: position, end: position, quoted: false, line: line, lineStart: lineStart, offset: position)); return fields }
            case 0x0A, 0x0D:
                consumeNewline()
                return fields
            default:
                throw diagnostic(at: position, line: line, lineStart: lineStart, "text after a closing quote",
                                 expected: "a comma or the end of the line after a quoted field",
                                 hint: "write a double quote inside a quoted field as two (\"\")")
            }
        }
    }

    private mutating func readField() throws(Diagnostic) -> CSVField {
        let fieldLine = line, fieldLineStart = lineStart, offset = position
        guard position < bytes.count, bytes[position] == 0x22 else {
            let start = position
            while position < bytes.count, bytes[position] != separator, bytes[position] != 0x0A, bytes[position] != 0x0D {
                if bytes[position] == 0x22 {
                    throw diagnostic(at: position, line: line, lineStart: lineStart, "a double quote inside a field that does not start with one",
                                     expected: "the whole field in double quotes", hint: "quote the field and double the quote inside: \"a \"\"b\"\" c\"")
                }
                position += 1
            }
            return CSVField(start: start, end: position, quoted: false, line: fieldLine, lineStart: fieldLineStart, offset: offset)
        }
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                if position + 1 < bytes.count, bytes[position + 1] == 0x22 { position += 2; continue }
                let end = position
                position += 1
                return CSVField(start: start, end: end, quoted: true, line: fieldLine, lineStart: fieldLineStart, offset: offset)
            }
            if byte == 0x0A || byte == 0x0D { consumeNewline() } else { position += 1 }
        }
        throw diagnostic(at: offset, line: fieldLine, lineStart: fieldLineStart, "a quoted field is never closed",
                         expected: "a closing double quote before the end of the file")
    }

    private mutating func consumeNewline() {
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
        lineStart = position
    }

    /// The text of a field, checked as UTF-8.
    package func text(of field: CSVField) throws(Diagnostic) -> String {
        let slice = bytes[field.start..<field.end]
        guard let raw = String(validating: slice, as: UTF8.self) else {
            throw diagnostic(at: firstInvalidUTF8(in: field), line: field.line, lineStart: field.lineStart, "the bytes here are not valid UTF-8",
                             expected: "UTF-8 text", hint: "save the file as UTF-8 (in a spreadsheet: CSV UTF-8)")
        }
        return field.quoted ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    private func firstInvalidUTF8(in field: CSVField) -> Int {
        var i = field.start
        while i < field.end {
            var length = 1
            let b = bytes[i]
            if b >= 0xF0 { length = 4 } else if b >= 0xE0 { length = 3 } else if b >= 0xC0 { length = 2 } else if b >= 0x80 { return i }
            let end = min(i + length, field.end)
            if String(validating: bytes[i..<end], as: UTF8.self) == nil { return i }
            i = end
        }
        return field.start
    }

    /// A diagnostic at a byte offset, with the column in characters and the source line shown.
    package func diagnostic(at offset: Int, line: Int, lineStart: Int, _ message: String, length: Int = 1,
                    expected: String? = nil, hint: String? = nil) -> Diagnostic {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        let clamped = min(max(offset, lineStart), lineEnd)
        let column = String(decoding: bytes[lineStart..<clamped], as: UTF8.self).count + 1
        let sourceLine = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return Diagnostic(.error, message: message, location: SourceLocation(file: file, line: line, column: column),
                          sourceLine: sourceLine, length: length, expected: expected, hint: hint)
    }

    /// A diagnostic pointing at a field (at a character offset inside it, for quoted text).
    package func diagnostic(for field: CSVField, characterOffset: Int = 0, length: Int? = nil, _ message: String,
                    expected: String? = nil, hint: String? = nil) -> Diagnostic {
        let prefix = String(decoding: bytes[field.lineStart..<min(field.offset, bytes.count)], as: UTF8.self).count
        let opening = field.quoted ? 1 : 0
        var d = diagnostic(at: field.offset, line: field.line, lineStart: field.lineStart, message, length: 1, expected: expected, hint: hint)
        let fieldLength = String(decoding: bytes[field.start..<field.end], as: UTF8.self).count
        d = Diagnostic(.error, message: message,
                       location: SourceLocation(file: file, line: field.line, column: prefix + opening + characterOffset + 1),
                       sourceLine: d.sourceLine, length: length ?? max(1, fieldLength - characterOffset), expected: expected, hint: hint)
        return d
    }
}
