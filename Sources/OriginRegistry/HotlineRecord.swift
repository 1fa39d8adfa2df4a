import GRDB

/// A line or channel taking reports of counterfeit, smuggled or unsafe goods (kind `hotlines`;
/// table `hotline`), as imported; verdicts and `registry hotlines` read it as a ``Hotline``.
///
/// ```swift
/// // Resources/registry/hotlines.csv
/// // agency,parent_body,number_or_channel,channel_type,takes,scope,as_of,status_note,source,retrieved
/// // Tổng đài tư vấn, hỗ trợ người tiêu dùng,…,1800 6838,phone (toll-free …),…,national,2024 (…),…
/// ```
public struct HotlineRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable {
    public static let databaseTableName = "hotline"
    public var id: Int64?
    /// Identity: folded agency + number or channel.
    public var key: String
    public var agency: String
    public var parentBody: String?
    public var numberOrChannel: String
    public var channelType: String?
    public var takes: String?
    public var scope: String
    public var asOf: String
    public var statusNote: String?
    public var retrieved: String?
    public var origin: EntryOrigin
    public var sourceID: Int64

    enum CodingKeys: String, CodingKey {
        case id, key, agency, parentBody = "parent_body", numberOrChannel = "number_or_channel", channelType = "channel_type"
        case takes, scope, asOf = "as_of", statusNote = "status_note", retrieved, origin, sourceID = "source_id"
    }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The line as verdicts and `registry hotlines` show it.
    func hotline(source: RegistrySource) -> Hotline {
        Hotline(agency: agency, parentBody: parentBody, numberOrChannel: numberOrChannel, channelType: channelType, takes: takes,
                scope: scope, asOf: asOf, statusNote: statusNote, source: source.address, retrieved: retrieved ?? source.retrieved)
    }
}

/// Checks for hotline rows (kind `hotlines`).
extension RowValidator {
    static func hotline(_ cells: RowCells, _ reasons: inout [String]) -> HotlineRecord? {
        let agency = required(cells, "agency", &reasons)
        guard let number = cells["number_or_channel"] else {
            reasons.append("number_or_channel: empty — a hotline needs a number or a channel (an app, a web form, an e-mail address)")
            return nil
        }
        let scope = required(cells, "scope", &reasons)
        guard let asOf = cells["as_of"] else {
            reasons.append("as_of: empty — give when the number was last seen in use at its source (a year will do)")
            return nil
        }
        let retrieved = retrievedDate(cells, &reasons)
        return HotlineRecord(id: nil, key: TextFolding.fold(agency) + "|" + TextFolding.fold(number), agency: agency,
                             parentBody: cells["parent_body"], numberOrChannel: number, channelType: cells["channel_type"],
                             takes: cells["takes"], scope: scope, asOf: asOf, statusNote: cells["status_note"],
                             retrieved: retrieved, origin: .user, sourceID: 0)
    }
}
