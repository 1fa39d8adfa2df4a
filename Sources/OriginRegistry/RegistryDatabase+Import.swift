import GRDB

/// What an import did (or, with a dry run, would do).
public struct ImportSummary: Sendable, Hashable {
    public var kind: RegistryKind
    public var file: String
    /// Data rows in the file.
    public var rows: Int
    /// New entries.
    public var inserted = 0
    /// User entries replaced by a row with the same identity.
    public var updated = 0
    /// New entries that hide a seed entry with the same identity.
    public var overridingSeed = 0
    /// Rows merged into a later row of the same file with the same identity.
    public var duplicates: [ImportPlan.Duplicate] = []
    /// Rows left out because they are invalid (when importing the good rows alone).
    public var rejected: [RegistryError.RowProblem] = []
    public var unknownColumns: [String] = []
    public var dryRun = false
}

extension RegistryDatabase {
    /// Applies a checked plan in one transaction. Bad rows reject the whole file unless
    /// `skipInvalid`; a dry run does everything and then rolls back.
    ///
    /// Duplicate rule: entries have an identity (brand name + company prefix; GTIN; OCOP
    /// product + producer + province; GI registration number, else name + product). Inside a
    /// file the last row wins. An imported entry replaces the user's entry with the same
    /// identity, and hides (does not delete) a seed entry with the same identity.
    func apply(_ plan: ImportPlan, skipInvalid: Bool, dryRun: Bool, today: CalendarDate = .today()) throws(RegistryError) -> ImportSummary {
        var summary = try plan.summary(skipInvalid: skipInvalid, dryRun: dryRun)
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let existing = plan.kind == .ownership ? try Self.visibleEntries(.ownership, db) : []
                    let items = try plan.itemsWithoutAliasConflicts(existing: existing, skipInvalid: skipInvalid, summary: &summary)
                    let counts = try Self.insert(items, origin: .user, title: plan.fileName, retrieved: today.description, in: db)
                    summary.inserted = counts.inserted
                    summary.updated = counts.updated
                    summary.overridingSeed = counts.overridingSeed
                    try Self.deleteUnusedSources(db)
                    try Self.rebuildSearchIndex(db)
                    return dryRun ? .rollback : .commit
                }
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
        return summary
    }

    static func insert(_ items: [ImportPlan.Item], origin: EntryOrigin, title: String, retrieved: String?,
                       in db: Database) throws -> (inserted: Int, updated: Int, overridingSeed: Int) {
        var sources: [String: Int64] = [:]
        var inserted = 0, updated = 0, overriding = 0
        for item in items {
            let sourceID: Int64
            if let known = sources[item.source] {
                sourceID = known
            } else if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE address = ?", arguments: [item.source]) {
                sourceID = existing
                sources[item.source] = existing
            } else {
                var record = SourceRecord(id: nil, address: item.source, title: title, retrieved: retrieved,
                                          licence: RegistrySource.licence(forAddress: item.source))
                try record.insert(db)
                sourceID = record.id!
                sources[item.source] = sourceID
            }
            var entry = item.entry
            entry.setSource(sourceID, origin: origin)
            let table = entry.kind.table
            if origin == .user {
                try db.execute(sql: "DELETE FROM \(table) WHERE key = ? AND origin = 'user'", arguments: [entry.key])
                if db.changesCount > 0 {
                    updated += 1
                } else {
                    inserted += 1
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE key = ? AND origin = 'seed')", arguments: [entry.key]) == true {
                        overriding += 1
                    }
                }
            } else {
                inserted += 1
            }
            try entry.insert(into: db)
        }
        return (inserted, updated, overriding)
    }

    static func deleteUnusedSources(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM source WHERE id NOT IN (
                SELECT source_id FROM brand UNION SELECT source_id FROM product
                UNION SELECT source_id FROM ocop_product UNION SELECT source_id FROM geographical_indication
                UNION SELECT source_id FROM brand_ownership UNION SELECT source_id FROM recognition
                UNION SELECT source_id FROM hotline)
            """)
    }

    /// The visible entries of a kind: user entries, and seed entries no user entry hides.
    static func visibleSQL(_ kind: RegistryKind) -> String {
        "SELECT * FROM \(kind.table) AS e WHERE origin = 'user' OR NOT EXISTS (SELECT 1 FROM \(kind.table) AS u WHERE u.key = e.key AND u.origin = 'user') ORDER BY id"
    }

    static func visibleEntries(_ kind: RegistryKind, _ db: Database) throws -> [RegistryEntry] {
        // A file written before this kind existed, opened read-only (so not migrated), has no table for it.
        guard try db.tableExists(kind.table) else { return [] }
        return try entries(kind, sql: visibleSQL(kind), db)
    }

    /// Re-indexes every visible entry (a few thousand rows: milliseconds).
    static func rebuildSearchIndex(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search_index")
        let statement = try db.makeStatement(sql: "INSERT INTO search_index (kind, entry_id, text) VALUES (?, ?, ?)")
        for kind in RegistryKind.allCases {
            for entry in try visibleEntries(kind, db) {
                try statement.execute(arguments: [kind.rawValue, entry.databaseID, TextFolding.fold(entry.searchText)])
            }
        }
    }
}

extension RegistrySource {
    /// Open Food Facts data and its forks are under the Open Database License.
    package static func licence(forAddress address: String) -> String? {
        let folded = address.asciiLowercased
        return ["openfoodfacts", "lifyzer", "open food facts"].contains { folded.containsBytes($0) } ? "ODbL" : nil
    }
}
