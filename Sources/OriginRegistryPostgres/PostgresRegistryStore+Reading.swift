import Foundation
import OriginRegistry
import PostgresNIO

extension PostgresRegistryStore {
    /// The visible entries: user entries, and seed entries no user entry of the same kind and
    /// identity hides (the SQLite file's rule).
    static let visible = """
        (e.origin = 'user' OR NOT EXISTS (SELECT 1 FROM hangviet_entry u
            WHERE u.kind = e.kind AND u.key = e.key AND u.origin = 'user'))
        """

    /// The in-memory snapshot the verdicts read: two queries, whatever the registry's size.
    public func snapshot(asOf today: CalendarDate) throws(RegistryError) -> RegistrySnapshot {
        try versionedSnapshot(asOf: today).snapshot
    }

    /// The snapshot and the registry version it reflects, read in one REPEATABLE READ
    /// transaction, so that an import committing meanwhile is either wholly in it or not at all.
    public func versionedSnapshot(asOf today: CalendarDate) throws(RegistryError) -> (snapshot: RegistrySnapshot, version: Int64) {
        try transactionLock.withLock { _ throws(RegistryError) in
            try run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do throws(RegistryError) {
                let version = try self.version()
                let sources = try self.sources()
                let entries = try visibleEntriesInBulk()
                try run("COMMIT")
                return (RegistrySnapshot(entries: entries, sources: sources.mapValues(\.source), asOf: today), version)
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        }
    }

    public func entries(_ kind: RegistryKind) throws(RegistryError) -> [(entry: RegistryEntry, source: RegistrySource)] {
        try visibleEntries(kind: kind)
    }

    func visibleEntries(kind: RegistryKind) throws(RegistryError) -> [(entry: RegistryEntry, source: RegistrySource)] {
        let sources = try self.sources()
        return try select("WHERE e.kind = '\(kind.rawValue)' AND \(Self.visible)").map { ($0.entry, sources[$0.entry.sourceID]?.source ?? RegistrySource(address: "unknown")) }
    }

    public func userEntries() throws(RegistryError) -> [CopiedEntry] {
        let sources = try self.sources()
        return try select("WHERE e.origin = 'user'").map {
            CopiedEntry(entry: $0.entry, source: sources[$0.entry.sourceID]?.source ?? RegistrySource(address: "unknown"))
        }
    }

    public func entry(id: String) throws(RegistryError) -> (entry: RegistryEntry, source: RegistrySource, origin: EntryOrigin) {
        let parts = id.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let kind = RegistryKind(idPrefix: String(parts[0])), let number = Int64(parts[1]) else {
            throw RegistryError(.badQuery, "“\(id)” is not a registry ID. IDs look like brand:2, product:15, ocop:40, gi:1, ownership:3, recognition:2 or hotline:1;", remedy: .searchListsThem)
        }
        guard let found = try select("WHERE e.kind = '\(kind.rawValue)' AND e.id = \(number)").first else {
            throw RegistryError(.notFound, "No registry entry has the ID \(id).", remedy: .searchListsIDs)
        }
        let source = try sources()[found.entry.sourceID]?.source ?? RegistrySource(address: "unknown")
        return (found.entry, source, found.entry.origin)
    }

    /// Every word must begin a word of the entry's folded text (no diacritics, "đ" as "d"); when
    /// no entry has them all, entries with any of them, those with most words first. Each word
    /// is a `LIKE '% word%'` on the folded text, which the trigram index (migration v2) answers.
    public func search(_ text: String, limit: Int) throws(RegistryError) -> [SearchHit] {
        let words = TextFolding.fold(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            throw RegistryError(.badQuery, "Search for at least one letter or digit,", remedy: .exampleSearch)
        }
        let sources = try self.sources()
        func hits(all: Bool) throws(RegistryError) -> [SearchHit] {
            var bindings = PostgresBindings()
            var conditions: [String] = []
            for word in words {
                let escaped = word.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                bindings.append("% " + escaped + "%")
                conditions.append("(' ' || e.folded) LIKE $\(bindings.count)")
            }
            let matched = conditions.map { "(\($0))::int" }.joined(separator: " + ")
            let rows = try run(PostgresQuery(unsafeSQL: """
                SELECT e.id, e.kind, e.origin, e.source_id, e.record::text, \(matched) AS matched
                FROM hangviet_entry e
                WHERE \(Self.visible) AND (\(conditions.joined(separator: all ? " AND " : " OR ")))
                ORDER BY matched DESC, e.id LIMIT \(limit)
                """, binds: bindings))
            return try rows.map { row throws(RegistryError) in
                let entry = try Self.entry(row)
                var matched: Int64 = 0
                if let columns = try? row.decode((Int64, String, String, Int64, String, Int32).self) { matched = Int64(columns.5) }
                return SearchHit(entry: entry, source: sources[entry.sourceID]?.source ?? RegistrySource(address: "unknown"),
                                 rank: -Double(matched))
            }
        }
        let found = try hits(all: true)
        return found.isEmpty && words.count > 1 ? try hits(all: false) : found
    }

    public func stats(today: CalendarDate) throws(RegistryError) -> RegistryStats {
        let rejects = (try? Seed.plans(today: today))?.flatMap { plan in plan.problems.map { (plan.fileName, $0) } } ?? []
        var counts: [RegistryStats.Count] = []
        for kind in RegistryKind.allCases {
            // An ownership row carries its own retrieved date, as do these kinds; others take their source's.
            let date = [.ownership, .recognition, .hotlines, .ocop].contains(kind) ? "coalesce(e.record->>'retrieved', s.retrieved)" : "s.retrieved"
            let rows = try run(PostgresQuery(unsafeSQL: """
                SELECT count(*) FILTER (WHERE e.origin = 'seed'), count(*) FILTER (WHERE e.origin = 'user'),
                       count(*) FILTER (WHERE \(Self.visible)),
                       min(\(date)) FILTER (WHERE \(Self.visible)), max(\(date)) FILTER (WHERE \(Self.visible))
                FROM hangviet_entry e JOIN hangviet_source s ON s.id = e.source_id WHERE e.kind = '\(kind.rawValue)'
                """))
            var (seed, user, visible): (Int64, Int64, Int64) = (0, 0, 0)
            var (oldest, newest): (String?, String?) = (nil, nil)
            if let row = rows.first, let columns = try? row.decode((Int64, Int64, Int64, String?, String?).self) {
                (seed, user, visible, oldest, newest) = columns
            }
            counts.append(.init(kind: kind, seed: Int(seed), user: Int(user), visible: Int(visible),
                                oldestRetrieved: oldest, newestRetrieved: newest))
        }
        let sources = (try? run("SELECT count(*) FROM hangviet_source").first?.decode(Int64.self)) ?? 0
        let version = try run("SELECT value FROM hangviet_meta WHERE key = 'seed_version'").first.flatMap { try? $0.decode(String.self) }
        return RegistryStats(path: location, counts: counts, sources: Int(sources), seedVersion: version, seedRejects: rejects)
    }

    // MARK: - Rows

    /// Every visible entry, in the kinds' order, then as inserted. The rows come as JSON arrays
    /// of up to ``bulkChunk`` entries of one kind (decoding 100 000 rows one by one cost more
    /// than twice the SQLite load), decoded on every core at once.
    func visibleEntriesInBulk() throws(RegistryError) -> [RegistryEntry] {
        let rows = try run(PostgresQuery(unsafeSQL: """
            SELECT e.kind, json_agg(e.record || jsonb_build_object('id', e.id, 'origin', e.origin, 'source_id', e.source_id)
                                    ORDER BY e.id)::text
            FROM hangviet_entry e WHERE \(Self.visible)
            GROUP BY e.kind, e.id / \(Self.bulkChunk) ORDER BY e.kind, e.id / \(Self.bulkChunk)
            """))
        var chunks: [(kind: RegistryKind, json: String)] = []
        for row in rows {
            guard let (kindName, json) = try? row.decode((String, String).self) else { continue }
            guard let kind = RegistryKind(rawValue: kindName) else {
                throw RegistryError(.newerSchema, "The registry holds entries of kind \(kindName), unknown to this HangViet.", remedy: .updateOrUseAnotherFile)
            }
            chunks.append((kind, json))
        }
        let decoded = ResultSlots<[RegistryEntry], any Error>(count: chunks.count)
        let work = chunks
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            decoded.set(index, Result { try Self.decode(work[index].json, kind: work[index].kind) })
        }
        var byKind: [RegistryKind: [RegistryEntry]] = [:]
        for (index, result) in decoded.values.enumerated() {
            let kind = chunks[index].kind
            do {
                guard let entries = try result?.get() else { continue }   // every slot is set by then
                byKind[kind, default: []].append(contentsOf: entries)
            } catch {
                throw RegistryError(.database, "The registry's \(kind.rawValue) entries could not be read: \(error)")
            }
        }
        return RegistryKind.allCases.flatMap { byKind[$0] ?? [] }
    }

    /// Entries per JSON array: enough for the decoder to run long, small enough to share out.
    static let bulkChunk = 8192

    static func decode(_ json: String, kind: RegistryKind) throws -> [RegistryEntry] {
        let data = Data(json.utf8), decoder = JSONDecoder()
        return switch kind {
        case .brands: try decoder.decode([BrandRecord].self, from: data).map(RegistryEntry.brand)
        case .gtins: try decoder.decode([GTINRecord].self, from: data).map(RegistryEntry.gtin)
        case .ocop: try decoder.decode([OCOPRecord].self, from: data).map(RegistryEntry.ocop)
        case .gi: try decoder.decode([GeographicalIndicationRecord].self, from: data).map(RegistryEntry.geographicalIndication)
        case .ownership: try decoder.decode([BrandOwnershipRecord].self, from: data).map(RegistryEntry.ownership)
        case .recognition: try decoder.decode([RecognitionRecord].self, from: data).map(RegistryEntry.recognition)
        case .hotlines: try decoder.decode([HotlineRecord].self, from: data).map(RegistryEntry.hotline)
        }
    }

    /// Entries selected by `condition` (on `hangviet_entry e`), in the kinds' order, then as inserted.
    func select(_ condition: String) throws(RegistryError) -> [(entry: RegistryEntry, origin: EntryOrigin)] {
        let order = RegistryKind.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
        let rows = try run(PostgresQuery(unsafeSQL: """
            SELECT e.id, e.kind, e.origin, e.source_id, e.record::text FROM hangviet_entry e \(condition)
            ORDER BY CASE e.kind \(order) END, e.id
            """))
        return try rows.map { row throws(RegistryError) in
            let entry = try Self.entry(row)
            return (entry, entry.origin)
        }
    }

    /// One entry from a row `(id, kind, origin, source_id, record)`.
    static func entry(_ row: PostgresRow) throws(RegistryError) -> RegistryEntry {
        let id: Int64, kindName: String, originName: String, sourceID: Int64, json: String
        do {
            (id, kindName, originName, sourceID, json) = try row.decode((Int64, String, String, Int64, String).self)
        } catch {
            throw RegistryError(.database, "A registry row could not be read: \(error)")
        }
        guard let kind = RegistryKind(rawValue: kindName), let origin = EntryOrigin(rawValue: originName) else {
            throw RegistryError(.newerSchema, "The registry holds an entry of kind \(kindName), unknown to this HangViet.", remedy: .updateOrUseAnotherFile)
        }
        let data = Data(json.utf8)
        let decoder = JSONDecoder()
        var entry: RegistryEntry
        do {
            entry = switch kind {
            case .brands: .brand(try decoder.decode(BrandRecord.self, from: data))
            case .gtins: .gtin(try decoder.decode(GTINRecord.self, from: data))
            case .ocop: .ocop(try decoder.decode(OCOPRecord.self, from: data))
            case .gi: .geographicalIndication(try decoder.decode(GeographicalIndicationRecord.self, from: data))
            case .ownership: .ownership(try decoder.decode(BrandOwnershipRecord.self, from: data))
            case .recognition: .recognition(try decoder.decode(RecognitionRecord.self, from: data))
            case .hotlines: .hotline(try decoder.decode(HotlineRecord.self, from: data))
            }
        } catch {
            throw RegistryError(.database, "The registry entry \(kind.idPrefix):\(id) could not be read: \(error)")
        }
        entry.setSource(sourceID, origin: origin)
        entry.setID(id)
        return entry
    }

    /// Every source by ID, with its full record.
    func sources() throws(RegistryError) -> [Int64: (source: RegistrySource, address: String)] {
        var sources: [Int64: (source: RegistrySource, address: String)] = [:]
        for row in try run("SELECT id, address, title, retrieved, licence FROM hangviet_source") {
            guard let (id, address, title, retrieved, licence) = try? row.decode((Int64, String, String?, String?, String?).self) else { continue }
            sources[id] = (RegistrySource(address: address, title: title, retrieved: retrieved, licence: licence), address)
        }
        return sources
    }
}
