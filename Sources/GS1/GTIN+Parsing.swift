extension GTIN {
    /// The longest input `parse` looks at; longer inputs are rejected before any work.
    public static let maximumInputLength = 64

    /// Parses a GTIN, UPC or ISBN as people type or print it.
    ///
    /// Spaces and hyphens are ignored ("978-604-58-2345-3", "893 4563 138165"); anything else
    /// is an error naming the character and its position. The check digit must match.
    ///
    /// Eight digits are an EAN-8, or a UPC-E when they start with 0 or 1 and carry a valid
    /// UPC-E check digit (pass `as: .ean8` or `as: .upcE` to decide).
    ///
    /// ```swift
    /// try GTIN.parse("9786045823453").format  // .isbn13
    /// try GTIN.parse("0-306-40615-2").format   // .isbn10 (stored as 9780306406157)
    /// ```
    public static func parse(_ text: String, as hint: Format? = nil) throws(GS1Error) -> GTIN {
        var copy = text
        let scan = copy.withUTF8 { scanDigits($0) }
        return try parse(scan, text: text, hint: hint)
    }

    /// The second half of ``parse(_:as:)``: the number from one scan of the bytes.
    @inline(__always)
    static func parse(_ scan: DigitScan, text: String, hint: Format?) throws(GS1Error) -> GTIN {
        if text.utf8.count == 9, let issn = try issn8(text) { return issn }
        switch scan.problem {
        case .none: break
        case .badCharacter: throw characterError(in: text)
        case .misplacedX:
            throw GS1Error(.misplacedX, "'X' is allowed only as the last character of an ISBN-10",
                           position: scan.position, character: "X")
        case .tooLongInput:
            throw GS1Error(.tooLong, "input is longer than \(maximumInputLength) characters; a GTIN has at most 14 digits",
                           length: text.utf8.count)
        }
        let (value, count) = (scan.value, scan.count)
        if count == 0 {
            throw GS1Error(.empty, "no digits: the input is empty or only spaces and hyphens")
        }
        if count > 14 {
            throw GS1Error(.tooLong, "too many digits: a GTIN has 8, 12, 13 or 14 digits", length: count)
        }
        if scan.sawX { return try isbn10(core: value, check: 10) }
        // The scan's check sum accepts a valid number at once; `checked` names the expected digit otherwise.
        func accepted(as format: Format) throws(GS1Error) -> GTIN {
            scan.checkSumIsValid ? GTIN(value: value, format: format) : try checked(value, format: format)
        }
        switch count {
        case 8: return try eightDigits(value, hint: hint)
        case 10: return try isbn10(core: value / 10, check: Int(value % 10))
        case 12: return try accepted(as: .upcA)
        case 13:
            let prefix = value / 10_000_000_000
            return try accepted(as: (prefix == 978 || prefix == 979) ? .isbn13 : (prefix == 977 ? .issn : .ean13))
        case 14: return try accepted(as: .gtin14)
        default:
            throw GS1Error(.wrongLength, "wrong number of digits: a GTIN has 8, 12, 13 or 14 digits (an ISBN-10 has 10)", length: count)
        }
    }

    /// The result of one pass over the bytes: digits as a number, or the first problem.
    struct DigitScan {
        enum Problem { case none, badCharacter, misplacedX, tooLongInput }
        var value: UInt64 = 0
        var count = 0
        var sawX = false
        var problem = Problem.none
        var position = 0
        /// Sums of the digits at even and odd positions (counted from 0 at the left), for the GS1 check.
        var evenSum: UInt32 = 0
        var oddSum: UInt32 = 0

        /// The GS1 mod-10 rule over all the digits, check digit included: weight 3 on the digits
        /// at an even distance from the last-but-one, 1 elsewhere, and the total a multiple of 10.
        @inline(__always)
        var checkSumIsValid: Bool {
            let total = count & 1 == 0 ? 3 &* evenSum &+ oddSum : 3 &* oddSum &+ evenSum
            return total % 10 == 0
        }
    }

    @inline(__always)
    static func scanDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> DigitScan {
        var scan = DigitScan()
        if bytes.count > maximumInputLength { scan.problem = .tooLongInput; return scan }
        for (index, byte) in bytes.enumerated() {
            let digit = byte &- 48
            if digit < 10 {
                if scan.sawX { scan.problem = .misplacedX; scan.position = index; return scan }
                if scan.count < 14 { scan.value = scan.value &* 10 &+ UInt64(digit) }
                if scan.count & 1 == 0 { scan.evenSum &+= UInt32(digit) } else { scan.oddSum &+= UInt32(digit) }
                scan.count += 1
            } else if byte == 32 || byte == 45 {
                continue
            } else if byte == 88 || byte == 120 {  // X, x
                if scan.sawX || scan.count != 9 { scan.problem = .misplacedX; scan.position = index + 1; return scan }
                scan.sawX = true
            } else {
                scan.problem = .badCharacter
                return scan
            }
        }
        return scan
    }

    /// Builds a GTIN from a 14-digit value already known to be well formed (e.g. from AI 01).
    public static func fromGTIN14(_ value: UInt64) throws(GS1Error) -> GTIN {
        if value < 100_000_000 { return try checked(value, format: .ean8) }
        if value < 1_000_000_000_000 { return try checked(value, format: .upcA) }
        if value < 10_000_000_000_000 {
            let prefix = value / 10_000_000_000
            return try checked(value, format: (prefix == 978 || prefix == 979) ? .isbn13 : (prefix == 977 ? .issn : .ean13))
        }
        return try checked(value, format: .gtin14)
    }

    private static func checked(_ value: UInt64, format: Format) throws(GS1Error) -> GTIN {
        let expected = CheckDigit.gs1(ofPayload: value / 10)
        let found = UInt8(value % 10)
        guard expected == found else {
            let width = format == .ean8 ? 8 : format == .upcA ? 12 : format == .gtin14 ? 14 : 13
            throw GS1Error(.checkDigitMismatch, "the check digit does not match the other digits",
                           position: width, expectedCheckDigit: Character(Unicode.Scalar(48 + expected)),
                           foundCheckDigit: Character(Unicode.Scalar(48 + found)))
        }
        return GTIN(value: value, format: format)
    }

    private static func eightDigits(_ value: UInt64, hint: Format?) throws(GS1Error) -> GTIN {
        let numberSystem = value / 10_000_000
        let upcECheck = numberSystem <= 1 ? UPCE.expectedCheckDigit(value) : nil
        let upcEValid = upcECheck == UInt8(value % 10)
        switch hint {
        case .upcE?:
            guard let upcECheck else {
                throw GS1Error(.invalidUPCE, "a UPC-E starts with number system 0 or 1, not \(numberSystem)", position: 1)
            }
            guard upcEValid else {
                throw GS1Error(.checkDigitMismatch,
                               "UPC-E check digit is \(value % 10) but the other digits require \(upcECheck)",
                               position: 8, expectedCheckDigit: Character(String(upcECheck)),
                               foundCheckDigit: Character(String(value % 10)))
            }
        case .ean8?:
            return try checked(value, format: .ean8)
        default:
            if !upcEValid { return try checked(value, format: .ean8) }
        }
        // A valid UPC-E: store the expanded UPC-A.
        let expanded = UPCE.expand(value)!
        return GTIN(value: expanded, format: .upcE, upcEValue: value)
    }

    private static func isbn10(core: UInt64, check: Int) throws(GS1Error) -> GTIN {
        let coreDigits = digitArray(core, width: 9)
        let expected = CheckDigit.isbn10(for: coreDigits)
        let found: Character = check == 10 ? "X" : Character(String(check))
        guard expected == found else {
            throw GS1Error(.checkDigitMismatch, "ISBN-10 check character is \(found) but the other digits require \(expected)",
                           position: 10, expectedCheckDigit: expected, foundCheckDigit: found)
        }
        let payload = 978_000_000_000 + core
        return GTIN(value: payload * 10 + UInt64(CheckDigit.gs1(ofPayload: payload)), format: .isbn10)
    }

    /// An ISSN as printed, "NNNN-NNNC" (C a digit or X), stored as its EAN-13 (977 + the
    /// seven digits + 00). Its mod-11 check decides: a last digit that fails it leaves the text
    /// to be read as an EAN-8 or UPC-E (nil); a failing X is an ISSN error.
    static func issn8(_ text: String) throws(GS1Error) -> GTIN? {
        var digits: [UInt8] = []
        var hasX = false
        for (index, byte) in text.utf8.enumerated() {
            if index == 4 { guard byte == 45 else { return nil }; continue }
            if index == 8 && (byte == 88 || byte == 120) { hasX = true; continue }
            guard byte >= 48 && byte <= 57 else { return nil }
            digits.append(byte - 48)
        }
        guard digits.count == (hasX ? 7 : 8) else { return nil }
        let expected = CheckDigit.issn(for: digits.prefix(7))
        let found: Character = hasX ? "X" : Character(Unicode.Scalar(48 + digits[7]))
        guard expected == found else {
            guard hasX else { return nil }
            throw GS1Error(.checkDigitMismatch, "ISSN check character is X but the other digits require \(expected)",
                           position: 9, expectedCheckDigit: expected, foundCheckDigit: found)
        }
        var payload: UInt64 = 977
        for digit in digits.prefix(7) { payload = payload * 10 + UInt64(digit) }
        payload *= 100
        return GTIN(value: payload * 10 + UInt64(CheckDigit.gs1(ofPayload: payload)), format: .issn)
    }

    /// The slow path for a character that is not an ASCII digit, space or hyphen: finds it
    /// (by Character, so positions count what a person sees) and says what it is.
    static func characterError(in text: String) -> GS1Error {
        var position = 0
        for character in text {
            position += 1
            if character.isASCII, character.isNumber || character == " " || character == "-"
                || character == "X" || character == "x" {
                continue
            }
            let scalar = character.unicodeScalars.first!
            let codePoint = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            if let digit = character.wholeNumberValue, character.isNumber, (0...9).contains(digit) {
                return GS1Error(.nonASCIIDigit,
                                "character \(codePoint) at position \(position) is a digit \(digit) from another script; type ASCII digits 0-9",
                                position: position, character: character)
            }
            if scalar.properties.generalCategory == .control || scalar.value == 0 {
                return GS1Error(.controlCharacter, "control character \(codePoint) at position \(position)",
                                position: position, character: character)
            }
            return GS1Error(.invalidCharacter,
                            "character '\(character)' (\(codePoint)) at position \(position) is not a digit; only digits, spaces and hyphens are allowed",
                            position: position, character: character)
        }
        return GS1Error(.invalidCharacter, "the input is not valid text", position: nil)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
