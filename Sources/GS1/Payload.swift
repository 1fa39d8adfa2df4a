/// What a code's text turned out to be: the first step from a scanned or typed code to a verdict.
///
/// ```swift
/// try Payload.classify("8934563138165")                      // .gtin(EAN-13 …)
/// try Payload.classify("(01)08934563138165(422)704")         // .elementString(…)
/// try Payload.classify("https://example.com/01/08934563138165") // .digitalLink(…)
/// try Payload.classify("Xin chào", origin: .scanned)          // .text("Xin chào")
/// ```
public enum Payload: Sendable, Hashable {
    case gtin(GTIN)
    case elementString(ElementString)
    case digitalLink(DigitalLink)
    /// A web address that is not a GS1 Digital Link: kept as an untrusted link, never fetched.
    case url(String)
    /// Free text (only from scanned symbols such as QR codes).
    case text(String)

    /// Where the text came from, which decides how strict classification is.
    public enum Origin: Sendable {
        /// Typed by a person or read from a file: free text is an error.
        case typed
        /// Decoded from a symbol: free text is reported as text.
        case scanned
    }

    /// The longest text classified; longer input is refused before any work (a 1 MB line, say).
    public static let maximumLength = 4096

    /// Classifies a code's text.
    public static func classify(_ text: String, origin: Origin = .typed, hint: GTIN.Format? = nil) throws(GS1Error) -> Payload {
        let utf8 = text.utf8
        if utf8.count > maximumLength {
            if origin == .scanned { return .text(text) }
            throw GS1Error(.tooLong, "\(utf8.count) bytes: far longer than any code (at most \(maximumLength))", length: utf8.count)
        }
        // Fastest path: a native string of digits, spaces and hyphens: one scan gives the
        // number and its check sum.
        if let scan = utf8.withContiguousStorageIfAvailable({ GTIN.scanDigits($0) }),
           scan.problem == .none, !scan.sawX, scan.count <= 14 {
            return .gtin(try GTIN.parse(scan, text: text, hint: hint))
        }
        // Digits, spaces and hyphens only → GTIN (or an all-digit element string).
        func scan<S: Sequence<UInt8>>(_ bytes: S) -> (digits: Int, onlyNumeric: Bool) {
            var digits = 0
            for byte in bytes {
                if byte >= 48 && byte <= 57 { digits += 1 } else if byte != 32 && byte != 45 { return (digits, false) }
            }
            return (digits, true)
        }
        // Native strings give their bytes in one buffer; scanning that is much faster than the UTF-8 view.
        let (digitCount, onlyNumeric) = utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(utf8)
        if onlyNumeric {
            if digitCount > 14 && digitCount == utf8.count, let es = try? ElementString.parse(text), es.gtin != nil {
                return .elementString(es)
            }
            return .gtin(try GTIN.parse(text, as: hint))
        }
        let trimmed = origin == .typed ? trimmingSpaces(text) : text
        if trimmed.utf8.contains(ElementString.groupSeparator)
            || ElementString.symbologyIdentifiers.contains(where: { trimmed.hasPrefix($0) }) {
            return .elementString(try ElementString.parse(trimmed))
        }
        if trimmed.hasPrefix("("), trimmed.dropFirst().prefix(while: { $0.isASCII && $0.isNumber }).count >= 2 {
            return .elementString(try ElementString.parse(trimmed))
        }
        let lower = trimmed.prefix(8).lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            if let link = try DigitalLink.parse(trimmed) { return .digitalLink(link) }
            return .url(trimmed)
        }
        if origin == .scanned { return .text(text) }
        return .gtin(try GTIN.parse(trimmed, as: hint))
    }

    static func trimmingSpaces(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return String(text[first...last])
    }
}
