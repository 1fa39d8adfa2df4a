/// A fact from the registry about one GTIN: its product record, the brand or company behind its
/// company prefix, its OCOP rating or its geographical indication. Every fact names its source.
///
/// ```swift
/// let facts = snapshot.facts(for: try GTIN.parse("8934563138165"))
/// facts.map(\.kind)            // [.product, .brand]
/// facts[1].name                // "Công ty Cổ phần Acecook Việt Nam (Vina Acecook)"
/// facts[1].ownership           // .foreignGroup
/// facts[1].source.address      // "https://github.com/openfoodfacts/robotoff/… ; https://infonet.vietnamnet.vn/…"
/// ```
public final class RegistryFact: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A brand or company known for this company prefix.
        case brand
        /// A product record for this exact GTIN.
        case product
        /// OCOP ("Mỗi xã một sản phẩm", One Commune One Product): Viet Nam's rating of local
        /// products, 3 to 5 stars, certified by provinces (3–4★) or nationally (5★) for 36 months.
        case ocop
        /// A geographical indication ("chỉ dẫn địa lý"), protected by Viet Nam's IP office.
        case geographicalIndication = "geographical-indication"
        /// Who controls a brand the product's name, or its company's brand list, names
        /// (attribute `matched by`: `product-name`, `company-prefix` or `item-name`).
        case brandOwnership = "brand-ownership"
        /// An award of a recognition programme to the brand's owner (Thương hiệu Quốc gia, Hàng
        /// Việt Nam chất lượng cao): recognition, not ownership and not origin.
        case recognition
        /// A line taking reports of suspect goods (shown by `registry show`; verdicts name the
        /// national lines in a caveat instead).
        case hotline
    }

    /// What the registry says about who controls a brand.
    public enum Ownership: String, Sendable, Hashable, Codable, CaseIterable {
        /// The sources state Vietnamese ownership.
        case vietnamese
        /// A foreign group owns or controls it (e.g. Acecook Việt Nam is Japanese-controlled).
        case foreignGroup = "foreign-group"
        /// Not verified: must not be presented as Vietnamese.
        case unverified
    }

    /// A label/value pair shown with the fact (e.g. "company prefix" → "8934563").
    public struct Attribute: Sendable, Hashable {
        public let key: String
        public let value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The entry's ID for `hangviet registry show` (e.g. "brand:2").
    public let id: String
    public let kind: Kind
    public let name: String
    /// A short explanation in English and Vietnamese (ownership note, GI holder …).
    public let note: LocalizedNote?
    public let ownership: Ownership?
    /// For OCOP facts: stars, province and whether the certificate is current.
    public let ocop: OCOPStatus?
    public let attributes: [Attribute]
    public let source: RegistrySource
    /// True for a brand seen with a company prefix in crowd-sourced data (Open Food Facts tags)
    /// with no company named and no verified owner: a brand tag, not a company, shown as such and
    /// never ranked above one.
    public let isBrandTag: Bool
    /// For brand-ownership facts: the brand was found selling foreign-made goods as Vietnamese.
    public let originWarning: LocalizedNote?

    public init(id: String, kind: Kind, name: String, note: LocalizedNote? = nil, ownership: Ownership? = nil,
                ocop: OCOPStatus? = nil, attributes: [Attribute] = [], source: RegistrySource, isBrandTag: Bool = false,
                originWarning: LocalizedNote? = nil) {
        self.isBrandTag = isBrandTag
        self.originWarning = originWarning
        self.id = id
        self.kind = kind
        self.name = name
        self.note = note
        self.ownership = ownership
        self.ocop = ocop
        self.attributes = attributes
        self.source = source
    }

    public static func == (lhs: RegistryFact, rhs: RegistryFact) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.name == rhs.name && lhs.note == rhs.note && lhs.ownership == rhs.ownership
            && lhs.ocop == rhs.ocop && lhs.attributes == rhs.attributes && lhs.source == rhs.source && lhs.isBrandTag == rhs.isBrandTag
            && lhs.originWarning == rhs.originWarning)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { "\(kind.rawValue) \(id): \(name)" }

    /// An attribute's value by key.
    public subscript(attribute key: String) -> String? { attributes.first { $0.key == key }?.value }
}

/// A note in English and, where the source gave one or it was translated, Vietnamese.
public struct LocalizedNote: Sendable, Hashable {
    public let en: String
    public let vi: String?
    public init(en: String, vi: String? = nil) {
        self.en = en
        self.vi = vi
    }
}

/// Where a registry entry comes from.
public struct RegistrySource: Sendable, Hashable, Codable {
    /// One or more addresses or document references (the seed separates several with " ; ").
    public let address: String
    public let title: String?
    /// When it was read, as an ISO date, where known.
    public let retrieved: String?
    /// The licence of the data, where it is not public-domain fact (e.g. "ODbL" for Open Food Facts).
    public let licence: String?

    public init(address: String, title: String? = nil, retrieved: String? = nil, licence: String? = nil) {
        self.address = address
        self.title = title
        self.retrieved = retrieved
        self.licence = licence
        self.addresses = RegistrySource.split(address)
        self.licenceIsInAddress = licence.map { address.containsBytes($0) } ?? false
    }

    /// The addresses, split (done once, when the source is made).
    public let addresses: [String]
    /// True when the address already names the licence (so displays need not repeat it).
    public let licenceIsInAddress: Bool

    enum CodingKeys: String, CodingKey { case address, title, retrieved, licence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(address: try container.decode(String.self, forKey: .address),
                  title: try container.decodeIfPresent(String.self, forKey: .title),
                  retrieved: try container.decodeIfPresent(String.self, forKey: .retrieved),
                  licence: try container.decodeIfPresent(String.self, forKey: .licence))
    }

    /// Splits "a ; b ; c" on the byte level (the seed's separator for several addresses).
    public static func split(_ address: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        let bytes = Array(address.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x3B && index > 0 && bytes[index - 1] == 0x20 && index + 1 < bytes.count && bytes[index + 1] == 0x20 {
                parts.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                index += 2
                continue
            }
            current.append(bytes[index])
            index += 1
        }
        parts.append(String(decoding: current, as: UTF8.self))
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
