/// A GS1 Digital Link URI: a web address that carries GS1 identifiers in its path
/// (`/01/{gtin}/10/{batch}/21/{serial}`) and attributes in its query (`?17=261231&422=704`).
/// Any host is allowed; HangViet reads the identifiers and never fetches the address.
///
/// ```swift
/// let link = try DigitalLink.parse("https://id.example.com/01/08934563138165/10/LOT42?17=261231")!
/// link.elementString.gtin?.digits  // "8934563138165"
/// link.host                        // "id.example.com"
/// ```
public struct DigitalLink: Sendable, Hashable {
    /// The full URI as given.
    public let uri: String
    /// The host name (for display only; it proves nothing about the product).
    public let host: String
    /// The identifiers from the path and the AI attributes from the query, in that order.
    public let elementString: ElementString
    /// Query parameters that are not application identifiers (e.g. `linkType`), kept as given.
    public let otherParameters: [(name: String, value: String)]

    public static func == (lhs: DigitalLink, rhs: DigitalLink) -> Bool { lhs.uri == rhs.uri }
    public func hash(into hasher: inout Hasher) { hasher.combine(uri) }

    /// Short names used by older Digital Link URIs.
    static let shortNames: [String: String] = [
        "gtin": "01", "sscc": "00", "gln": "414", "cpv": "22", "lot": "10", "ser": "21", "grai": "8003",
        "giai": "8004", "gsrn": "8018", "gdti": "253", "ginc": "401", "gsin": "402", "itip": "8006",
    ]

    /// Parses `text` as a GS1 Digital Link.
    ///
    /// - Returns: nil when the text is not an http(s) URL with a GS1 primary key in its path
    ///   (it is then just a link).
    /// - Throws: ``GS1Error`` with code `.malformedDigitalLink` (or the AI's own error) when
    ///   the path has a primary key whose data or qualifiers are malformed.
    public static func parse(_ text: String) throws(GS1Error) -> DigitalLink? {
        let lower = text.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") { schemeLength = 8 } else if lower.hasPrefix("http://") { schemeLength = 7 } else { return nil }
        var rest = Substring(text.dropFirst(schemeLength))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = String(rest[..<slash])
        let segments = rest[slash...].split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let start = segments.indices.first(where: { i in
            let code = shortNames[segments[i]] ?? segments[i]
            return ApplicationIdentifier.digitalLinkPrimaryKeys.contains(code) && i + 1 < segments.count
        }) else { return nil }

        var elements: [ElementValue] = []
        var i = start
        while i < segments.count {
            let code = shortNames[segments[i]] ?? segments[i]
            guard let ai = ApplicationIdentifier.lookup(code) else {
                throw GS1Error(.malformedDigitalLink, "path segment \"\(segments[i])\" is not an application identifier",
                               applicationIdentifier: code)
            }
            guard i + 1 < segments.count else {
                throw GS1Error(.malformedDigitalLink, "AI (\(code)) in the path has no value", applicationIdentifier: code)
            }
            var value = try percentDecode(segments[i + 1], ai: code)
            if code == "01" || code == "02" {
                guard value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), [8, 12, 13, 14].contains(value.utf8.count) else {
                    throw GS1Error(.malformedDigitalLink, "AI (\(code)) must be a GTIN of 8, 12, 13 or 14 digits, not \"\(value)\"",
                                   applicationIdentifier: code)
                }
                value = value.leftPadded(to: 14)
            }
            elements.append(try ElementString.validate(ai, value))
            i += 2
        }
        var others: [(name: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = try percentDecode(parts.count > 1 ? String(parts[1]) : "", ai: name)
            if name.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let ai = ApplicationIdentifier.lookup(name) {
                elements.append(try ElementString.validate(ai, value))
            } else {
                others.append((name, value))
            }
        }
        return DigitalLink(uri: text, host: host, elementString: ElementString(elements: elements), otherParameters: others)
    }

    static func percentDecode(_ text: String, ai: String) throws(GS1Error) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) || text.utf8.contains(UInt8(ascii: "+")) else { return text }
        var out: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "%") {
                guard let h = bytes.next(), let l = bytes.next(), let hi = hexValue(h), let lo = hexValue(l) else {
                    throw GS1Error(.malformedDigitalLink, "bad percent-encoding in the value of (\(ai))", applicationIdentifier: ai)
                }
                out.append(hi << 4 | lo)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }
}
