/// Whether typed lines make a complete statement yet: brackets balanced and no trailing `|` or `,`.
/// Text in quotes and comments are skipped; an unclosed quote counts as complete so that the parser
/// reports it rather than the shell waiting forever.
public enum InputCompleteness {
    /// Whether the text can be run as it is.
    public static func isComplete(_ text: String) -> Bool {
        var depth = 0
        var last: Character? = nil
        var quote: Character? = nil
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if let q = quote {
                if c == "\\" { i += 2; continue }
                if c == q || c == "\n" { quote = nil }
                i += 1
                continue
            }
            if c == "-", i + 1 < characters.count, characters[i + 1] == "-" {
                while i < characters.count, characters[i] != "\n" { i += 1 }
                continue
            }
            switch c {
            case "\"", "'": quote = c; last = c
            case "(", "[", "{": depth += 1; last = c
            case ")", "]", "}": depth -= 1; last = c
            default: if !c.isWhitespace { last = c }
            }
            i += 1
        }
        if quote != nil { return true }
        return depth <= 0 && last != "|" && last != ","
    }
}
