import LearningQuery

/// A JSON value, read and written without Foundation's untyped dictionaries, so that a notebook is
/// written back exactly as Jupyter writes it: one-space indents, keys sorted, UTF-8 text unescaped.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// A field of an object.
    public subscript(key: String) -> JSON? {
        if case let .object(fields) = self { return fields[key] }
        return nil
    }

    /// The text of a string, or of an array of strings joined (nbformat's multi-line form).
    public var text: String? {
        switch self {
        case let .string(s): return s
        case let .array(items): return items.compactMap { if case let .string(s) = $0 { return s } else { return nil } }.joined()
        default: return nil
        }
    }

    /// A multi-line text as nbformat stores it: lines, each but the last ending in a newline.
    public static func lines(_ text: String) -> JSON {
        var out: [JSON] = []
        var current = ""
        for c in text {
            current.append(c)
            if c == "\n" { out.append(.string(current)); current = "" }
        }
        if !current.isEmpty { out.append(.string(current)) }
        return .array(out)
    }

    // MARK: Writing

    /// The JSON text, Jupyter style.
    public func serialized() -> String {
        var out = ""
        write(&out, indent: 0)
        return out + "\n"
    }

    private func write(_ out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(x): out += !x.isFinite ? "null" : (x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)")
        case let .string(s): Self.writeString(s, &out)
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                item.write(&out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case let .object(fields):
            guard !fields.isEmpty else { out += "{}"; return }
            out += "{\n"
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                Self.writeString(key, &out)
                out += ": "
                fields[key]?.write(&out, indent: indent + 1)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    private static func writeString(_ s: String, _ out: inout String) {
        out += JSONWriter.string(s)
    }

    // MARK: Reading

    /// Parses JSON text.
    public static func parse(_ text: String) throws(JSONError) -> JSON {
        var reader = Reader(Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.atEnd else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var depth = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i >= s.count }

        func error(_ message: String) -> JSONError {
            var line = 1, column = 1
            for k in 0..<min(i, s.count) { if s[k] == "\n" { line += 1; column = 1 } else { column += 1 } }
            return JSONError(message: message, line: line, column: column)
        }

        mutating func skipSpace() { while i < s.count, [" ", "\n", "\r", "\t"].contains(s[i]) { i += 1 } }

        mutating func value() throws(JSONError) -> JSON {
            skipSpace()
            guard i < s.count else { throw error("the JSON ends where a value was expected") }
            depth += 1
            defer { depth -= 1 }
            guard depth < 512 else { throw error("the JSON nests too deeply") }
            switch s[i] {
            case "{":
                i += 1
                var fields: [String: JSON] = [:]
                skipSpace()
                if i < s.count, s[i] == "}" { i += 1; return .object(fields) }
                while true {
                    skipSpace()
                    guard i < s.count, s[i] == "\"" else { throw error("expected a key in quotes") }
                    let key = try string()
                    skipSpace()
                    guard i < s.count, s[i] == ":" else { throw error("expected “:” after a key") }
                    i += 1
                    fields[key] = try value()
                    skipSpace()
                    guard i < s.count else { throw error("an object is never closed") }
                    if s[i] == "," { i += 1; continue }
                    if s[i] == "}" { i += 1; return .object(fields) }
                    throw error("expected “,” or “}”")
                }
            case "[":
                i += 1
                var items: [JSON] = []
                skipSpace()
                if i < s.count, s[i] == "]" { i += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    guard i < s.count else { throw error("an array is never closed") }
                    if s[i] == "," { i += 1; continue }
                    if s[i] == "]" { i += 1; return .array(items) }
                    throw error("expected “,” or “]”")
                }
            case "\"": return .string(try string())
            case "t": return try word("true", .bool(true))
            case "f": return try word("false", .bool(false))
            case "n": return try word("null", .null)
            default:
                let start = i
                while i < s.count, "-+.eE0123456789".unicodeScalars.contains(s[i]) { i += 1 }
                guard let x = Double(String(String.UnicodeScalarView(s[start..<i]))) else { throw error("expected a value") }
                return .number(x)
            }
        }

        /// The value of the four hexadecimal digits at `k`, or nil when they are not four hex digits.
        func hex4(at k: Int) -> UInt32? {
            guard k >= 0, k + 4 <= s.count else { return nil }
            var value: UInt32 = 0
            for scalar in s[k..<(k + 4)] {
                guard let digit = Character(scalar).hexDigitValue, scalar.isASCII else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        /// The scalar a `\\u` escape stands for, with `i` on its last hex digit. A high surrogate takes
        /// the low surrogate escape that follows it; a surrogate without its pair is U+FFFD, as
        /// RFC 8259 leaves it to the reader and as Python's and JavaScript's replacement decoders do.
        mutating func scalar(escaped code: UInt32) -> Unicode.Scalar {
            if (0xD800..<0xDC00).contains(code), i + 2 < s.count, s[i + 1] == "\\", s[i + 2] == "u",
               let low = hex4(at: i + 3), (0xDC00..<0xE000).contains(low) {
                i += 6
                return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            return Unicode.Scalar(code) ?? "\u{FFFD}"
        }

        mutating func word(_ w: String, _ v: JSON) throws(JSONError) -> JSON {
            for c in w.unicodeScalars {
                guard i < s.count, s[i] == c else { throw error("expected \(w)") }
                i += 1
            }
            return v
        }

        mutating func string() throws(JSONError) -> String {
            i += 1
            var out = String.UnicodeScalarView()
            while i < s.count, s[i] != "\"" {
                if s[i] == "\\" {
                    i += 1
                    guard i < s.count else { break }
                    switch s[i] {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "b": out.append("\u{8}")
                    case "f": out.append("\u{C}")
                    case "u":
                        guard let code = hex4(at: i + 1) else { throw error("a bad \\u escape: four hexadecimal digits must follow") }
                        i += 4
                        out.append(scalar(escaped: code))
                    case "\"", "\\", "/": out.append(s[i])
                    default: throw error("a bad escape “\\\(Character(s[i]))”: JSON allows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u")
                    }
                } else {
                    out.append(s[i])
                }
                i += 1
            }
            guard i < s.count else { throw error("a string is never closed") }
            i += 1
            return String(out)
        }
    }
}

/// A JSON text that cannot be read, with where.
public struct JSONError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let line: Int, column: Int
    public var description: String { "\(line):\(column): \(message)" }
}
