import Foundation
import OriginRegistry
import PostgresNIO

extension PostgresRegistryStore {
    /// Applies a checked plan in one transaction, with the SQLite file's rules: bad rows reject
    /// the whole file unless `skipInvalid`; an imported entry replaces the user's entry with the
    /// same identity and hides a seed entry with the same identity; a dry run rolls back.
    public func apply(_ plan: ImportPlan, skipInvalid: Bool, dryRun: Bool, today: CalendarDate) throws(RegistryError) -> ImportSummary {
        var summary = try plan.summary(skipInvalid: skipInvalid, dryRun: dryRun)
        return try transaction(commit: { _ in !dryRun }) { () throws(RegistryError) -> ImportSummary in
            let existing = plan.kind == .ownership ? try visibleEntries(kind: .ownership).map(\.entry) : []
            let items = try plan.itemsWithoutAliasConflicts(existing: existing, skipInvalid: skipInvalid, summary: &summary)
            // Which identities already have a user entry, or a seed entry.
            let keys = items.map(\.entry.key)
            let rows = try run("""
                SELECT key, bool_or(origin = 'user'), bool_or(origin = 'seed') FROM hangviet_entry
                WHERE kind = \(plan.kind.rawValue) AND key = ANY(\(keys)) GROUP BY key
                """)
            var present: [String: (user: Bool, seed: Bool)] = [:]
            for row in rows {
                if let (key, user, seed) = try? row.decode((String, Bool, Bool).self) { present[key] = (user, seed) }
            }
            for key in keys {
                let found = present[key]
                if found?.user == true {
                    summary.updated += 1
                } else {
                    summary.inserted += 1
                    if found?.seed == true { summary.overridingSeed += 1 }
                }
            }
            try run("DELETE FROM hangviet_entry WHERE origin = 'user' AND kind = \(plan.kind.rawValue) AND key = ANY(\(keys))")
            try insert(items.map { item in
                (item.entry, RegistrySource(address: item.source, title: plan.fileName, retrieved: today.description,
                                            licence: RegistrySource.licence(forAddress: item.source)))
            }, origin: .user)
            try deleteUnusedSources()
            try bumpVersion()
            return summary
        }
    }

    public func replaceUserEntries(_ entries: [CopiedEntry]) throws(RegistryError) {
        try transaction { () throws(RegistryError) in
            try run("DELETE FROM hangviet_entry WHERE origin = 'user'")
            try insert(entries.map { ($0.entry, $0.source) }, origin: .user)
            try deleteUnusedSources()
            try bumpVersion()
        }
    }

    /// Inserts entries and any sources not yet stored (an existing source, by address, keeps
    /// its first title and date, as in the SQLite file), in two statements whatever the count.
    func insert(_ entries: [(entry: RegistryEntry, source: RegistrySource)], origin: EntryOrigin) throws(RegistryError) {
        guard !entries.isEmpty else { return }
        var seen = Set<String>()
        let sources = entries.map(\.source).filter { seen.insert($0.address).inserted }
        try run("""
            INSERT INTO hangviet_source (address, title, retrieved, licence)
            SELECT a, NULLIF(t, ''), NULLIF(r, ''), NULLIF(l, '')
            FROM unnest(\(sources.map(\.address))::text[], \(sources.map { $0.title ?? "" })::text[],
                        \(sources.map { $0.retrieved ?? "" })::text[], \(sources.map { $0.licence ?? "" })::text[]) AS s(a, t, r, l)
            ON CONFLICT (address) DO NOTHING
            """)
        var ids: [String: Int64] = [:]
        for row in try run("SELECT id, address FROM hangviet_source WHERE address = ANY(\(sources.map(\.address)))") {
            if let (id, address) = try? row.decode((Int64, String).self) { ids[address] = id }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var kinds: [String] = [], keys: [String] = [], sourceIDs: [Int64] = [], records: [String] = [], folded: [String] = []
        for (entry, source) in entries {
            guard let sourceID = ids[source.address] else {
                throw RegistryError(.database, "The registry \(location) lost the source \(source.address) while importing.", path: location)
            }
            var entry = entry
            entry.setSource(sourceID, origin: origin)
            entry.setID(nil)
            kinds.append(entry.kind.rawValue)
            keys.append(entry.key)
            sourceIDs.append(sourceID)
            records.append(try Self.json(entry, encoder))
            folded.append(TextFolding.fold(entry.searchText))
        }
        try run("""
            INSERT INTO hangviet_entry (kind, key, origin, source_id, record, folded)
            SELECT k, y, \(origin.rawValue), s, r::jsonb, f
            FROM unnest(\(kinds)::text[], \(keys)::text[], \(sourceIDs)::int8[], \(records)::text[], \(folded)::text[])
                 WITH ORDINALITY AS e(k, y, s, r, f, n)
            ORDER BY n
            """)
    }

    func deleteUnusedSources() throws(RegistryError) {
        try run("DELETE FROM hangviet_source s WHERE NOT EXISTS (SELECT 1 FROM hangviet_entry e WHERE e.source_id = s.id)")
    }

    static func json(_ entry: RegistryEntry, _ encoder: JSONEncoder) throws(RegistryError) -> String {
        do {
            let data: Data = switch entry {
            case .brand(let r): try encoder.encode(r)
            case .gtin(let r): try encoder.encode(r)
            case .ocop(let r): try encoder.encode(r)
            case .geographicalIndication(let r): try encoder.encode(r)
            case .ownership(let r): try encoder.encode(r)
            case .recognition(let r): try encoder.encode(r)
            case .hotline(let r): try encoder.encode(r)
            }
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw RegistryError(.database, "Cannot encode \(entry.id) for PostgreSQL: \(error)")
        }
    }
}
