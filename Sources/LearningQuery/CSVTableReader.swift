import LearningData

/// Reads a CSV file of the analyst's own (a population table, a list of districts) into a table of
/// typed columns: a column whose every cell is a number is numbers (read the Vietnamese way, `1.200`
/// and `0,5`, or the English way), percentages stay percentages, amounts in đồng stay money, a `year`
/// column holds years, and an empty cell or a lone dash is missing, never zero. Anything else is text.
struct CSVTableReader {
    /// How numbers are written in the file.
    let style: NumberStyle
    let separator: UInt8

    /// What the file gave, and the warnings it raised (a column kept as text because of one cell).
    struct Result {
        let table: Table
        let warnings: [Diagnostic]
    }

    /// The table of a file's bytes, or an error (E140) at the line and column where the file goes wrong.
    func read(_ bytes: [UInt8], file: String) throws(Diagnostic) -> Result {
        do { return try readTable(bytes, file: file) } catch { throw Self.coded(error) }
    }

    private func readTable(_ bytes: [UInt8], file: String) throws(Diagnostic) -> Result {
        var reader = CSVReader(bytes: bytes, file: file)
        reader.separator = separator
        guard let header = try reader.nextRecord() else {
            throw Self.coded(Diagnostic(.error, message: "the file is empty: a CSV file starts with a line of column names",
                                   location: SourceLocation(file: file, line: 1, column: 1)))
        }
        let (names, notes) = try columnNames(header, reader)
        var cells: [[(text: String, field: CSVField)]] = Array(repeating: [], count: names.count)
        while let record = try reader.nextRecord() {
            guard record.count == names.count else { throw Self.coded(wrongWidth(record, expected: names.count, reader)) }
            for (i, field) in record.enumerated() { cells[i].append((try reader.text(of: field), field)) }
        }
        var warnings: [Diagnostic] = []
        let columns = zip(names, cells).map { name, column in typed(name, column, reader, &warnings) }
        return Result(table: Table(columns: columns, notes: notes), warnings: warnings)
    }

    /// The header's names, made names the language can write: spaces and dashes become `_`
    /// (“dân số” → `dân_số`), said in a note; an empty or repeated name is an error at its place.
    private func columnNames(_ header: [CSVField], _ reader: CSVReader) throws(Diagnostic) -> ([String], [String]) {
        var names: [String] = []
        var renamed: [String] = []
        for field in header {
            let written = VietnameseText.nfc(try reader.text(of: field)).trimmingWhitespace
            guard !written.isEmpty else { throw Self.coded(reader.diagnostic(for: field, "a column has no name", expected: "a name for every column of the first line")) }
            let name = String(String.UnicodeScalarView(written.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? $0 : "_" }))
            guard !names.contains(name) else {
                throw Self.coded(reader.diagnostic(for: field, "the column “\(name)” is named twice", hint: "give each column its own name"))
            }
            if name != written { renamed.append("“\(written)” → \(name)") }
            names.append(name)
        }
        let notes = renamed.isEmpty ? [] : ["columns renamed so that queries can name them: " + renamed.joined(separator: ", ")]
        return (names, notes)
    }

    private func wrongWidth(_ record: [CSVField], expected: Int, _ reader: CSVReader) -> Diagnostic {
        if record.count > expected {
            return reader.diagnostic(for: record[expected], "this line has \(record.count) fields, but the first line names \(expected) columns",
                                     expected: "\(expected) fields", hint: "a field holding the separator goes in double quotes: \"1.200,5\"")
        }
        let last = record[record.count - 1]
        return reader.diagnostic(at: last.offset, line: last.line, lineStart: last.lineStart,
                                 "this line has \(record.count) field\(record.count == 1 ? "" : "s"), but the first line names \(expected) columns",
                                 expected: "\(expected) fields, empty ones too (a,,c)")
    }

    /// A column's cells as values of one type: numbers where every non-missing cell is one, else text
    /// (with a warning at the first cell that is not, when most are).
    private func typed(_ name: String, _ cells: [(text: String, field: CSVField)], _ reader: CSVReader, _ warnings: inout [Diagnostic]) -> Column {
        var numbers: [VietnameseNumber?] = []
        var firstNonNumber: (text: String, field: CSVField, reason: String)? = nil
        var numberCount = 0
        for cell in cells {
            let text = cell.text.trimmingWhitespace
            if Self.isMissing(text) { numbers.append(nil); continue }
            do {
                numbers.append(try number(text))
                numberCount += 1
            } catch {
                numbers.append(nil)
                if firstNonNumber == nil { firstNonNumber = (text, cell.field, error.reason) }
            }
        }
        let found = numbers.compactMap { $0 }
        let percents = found.filter(\.isPercent).count
        if numberCount > 0, firstNonNumber == nil, percents == 0 || percents == found.count {
            let money = found.contains(where: \.isMoney)
            return Column(name, numbers.map { $0.map { value($0, column: name, money: money) } ?? .null })
        }
        if numberCount > 0 {
            var d: Diagnostic
            if let bad = firstNonNumber {
                let hint = style == .vi ? "numbers are read the Vietnamese way (1.200 is one thousand two hundred, 0,5 a half); read_csv(…, locale: \"en\") reads 1,200 and 0.5"
                    : "numbers are read the English way (1,200 and 0.5); read_csv(…, locale: \"vi\") reads 1.200 and 0,5"
                d = reader.diagnostic(for: bad.field, "the column “\(name)” is read as text: “\(Diagnostic.excerpt(bad.text))” is not a number (\(bad.reason))", hint: hint)
            } else {
                let field = cells[numbers.firstIndex { $0.map { !$0.isPercent } ?? false } ?? 0].field
                d = reader.diagnostic(for: field, "the column “\(name)” is read as text: it mixes percentages and plain numbers", hint: "write every cell of the column with % or none")
            }
            warnings.append(Diagnostic(.warning, code: "W306", message: d.message, location: d.location, sourceLine: d.sourceLine, length: d.length, hint: d.hint))
        }
        return Column(name, cells.map { Self.isMissing($0.text.trimmingWhitespace) ? .null : .text(VietnameseText.nfc($0.text)) })
    }

    private func number(_ text: String) throws(NumberFormatError) -> VietnameseNumber {
        guard style == .en else { return try VietnameseNumberReader.parse(text) }
        // The English way swaps the two marks: 1,200.5 is the Vietnamese 1.200,5.
        let swapped = String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
        return try VietnameseNumberReader.parse(swapped)
    }

    /// A cell's number as a value; `money` when any cell of its column is an amount in đồng.
    private func value(_ n: VietnameseNumber, column: String, money: Bool) -> Value {
        if n.isPercent { return .percent(n.value) }
        if money { return .money(n.value) }
        if ["year", "nam", "năm"].contains(column.lowercased()), n.value == n.value.rounded(), (1000...3000).contains(n.value) { return .year(Int(n.value)) }
        return .number(n.value)
    }

    static func isMissing(_ text: String) -> Bool { text.isEmpty || text == "-" || text == "–" || text == "—" }

    static func coded(_ d: Diagnostic) -> Diagnostic {
        guard d.code.isEmpty else { return d }
        return Diagnostic(.error, code: "E140", message: d.message, location: d.location, sourceLine: d.sourceLine, length: d.length, expected: d.expected, hint: d.hint)
    }
}
