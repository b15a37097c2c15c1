extension String {
    /// The string without white space (NBSP included) at either end.
    package var trimmingWhitespace: String {
        // Most fields begin and end with a visible ASCII character: nothing to trim, no copy.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension StringProtocol {
    /// The text without white space (NBSP included) at either end.
    package var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
