import GS1

/// One fact a verdict rests on. Facts from GS1 numbers come from the tables compiled into
/// the `GS1` module; facts from the registry (brands, OCOP products, geographical
/// indications) arrive as ``RegistryFact`` and always name their source.
public enum Evidence: Sendable, Hashable {
    /// The number, normalised.
    case gtin(GTIN)
    /// The GS1 prefix range the number falls in (issuing organisation or special use).
    case prefix(GS1PrefixRange)
    /// For 893 numbers: the company prefix by GS1's length rules, or why it is unknown.
    case companyPrefix(VietnameseCompanyPrefix.Split)
    /// A Vietnamese ISBN's group, registrant and hyphenation.
    indirect case isbn(VietnameseISBN.Analysis)
    /// The ISSN of a 977 EAN.
    case issn(String)
    /// GS1 AI 422: declared country of origin (ISO 3166 numeric).
    case countryOfOrigin(code: Int, country: Country?)
    /// Other GS1 data carried with the code (batch, expiry, processing countries …).
    indirect case element(ElementValue)
    /// A GS1 Digital Link's host (the link itself is never fetched).
    indirect case digitalLink(host: String, uri: String)
    /// A web address that is not a Digital Link: untrusted, never fetched.
    case link(String)
    /// Free text from a scanned symbol.
    case text(String)
    /// Why the input is invalid.
    indirect case error(GS1Error)
    /// A fact from the local registry, with its source.
    indirect case registry(RegistryFact)
}

/// A fact from the registry (issue: registry). Every fact carries its source.
///
/// ```swift
/// RegistryFact(kind: .brand, name: "Acecook Việt Nam", detail: "Japanese-controlled (Acecook Co., Ltd)",
///              ownership: .foreignGroup, source: "https://…")
/// ```
public struct RegistryFact: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A brand or company known for this company prefix or GTIN.
        case brand
        /// A product record for this exact GTIN.
        case product
        /// OCOP ("Mỗi xã một sản phẩm", One Commune One Product): a provincial/national rating of local products, 3–5 stars.
        case ocop
        /// A geographical indication ("chỉ dẫn địa lý") protected in Viet Nam.
        case geographicalIndication = "geographical-indication"
    }

    /// What the registry says about who controls the brand.
    public enum Ownership: String, Sendable, Hashable, Codable {
        case vietnamese
        /// A foreign group owns or controls it (e.g. Acecook Việt Nam is Japanese-controlled).
        case foreignGroup = "foreign-group"
        /// Not verified: must not be presented as Vietnamese.
        case unverified
    }

    public var kind: Kind
    public var name: String
    public var detail: String?
    public var ownership: Ownership?
    /// Where the fact comes from (an address or a document).
    public var source: String
    /// Extra attributes (stars, province, certificate expiry …) as label/value pairs.
    public var attributes: [String: String]

    public init(kind: Kind, name: String, detail: String? = nil, ownership: Ownership? = nil, source: String,
                attributes: [String: String] = [:]) {
        self.kind = kind
        self.name = name
        self.detail = detail
        self.ownership = ownership
        self.source = source
        self.attributes = attributes
    }
}

/// Supplies registry evidence for a GTIN. The registry module implements it; the verdict
/// engine asks it once per code, so implementations answer from memory.
public protocol EvidenceProvider: Sendable {
    func facts(for gtin: GTIN) -> [RegistryFact]
}
