import GS1

extension GS1Error {
    /// The error in `language`, for people: what is wrong and where.
    public func localizedMessage(_ language: Language) -> String {
        let vi = language == .vi
        let at = position.map { vi ? " ở vị trí \($0)" : " at position \($0)" } ?? ""
        let shown = character.map { Self.describe($0) } ?? "?"
        switch code {
        case .empty:
            return vi ? "dữ liệu trống: không có chữ số nào" : "empty input: no digits"
        case .tooLong:
            let n = length.map(String.init) ?? "?"
            return vi ? "quá dài (\(n) ký tự); mã GTIN có 8, 12, 13 hoặc 14 chữ số"
                      : "too long (\(n) characters); a GTIN has 8, 12, 13 or 14 digits"
        case .invalidCharacter:
            return vi ? "ký tự \(shown)\(at) không phải chữ số; chỉ được dùng chữ số, dấu cách và dấu gạch ngang"
                      : "character \(shown)\(at) is not a digit; only digits, spaces and hyphens are allowed"
        case .nonASCIIDigit:
            let digit = character?.wholeNumberValue.map(String.init) ?? "?"
            return vi ? "ký tự \(shown)\(at) là chữ số \(digit) của hệ chữ khác; hãy nhập chữ số ASCII 0–9"
                      : "character \(shown)\(at) is a digit \(digit) from another script; type ASCII digits 0–9"
        case .controlCharacter:
            return vi ? "ký tự điều khiển \(shown)\(at)" : "control character \(shown)\(at)"
        case .invalidEncoding:
            return vi ? "dữ liệu không phải UTF-8 hợp lệ\(at)" : "not valid UTF-8\(at)"
        case .wrongLength:
            let n = length.map(String.init) ?? "?"
            return vi ? "\(n) chữ số; mã GTIN có 8, 12, 13 hoặc 14 chữ số, ISBN-10 có 10"
                      : "\(n) digits; a GTIN has 8, 12, 13 or 14 digits and an ISBN-10 has 10"
        case .checkDigitMismatch:
            let found = foundCheckDigit.map(String.init) ?? "?"
            let expected = expectedCheckDigit.map(String.init) ?? "?"
            let ai = applicationIdentifier.map { " (AI \($0))" } ?? ""
            return vi ? "số kiểm tra\(ai) là \(found), đúng ra phải là \(expected)"
                      : "check digit\(ai) is \(found), expected \(expected)"
        case .invalidUPCE:
            return vi ? "mã UPC-E phải bắt đầu bằng 0 hoặc 1" : "a UPC-E must start with 0 or 1"
        case .misplacedX:
            return vi ? "chữ 'X'\(at) chỉ được là ký tự cuối của ISBN-10" : "'X'\(at) may only be the last character of an ISBN-10"
        case .malformedElementString:
            return (vi ? "chuỗi dữ liệu GS1 sai cấu trúc: " : "malformed GS1 element string: ") + message
        case .unknownApplicationIdentifier:
            return (vi ? "mã định danh ứng dụng (AI) không xác định: " : "unknown application identifier: ") + message
        case .invalidApplicationIdentifierValue:
            let ai = applicationIdentifier ?? "?"
            return (vi ? "giá trị của AI (\(ai)) không hợp lệ: " : "invalid value for AI (\(ai)): ") + message
        case .malformedDigitalLink:
            return (vi ? "GS1 Digital Link sai cấu trúc: " : "malformed GS1 Digital Link: ") + message
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
