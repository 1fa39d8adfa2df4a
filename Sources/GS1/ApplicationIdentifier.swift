/// A GS1 Application Identifier (AI): the numeric prefix that says what the data after it
/// means in a GS1-128, GS1 DataMatrix, GS1 QR Code or GS1 Digital Link (e.g. 01 = GTIN,
/// 10 = batch, 17 = expiry date, 422 = country of origin).
///
/// ```swift
/// ApplicationIdentifier.lookup("422")?.title  // "ORIGIN"
/// ApplicationIdentifier.lookup("3103")?.format // .decimal(digits: 6, decimals: 3)
/// ```
public struct ApplicationIdentifier: Sendable, Hashable {
    /// How an AI's data is written.
    public enum Format: Sendable, Hashable {
        /// Exactly `length` digits (fixed) or 1…`length` digits (`variable`).
        case numeric(length: Int, variable: Bool)
        /// Up to `maxLength` characters of GS1's character set 82.
        case alphanumeric(maxLength: Int)
        /// YYMMDD; DD may be 00 ("end of month").
        case date
        /// `digits` digits with `decimals` implied decimal places (310n–316n: 6 digits, n places).
        case decimal(digits: Int, decimals: Int)
        /// 1…15 digits with `decimals` implied decimal places (392n).
        case variableDecimal(maxDigits: Int, decimals: Int)
        /// ISO 3166 numeric country code (3 digits).
        case country
        /// One to five ISO country codes, three digits each (423, 425).
        case countryList
        /// ISO 4217 currency (3 digits) then an amount with `decimals` places (391n, 393n).
        case currencyAmount(maxDigits: Int, decimals: Int)
        /// A 14-digit GTIN followed by up to `maxLength` characters (8003 GRAI).
        case gtinAndSerial(maxLength: Int)
    }

    /// The AI digits ("01", "3103", "8200").
    public let code: String
    /// GS1's data title ("GTIN", "BATCH/LOT", "ORIGIN").
    public let title: String
    /// English meaning.
    public let meaning: String
    public let format: Format
    /// True when the AI belongs to GS1's predefined-length list, so that no FNC1 separator follows it.
    public let isPredefinedLength: Bool

    /// The number of data characters, when fixed.
    public var fixedLength: Int? {
        switch format {
        case .numeric(let length, false): return length
        case .date: return 6
        case .decimal(let digits, _): return digits
        case .country: return 3
        default: return nil
        }
    }

    /// Longest data allowed.
    public var maximumLength: Int {
        switch format {
        case .numeric(let length, _): return length
        case .alphanumeric(let max): return max
        case .date: return 6
        case .decimal(let digits, _): return digits
        case .variableDecimal(let max, _): return max
        case .country: return 3
        case .countryList: return 15
        case .currencyAmount(let max, _): return 3 + max
        case .gtinAndSerial(let max): return 14 + max
        }
    }

    /// Finds an AI by its digits.
    public static func lookup(_ code: some StringProtocol) -> ApplicationIdentifier? { table[String(code)] }

    /// Primary keys that may start a GS1 Digital Link path.
    public static let digitalLinkPrimaryKeys: Set<String> = ["01", "00", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8013", "8017", "8018"]

    /// First two digits of the AIs in GS1's predefined-length table (no FNC1 after them).
    static let predefinedLengthStarts: Set<String> = ["00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "31", "32", "33", "34", "35", "36", "41"]

    static let table: [String: ApplicationIdentifier] = {
        var list: [(String, String, String, Format)] = [
            ("00", "SSCC", "Serial Shipping Container Code", .numeric(length: 18, variable: false)),
            ("01", "GTIN", "Global Trade Item Number", .numeric(length: 14, variable: false)),
            ("02", "CONTENT", "GTIN of the trade items contained", .numeric(length: 14, variable: false)),
            ("10", "BATCH/LOT", "Batch or lot number", .alphanumeric(maxLength: 20)),
            ("11", "PROD DATE", "Production date", .date),
            ("12", "DUE DATE", "Due date", .date),
            ("13", "PACK DATE", "Packaging date", .date),
            ("15", "BEST BEFORE or BEST BY", "Best before date", .date),
            ("16", "SELL BY", "Sell by date", .date),
            ("17", "USE BY or EXPIRY", "Expiration date", .date),
            ("20", "VARIANT", "Internal product variant", .numeric(length: 2, variable: false)),
            ("21", "SERIAL", "Serial number", .alphanumeric(maxLength: 20)),
            ("22", "CPV", "Consumer product variant", .alphanumeric(maxLength: 20)),
            ("235", "TPX", "Third-party controlled, serialised extension of GTIN", .alphanumeric(maxLength: 28)),
            ("240", "ADDITIONAL ID", "Additional product identification", .alphanumeric(maxLength: 30)),
            ("241", "CUST. PART No.", "Customer part number", .alphanumeric(maxLength: 30)),
            ("250", "SECONDARY SERIAL", "Secondary serial number", .alphanumeric(maxLength: 30)),
            ("251", "REF. TO SOURCE", "Reference to source entity", .alphanumeric(maxLength: 30)),
            ("253", "GDTI", "Global Document Type Identifier", .alphanumeric(maxLength: 30)),
            ("254", "GLN EXTENSION COMPONENT", "GLN extension component", .alphanumeric(maxLength: 20)),
            ("255", "GCN", "Global Coupon Number", .numeric(length: 25, variable: true)),
            ("30", "VAR. COUNT", "Variable count of items", .numeric(length: 8, variable: true)),
            ("37", "COUNT", "Count of trade items contained", .numeric(length: 8, variable: true)),
            ("400", "ORDER NUMBER", "Customer's purchase order number", .alphanumeric(maxLength: 30)),
            ("401", "GINC", "Global Identification Number for Consignment", .alphanumeric(maxLength: 30)),
            ("402", "GSIN", "Global Shipment Identification Number", .numeric(length: 17, variable: false)),
            ("403", "ROUTE", "Routing code", .alphanumeric(maxLength: 30)),
            ("410", "SHIP TO LOC", "Ship to / deliver to GLN", .numeric(length: 13, variable: false)),
            ("411", "BILL TO", "Bill to / invoice to GLN", .numeric(length: 13, variable: false)),
            ("412", "PURCHASE FROM", "Purchased from GLN", .numeric(length: 13, variable: false)),
            ("413", "SHIP FOR LOC", "Ship for / deliver for / forward to GLN", .numeric(length: 13, variable: false)),
            ("414", "LOC No.", "Identification of a physical location (GLN)", .numeric(length: 13, variable: false)),
            ("415", "PAY TO", "GLN of the invoicing party", .numeric(length: 13, variable: false)),
            ("416", "PROD/SERV LOC", "GLN of the production or service location", .numeric(length: 13, variable: false)),
            ("417", "PARTY", "Party GLN", .numeric(length: 13, variable: false)),
            ("420", "SHIP TO POST", "Ship to / deliver to postal code", .alphanumeric(maxLength: 20)),
            ("422", "ORIGIN", "Country of origin of a trade item", .country),
            ("423", "COUNTRY - INITIAL PROCESS.", "Country of initial processing", .countryList),
            ("424", "COUNTRY - PROCESS.", "Country of processing", .country),
            ("425", "COUNTRY - DISASSEMBLY", "Country of disassembly", .countryList),
            ("426", "COUNTRY – FULL PROCESS", "Country covering the full process chain", .country),
            ("427", "ORIGIN SUBDIVISION", "Country subdivision of origin", .alphanumeric(maxLength: 3)),
            ("7003", "EXPIRY TIME", "Expiration date and time", .numeric(length: 10, variable: false)),
            ("8003", "GRAI", "Global Returnable Asset Identifier", .gtinAndSerial(maxLength: 16)),
            ("8004", "GIAI", "Global Individual Asset Identifier", .alphanumeric(maxLength: 30)),
            ("8005", "PRICE PER UNIT", "Price per unit of measure", .numeric(length: 6, variable: false)),
            ("8006", "ITIP", "Identification of an individual trade item piece", .numeric(length: 18, variable: false)),
            ("8008", "PROD TIME", "Date and time of production", .numeric(length: 12, variable: true)),
            ("8010", "CPID", "Component/part identifier", .alphanumeric(maxLength: 30)),
            ("8013", "GMN", "Global Model Number", .alphanumeric(maxLength: 25)),
            ("8017", "GSRN - PROVIDER", "Global Service Relation Number (provider)", .numeric(length: 18, variable: false)),
            ("8018", "GSRN - RECIPIENT", "Global Service Relation Number (recipient)", .numeric(length: 18, variable: false)),
            ("8020", "REF No.", "Payment slip reference number", .alphanumeric(maxLength: 25)),
            ("8200", "PRODUCT URL", "Extended packaging URL", .alphanumeric(maxLength: 70)),
            ("90", "INTERNAL", "Information mutually agreed between trading partners", .alphanumeric(maxLength: 30)),
        ]
        let measures: [(String, String, String)] = [
            ("310", "NET WEIGHT (kg)", "Net weight, kilograms"), ("311", "LENGTH (m)", "Length or first dimension, metres"),
            ("312", "WIDTH (m)", "Width, diameter or second dimension, metres"), ("313", "HEIGHT (m)", "Depth, thickness, height or third dimension, metres"),
            ("314", "AREA (m²)", "Area, square metres"), ("315", "NET VOLUME (l)", "Net volume, litres"),
            ("316", "NET VOLUME (m³)", "Net volume, cubic metres"),
        ]
        for (stem, title, meaning) in measures {
            for n in 0...5 { list.append(("\(stem)\(n)", title, meaning, .decimal(digits: 6, decimals: n))) }
        }
        for n in 0...9 {
            list.append(("390\(n)", "AMOUNT", "Amount payable, local currency", .variableDecimal(maxDigits: 15, decimals: n)))
            list.append(("391\(n)", "AMOUNT", "Amount payable with ISO currency code", .currencyAmount(maxDigits: 15, decimals: n)))
            list.append(("392\(n)", "PRICE", "Amount payable for a variable measure trade item, single currency", .variableDecimal(maxDigits: 15, decimals: n)))
            list.append(("393\(n)", "PRICE", "Amount payable for a variable measure trade item, with ISO currency code", .currencyAmount(maxDigits: 15, decimals: n)))
        }
        for n in 91...99 { list.append(("\(n)", "INTERNAL", "Company internal information", .alphanumeric(maxLength: 90))) }
        var table: [String: ApplicationIdentifier] = [:]
        for (code, title, meaning, format) in list {
            table[code] = ApplicationIdentifier(code: code, title: title, meaning: meaning, format: format,
                                                isPredefinedLength: predefinedLengthStarts.contains(String(code.prefix(2))))
        }
        return table
    }()
}
