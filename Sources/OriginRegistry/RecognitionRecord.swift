import GRDB

/// A recognition programme's award to an enterprise (kind `recognition`; table `recognition`):
/// Thương hiệu Quốc gia Việt Nam (Vietnam Value), Hàng Việt Nam chất lượng cao. An award proves
/// neither who owns a brand nor where goods were made; verdicts show it as recognition only.
///
/// ```swift
/// // Resources/registry/recognition.csv
/// // program,year,decision_or_event,enterprise,products_or_brands,province,notes,source,retrieved,status
/// // Thương hiệu Quốc gia Việt Nam (Vietnam Value),2024,QĐ 2776/QĐ-BCT,Công ty CP Sữa Việt Nam (Vinamilk),,,…
/// ```
public struct RecognitionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "recognition"

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
        case awarded
        /// The award was withdrawn (Asanzo's "Hàng Việt Nam chất lượng cao" mark, 21/6/2019).
        case revoked
    }

    public var id: Int64?
    /// Identity: folded programme + year + enterprise.
    public var key: String
    public var program: String
    public var year: Int?
    public var decision: String?
    /// The enterprise(s) named, as the source writes them ("(programme summary)" for a round's totals).
    public var enterprise: String
    public var products: String?
    public var province: String?
    public var status: Status
    public var notes: String?
    /// When the sources were read (ISO date).
    public var retrieved: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, program, year, decision, enterprise, products, province, status, notes, retrieved, origin
        case sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
