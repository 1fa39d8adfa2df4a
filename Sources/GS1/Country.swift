/// An ISO 3166-1 country (Resources/iso3166_countries.csv, from Debian's iso-codes).
///
/// ```swift
/// Country(numericCode: 704)?.name   // "Viet Nam"
/// Country(alpha2: "JP")?.numeric    // 392
/// ```
public struct Country: Sendable, Hashable {
    public let numeric: Int
    public let alpha2: String
    public let alpha3: String
    /// English short name.
    public let name: String

    /// Viet Nam: numeric 704, alpha-2 VN.
    public static let vietnamNumeric = 704

    private static let byNumeric: [Int: Country] = Dictionary(all.map { ($0.numeric, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byAlpha2: [String: Country] = Dictionary(all.map { ($0.alpha2, $0) }, uniquingKeysWith: { a, _ in a })

    /// Looks a country up by its ISO 3166-1 numeric code (as GS1 AI 422 carries it).
    public init?(numericCode: Int) {
        guard let country = Self.byNumeric[numericCode] else { return nil }
        self = country
    }

    /// Looks a country up by its alpha-2 code.
    public init?(alpha2: String) {
        guard let country = Self.byAlpha2[alpha2.uppercased()] else { return nil }
        self = country
    }

    init(numeric: Int, alpha2: String, alpha3: String, name: String) {
        self.numeric = numeric
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.name = name
    }
}
