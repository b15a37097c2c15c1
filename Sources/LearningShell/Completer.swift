import Foundation
import LearningData
import LearningQuery

/// What to offer for the word under the cursor: where the replaced text starts (a character offset in
/// the line) and the candidates, each a full replacement for the text from there to the cursor.
public struct Completion: Equatable, Sendable {
    /// First character replaced.
    public let start: Int
    /// The replacements, sorted.
    public let candidates: [String]
}

/// Tab completion that knows where the cursor is: commands after `:`, file paths after `:load`,
/// `:save`, `:open`, `:once`, `:output`, region names inside quotes (typed without diacritics), named
/// arguments inside a call, table operators after `|`, columns after `select`, `where`, `sort`...,
/// and otherwise functions, indicators, tables and bindings.
///
/// Everything it searches is prepared once per dataset: region names folded and sorted, so a name is
/// found by binary search, not by scanning the regions on every key press.
public struct Completer: Sendable {
    /// The dataset's region names and aliases, and the map's.
    private let ownNames: NameIndex, mapNames: NameIndex
    private let indicators: [String]
    private let functions: [String]

    /// Prepares completion for a dataset: its regions' names, and every name of Vietnam's map (for
    /// `successors("…`, `region("…", as_of: …)` and datasets that name official units), offered when
    /// none of the dataset's fits.
    public init(dataset: Dataset, map: NationalMap? = .embedded) {
        ownNames = NameIndex(dataset.gazetteer.regions.flatMap { [$0.name] + $0.aliases })
        mapNames = NameIndex((map?.units ?? []).flatMap { [$0.name] + $0.aliases })
        indicators = dataset.catalogue.indicators.map(\.id.rawValue).sorted()
        functions = Functions.all.map(\.name).sorted()
    }

    /// The completion at `cursor` (a character offset) in `line`; `bindings` are the session's names.
    public func complete(_ line: String, cursor: Int, bindings: [String] = []) -> Completion {
        let characters = Array(line)
        let cursor = min(max(cursor, 0), characters.count)
        let before = String(characters[..<cursor])
        if before.trimmingWhitespace.hasPrefix(":") { return command(before) }
        if let quote = openQuote(in: characters, upTo: cursor) {
            let typed = String(characters[(quote + 1)..<cursor])
            return Completion(start: quote, candidates: regions(matching: typed).map { "\"\($0)\"" })
        }
        var start = cursor
        while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber || characters[start - 1] == "_" { start -= 1 }
        let word = String(characters[start..<cursor])
        let context = String(characters[..<start])
        var pool: [String]
        if lastSignificant(context) == "|" {
            pool = Reference.tableOperators.map { $0 + " " } + functions.map { $0 + "(" }
        } else {
            pool = general(bindings)
            if let function = enclosingCall(context) {
                pool = Reference.parameters(of: function).map { $0 + ": " } + pool
            }
            if inTableStage(context) {
                pool = Reference.figuresColumns + pool
            }
        }
        let key = word.lowercased()
        var seen = Set<String>()
        let matches = pool.filter { $0.lowercased().hasPrefix(key) && seen.insert($0).inserted }
        return Completion(start: start, candidates: matches)
    }

    /// Region names that start with what was typed (folded), or failing that have a later word that
    /// does: the dataset's own regions first; the names of Vietnam's map only when none of them fits.
    public func regions(matching typed: String, limit: Int = 50) -> [String] {
        let own = ownNames.matching(typed, limit: limit)
        return own.isEmpty ? mapNames.matching(typed, limit: limit) : own
    }

    private func general(_ bindings: [String]) -> [String] {
        functions.map { $0 + "(" } + indicators + Reference.tableNames + bindings.sorted() + Reference.keywords
    }

    private func command(_ before: String) -> Completion {
        let trimmedStart = before.count - before.drop(while: { $0.isWhitespace }).count
        let text = String(before.dropFirst(trimmedStart))
        guard let space = text.firstIndex(where: \.isWhitespace) else {
            let candidates = ShellCommand.all.map { ":" + $0.name }.filter { $0.hasPrefix(text.lowercased()) }
            return Completion(start: trimmedStart, candidates: candidates.map { $0 + " " })
        }
        let typed = String(text[text.index(after: text.startIndex)..<space]).lowercased()
        // The command is resolved as the parser resolves it: by name or by an unambiguous prefix.
        let matching = ShellCommand.all.map(\.name).filter { $0.hasPrefix(typed) }
        let name = matching.contains(typed) ? typed : (matching.count == 1 ? matching[0] : "")
        let argument = text[space...].drop(while: \.isWhitespace)
        let argumentStart = before.count - argument.count
        let options: [String]
        switch name {
        case "format": options = OutputFormat.allCases.map(\.rawValue)
        case "locale": options = ["vi", "en"]
        case "timer", "bail": options = ["on", "off"]
        case "help": options = ["functions", "operators", "commands"] + functions + ShellCommand.all.map { ":" + $0.name }
        case "load", "save", "open", "once", "output", "extract":
            return Completion(start: argumentStart, candidates: Self.paths(String(argument)))
        default: options = []
        }
        return Completion(start: argumentStart, candidates: options.filter { $0.lowercased().hasPrefix(argument.lowercased()) })
    }

    /// File and folder names that complete a typed path; folders end in "/".
    static func paths(_ typed: String) -> [String] {
        let expanded = typed.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "~") + typed.dropFirst(1) : typed
        let folder = expanded.contains("/") ? String(expanded[...(expanded.lastIndex(of: "/") ?? expanded.startIndex)]) : ""
        let prefix = expanded.contains("/") ? String(expanded[expanded.index(after: expanded.lastIndex(of: "/") ?? expanded.startIndex)...]) : expanded
        let shownFolder = typed.contains("/") ? String(typed[...(typed.lastIndex(of: "/") ?? typed.startIndex)]) : ""
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }.sorted().map { name in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder)
            return shownFolder + name + (isFolder.boolValue ? "/" : "")
        }
    }

    /// The position of an unclosed double quote before the cursor.
    private func openQuote(in characters: [Character], upTo cursor: Int) -> Int? {
        var open: Int? = nil
        var i = 0
        while i < cursor {
            if characters[i] == "-", i + 1 < cursor, characters[i + 1] == "-", open == nil { return nil }
            if characters[i] == "\"" { open = open == nil ? i : nil }
            i += 1
        }
        return open
    }

    private func lastSignificant(_ text: String) -> Character? { text.last { !$0.isWhitespace } }

    /// The function whose parentheses the cursor is in, when it is at the start of an argument.
    private func enclosingCall(_ context: String) -> String? {
        guard let last = lastSignificant(context), last == "(" || last == "," else { return nil }
        var depth = 0
        let characters = Array(context)
        var i = characters.count - 1
        while i >= 0 {
            switch characters[i] {
            case ")": depth += 1
            case "(":
                if depth == 0 {
                    var end = i
                    while end > 0, characters[end - 1] == " " { end -= 1 }
                    var start = end
                    while start > 0, characters[start - 1].isLetter || characters[start - 1] == "_" { start -= 1 }
                    return start < end ? String(characters[start..<end]) : nil
                }
                depth -= 1
            default: break
            }
            i -= 1
        }
        return nil
    }

    /// Whether the cursor is in a table operator that takes columns.
    private func inTableStage(_ context: String) -> Bool {
        guard let bar = context.lastIndex(of: "|") else { return false }
        let stage = context[context.index(after: bar)...].trimmingWhitespace
        let first = stage.prefix { $0.isLetter }
        return ["where", "select", "derive", "sort", "top", "group", "pivot", "filter", "join"].contains(String(first))
    }
}

/// Names folded and sorted, for completion by binary search, and all their folded keys as one text
/// for a search of later words.
private struct NameIndex: Sendable {
    private let regionKeys: [(folded: String, name: String)]   // sorted by folded
    /// Every folded key as bytes, each after a space and before a line break, in `regionKeys` order,
    /// and where each begins: a name's later words are found by one pass over bytes.
    private let keyText: [UInt8]
    private let keyStarts: [Int]

    init(_ names: [String]) {
        var seen = Set<String>()
        let keys = names.filter { seen.insert($0).inserted }.map { (VietnameseText.fold($0), $0) }
        regionKeys = keys.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var text: [UInt8] = [], starts: [Int] = []
        for key in regionKeys {
            starts.append(text.count)
            text.append(0x20)
            text.append(contentsOf: key.folded.utf8)
            text.append(0x0A)
        }
        keyText = text
        keyStarts = starts
    }

        /// Region names whose folded form starts with the folded text, or failing that has a word that
        /// does: binary search for the first, one pass over the few candidates for the second.
        func matching(_ typed: String, limit: Int) -> [String] {
            let key = VietnameseText.fold(typed)
            var low = 0, high = regionKeys.count
            while low < high {
                let mid = (low + high) / 2
                if regionKeys[mid].folded < key { low = mid + 1 } else { high = mid }
            }
            var out: [String] = []
            var i = low
            while i < regionKeys.count, regionKeys[i].folded.hasPrefix(key), out.count < limit {
                if !out.contains(regionKeys[i].name) { out.append(regionKeys[i].name) }
                i += 1
            }
            if out.isEmpty, !key.isEmpty {
                for entry in entries(withWordStarting: key) where out.count < limit && !out.contains(regionKeys[entry].name) {
                    out.append(regionKeys[entry].name)
                }
            }
            return out.sorted { VietnameseText.fold($0) != VietnameseText.fold($1) ? VietnameseText.fold($0) < VietnameseText.fold($1) : $0 < $1 }
        }

        /// The entries (ascending) whose folded key has a later word starting with `key`: " key" searched in
        /// the bytes of all keys at once, a few milliseconds for a national gazetteer.
        private func entries(withWordStarting key: String) -> [Int] {
            let needle = Array((" " + key).utf8)
            var found: [Int] = []
            keyText.withUnsafeBufferPointer { text in
                var i = 0
                let last = text.count - needle.count
                while i <= last {
                    if text[i] == 0x20, text[i + 1] == needle[1] {
                        var k = 2
                        while k < needle.count, text[i + k] == needle[k] { k += 1 }
                        if k == needle.count {
                            var low = 0, high = keyStarts.count           // the last entry starting at or before i
                            while low < high {
                                let mid = (low + high) / 2
                                if keyStarts[mid] <= i { low = mid + 1 } else { high = mid }
                            }
                            let entry = low - 1
                            // A match at an entry's own start is a prefix match, which found nothing.
                            if keyStarts[entry] != i, found.last != entry { found.append(entry) }
                        }
                    }
                    i += 1
                }
            }
            return found
        }
}
