import GRDB

/// Who controls a brand sold in Viet Nam, by brand name (kind `ownership`; table
/// `brand_ownership`). Unlike ``BrandRecord`` it is not tied to a company prefix: verdicts find it
/// through the names a product or a company's brand list carries (see ``BrandNameIndex``).
///
/// ```swift
/// // Resources/registry/brand_ownership.csv
/// // brand,aliases,company,ownership,controlling_group,group_country,change_year,…
/// // Kinh Đô,Kinh Đô; Cosy; Solite; AFC,Công ty cổ phần Mondelez Kinh Đô Việt Nam,foreign-group,Mondelēz International,US,2015,…
/// ```
public struct BrandOwnershipRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "brand_ownership"

    /// What the sources say about who controls the brand.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
        /// Vietnamese-owned, as the sources state.
        case vietnamese
        /// A foreign group controls it.
        case foreignGroup = "foreign-group"
        /// Vietnamese and foreign owners with large stakes, or a Vietnamese operator of a foreign brand.
        case mixed
        /// A change of control announced but not verified as completed.
        case changing
        /// The sources name the owner but not its nationality.
        case notStated = "not-stated"
    }

    public var id: Int64?
    /// Identity: the folded brand name.
    public var key: String
    /// The brand as shown ("Kinh Đô").
    public var name: String
    /// Names a product may carry, separated by "; " ("Kinh Đô; Cosy; Solite; AFC"). The brand
    /// name itself need not be repeated.
    public var aliases: String?
    /// The company that makes or sells the brand in Viet Nam.
    public var company: String?
    public var status: Status
    /// The controlling group ("Mondelēz International").
    public var controllingGroup: String?
    /// ISO 3166 alpha-2 codes of the group's countries, "/"-separated ("JP/US").
    public var groupCountry: String?
    /// The year control changed hands (or, for `changing`, is planned to).
    public var changeYear: Int?
    /// The year the sources describe, when it is not recent ("as of 2016").
    public var asOf: Int?
    public var note: String?
    public var noteVi: String?
    /// Set when a Vietnamese-owned brand was found selling foreign-made goods as Vietnamese.
    public var originWarning: String?
    public var originWarningVi: String?
    public var category: String?
    public var notes: String?
    /// When the sources were read (ISO date).
    public var retrieved: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, name, aliases, company, status, controllingGroup = "controlling_group"
        case groupCountry = "group_country", changeYear = "change_year", asOf = "as_of", note, noteVi = "note_vi"
        case originWarning = "origin_warning", originWarningVi = "origin_warning_vi", category, notes, retrieved, origin
        case sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The brand name and its aliases, each once.
    public var allNames: [String] {
        var names = [name]
        for alias in (aliases ?? "").split(separator: ";") {
            let trimmed = String(alias).trimmingWhitespace()
            if !trimmed.isEmpty && !names.contains(trimmed) { names.append(trimmed) }
        }
        return names
    }

    /// The group's country codes ("JP/US" → ["JP", "US"]).
    public var countryCodes: [String] {
        (groupCountry ?? "").split(separator: "/").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A name folded for matching: apostrophes dropped ("Biti's" → "bitis"), then ``TextFolding``.
    public static func foldName(_ text: String) -> String {
        TextFolding.fold(text.replacingApostrophes)
    }
}

extension String {
    /// The text with ' and ’ removed, so "Biti's" and "Bitis" fold alike.
    var replacingApostrophes: String {
        guard utf8.contains(0x27) || contains("’") else { return self }
        return String(unicodeScalars.filter { $0 != "'" && $0 != "’" }.map(Character.init))
    }
}
