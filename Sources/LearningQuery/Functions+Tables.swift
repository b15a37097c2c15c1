import LearningData

extension Functions {
    static let tableFunctions: [BuiltinFunction] = [
        builtin("read_csv", [Parameter("path", "text"), Parameter("locale", "\"vi\" or \"en\"", optional: true), Parameter("separator", "\",\", \";\" or \"\\t\"", optional: true)],
                returns: "table", topic: "tables",
                summary: "A CSV file of your own as a table: the first line names the columns; a column of numbers is numbers (read the Vietnamese way, 1.200 and 0,5, or with locale: \"en\" the English way), percentages and amounts in đồng keep their unit, a `year` column holds years, an empty cell or a lone dash is missing. A relative path is read from the folder of the script it is written in.",
                example: "read_csv(\"docs/examples/population.csv\") | sort population desc") { (a: inout CallArguments) throws(QueryError) -> Value in
            let written = try a.text("path")
            let style = try a.choice("locale", default: NumberStyle.vi, { NumberStyle(rawValue: $0) }, options: ["vi", "en"])
            let separator = try a.choice("separator", default: UInt8(0x2C), { (text: String) -> UInt8? in [",": 0x2C, ";": 0x3B, "\t": 0x09][text] }, options: [",", ";", "\\t"])
            let path = a.context.libraries.files.resolve(written, from: a.context.source.directory)
            let name = ScriptFiles.displayName(written, from: a.context.source)
            guard let bytes = a.context.libraries.files.read(path) else {
                throw QueryError(a.context.source.diagnostic("E140", "read_csv: cannot read \(name)", at: a.span("path"),
                                                             hint: a.context.source.directory == nil ? "a relative path is read from the current folder" : "a relative path is read from the folder of the script it is written in"))
            }
            let result: CSVTableReader.Result
            do throws(Diagnostic) { result = try CSVTableReader(style: style, separator: separator).read(bytes, file: name) } catch { throw QueryError(error) }
            for w in result.warnings where !a.context.warnings.contains(w) { a.context.warnings.append(w) }
            return .table(result.table)
        },
    ]
}
