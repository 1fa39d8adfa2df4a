import OriginRegistry
import PostgresNIO

extension PostgresRegistryStore {
    /// The schema, one migration per released change, applied in one transaction under the
    /// writers' lock (so two replicas starting together migrate once). Never edit a shipped
    /// migration: add one.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1: meta, sources, entries", [
            "CREATE TABLE hangviet_meta (key text PRIMARY KEY, value text NOT NULL)",
            "INSERT INTO hangviet_meta (key, value) VALUES ('version', '0')",
            """
            CREATE TABLE hangviet_source (
                id bigserial PRIMARY KEY,
                address text NOT NULL UNIQUE,
                title text,
                retrieved text,
                licence text
            )
            """,
            """
            CREATE TABLE hangviet_entry (
                id bigserial PRIMARY KEY,
                kind text NOT NULL,
                key text NOT NULL,
                origin text NOT NULL CHECK (origin IN ('seed', 'user')),
                source_id bigint NOT NULL REFERENCES hangviet_source(id),
                record jsonb NOT NULL,
                folded text NOT NULL
            )
            """,
            "CREATE INDEX hangviet_entry_identity ON hangviet_entry (kind, key, origin)",
        ]),
        // Search looks for words at the start of a word of the folded text, `LIKE '% word%'`:
        // a pg_trgm index answers that without reading every entry. pg_trgm is a trusted
        // extension (PostgreSQL 13+, in Debian's postgresql package), so a database owner may
        // create it; where it cannot be, search still works, by reading every entry.
        ("v2: trigram index for search", [
            """
            DO $$
            BEGIN
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX hangviet_entry_folded_trgm ON hangviet_entry USING gin ((' ' || folded) gin_trgm_ops);
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'pg_trgm is not available (%): registry search reads every entry', SQLERRM;
            END
            $$
            """,
        ]),
    ]

    /// Migrates (unless `readOnly`), refuses a schema newer than this HangViet, and loads the
    /// bundled seed when the stored one differs.
    func prepare(readOnly: Bool, today: CalendarDate) throws(RegistryError) {
        let known = Set(Self.migrations.map(\.name))
        func applied() throws(RegistryError) -> [String] {
            let table = try run("SELECT to_regclass('hangviet_migration') IS NOT NULL")
            guard (try? table.first?.decode(Bool.self)) == true else { return [] }
            return try run("SELECT name FROM hangviet_migration").compactMap { try? $0.decode(String.self) }
        }
        func checkNotNewer(_ names: [String]) throws(RegistryError) {
            if names.contains(where: { !known.contains($0) }) {
                throw RegistryError(.newerSchema, "The registry \(location) was written by a newer HangViet.",
                                    remedy: .updateOrUseAnotherFile, path: location)
            }
        }
        let before = try applied()
        try checkNotNewer(before)
        if readOnly {
            guard before.count == Self.migrations.count else {
                throw RegistryError(.database, "The registry \(location) has not been set up yet: run `hangviet registry stats --registry URL` once with a user that may create tables.", path: location)
            }
            return
        }
        try transaction { () throws(RegistryError) in
            try run("CREATE TABLE IF NOT EXISTS hangviet_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
            let done = Set(try applied())
            try checkNotNewer(Array(done))
            for migration in Self.migrations where !done.contains(migration.name) {
                for statement in migration.statements { try run(PostgresQuery(unsafeSQL: statement)) }
                try run("INSERT INTO hangviet_migration (name) VALUES (\(migration.name))")
            }
            let stored = try run("SELECT value FROM hangviet_meta WHERE key = 'seed_version'").first.flatMap { try? $0.decode(String.self) }
            if stored != SeedData.version {
                try run("DELETE FROM hangviet_entry WHERE origin = 'seed'")
                for plan in try Seed.plans(today: today) {
                    try insert(plan.items.map { ($0.entry, RegistrySource(address: $0.source, title: "HangViet seed: Resources/registry/\(plan.fileName)",
                                                                          licence: RegistrySource.licence(forAddress: $0.source))) },
                               origin: .seed)
                }
                try deleteUnusedSources()
                try run("""
                    INSERT INTO hangviet_meta (key, value) VALUES ('seed_version', \(SeedData.version))
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                    """)
                try bumpVersion()
            }
        }
    }
}
