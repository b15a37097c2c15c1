/// Reads `figures.csv` into observations, checking every field and every quote.
///
/// Columns: `region, indicator, year` are required; `document, period, scope, value, value_max, base,
/// base_kind, target, stated_percent, percent_of, qualifier, stated_change, derived, discrepancy,
/// note, quote` are optional. Numbers are plain digits with "." as the decimal point.
enum FiguresFileReader {
    static let required = ["region", "indicator", "year"]
    static let optional = ["document", "period", "scope", "value", "value_max", "base", "base_kind", "target",
                           "stated_percent", "percent_of", "qualifier", "stated_change", "derived", "discrepancy", "note", "quote"]

    /// Reads the file and builds the dataset; documents are asked for by name as rows cite them.
    static func read(_ file: SourceFile, gazetteer: Gazetteer, catalogue: IndicatorCatalogue, name: String,
                     document: (String) -> SourceDocument?) throws(DatasetLoadError) -> Dataset {
        var reader = CSVReader(bytes: file.bytes, file: file.name)
        var problems = ProblemList()
        var builder = DatasetBuilder(gazetteer: gazetteer, catalogue: catalogue)
        var documents: [String: SourceDocument?] = [:]
        var stoppedEarly = false
        var extraColumns: [String] = []
        var rowReader: RowReader? = nil
        do {
            guard let header = try reader.nextRecord() else {
                throw DatasetLoadError([Diagnostic(message: "\(file.name) is empty", expected: "a header row with at least region,indicator,year")])
            }
            let columns = try HeaderMap(header, reader: reader, required: required, optional: optional)
            let row = RowReader(columns: columns, gazetteer: gazetteer, catalogue: catalogue)
            rowReader = row
            extraColumns = columns.extraNames
            while let record = try reader.nextRecord() {
                guard !problems.isFull else { break }
                do {
                    let observation = try row.read(record, reader: reader) { name in
                        if let known = documents[name] { return known }
                        let found = document(name)
                        documents[name] = found
                        return found
                    }
                    try builder.append(observation, line: record[0].line)
                } catch {
                    problems.add(error)
                }
            }
        } catch {
            problems.add(error)
            stoppedEarly = true
        }
        try problems.throwIfAny(stoppedEarly: stoppedEarly)
        do {
            return try (consume builder).build(name: name, documents: DocumentStore(documents.values.compactMap { $0 }), extraColumns: extraColumns)
        } catch let BuildError.duplicates(pairs) {
            let shown = Array(pairs.prefix(DatasetLoadError.limit))
            let records = DuplicateRecords(file: file, lines: shown.flatMap { [$0.0, $0.1] })
            throw DatasetLoadError(shown.map { records.diagnostic(first: $0.0, second: $0.1, reader: rowReader, document: document) },
                                   omitted: pairs.count - shown.count)
        } catch {
            throw DatasetLoadError([Diagnostic(message: "\(file.name): \(error)")])
        }
    }
}

/// Reads one record of `figures.csv`.
struct RowReader {
    let columns: HeaderMap
    let gazetteer: Gazetteer
    let catalogue: IndicatorCatalogue

    func read(_ record: [CSVField], reader: CSVReader, document: (String) -> SourceDocument?) throws(Diagnostic) -> Observation {
        try columns.checkCount(record, reader: reader)
        func text(_ name: String) throws(Diagnostic) -> String? { try columns.optionalText(name, record, reader)?.trimmingWhitespace }
        func field(_ name: String) -> CSVField { columns.field(name, record) }
        func fail(_ name: String, _ message: String, at offset: Int = 0, expected: String? = nil, hint: String? = nil) -> Diagnostic {
            reader.diagnostic(for: field(name), characterOffset: offset, message, expected: expected, hint: hint)
        }
        func number(_ name: String) throws(Diagnostic) -> Double? {
            guard let t = try text(name) else { return nil }
            if let value = PlainNumber.parse(t) {
                if let inexact = PlainNumber.inexactness(of: t, value) { throw fail(name, inexact.message) }
                return value
            }
            let vietnamese = try? VietnameseNumberReader.parse(t)
            throw fail(name, "“\(t)” is not a number", expected: "plain digits with “.” as the decimal point (97290000, 43.85)",
                       hint: vietnamese.map { "Vietnamese number formats are not used in this column: write \(PlainNumber.format($0.value))" })
        }

        let regionText = try text("region") ?? ""
        let region: Region
        if let byID = gazetteer[RegionID(regionText)] {
            region = byID
        } else {
            // A name is of its figure's time: "Bình Thạnh" of 2022 is the district, of 2026 the ward.
            let year = (try? text("year")).flatMap { $0.flatMap { Int($0) } }
            do { region = try gazetteer.lookup(regionText, year: year) } catch {
                throw fail("region", error.description, expected: "a region id or name from regions.csv, or an official unit's")
            }
        }
        let indicatorText = try text("indicator") ?? ""
        guard let indicator = catalogue[IndicatorID(indicatorText)] else {
            let byName = catalogue.lookup(indicatorText)
            let near = catalogue.suggestions(for: indicatorText).first
            throw fail("indicator", "unknown indicator “\(indicatorText)”", expected: "an indicator id from the catalogue",
                       hint: byName.map { "that is the name of “\($0.id)”: write the id" } ?? near.map { "did you mean “\($0)”?" })
        }
        let yearText = try text("year") ?? ""
        guard let year = Int(yearText), (1900...2100).contains(year) else {
            throw fail("year", "“\(yearText)” is not a year", expected: "a year from 1900 to 2100, such as 2018")
        }
        var o = Observation(region: region.id, indicator: indicator.id, year: year)
        if let periodText = try text("period") {
            let period: Period
            do { period = try Period(parsing: periodText) } catch {
                throw fail("period", "“\(periodText)” is not a period: \(error.reason)", expected: PeriodError.forms)
            }
            // A period's figure is filed under its last year (a part of a year under its year), so that
            // it sorts and compares after the time it covers.
            guard period.last == year else {
                let what = period.part == nil ? "its last year" : "its year"
                throw fail("year", "a figure for the period \(period) is filed under \(what), \(period.last), not \(year)",
                           expected: "year \(period.last)")
            }
            o.period = period
        }
        o.scope = try text("scope")
        if let scope = o.scope, let registered = catalogue[IndicatorID(indicator.id.rawValue + "_registered")], Self.namesRegistration(scope) {
            // "Registered" is not a part of "recognised": as a scope it would be summed as one.
            throw fail("scope", "“\(Diagnostic.excerpt(scope))” counts those registered, which is an indicator of its own, not a part of \(indicator.id)",
                       expected: "indicator \(registered.id), with no scope")
        }
        o.value = try number("value")
        o.valueMax = try number("value_max")
        o.base = try number("base")
        if let kind = try text("base_kind") {
            guard let parsed = BaseKind(rawValue: kind.lowercased()) else {
                throw fail("base_kind", "unknown base kind “\(kind)”", expected: BaseKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            o.baseKind = parsed
        }
        if let targetText = try text("target") {
            do { o.target = try Target(csv: targetText) } catch { throw fail("target", "“\(targetText)” is not a target: \(error.message)") }
        }
        if let statedText = try text("stated_percent") {
            do { o.statedPercent = try StatedPercent(printed: statedText) } catch {
                throw fail("stated_percent", "“\(statedText)” is not a percentage as printed", at: error.offset, expected: error.message)
            }
        }
        if let basis = try text("percent_of") {
            guard let parsed = PercentBasis(rawValue: basis.lowercased()) else {
                throw fail("percent_of", "unknown basis “\(basis)”", expected: "base or target")
            }
            o.percentOf = parsed
        }
        if let qualifier = try text("qualifier") {
            guard let parsed = Qualifier(code: qualifier) else {
                throw fail("qualifier", "unknown qualifier “\(qualifier)”", expected: Qualifier.allCases.dropFirst().map(\.rawValue).joined(separator: ", ") + " (or empty for exact)")
            }
            o.qualifier = parsed
        }
        if let change = try text("stated_change") {
            do { o.statedChange = try StatedChange(printed: change) } catch { throw fail("stated_change", error.message) }
        }
        o.derivation = try text("derived")
        o.discrepancy = try text("discrepancy")
        o.note = try text("note")
        o.extras = try columns.extras(record, reader)
        try checkConsistency(o, fail: fail)
        try checkWholeNumbers(o, unit: indicator.unit, text: text, fail: fail)
        try attachProvenance(&o, text: text, fail: fail, document: document)
        if let rule = o.derivation {
            try checkDerivation(o, rule: rule, fail: fail)
        } else if let quote = o.provenance?.quote, !quote.isEmpty {
            try checkAgainstQuote(o, quote: quote, fail: fail)
        }
        return o
    }

    /// Whether a scope names the units that registered for a title ("đăng ký", "registered").
    static func namesRegistration(_ scope: String) -> Bool {
        let words = " " + VietnameseText.fold(scope).split { !$0.isLetter }.joined(separator: " ") + " "
        return words.contains(" dang ky ") || words.contains(" registered ") || words.contains(" registration ")
    }

    /// Every unit in the catalogue is counted or in đồng, so a fraction is almost surely a Vietnamese
    /// thousands dot read as a decimal point ("51.119" meant 51119).
    private func checkWholeNumbers(_ o: Observation, unit: MeasurementUnit, text: (String) throws(Diagnostic) -> String?,
                                   fail: (String, String, Int, String?, String?) -> Diagnostic) throws(Diagnostic) {
        var amounts: [(String, Double?)] = [("value", o.value), ("value_max", o.valueMax), ("base", o.base)]
        if let target = o.target, !target.isRate { amounts += [("target", target.value), ("target", target.upperBound)] }
        for (column, amount) in amounts {
            guard let amount, amount != amount.rounded() else { continue }
            let printed = (try text(column)) ?? ""
            let grouped = printed.replacingOccurrences(of: ".", with: "")
            throw fail(column, "“\(printed)” is not a whole number of \(unit.english)", 0, "a whole number in plain digits",
                       "if “\(printed)” is Vietnamese grouping, write \(grouped)")
        }
    }

    /// A derived figure's rule gives its value, from numbers its quote prints.
    private func checkDerivation(_ o: Observation, rule text: String, fail: (String, String, Int, String?, String?) -> Diagnostic) throws(Diagnostic) {
        let rule: DerivationRule
        do { rule = try DerivationRule(text) } catch {
            throw fail("derived", error.message, error.offset, "arithmetic of printed numbers, then “: ” and any words (54 - 11: one year earlier)", nil)
        }
        if let value = o.value, abs(rule.value - value) > 1e-9 * max(1, abs(value)) {
            throw fail("derived", "the rule gives \(PlainNumber.format(rule.value)), but the value is \(PlainNumber.format(value))", 0, nil, nil)
        }
        guard let quote = o.provenance?.quote, !quote.isEmpty else { return }
        let printed = Set(VietnameseNumberReader.numbers(in: quote).filter { !$0.isPercent }.map(\.value))
        if let missing = rule.numbers.first(where: { !printed.contains($0) }) {
            throw fail("derived", "the rule's \(PlainNumber.format(missing)) is not printed in the quote", 0, nil,
                       "a rule works on the numbers the quote prints")
        }
    }

    /// A printed figure must be printed in its quote: each number of the row is among the numbers the
    /// Vietnamese reader finds there.
    private func checkAgainstQuote(_ o: Observation, quote: String, fail: (String, String, Int, String?, String?) -> Diagnostic) throws(Diagnostic) {
        let numbers = VietnameseNumberReader.numbers(in: quote)
        let plain = Set(numbers.filter { !$0.isPercent }.map(\.value))
        let percents = Set(numbers.filter(\.isPercent).map(\.value))
        let listed = numbers.map { $0.text + ($0.isPercent ? "" : " (\(PlainNumber.format($0.value)))") }.joined(separator: ", ")
        var required: [(String, Double?, Bool)] = [("value", o.value, false), ("value_max", o.valueMax, false), ("base", o.base, false)]
        if let target = o.target { required += [("target", target.value, target.isRate), ("target", target.upperBound, target.isRate)] }
        for (column, number, isPercent) in required {
            guard let number, !(isPercent ? percents : plain).contains(number) else { continue }
            throw fail(column, "\(PlainNumber.format(number))\(isPercent ? "%" : "") is not printed in the quote", 0,
                       listed.isEmpty ? "a quote with the figure in it" : "one of the quote's numbers: \(listed)",
                       "a figure the text implies but does not print goes in with its rule in the “derived” column")
        }
        if !o.qualifier.isStated(in: quote) {
            throw fail("qualifier", "the quote does not say “\(o.qualifier.vietnamese)”: the qualifier “\(o.qualifier.code)” is not printed", 0,
                       "one of the words " + o.qualifier.quoteWords.map { "“\($0)”" }.joined(separator: ", ") + " (diacritics ignored) in the quote",
                       "a figure printed as exact is left without a qualifier")
        }
        if let stated = o.statedPercent, !quote.contains(stated.text) {
            throw fail("stated_percent", "“\(stated.text)” is not printed in the quote", 0, nil, "keep the percentage exactly as printed")
        }
    }

    private func checkConsistency(_ o: Observation, fail: (String, String, Int, String?, String?) -> Diagnostic) throws(Diagnostic) {
        if o.value == nil, o.target == nil, o.statedPercent == nil {
            throw fail(columns.has("value") ? "value" : "year", "this row gives no figure", 0, "a value, a target or a stated percentage", nil)
        }
        if o.qualifier == .range, o.valueMax == nil {
            throw fail("qualifier", "a range needs its upper end", 0, "value_max filled in", nil)
        }
        if let high = o.valueMax, let low = o.value, high < low {
            throw fail("value_max", "the upper end is below the value", 0, nil, nil)
        }
        if o.percentOf == .target, o.target == nil || o.target?.isRate == true {
            throw fail("percent_of", "the percentage is said to be of the target, but the row has no absolute target", 0, "an amount in the target column", nil)
        }
    }

    private func attachProvenance(_ o: inout Observation, text: (String) throws(Diagnostic) -> String?,
                                  fail: (String, String, Int, String?, String?) -> Diagnostic,
                                  document: (String) -> SourceDocument?) throws(Diagnostic) {
        let name = try text("document")
        let quote = try text("quote")
        guard let name else {
            if quote != nil { throw fail("document", "a quote needs the document it is from", 0, "a document file name", nil) }
            return
        }
        guard let source = document(name) else {
            throw fail("document", "document “\(name)” is not found", 0, "a text file next to figures.csv", nil)
        }
        let provenance = Provenance(document: name, quote: quote ?? "")
        if quote != nil {
            var offset = 0
            for fragment in provenance.fragments {
                if !source.contains(fragment) {
                    let (matched, documentHas) = source.closestPrefix(of: fragment)
                    let detail = matched == 0 ? "its first words are not in the document"
                        : "the first \(matched) characters match; then the document has “\(documentHas)…”"
                    throw fail("quote", "the quote is not in \(name) word for word: \(detail)", offset + matched, nil,
                               "copy the sentence from the document; keep its spelling, spaces and quotation marks")
                }
                offset += fragment.count + Provenance.fragmentSeparator.count
            }
        }
        o.provenance = provenance
    }
}
