import LearningData

/// Reading a script's bytes as text: invalid UTF-8 is an error at its line and column, never a crash.
enum ScriptText {
    struct Failure: Error, CustomStringConvertible {
        let diagnostic: Diagnostic
        var description: String { diagnostic.description }
    }

    static func decode(_ bytes: [UInt8], name: String) -> Result<String, Failure> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
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
        return .failure(Failure(diagnostic: Diagnostic(.error, code: "E100", message: "the bytes here are not valid UTF-8",
                                                       location: SourceLocation(file: name, line: line, column: column),
                                                       sourceLine: String(decoding: bytes[lineStart..<end], as: UTF8.self),
                                                       hint: "save the script as UTF-8")))
    }
}

extension Result where Success == String, Failure == ScriptText.Failure {
    /// The text, or the process ends with the diagnostic and status 1.
    func get() -> String {
        switch self {
        case let .success(text): return text
        case let .failure(failure): fail("\(failure)", code: 1)
        }
    }
}
