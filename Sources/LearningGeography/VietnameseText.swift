import Foundation

/// Vietnamese text handling shared by every module: Unicode normalisation and the folded form used
/// for matching what a user types ("binh thanh") against names as printed ("Bình Thạnh").
public enum VietnameseText {
    /// The text in Unicode Normalization Form C, the form every stored name and quote uses.
    ///
    /// Vietnamese can be typed with precomposed letters ("ạ" as one scalar) or with combining marks
    /// ("a" + U+0323); both must compare equal byte for byte once stored.
    public static func nfc(_ text: String) -> String {
        isPlainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether a text is NFC without asking Foundation: every scalar is below U+0300 (ASCII and the
    /// Latin blocks, with ơ and ư) or a precomposed letter of U+1E00–U+1EFF (ạ, ế, ỹ...), so nothing
    /// can decompose or combine. A national gazetteer's names all are.
    package static func isPlainlyNFC(_ text: String) -> Bool {
        // By bytes when the text is contiguous UTF-8 (a whole document is checked on load): below
        // U+0300 is ASCII or a lead byte C2–CB, U+1E00–U+1EFF is E1 B8–BB.
        let byBytes = text.utf8.withContiguousStorageIfAvailable { p -> Bool in
            var i = 0
            while i < p.count {
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                if b >= 0xC2, b <= 0xCB { i += 2; continue }
                guard b == 0xE1, i + 1 < p.count, p[i + 1] >= 0xB8, p[i + 1] <= 0xBB else { return false }
                i += 3
            }
            return true
        }
        return byBytes ?? text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }

    /// The matching key of a text: lower case, without diacritics ("đ" becomes "d"), with every run of
    /// punctuation or white space turned into one space, trimmed.
    ///
    /// `fold("Q. Bình Thạnh")` is `"q binh thanh"`; `fold("ĐƠN VỊ")` is `"don vi"`.
    public static func fold(_ text: String) -> String {
        // Fast path: ASCII and the precomposed Latin letters come from a table made once by the full
        // rule below; combining marks are dropped as the rule drops them. Anything else takes the rule.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let folded: [Unicode.Scalar]
            if v < 0x80 {
                let isUpper = v >= 65 && v <= 90
                guard isUpper || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) else { pendingSpace = true; continue }
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(isUpper ? Unicode.Scalar(v + 32) ?? scalar : scalar)
                continue
            } else if (0x300...0x36F).contains(v) {
                continue
            } else if let entry = latinTable[scalar] {
                folded = entry
            } else {
                return foldByRule(text)
            }
            if folded.isEmpty { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            for f in folded { out.append(f) }
        }
        return String(out)
    }

    /// The folded form of each precomposed Latin letter (empty for a separator such as ×).
    private static let latinTable: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for v in Array(0x80...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            table[scalar] = Array(foldByRule(String(Character(scalar))).unicodeScalars)
        }
        return table
    }()

    /// The rule itself: decompose (NFD), drop combining marks, keep letters and digits in lower case
    /// ("đ" as "d"), and make every other run one space.
    package static func foldByRule(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
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
