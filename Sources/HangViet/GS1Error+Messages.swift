import GS1

extension GS1Error {
    /// The error in `language`, for people: what is wrong and where.
    public func localizedMessage(_ language: Language) -> String {
        let at = position.map { LocalizedText(en: " at position \($0)", vi: " ở vị trí \($0)")[language] } ?? ""
        let shown = character.map { Self.describe($0) } ?? "?"
        switch code {
        case .empty:
            return LocalizedText(en: "empty input: no digits", vi: "dữ liệu trống: không có chữ số nào")[language]
        case .tooLong:
            let n = length.map(String.init) ?? "?"
            return LocalizedText(en: "too long (\(n) characters); a GTIN has 8, 12, 13 or 14 digits", vi: "quá dài (\(n) ký tự); mã GTIN có 8, 12, 13 hoặc 14 chữ số")[language]
        case .invalidCharacter:
            return LocalizedText(en: "character \(shown)\(at) is not a digit; only digits, spaces and hyphens are allowed", vi: "ký tự \(shown)\(at) không phải chữ số; chỉ được dùng chữ số, dấu cách và dấu gạch ngang")[language]
        case .nonASCIIDigit:
            let digit = character?.wholeNumberValue.map(String.init) ?? "?"
            return LocalizedText(en: "character \(shown)\(at) is a digit \(digit) from another script; type ASCII digits 0–9", vi: "ký tự \(shown)\(at) là chữ số \(digit) của hệ chữ khác; hãy nhập chữ số ASCII 0–9")[language]
        case .controlCharacter:
            return LocalizedText(en: "control character \(shown)\(at)", vi: "ký tự điều khiển \(shown)\(at)")[language]
        case .invalidEncoding:
            return LocalizedText(en: "not valid UTF-8\(at)", vi: "dữ liệu không phải UTF-8 hợp lệ\(at)")[language]
        case .wrongLength:
            let n = length.map(String.init) ?? "?"
            return LocalizedText(en: "\(n) digits; a GTIN has 8, 12, 13 or 14 digits and an ISBN-10 has 10", vi: "\(n) chữ số; mã GTIN có 8, 12, 13 hoặc 14 chữ số, ISBN-10 có 10")[language]
        case .checkDigitMismatch:
            let found = foundCheckDigit.map(String.init) ?? "?"
            let expected = expectedCheckDigit.map(String.init) ?? "?"
            let ai = applicationIdentifier.map { " (AI \($0))" } ?? ""
            return LocalizedText(en: "check digit\(ai) is \(found), expected \(expected)", vi: "số kiểm tra\(ai) là \(found), đúng ra phải là \(expected)")[language]
        case .invalidUPCE:
            return LocalizedText(en: "a UPC-E must start with 0 or 1", vi: "mã UPC-E phải bắt đầu bằng 0 hoặc 1")[language]
        case .misplacedX:
            return LocalizedText(en: "'X'\(at) may only be the last character of an ISBN-10", vi: "chữ 'X'\(at) chỉ được là ký tự cuối của ISBN-10")[language]
        case .malformedElementString:
            return (LocalizedText(en: "malformed GS1 element string: ", vi: "chuỗi dữ liệu GS1 sai cấu trúc: ")[language]) + message
        case .unknownApplicationIdentifier:
            return (LocalizedText(en: "unknown application identifier: ", vi: "mã định danh ứng dụng (AI) không xác định: ")[language]) + message
        case .invalidApplicationIdentifierValue:
            let ai = applicationIdentifier ?? "?"
            return (LocalizedText(en: "invalid value for AI (\(ai)): ", vi: "giá trị của AI (\(ai)) không hợp lệ: ")[language]) + message
        case .malformedDigitalLink:
            return (LocalizedText(en: "malformed GS1 Digital Link: ", vi: "GS1 Digital Link sai cấu trúc: ")[language]) + message
        default:
            return message
        }
    }

    /// "'A' (U+0041)" — the character and its code point, so invisible ones can be told apart.
    static func describe(_ character: Character) -> String {
        let scalar = character.unicodeScalars.first!
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let printable = scalar.properties.generalCategory != .control && scalar.value != 0
        return printable ? "'\(character)' (\(codePoint))" : codePoint
    }
}
