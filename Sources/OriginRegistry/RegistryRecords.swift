import GRDB

/// Who put an entry in the registry.
public enum EntryOrigin: String, Sendable, Hashable, Codable, DatabaseValueConvertible {
    /// The curated seed bundled with HangViet (refreshed when HangViet's seed changes).
    case seed
    /// Imported by the user. A user entry with the same identity as a seed entry hides it.
    case user
}

/// A row of the `source` table: where entries come from.
struct SourceRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "source"
    var id: Int64?
    var address: String
    var title: String?
    var retrieved: String?
    var licence: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var source: RegistrySource { RegistrySource(address: address, title: title, retrieved: retrieved, licence: licence) }
}

/// A brand or company, with its GS1 company prefix where known.
public struct BrandRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "brand"
    public var id: Int64?
    /// Identity for duplicate detection: folded brand name + company prefix.
    public var key: String
    public var name: String
    public var company: String?
    /// The full GS1 company prefix (checked against GS1's length rules for 893).
    public var companyPrefix: String?
    /// Leading digits seen on the brand's products; not a company prefix (several companies can share them).
    public var prefixSeen: String?
    public var ownership: RegistryFact.Ownership
    public var ownershipNote: String?
    public var ownershipNoteVi: String?
    public var category: String?
    public var exampleGTIN: String?
    public var notes: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, name, company, companyPrefix = "company_prefix", prefixSeen = "prefix_seen", ownership
        case ownershipNote = "ownership_note", ownershipNoteVi = "ownership_note_vi", category
        case exampleGTIN = "example_gtin", notes, origin, sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension RegistryFact.Ownership: DatabaseValueConvertible {}

/// A registry entry for one GTIN (kind `gtins`; stored in the table `product`, with IDs `product:N`,
/// names kept from the first release so that files and links stay valid).
public struct GTINRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "product"
    public var id: Int64?
    /// The GTIN's 14-digit form (the identity).
    public var key: String
    /// The normalised digits (13 for an EAN-13).
    public var gtin: String
    public var name: String
    public var brand: String?
    public var geographicalIndication: String?
    public var notes: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, gtin, name, brand, geographicalIndication = "geographical_indication", notes, origin
        case sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An OCOP-rated product ("One Commune One Product", 3–5 stars, certificates valid 36 months).
public struct OCOPRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "ocop_product"
    public var id: Int64?
    /// Identity: folded name + producer + province.
    public var key: String
    public var name: String
    public var producer: String?
    public var province: String
    public var stars: Int?
    public var year: Int?
    public var decision: String?
    /// ISO dates.
    public var certifiedOn: String?
    public var expiresOn: String?
    public var revoked: Bool
    /// The product's GTIN-14, when the list gives a barcode.
    public var gtin: String?
    public var notes: String?
    /// When the source was read (ISO date).
    public var retrieved: String?
    /// Earlier ratings this one replaced, and ratings other sources disagree with, with their sources.
    public var history: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, name, producer, province, stars, year, decision, certifiedOn = "certified_on"
        case expiresOn = "expires_on", revoked, gtin, notes, retrieved, history, origin, sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A geographical indication protected in Viet Nam (Vietnamese or foreign).
public struct GeographicalIndicationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "geographical_indication"
    public var id: Int64?
    /// Identity: the registration number, or folded name + product when there is none.
    public var key: String
    /// The indication's name ("Phú Quốc"); nil when the source names only the product.
    public var name: String?
    public var product: String
    public var registrationNumber: String?
    public var applicationNumber: String?
    /// As the source gives it (a date, a year, or a note).
    public var granted: String?
    public var decision: String?
    public var holder: String?
    public var province: String?
    /// ISO 3166 alpha-2 ("VN" for Vietnamese indications).
    public var originCountry: String
    public var notes: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, name, product, registrationNumber = "registration_no", applicationNumber = "application_no"
        case granted, decision, holder, province, originCountry = "origin_country", notes, origin
        case sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
