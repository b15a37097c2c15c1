import Foundation

/// Vietnamese text handling shared by every module: Unicode normalisation and the folded form used
/// for matching what a user types ("binh thanh") against names as printed ("Bình Thạnh").
public enum VietnameseText {
    /// The text in Unicode Normalization Form C, the form every stored name and quote uses.
    ///
    /// Vietnamese can be typed with precomposed letters ("ạ" as one scalar) or with combining marks
    /// ("a" + U+0323); both must compare equal byte for byte once stored.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// The matching key of a text: lower case, without diacritics ("đ" becomes "d"), with every run of
    /// punctuation or white space turned into one space, trimmed.
    ///
    /// `fold("Q. Bình Thạnh")` is `"q binh thanh"`; `fold("ĐƠN VỊ")` is `"don vi"`.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                // Most of a Vietnamese name is ASCII once decomposed: no property lookups for it.
                let v = scalar.value
                let isUpper = v >= 65 && v <= 90
                if isUpper || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(isUpper ? Unicode.Scalar(v + 32) ?? scalar : scalar)
                } else {
                    pendingSpace = true
                }
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark {
                continue
            }
            if scalar.properties.isAlphabetic || category == .decimalNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                appendLowercased(scalar, to: &out)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// Whether `haystack` contains `needle` once both are folded: the `~` match of the query language.
    public static func foldedContains(_ haystack: String, _ needle: String) -> Bool {
        let key = fold(needle)
        return key.isEmpty || fold(haystack).contains(key)
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        switch scalar {
        case "đ", "Đ": out.append("d")
        default: out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }
}
