import Foundation

/// Folds Vietnamese text for matching: lower case, tone marks and other diacritics removed,
/// đ → d, runs of punctuation and spaces collapsed to one space.
///
/// ```swift
/// TextFolding.fold("Nước mắm Phú Quốc")  // "nuoc mam phu quoc"
/// TextFolding.fold("ĐẮK LẮK")            // "dak lak"
/// ```
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            // Combining marks: tone marks, breve, circumflex, horn …
            if (0x0300...0x036F).contains(value) { continue }
            let folded: Unicode.Scalar
            switch value {
            case 0x0110, 0x0111, 0x00D0: folded = "d" // Đ đ, and Ð typed in its place
            default: folded = scalar
            }
            if folded.properties.isAlphabetic || folded.properties.numericType != nil {
                out.append(contentsOf: folded.properties.lowercaseMapping.unicodeScalars)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if lastWasSpace, !out.isEmpty { out.removeLast() }
        return String(out)
    }
}
