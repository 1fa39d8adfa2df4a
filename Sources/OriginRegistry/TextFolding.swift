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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: emit(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: emit(byte)
                default: pendingSpace = true
                }
                continue
            }
            if (0x0300...0x036F).contains(value) { continue } // combining marks (decomposed input)
            if let base = latinBase(value) {
                emit(base)
                continue
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                var lower = String(scalar.properties.lowercaseMapping)
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                lower.withUTF8 { out.append(contentsOf: $0) }
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII lower-case base letter of a Latin letter with diacritics (ắ → a, Ư → u, đ → d), or nil.
    @inline(__always)
    static func latinBase(_ value: UInt32) -> UInt8? {
        let base: UInt8
        switch value {
        case 0x00C0...0x024F: base = latin1AndExtended[Int(value - 0x00C0)]
        case 0x1E00...0x1EFF: base = latinAdditional[Int(value - 0x1E00)]
        default: return nil
        }
        return base == 0 ? nil : base
    }

    /// Base letters for U+00C0–U+024F and U+1E00–U+1EFF (where Vietnamese letters live): the
    /// first letter of each character's canonical decomposition, lower-cased, with Đ/đ (and Ð,
    /// typed for Đ) as d; "." where there is no ASCII base letter. Written out rather than
    /// computed from the decompositions at start-up, which cost every run of the CLI about 1 ms;
    /// a test recomputes them from Unicode's data.
    static let latin1AndExtended: [UInt8] = bases([
        "aaaaaa.ceeeeiiiidnooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y",
        "aaaaaaccccccccddddeeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.",
        "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.",
        "................................oo.............uu...............",
        ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....",
        "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............",
        "................",
    ])
    static let latinAdditional: [UInt8] = bases([
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
        "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......",
    ])

    private static func bases(_ rows: [StaticString]) -> [UInt8] {
        rows.flatMap { row in row.withUTF8Buffer { Array($0) } }.map { $0 == UInt8(ascii: ".") ? 0 : $0 }
    }
}
