/// The texts only some rows carry (scope, document, quote, note, derivation), as whole columns of
/// codes into the dataset's string pool: what a query engine needs to test a text once per distinct
/// text rather than once per row.
extension Dataset {
    /// A text field of the rows that carry details.
    public enum TextField: Sendable, CaseIterable {
        case scope, document, quote, note, derivation
    }

    /// For each of these rows (every row when nil), the code of its text in this field (-1 for
    /// none); decode with ``pooledText(_:)``. Costs one pass over the rows that carry details, then one
    /// per row asked.
    public func textCodes(_ field: TextField, rows: [Int32]?) -> [Int32] {
        var byRow = [Int32](repeating: -1, count: count)
        for (k, row) in columns.detailRows.enumerated() {
            let d = columns.details[k]
            byRow[Int(row)] = switch field {
            case .scope: d.scope
            case .document: d.document
            case .quote: d.quote
            case .note: d.note
            case .derivation: d.derivation
            }
        }
        guard let rows else { return byRow }
        return rows.map { byRow[Int($0)] }
    }

    /// How many texts the pool holds: codes run from 0 to this, exclusive.
    public var pooledTextCount: Int { strings.strings.count }

    /// The text a code of ``textCodes(_:rows:)`` stands for; nil for -1.
    public func pooledText(_ code: Int32) -> String? { code >= 0 && Int(code) < strings.strings.count ? strings[code] : nil }
}
