/// What the codes of a coded column stand for: code `i` is value `decode(i)`, a negative code is
/// missing. Regions and indicators are coded by their position in the dataset, texts by their place
/// in a dictionary, so a condition on a coded column is evaluated once per distinct code.
final class CodeBook: Sendable {
    /// How many codes there are.
    let count: Int
    /// Whether different codes always stand for different values (regions and indicators by their
    /// positions); a book of computed answers may hold one value under several codes.
    let isCanonical: Bool
    private let decoder: @Sendable (Int32) -> Value

    /// A book of `count` codes.
    init(count: Int, canonical: Bool = true, decode: @escaping @Sendable (Int32) -> Value) {
        self.count = count
        isCanonical = canonical
        decoder = decode
    }

    /// A book over these values, code `i` being `values[i]`.
    convenience init(_ values: [Value], canonical: Bool = false) {
        self.init(count: values.count, canonical: canonical) { values[Int($0)] }
    }

    /// The value of a code; null for a negative one.
    @inline(__always) func value(_ code: Int32) -> Value { code < 0 ? .null : decoder(code) }
}
