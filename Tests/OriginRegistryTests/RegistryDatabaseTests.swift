import Foundation
import GRDB
import GS1
import TestSupport
import Testing
@testable import OriginRegistry

@Suite("Registry storage: seed, search, bad files, concurrency")
struct RegistryDatabaseTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)

    /// A registry file in `folder` holding the seed and one user brand.
    static func registryFile(in folder: TemporaryFolder, brand: String = "X") throws -> String {
        let path = folder.path("registry.sqlite")
        _ = try Registry.open(path: path, today: today).importFile(
            bytes: Array("brand,source\n\(brand),s\n".utf8), name: "b.csv", kind: .brands, today: today)
        return path
    }

    @Test("“nuoc mam phu quoc” finds the Phú Quốc fish sauce GI first, with its source")
    func searchIgnoresDiacritics() throws {
        let database = try RegistryDatabase.inMemorySeed(today: Self.today)
        let hits = try database.search("nuoc mam phu quoc")
        let first = try #require(hits.first)
        guard case .geographicalIndication(let gi) = first.entry else { Issue.record("expected the GI first, got \(first.entry)"); return }
        #expect(gi.name == "Phú Quốc" && gi.product.hasPrefix("Nước mắm") && gi.registrationNumber == "00001")
        #expect(first.source.address.hasPrefix("https://"))
        // OCOP fish sauces from Phú Quốc follow.
        #expect(hits.contains { if case .ocop(let o) = $0.entry { o.name.contains("Phú Quốc") } else { false } })
        // Same answer typed with diacritics, in capitals, or as word beginnings.
        #expect(try database.search("NƯỚC MẮM Phú Quốc").first?.id == first.id)
        #expect(try database.search("nuoc ma phu quo").first?.id == first.id)
        #expect(throws: RegistryError.self) { try database.search(" ;; ") }
    }

    @Test("the snapshot built from the compiled-in seed equals the one read back from SQLite")
    func seedSnapshotMatchesDatabase() throws {
        let fromSeed = try RegistrySnapshot.seed(asOf: Self.today)
        let fromDatabase = try RegistryDatabase.inMemorySeed(today: Self.today).snapshot(asOf: Self.today)
        #expect(fromSeed.counts == fromDatabase.counts)
        for code in ["8934563138165", "8934673503358", "8935001706588", "8936036020380", "8938505214153", "4901780188352"] {
            let gtin = try GTIN.parse(code)
            #expect(fromSeed.facts(for: gtin) == fromDatabase.facts(for: gtin), "\(code)")
        }
        #expect(fromSeed.counts[.gtins] == 749) // 751 seed rows; 2 have invalid check digits or lengths
    }

    @Test("the compiled-in seed is exactly Resources/registry (run Scripts/curate-registry.py after editing)")
    func generatedSeedMatchesResources() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/registry")
        for file in Seed.files {
            let text = try String(contentsOf: resources.appendingPathComponent(file.name), encoding: .utf8)
            // The generated literal holds the file without its final line break.
            #expect(text.replacingOccurrences(of: "\r\n", with: "\n") == file.text + "\n", "\(file.name)")
        }
    }

    @Test("a file that is not SQLite is refused by name and left alone")
    func notADatabase() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("registry.sqlite", "brand,source\nthis is a CSV, not a registry\n")
        let before = folder.bytes("registry.sqlite")
        #expect {
            try Registry.open(path: path, today: Self.today)
        } throws: { error in
            let error = error as! RegistryError
            return error.code == .notADatabase && error.message.contains(path)
        }
        #expect(folder.bytes("registry.sqlite") == before)
    }

    @Test("a damaged registry is reported as damaged")
    func corruptDatabase() throws {
        let folder = try TemporaryFolder()
        let path = try Self.registryFile(in: folder)
        var bytes = try #require(folder.bytes("registry.sqlite"))
        // Keep the header, scribble over the schema and data pages.
        for index in 100..<min(bytes.count, 40_000) { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect {
            let registry = try Registry.open(path: path, today: Self.today)
            _ = try registry.database.stats()
        } throws: { error in
            let code = (error as! RegistryError).code
            return code == .corruptDatabase || code == .notADatabase
        }
    }

    @Test("importing into a read-only registry fails cleanly and changes nothing")
    func readOnly() throws {
        let folder = try TemporaryFolder()
        let path = try Self.registryFile(in: folder)
        let before = folder.bytes("registry.sqlite")
        let readOnly = try RegistryDatabase.open(path: path, readOnly: true, today: Self.today)
        let plan = try ImportPlan(bytes: Array("brand,source\nY,s\n".utf8), fileName: "y.csv", kind: .brands, defaultSource: nil, today: Self.today)
        #expect {
            try readOnly.apply(plan, skipInvalid: false, dryRun: false, today: Self.today)
        } throws: { ($0 as! RegistryError).code == .readOnly }
        #expect(folder.bytes("registry.sqlite") == before)
    }

    @Test("a registry written by a newer HangViet is refused, not silently misread")
    func newerSchema() throws {
        let folder = try TemporaryFolder()
        let path = try Self.registryFile(in: folder)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        try queue.close()
        #expect { try Registry.open(path: path, today: Self.today) } throws: { ($0 as! RegistryError).code == .newerSchema }
    }

    @Test("a new HangViet seed replaces the old seed rows and keeps the user's")
    func seedRefresh() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("registry.sqlite")
        _ = try Registry.open(path: path, today: Self.today).importFile(
            bytes: Array("brand,source\nMy brand,s\n".utf8), name: "b.csv", kind: .brands, today: Self.today)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = 'old' WHERE key = 'seed_version'")
            try db.execute(sql: "DELETE FROM geographical_indication WHERE origin = 'seed'")
        }
        try queue.close()
        let stats = try Registry.open(path: path, today: Self.today).database.stats(today: Self.today)
        #expect(stats.seedVersion == SeedData.version)
        #expect(stats.counts.first { $0.kind == .gi }?.seed == 54)
        #expect(stats.counts.first { $0.kind == .brands }?.user == 1)
    }

    @Test("a reader in another connection keeps its consistent view while an import commits")
    func importWhileAnotherConnectionReads() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("registry.sqlite")
        let registry = try Registry.open(path: path, today: Self.today)
        _ = try registry.importFile(bytes: Array("brand,source\nA,s\n".utf8), name: "a.csv", kind: .brands, today: Self.today)
        let reader = try DatabaseQueue(path: path, configuration: RegistryDatabase.configuration(readOnly: true))
        let count = "SELECT count(*) FROM brand WHERE origin = 'user'"
        try reader.inDatabase { db in
            try db.inTransaction(.deferred) {
                #expect(try Int.fetchOne(db, sql: count) == 1)
                // The writer is not blocked by this open read transaction (WAL) …
                _ = try registry.importFile(bytes: Array("brand,source\nB,s\n".utf8), name: "b.csv", kind: .brands, today: Self.today)
                // … and this reader still sees the registry as it was when its transaction began.
                #expect(try Int.fetchOne(db, sql: count) == 1)
                return .commit
            }
            #expect(try Int.fetchOne(db, sql: count) == 2)
        }
    }

    @Test("entries are found by ID, and bad IDs get a clear error")
    func showByID() throws {
        let database = try RegistryDatabase.inMemorySeed(today: Self.today)
        let found = try database.entry(id: "gi:1")
        #expect(found.origin == .seed && found.entry.name.hasPrefix("Phú Quốc"))
        #expect { try database.entry(id: "gi:99999") } throws: { ($0 as! RegistryError).code == .notFound }
        #expect { try database.entry(id: "phu quoc") } throws: { ($0 as! RegistryError).code == .badQuery }
    }
}
