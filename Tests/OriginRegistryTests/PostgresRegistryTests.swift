import Foundation
import GS1
@testable import OriginRegistryPostgres
import TestSupport
import Testing
@testable import OriginRegistry

/// The registry in a real PostgreSQL server (started by Scripts/postgres.sh), beside the SQLite
/// file: the same imports give the same facts, counts and search results.
@Suite("PostgreSQL registry", .serialized,
       .enabled(if: PostgresTestServer.shared != nil, "PostgreSQL is not installed (apt-get install postgresql): skipped"))
struct PostgresRegistryTests {
    static let today = RegistryImportTests.today

    func server() throws -> PostgresTestServer { try #require(PostgresTestServer.shared) }

    @Test("a fresh PostgreSQL registry holds the seed: same counts, sources and facts as the bundled seed")
    func freshRegistryHoldsTheSeed() throws {
        let url = try server().newDatabase()
        let registry = try Registry(store: try PostgresRegistryStore.open(url: url, today: Self.today), today: Self.today)
        let seed = try Registry.open(path: "/nonexistent/registry.sqlite", today: Self.today)
        #expect(try registry.stats(today: Self.today).counts == (try seed.stats(today: Self.today)).counts)
        #expect(try registry.stats(today: Self.today).sources == (try seed.stats(today: Self.today)).sources)
        #expect(try registry.stats(today: Self.today).seedVersion == SeedData.version)
        let masan = try GTIN.parse("8936017364113")
        #expect(registry.snapshot.facts(for: masan).map(\.name) == seed.snapshot.facts(for: masan).map(\.name))
        #expect(!registry.snapshot.facts(for: masan).isEmpty)
        // Search folds diacritics, as the SQLite file's does.
        let hits = try registry.search("nuoc mam phu quoc", limit: 5)
        #expect(!hits.isEmpty && hits.allSatisfy { TextFolding.fold($0.entry.searchText).contains("phu quoc") })
        // The same entries as the file's search, whole words and word starts, any case or accent.
        for query in ["Nước mắm", "vinamilk", "BIA SÀI GÒN", "kinh do", "ocop 5", "mam", "xyzzy nothing", "phu quoc vinamilk"] {
            #expect(Set(try registry.search(query, limit: 500).map(\.entry.searchText)) == Set(try seed.search(query, limit: 500).map(\.entry.searchText)), "\(query)")
        }
        // …through the trigram index (migration v2), not by reading every entry.
        let server = try server()
        #expect(try server.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'hangviet_entry_folded_trgm'", in: url) == "1")
        let plan = try server.sql("SET enable_seqscan = off; EXPLAIN SELECT id FROM hangviet_entry e WHERE (' ' || e.folded) LIKE '% vinamilk%'", in: url)
        #expect(plan.contains("hangviet_entry_folded_trgm"), "\(plan)")
        // Opening again finds the seed stored: nothing is inserted twice.
        let again = try Registry(store: try PostgresRegistryStore.open(url: url, today: Self.today), today: Self.today)
        #expect(try again.stats(today: Self.today).counts == (try seed.stats(today: Self.today)).counts)
    }

    @Test("an import gives the same summary, facts and counts in PostgreSQL as in the SQLite file, and bumps the version")
    func importMatchesSQLite() throws {
        let folder = try TemporaryFolder()
        let list = try folder.write("nghe-an.csv", RegistryImportTests.ngheAnList)
        let store = try PostgresRegistryStore.open(url: try server().newDatabase(), today: Self.today)
        let postgres = try Registry(store: store, today: Self.today)
        let sqlite = try Registry.open(path: folder.path("registry.sqlite"), today: Self.today)
        let version = try store.version()
        let (inPostgres, _) = try postgres.importFile(at: list, kind: .ocop, source: "UBND tỉnh Nghệ An (test list)", today: Self.today)
        let (inSQLite, _) = try sqlite.importFile(at: list, kind: .ocop, source: "UBND tỉnh Nghệ An (test list)", today: Self.today)
        #expect(inPostgres == inSQLite)
        #expect(inPostgres.inserted == 3 && inPostgres.overridingSeed == 1)
        #expect(try store.version() == version + 1)
        #expect(try postgres.stats(today: Self.today) == (try sqlite.stats(today: Self.today)).withPath(postgres.path))
        let gtin = try GTIN.parse("2001234567893")
        let fact = try #require(postgres.snapshot.facts(for: gtin).first { $0.kind == .ocop })
        #expect(fact.ocop?.stars == 4 && fact.source.address == "UBND tỉnh Nghệ An (test list)" && fact.source.retrieved == "2026-11-23")
        #expect(postgres.snapshot.facts(for: gtin).map(\.name) == sqlite.snapshot.facts(for: gtin).map(\.name))
        // The same file again: three updates, nothing new.
        let (second, _) = try postgres.importFile(at: list, kind: .ocop, source: "UBND tỉnh Nghệ An (test list)", today: Self.today)
        #expect(second.updated == 3 && second.inserted == 0)
        // A user entry is shown by its ID (the update gave it a new one, as in the SQLite file).
        let updated = try #require(postgres.snapshot.facts(for: gtin).first { $0.kind == .ocop })
        let shown = try postgres.entry(id: updated.id)
        #expect(shown.origin == .user && shown.entry.name == fact.name)
    }

    @Test("a file with bad rows changes nothing; --skip-invalid imports the good ones; a dry run rolls back")
    func allOrNothing() throws {
        let folder = try TemporaryFolder()
        let bad = try folder.write("bad.csv", RegistryImportTests.badList)
        let store = try PostgresRegistryStore.open(url: try server().newDatabase(), today: Self.today)
        let registry = try Registry(store: store, today: Self.today)
        let before = try registry.stats(today: Self.today)
        let version = try store.version()
        #expect(throws: RegistryError.self) { try registry.importFile(at: bad, kind: .ocop, source: "test", today: Self.today) }
        #expect(try registry.stats(today: Self.today) == before)
        #expect(try store.version() == version)
        let (dry, _) = try registry.importFile(at: bad, kind: .ocop, source: "test", skipInvalid: true, dryRun: true, today: Self.today)
        #expect(dry.inserted == 1 && dry.rejected.count == 4)
        #expect(try registry.stats(today: Self.today) == before)
        let (summary, _) = try registry.importFile(at: bad, kind: .ocop, source: "test", skipInvalid: true, today: Self.today)
        #expect(summary.inserted == 1)
        #expect(try registry.stats(today: Self.today).counts.first { $0.kind == .ocop }?.user == 1)
    }

    @Test("registry copy: SQLite → PostgreSQL → a new SQLite file keeps the stats identical")
    func copyBothWays() throws {
        let folder = try TemporaryFolder()
        let list = try folder.write("nghe-an.csv", RegistryImportTests.ngheAnList)
        let original = try Registry.open(path: folder.path("a.sqlite"), today: Self.today)
        _ = try original.importFile(at: list, kind: .ocop, source: "UBND tỉnh Nghệ An (test list)", today: Self.today)
        let postgres = try Registry(store: try PostgresRegistryStore.open(url: try server().newDatabase(), today: Self.today), today: Self.today)
        try postgres.replaceUserEntries(try original.userEntries(), today: Self.today)
        let back = try Registry.open(path: folder.path("b.sqlite"), today: Self.today)
        try back.replaceUserEntries(try postgres.userEntries(), today: Self.today)
        let stats = try original.stats(today: Self.today)
        #expect(try postgres.stats(today: Self.today) == stats.withPath(postgres.path))
        #expect(try back.stats(today: Self.today) == stats.withPath(back.path))
        #expect(try back.userEntries().map(\.source) == (try original.userEntries()).map(\.source))
    }

    @Test("bad addresses, refused connections, wrong passwords and missing databases name the server, never the password")
    func clearErrors() throws {
        let url = try server().newDatabase()
        func error(_ text: String) -> RegistryError? {
            do { _ = try PostgresRegistryStore.open(url: text, environment: [:]); return nil } catch { return error }
        }
        let wrongPassword = url.replacingOccurrences(of: "hangviet-test", with: "not-the-password")
        let denied = try #require(error(wrongPassword))
        #expect(denied.code == .accessDenied)
        #expect(!denied.description.contains("not-the-password") && denied.description.contains("127.0.0.1"))
        let missing = try #require(error(url.replacingOccurrences(of: "/test", with: "/missing")))
        #expect(missing.code == .noSuchDatabase && missing.description.contains("missing") && !missing.description.contains("hangviet-test"))
        let refused = try #require(error("postgres://hangviet:secret@127.0.0.1:1/registry"))
        #expect(refused.code == .serverUnavailable && refused.description.contains("127.0.0.1:1") && !refused.description.contains("secret"))
        let bad = try #require(error("postgres://:secret@/"))
        #expect(bad.code == .badLocation && !bad.description.contains("secret"))
        #expect(PostgresRegistryURL.isPostgres(url) && !PostgresRegistryURL.isPostgres("/var/lib/registry.sqlite"))
        // Given where a file path is expected, an address is refused, not read as a missing file (the seed).
        #expect { _ = try Registry.open(path: url) } throws: { error in
            let error = error as? RegistryError
            return error?.code == .badLocation && error?.description.contains("hangviet-test") == false
        }
    }

    @Test("a schema written by a newer HangViet is refused")
    func newerSchema() throws {
        let url = try server().newDatabase()
        let store = try PostgresRegistryStore.open(url: url, today: Self.today)
        try store.run("INSERT INTO hangviet_migration (name) VALUES ('v99: from the future')")
        #expect { _ = try PostgresRegistryStore.open(url: url, today: Self.today) } throws: { ($0 as? RegistryError)?.code == .newerSchema }
    }
}

extension RegistryStats {
    /// The same counts, as if read from another place.
    func withPath(_ path: String?) -> RegistryStats {
        RegistryStats(path: path, counts: counts, sources: sources, seedVersion: seedVersion, seedRejects: seedRejects)
    }
}
