import GRDB

/// One search result.
public struct SearchHit: Sendable, Hashable {
    public let entry: RegistryEntry
    public let source: RegistrySource
    /// SQLite FTS5's bm25 rank: lower is better.
    public let rank: Double
    /// The entry's ID for `registry show`.
    public var id: String { entry.id }

    package init(entry: RegistryEntry, source: RegistrySource, rank: Double) {
        self.entry = entry
        self.source = source
        self.rank = rank
    }
}

/// Counts for `registry stats`.
public struct RegistryStats: Sendable, Hashable {
    public struct Count: Sendable, Hashable {
        public let kind: RegistryKind
        public let seed: Int
        public let user: Int
        /// Entries shown (user entries hide seed entries with the same identity).
        public let visible: Int
        /// The oldest and newest dates the visible entries' sources were retrieved (ISO dates),
        /// where they say; nil when none does.
        public var oldestRetrieved: String? = nil
        public var newestRetrieved: String? = nil

        package init(kind: RegistryKind, seed: Int, user: Int, visible: Int, oldestRetrieved: String? = nil, newestRetrieved: String? = nil) {
            self.kind = kind
            self.seed = seed
            self.user = user
            self.visible = visible
            self.oldestRetrieved = oldestRetrieved
            self.newestRetrieved = newestRetrieved
        }
    }
    public let path: String?
    public let counts: [Count]
    public let sources: Int
    public let seedVersion: String?
    /// Seed rows HangViet's checks leave out, with the reason (file, line, reason).
    public let seedRejects: [(file: String, problem: RegistryError.RowProblem)]

    package init(path: String?, counts: [Count], sources: Int, seedVersion: String?,
                 seedRejects: [(file: String, problem: RegistryError.RowProblem)]) {
        self.path = path
        self.counts = counts
        self.sources = sources
        self.seedVersion = seedVersion
        self.seedRejects = seedRejects
    }

    public static func == (lhs: RegistryStats, rhs: RegistryStats) -> Bool {
        lhs.path == rhs.path && lhs.counts == rhs.counts && lhs.sources == rhs.sources && lhs.seedVersion == rhs.seedVersion
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(counts) }
}

extension RegistryDatabase {
    /// Full-text search over names, producers, provinces, companies and products, ignoring
    /// case and Vietnamese diacritics. Every word must match (word prefixes count); when no
    /// entry has them all, entries with any of them are returned, best first.
    func search(_ text: String, limit: Int = 20) throws(RegistryError) -> [SearchHit] {
        let words = TextFolding.fold(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            throw RegistryError(.badQuery, "Search for at least one letter or digit,", remedy: .exampleSearch)
        }
        let terms = words.map { "\"\($0)\"*" }
        do {
            return try writer.read { db in
                var hits = try Self.search(terms.joined(separator: " "), limit: limit, db)
                if hits.isEmpty && terms.count > 1 { hits = try Self.search(terms.joined(separator: " OR "), limit: limit, db) }
                return hits
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    private static func search(_ match: String, limit: Int, _ db: Database) throws -> [SearchHit] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT kind, entry_id, bm25(search_index) AS rank FROM search_index
            WHERE search_index MATCH ? ORDER BY rank LIMIT ?
            """, arguments: [match, limit])
        return try rows.compactMap { row in
            guard let kind = RegistryKind(rawValue: row["kind"]) else { return nil }
            let id: Int64 = row["entry_id"]
            guard let (entry, source) = try entry(kind, id, db) else { return nil }
            return SearchHit(entry: entry, source: source, rank: row["rank"])
        }
    }

    static func entry(_ kind: RegistryKind, _ id: Int64, _ db: Database) throws -> (RegistryEntry, RegistrySource)? {
        let entry: RegistryEntry?
        switch kind {
        case .brands: entry = try BrandRecord.fetchOne(db, key: id).map(RegistryEntry.brand)
        case .gtins: entry = try GTINRecord.fetchOne(db, key: id).map(RegistryEntry.gtin)
        case .ocop: entry = try OCOPRecord.fetchOne(db, key: id).map(RegistryEntry.ocop)
        case .gi: entry = try GeographicalIndicationRecord.fetchOne(db, key: id).map(RegistryEntry.geographicalIndication)
        case .ownership: entry = try BrandOwnershipRecord.fetchOne(db, key: id).map(RegistryEntry.ownership)
        case .recognition: entry = try RecognitionRecord.fetchOne(db, key: id).map(RegistryEntry.recognition)
        case .hotlines: entry = try HotlineRecord.fetchOne(db, key: id).map(RegistryEntry.hotline)
        }
        guard let entry else { return nil }
        let source = try SourceRecord.fetchOne(db, key: entry.sourceID)?.source ?? RegistrySource(address: "unknown")
        return (entry, source)
    }

    /// One entry by its ID ("ocop:12"), with its source and origin.
    func entry(id: String) throws(RegistryError) -> (entry: RegistryEntry, source: RegistrySource, origin: EntryOrigin) {
        let parts = id.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let kind = RegistryKind(idPrefix: String(parts[0])), let number = Int64(parts[1]) else {
            throw RegistryError(.badQuery, "“\(id)” is not a registry ID. IDs look like brand:2, product:15, ocop:40, gi:1, ownership:3, recognition:2 or hotline:1;", remedy: .searchListsThem)
        }
        let found: (RegistryEntry, RegistrySource)?
        do {
            found = try writer.read { db in try Self.entry(kind, number, db) }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
        guard let (entry, source) = found else {
            throw RegistryError(.notFound, "No registry entry has the ID \(id).", remedy: .searchListsIDs)
        }
        return (entry, source, entry.origin)
    }

    /// All visible entries of a kind with their sources, in insertion order.
    func entries(_ kind: RegistryKind) throws(RegistryError) -> [(entry: RegistryEntry, source: RegistrySource)] {
        do {
            return try writer.read { db in
                let sources = try Self.sources(db)
                return try Self.visibleEntries(kind, db).map { ($0, sources[$0.sourceID] ?? RegistrySource(address: "unknown")) }
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    static func sources(_ db: Database) throws -> [Int64: RegistrySource] {
        var sources: [Int64: RegistrySource] = [:]
        for record in try SourceRecord.fetchAll(db) { sources[record.id!] = record.source }
        return sources
    }

    /// Builds the in-memory snapshot the verdicts read.
    func snapshot(asOf: CalendarDate = .today()) throws(RegistryError) -> RegistrySnapshot {
        do {
            return try writer.read { db in
                let sources = try Self.sources(db)
                var entries: [RegistryEntry] = []
                for kind in RegistryKind.allCases { entries += try Self.visibleEntries(kind, db) }
                return RegistrySnapshot(entries: entries, sources: sources, asOf: asOf)
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    func stats(today: CalendarDate = .today()) throws(RegistryError) -> RegistryStats {
        let rejects = (try? Seed.plans(today: today))?.flatMap { plan in plan.problems.map { (plan.fileName, $0) } } ?? []
        do {
            return try writer.read { db in
                var counts: [RegistryStats.Count] = []
                for kind in RegistryKind.allCases where try db.tableExists(kind.table) {
                    let seed = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table) WHERE origin = 'seed'") ?? 0
                    let user = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table) WHERE origin = 'user'") ?? 0
                    let visible = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(Self.visibleSQL(kind)))") ?? 0
                    // An ownership row carries its own retrieved date; other kinds take their source's.
                    let date = [.ownership, .recognition, .hotlines, .ocop].contains(kind) ? "coalesce(e.retrieved, s.retrieved)" : "s.retrieved"
                    let dates = try Row.fetchOne(db, sql: """
                        SELECT min(\(date)) AS oldest, max(\(date)) AS newest
                        FROM (\(Self.visibleSQL(kind))) AS e JOIN source AS s ON s.id = e.source_id
                        """)
                    counts.append(.init(kind: kind, seed: seed, user: user, visible: visible,
                                        oldestRetrieved: dates?["oldest"], newestRetrieved: dates?["newest"]))
                }
                let sources = try Int.fetchOne(db, sql: "SELECT count(*) FROM source") ?? 0
                let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'seed_version'")
                return RegistryStats(path: path, counts: counts, sources: sources, seedVersion: version, seedRejects: rejects)
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }
}

extension RegistryEntry {
    public var origin: EntryOrigin {
        switch self {
        case .brand(let r): return r.origin
        case .gtin(let r): return r.origin
        case .ocop(let r): return r.origin
        case .geographicalIndication(let r): return r.origin
        case .ownership(let r): return r.origin
        case .recognition(let r): return r.origin
        case .hotline(let r): return r.origin
        }
    }
}
