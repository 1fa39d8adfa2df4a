/// A Global Trade Item Number (the number under a retail barcode), normalised.
///
/// Every accepted form — EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14, ISBN-13, ISBN-10, ISSN in
/// EAN form — is stored as its 14-digit GTIN value, together with the form it was given in.
///
/// ```swift
/// let gtin = try GTIN.parse("893 4563 138165")
/// gtin.format    // .ean13
/// gtin.digits    // "8934563138165"
/// gtin.gtin14    // "08934563138165"
/// try GTIN.parse("01234565").digits // UPC-E expanded to UPC-A: "012345000065"
/// ```
public struct GTIN: Sendable, Hashable, CustomStringConvertible {
    /// The form a GTIN was written or scanned in.
    public enum Format: String, Sendable, Hashable, CaseIterable, Codable {
        case ean13 = "EAN-13"
        case ean8 = "EAN-8"
        case upcA = "UPC-A"
        /// 8-digit zero-suppressed UPC; expanded to UPC-A by the GS1 rules.
        case upcE = "UPC-E"
        case gtin14 = "GTIN-14"
        /// An EAN-13 in the Bookland range 978/979.
        case isbn13 = "ISBN-13"
        /// A 10-digit ISBN, converted to its 978 ISBN-13.
        case isbn10 = "ISBN-10"
        /// An EAN-13 starting 977: a serial publication's ISSN in EAN form.
        case issn = "ISSN"
    }

    /// The GTIN as a number in its 14-digit form (leading zeros implied).
    public let value: UInt64
    /// The form the number was given in.
    public let format: Format
    /// For UPC-E: the eight digits as printed.
    let upcEValue: UInt64

    @usableFromInline
    init(value: UInt64, format: Format, upcEValue: UInt64 = 0) {
        self.value = value
        self.format = format
        self.upcEValue = upcEValue
    }

    /// Number of significant digits of the GTIN family member: 8, 12, 13 or 14.
    public var length: Int {
        switch format {
        case .ean8: return 8
        case .upcA, .upcE: return 12
        case .ean13, .isbn13, .isbn10, .issn: return 13
        case .gtin14: return 14
        }
    }

    /// The normalised digits: EAN-8 → 8, UPC-A/UPC-E → 12 (UPC-E expanded), EAN-13/ISBN/ISSN → 13, GTIN-14 → 14.
    public var digits: String { Self.render(value, width: length) }
    /// All 14 digits, as GS1 AI (01) and Digital Link carry them.
    public var gtin14: String { Self.render(value, width: 14) }
    /// The 13-digit form (the one retail EAN/UPC scanners report), unless the indicator digit is not 0.
    public var gtin13: String? { value < 10_000_000_000_000 ? Self.render(value, width: 13) : nil }
    /// The digits as printed under the bars: UPC-E keeps its 8 digits, ISBN-10 its 10.
    public var printedForm: String {
        switch format {
        case .upcE: return Self.render(upcEValue, width: 8)
        case .isbn10: return isbn10 ?? digits
        default: return digits
        }
    }
    /// The ISBN-10 form of a 978 ISBN (979 ISBNs have none).
    public var isbn10: String? {
        guard value / 10_000_000_000 == 978 else { return nil }
        let core = (value / 10) % 1_000_000_000
        let coreDigits = Self.digitArray(core, width: 9)
        return Self.render(core, width: 9) + String(CheckDigit.isbn10(for: coreDigits))
    }
    /// The ISSN (with its mod-11 check character) of a 977 EAN, e.g. "0317-8471".
    public var issn: String? {
        guard value / 10_000_000_000 == 977 else { return nil }
        let core = (value / 1_000) % 10_000_000
        let check = CheckDigit.issn(for: Self.digitArray(core, width: 7))
        let text = Self.render(core, width: 7)
        return "\(text.prefix(4))-\(text.suffix(3))\(check)"
    }
    /// The packaging indicator of a GTIN-14 (0 for the base unit, 1-8 packaging levels, 9 variable measure).
    public var indicatorDigit: Int { Int(value / 10_000_000_000_000) }
    /// The check digit.
    public var checkDigit: Int { Int(value % 10) }
    /// The number behind the first `count` digits of the 13-digit form (indicator dropped).
    @inlinable
    public func leadingDigits13(_ count: Int) -> Int {
        let thirteen = value % 10_000_000_000_000
        switch count {
        case 3: return Int(thirteen / 10_000_000_000)
        case 4: return Int(thirteen / 1_000_000_000)
        case 7: return Int(thirteen / 1_000_000)
        default:
            var divisor: UInt64 = 1
            for _ in 0..<(13 - count) { divisor &*= 10 }
            return Int(thirteen / divisor)
        }
    }
    /// True when the GTIN is a GTIN-8 (as an EAN-8, or padded with zeros to a longer form).
    public var isGTIN8: Bool { value < 100_000_000 && format != .upcA && format != .upcE }

    public var description: String { "\(format.rawValue) \(digits)" }

    static func render(_ value: UInt64, width: Int) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        var index = width - 1
        while rest > 0 && index >= 0 {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func digitArray(_ value: UInt64, width: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width)
        var rest = value
        var index = width - 1
        while index >= 0 {
            out[index] = UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        return out
    }
}
