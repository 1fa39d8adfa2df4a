/// One application identifier with its data, validated and interpreted.
public struct ElementValue: Sendable, Hashable {
    /// What the data means, once validated.
    public enum Interpretation: Sendable, Hashable {
        case gtin(GTIN)
        /// A YYMMDD date; `day` 0 means the end of the month.
        case date(year: Int, month: Int, day: Int)
        /// A number with its decimal point placed ("1.250").
        case decimal(String)
        /// An ISO 3166 numeric country code and the country, if the code is known.
        case country(code: Int, country: Country?)
        /// Several ISO country codes (AI 423, 425).
        case countries([Int])
        /// Anything else: kept as text.
        case text
    }

    public let identifier: ApplicationIdentifier
    /// The data exactly as encoded.
    public let value: String
    public let interpretation: Interpretation

    /// The AI digits.
    public var code: String { identifier.code }
}

/// A GS1 element string: a sequence of AIs and their data, as found in GS1-128,
/// GS1 DataMatrix and GS1 QR Code symbols, or typed in its human-readable form.
///
/// ```swift
/// let es = try ElementString.parse("(01)08934563138165(10)LOT42(422)704")
/// es.gtin?.digits                  // "8934563138165"
/// es.countryOfOrigin?.numeric      // 704
/// try ElementString.parse("]Q3010893456313816510LOT42\u{1D}422704").value(for: "10")?.value // "LOT42"
/// ```
public struct ElementString: Sendable, Hashable {
    /// The ASCII group separator that stands for FNC1 between variable-length fields.
    public static let groupSeparator: UInt8 = 0x1D
    /// Symbology identifiers that announce GS1 data: GS1-128, DataBar, GS1 DataMatrix, GS1 QR, GS1 DotCode.
    public static let symbologyIdentifiers = ["]C1", "]e0", "]d2", "]Q3", "]J1"]

    public let elements: [ElementValue]

    public init(elements: [ElementValue]) { self.elements = elements }

    /// The first value for an AI.
    public func value(for code: String) -> ElementValue? { elements.first { $0.code == code } }

    /// The GTIN in AI 01 (or 02, the contained items' GTIN, when 01 is absent).
    public var gtin: GTIN? {
        for code in ["01", "02"] {
            if case .gtin(let gtin)? = value(for: code)?.interpretation { return gtin }
        }
        return nil
    }

    /// AI 422, country of origin — the only standard origin field in GS1 data.
    public var countryOfOrigin: (numeric: Int, country: Country?)? {
        if case .country(let code, let country)? = value(for: "422")?.interpretation { return (code, country) }
        return nil
    }

    /// Parses the raw form (optionally led by a symbology identifier, FNC1 as GS) or the
    /// human-readable "(01)…(10)…" form.
    public static func parse(_ text: String) throws(GS1Error) -> ElementString {
        if text.hasPrefix("(") { return try parseHumanReadable(text) }
        var bytes = Array(text.utf8)
        for identifier in symbologyIdentifiers where text.hasPrefix(identifier) {
            bytes.removeFirst(3)
            break
        }
        // A leading FNC1/GS is allowed and ignored; trailing CR/LF from scanners too.
        while bytes.first == groupSeparator { bytes.removeFirst() }
        while let last = bytes.last, last == 0x0D || last == 0x0A { bytes.removeLast() }
        return try parseRaw(bytes)
    }

    static func parseRaw(_ bytes: [UInt8]) throws(GS1Error) -> ElementString {
        guard !bytes.isEmpty else { throw GS1Error(.malformedElementString, "no data after the symbology identifier") }
        var elements: [ElementValue] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == groupSeparator { index += 1; continue }
            guard let ai = matchIdentifier(bytes, at: index) else {
                let shown = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
                throw GS1Error(.unknownApplicationIdentifier,
                               "no known application identifier at position \(index + 1) (\"\(shown)…\")", position: index + 1)
            }
            index += ai.code.count
            let end: Int
            if let fixed = ai.fixedLength, ai.isPredefinedLength {
                end = index + fixed
                guard end <= bytes.count else {
                    throw GS1Error(.invalidApplicationIdentifierValue,
                                   "AI (\(ai.code)) needs \(fixed) characters but only \(bytes.count - index) follow",
                                   applicationIdentifier: ai.code)
                }
            } else {
                var stop = index
                while stop < bytes.count && bytes[stop] != groupSeparator { stop += 1 }
                end = stop
            }
            let value = String(decoding: bytes[index..<end], as: UTF8.self)
            elements.append(try validate(ai, value))
            index = end
        }
        return ElementString(elements: elements)
    }

    static func parseHumanReadable(_ text: String) throws(GS1Error) -> ElementString {
        var elements: [ElementValue] = []
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            guard chars[index] == "(" else {
                throw GS1Error(.malformedElementString, "expected \"(\" at position \(index + 1)", position: index + 1)
            }
            var close = index + 1
            while close < chars.count && chars[close] != ")" { close += 1 }
            guard close < chars.count else {
                throw GS1Error(.malformedElementString, "unclosed \"(\" at position \(index + 1)", position: index + 1)
            }
            let code = String(chars[(index + 1)..<close])
            guard let ai = ApplicationIdentifier.lookup(code) else {
                throw GS1Error(.unknownApplicationIdentifier, "unknown application identifier (\(code))",
                               position: index + 1, applicationIdentifier: code)
            }
            // The value runs to the next "(" that opens a known AI.
            var stop = close + 1
            while stop < chars.count {
                if chars[stop] == "(", let next = chars[(stop + 1)...].firstIndex(of: ")"),
                   ApplicationIdentifier.lookup(String(chars[(stop + 1)..<next])) != nil {
                    break
                }
                stop += 1
            }
            elements.append(try validate(ai, String(chars[(close + 1)..<stop])))
            index = stop
        }
        guard !elements.isEmpty else { throw GS1Error(.malformedElementString, "no application identifiers found") }
        return ElementString(elements: elements)
    }

    private static func matchIdentifier(_ bytes: [UInt8], at index: Int) -> ApplicationIdentifier? {
        for length in 2...4 where index + length <= bytes.count {
            let slice = bytes[index..<(index + length)]
            guard slice.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            if let ai = ApplicationIdentifier.lookup(String(decoding: slice, as: UTF8.self)) { return ai }
        }
        return nil
    }

    /// Checks one AI's data against its format and interprets it.
    public static func validate(_ ai: ApplicationIdentifier, _ value: String) throws(GS1Error) -> ElementValue {
        func fail(_ why: String) -> GS1Error {
            GS1Error(.invalidApplicationIdentifierValue, "AI (\(ai.code)) \(ai.title): \(why)", applicationIdentifier: ai.code)
        }
        let bytes = Array(value.utf8)
        let isDigits = !bytes.isEmpty && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
        guard !bytes.isEmpty else { throw fail("no data") }
        guard bytes.count <= ai.maximumLength else { throw fail("\(bytes.count) characters, at most \(ai.maximumLength) allowed") }
        if let fixed = ai.fixedLength, bytes.count != fixed { throw fail("\(bytes.count) characters, exactly \(fixed) required") }
        var interpretation = ElementValue.Interpretation.text
        switch ai.format {
        case .numeric(_, _):
            guard isDigits else { throw fail("\"\(value)\" must be digits only") }
            if ai.code == "01" || ai.code == "02" {
                do throws(GS1Error) {
                    interpretation = .gtin(try GTIN.fromGTIN14(UInt64(value)!))
                } catch {
                    var wrapped = error
                    wrapped.message = "AI (\(ai.code)) GTIN: " + error.message
                    wrapped.applicationIdentifier = ai.code
                    throw wrapped
                }
            } else if ["00", "410", "411", "412", "413", "414", "415", "416", "417", "402", "8017", "8018"].contains(ai.code) {
                let number = UInt64(value.prefix(18))!
                let expected = CheckDigit.gs1(ofPayload: number / 10)
                if expected != UInt8(number % 10) {
                    var error = fail("check digit is \(number % 10) but the other digits require \(expected)")
                    error.code = .checkDigitMismatch
                    error.expectedCheckDigit = Character(String(expected))
                    error.foundCheckDigit = Character(String(number % 10))
                    throw error
                }
            }
        case .alphanumeric:
            guard bytes.allSatisfy({ $0 < 128 && characterSet82[Int($0)] }) else {
                throw fail("\"\(value)\" has characters outside GS1's character set")
            }
        case .date:
            guard isDigits else { throw fail("\"\(value)\" must be a YYMMDD date") }
            let n = Int(value)!
            let (year, month, day) = (n / 10000, n / 100 % 100, n % 100)
            guard (1...12).contains(month) else { throw fail("month \(month) is not 01-12") }
            guard day <= daysIn(month: month, twoDigitYear: year) else { throw fail("day \(day) does not exist in month \(month)") }
            interpretation = .date(year: year, month: month, day: day)
        case .decimal(_, let decimals), .variableDecimal(_, let decimals):
            guard isDigits else { throw fail("\"\(value)\" must be digits only") }
            interpretation = .decimal(placeDecimal(value, decimals))
        case .currencyAmount(_, let decimals):
            guard isDigits, bytes.count > 3 else { throw fail("\"\(value)\" must be a 3-digit currency and an amount") }
            interpretation = .decimal(String(value.prefix(3)) + " " + placeDecimal(String(value.dropFirst(3)), decimals))
        case .country:
            guard isDigits, let code = Int(value) else { throw fail("\"\(value)\" must be an ISO 3166 numeric country code") }
            interpretation = .country(code: code, country: Country(numericCode: code))
        case .countryList:
            guard isDigits, bytes.count % 3 == 0 else { throw fail("\"\(value)\" must be 1 to 5 three-digit country codes") }
            var codes: [Int] = []
            var rest = Substring(value)
            while !rest.isEmpty { codes.append(Int(rest.prefix(3))!); rest = rest.dropFirst(3) }
            interpretation = .countries(codes)
        case .gtinAndSerial:
            guard bytes.count >= 14, bytes[0..<14].allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw fail("must start with a 14-digit GTIN")
            }
        }
        return ElementValue(identifier: ai, value: value, interpretation: interpretation)
    }

    /// GS1 AI encodable character set 82: ! " % & ' ( ) * + , - . / 0–9 : ; < = > ? A–Z _ a–z.
    static let characterSet82: [Bool] = (0..<128).map { byte in
        let allowed = "!\"%&'()*+,-./:;<=>?_"
        if (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) { return true }
        return allowed.utf8.contains(UInt8(byte))
    }

    static func placeDecimal(_ digits: String, _ decimals: Int) -> String {
        guard decimals > 0 else { return digits }
        let padded = digits.count <= decimals ? String(repeating: "0", count: decimals - digits.count + 1) + digits : digits
        return "\(padded.dropLast(decimals)).\(padded.suffix(decimals))"
    }

    static func daysIn(month: Int, twoDigitYear: Int) -> Int {
        switch month {
        case 2: return twoDigitYear % 4 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
