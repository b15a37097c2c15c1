import LearningData

/// Reading a script's bytes as text: invalid UTF-8 is an error at its line and column, never a crash.
public enum ScriptText {
    /// Decodes UTF-8 bytes (a leading byte-order mark is dropped), or throws E100 at the first bad byte.
    public static func decode(_ bytes: [UInt8], name: String) throws(QueryError) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        throw QueryError(invalid(body, name: name))
    }

    private static func invalid(_ bytes: [UInt8], name: String) -> Diagnostic {
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
            if length == 0 || i + length > bytes.count || String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { break }
            if b == 0x0A { line += 1; lineStart = i + 1 }
            i += length
        }
        var end = i
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
        return Diagnostic(.error, code: "E100", message: "the bytes here are not valid UTF-8",
                          location: SourceLocation(file: name, line: line, column: column),
                          sourceLine: String(decoding: bytes[lineStart..<end], as: UTF8.self), hint: "save the script as UTF-8")
    }
}

