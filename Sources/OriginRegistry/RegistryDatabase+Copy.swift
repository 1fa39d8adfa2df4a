import GRDB

/// `registry copy`: the user's entries out of one store and into another.
extension RegistryDatabase {
    func userEntries() throws(RegistryError) -> [CopiedEntry] {
        do {
            return try writer.read { db in
                var records: [Int64: SourceRecord] = [:]
                for record in try SourceRecord.fetchAll(db) { records[record.id!] = record }
                var copied: [CopiedEntry] = []
                for kind in RegistryKind.allCases where try db.tableExists(kind.table) {
                    for entry in try Self.entries(kind, sql: "SELECT * FROM \(kind.table) WHERE origin = 'user' ORDER BY id", db) {
                        copied.append(CopiedEntry(entry: entry, source: records[entry.sourceID]?.source ?? RegistrySource(address: "unknown")))
                    }
                }
                return copied
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    func replaceUserEntries(_ entries: [CopiedEntry]) throws(RegistryError) {
        do {
            try writer.write { db in
                for kind in RegistryKind.allCases {
                    try db.execute(sql: "DELETE FROM \(kind.table) WHERE origin = 'user'")
                }
                var sources: [RegistrySource: Int64] = [:]
                for copied in entries {
                    let sourceID: Int64
                    if let known = sources[copied.source] {
                        sourceID = known
                    } else if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE address = ?", arguments: [copied.source.address]) {
                        sourceID = existing
                    } else {
                        var record = SourceRecord(id: nil, address: copied.source.address, title: copied.source.title,
                                                  retrieved: copied.source.retrieved, licence: copied.source.licence)
                        try record.insert(db)
                        sourceID = record.id!
                    }
                    sources[copied.source] = sourceID
                    var entry = copied.entry
                    entry.setSource(sourceID, origin: .user)
                    entry.setID(nil)
                    try entry.insert(into: db)
                }
                try Self.deleteUnusedSources(db)
                try Self.rebuildSearchIndex(db)
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    /// Entries of a kind selected by `sql` (a `SELECT *` from the kind's table).
    static func entries(_ kind: RegistryKind, sql: String, _ db: Database) throws -> [RegistryEntry] {
        switch kind {
        case .brands: return try BrandRecord.fetchAll(db, sql: sql).map(RegistryEntry.brand)
        case .gtins: return try GTINRecord.fetchAll(db, sql: sql).map(RegistryEntry.gtin)
        case .ocop: return try OCOPRecord.fetchAll(db, sql: sql).map(RegistryEntry.ocop)
        case .gi: return try GeographicalIndicationRecord.fetchAll(db, sql: sql).map(RegistryEntry.geographicalIndication)
        case .ownership: return try BrandOwnershipRecord.fetchAll(db, sql: sql).map(RegistryEntry.ownership)
        case .recognition: return try RecognitionRecord.fetchAll(db, sql: sql).map(RegistryEntry.recognition)
        case .hotlines: return try HotlineRecord.fetchAll(db, sql: sql).map(RegistryEntry.hotline)
        }
    }
}

extension RegistryEntry {
    /// Inserts the entry's record into its kind's table.
    func insert(into db: Database) throws {
        switch self {
        case .brand(var r): try r.insert(db)
        case .gtin(var r): try r.insert(db)
        case .ocop(var r): try r.insert(db)
        case .geographicalIndication(var r): try r.insert(db)
        case .ownership(var r): try r.insert(db)
        case .recognition(var r): try r.insert(db)
        case .hotline(var r): try r.insert(db)
        }
    }
}
