import Foundation
import GRDB

/// The registry's SQLite database: schema, seed, import, search, export. ``Registry`` is the
/// front door (the only public one); this type is the storage underneath it, and GRDB stays
/// inside the module.
///
/// Seed rows (`origin = 'seed'`) are replaced whenever the bundled seed changes; user rows are
/// never touched except by the user's own imports. Every write is one transaction: it lands
/// whole or not at all.
final class RegistryDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The file, or nil for an in-memory registry.
    let path: String?

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// An in-memory registry holding the bundled seed (what a fresh install answers from).
    static func inMemorySeed(today: CalendarDate = .today()) throws(RegistryError) -> RegistryDatabase {
        let database: RegistryDatabase
        do {
            database = RegistryDatabase(writer: try DatabaseQueue(configuration: configuration(readOnly: false)), path: nil)
        } catch {
            throw RegistryDatabase.map(error, path: nil)
        }
        try database.prepare(today: today)
        return database
    }

    /// Opens an existing registry file. A writable file is migrated and its seed refreshed.
    static func open(path: String, readOnly: Bool, today: CalendarDate = .today()) throws(RegistryError) -> RegistryDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegistryError(.io, "The registry \(path) does not exist.", remedy: .createByImportOrUseBundled, path: path)
        }
        let writable = !readOnly && FileManager.default.isWritableFile(atPath: path)
            && FileManager.default.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        if !readOnly && !writable {
            throw RegistryError(.readOnly, "The registry \(path) (or its folder) cannot be written.", remedy: .fixPermissionsOrImportElsewhere, path: path)
        }
        let database: RegistryDatabase
        do {
            database = RegistryDatabase(writer: try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly)), path: path)
            // Opening is lazy: read the header now so a non-SQLite file fails here, not later.
            _ = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
        if readOnly {
            try database.checkSchema()
        } else {
            try database.prepare(today: today)
        }
        return database
    }

    /// Creates a new registry file atomically: built in a temporary file beside it, then renamed.
    /// `fill` runs inside the creating transaction; if it throws, no file is left behind.
    static func create(path: String, today: CalendarDate = .today(),
                              fill: (RegistryDatabase) throws(RegistryError) -> Void) throws(RegistryError) -> RegistryDatabase {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RegistryError(.readOnly, "Cannot create the folder \(folder.path) for the registry.", remedy: .chooseAnotherPlace, path: path, cause: error as NSError)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let queue: DatabaseQueue
            do {
                queue = try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false))
            } catch {
                throw RegistryDatabase.map(error, path: path)
            }
            let building = RegistryDatabase(writer: queue, path: temporary)
            try building.prepare(today: today)
            try fill(building)
            do { try queue.close() } catch { throw RegistryDatabase.map(error, path: path) }
            guard rename(temporary, path) == 0 else {
                throw RegistryError(.io, "Cannot move the new registry into place at \(path): \(String(cString: strerror(errno))).", path: path)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: temporary + "-wal")
            try? FileManager.default.removeItem(atPath: temporary + "-shm")
            throw RegistryDatabase.map(error, path: path)
        }
        return try open(path: path, readOnly: false, today: today)
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(5)
        config.label = "HangViet registry"
        if !readOnly { config.journalMode = .wal }
        return config
    }

    /// Migrates the schema and loads or refreshes the bundled seed when it changed.
    func prepare(today: CalendarDate) throws(RegistryError) {
        try checkSchema()
        do {
            try Self.migrator.migrate(writer)
            let stored = try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'seed_version'") }
            if stored != SeedData.version {
                let seed = try Seed.plans(today: today)
                try writer.write { db in
                    for kind in RegistryKind.allCases {
                        try db.execute(sql: "DELETE FROM \(kind.table) WHERE origin = 'seed'")
                    }
                    for plan in seed {
                        _ = try Self.insert(plan.items, origin: .seed, title: "HangViet seed: Resources/registry/\(plan.fileName)",
                                            retrieved: nil, in: db)
                    }
                    try Self.deleteUnusedSources(db)
                    try Self.rebuildSearchIndex(db)
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('seed_version', ?)", arguments: [SeedData.version])
                }
            }
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    /// Refuses registry files written by a newer HangViet.
    func checkSchema() throws(RegistryError) {
        do {
            let superseded = try writer.read { db in try Self.migrator.hasBeenSuperseded(db) }
            if superseded {
                throw RegistryError(.newerSchema, "The registry \(path ?? "in memory") was written by a newer HangViet.", remedy: .updateOrUseAnotherFile, path: path)
            }
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryDatabase.map(error, path: path)
        }
    }

    /// Turns SQLite's errors into ones that name the file and say what to do.
    static func map(_ error: any Error, path: String?) -> RegistryError {
        if let error = error as? RegistryError { return error }
        let name = path ?? "the in-memory registry"
        guard let database = error as? DatabaseError else {
            return RegistryError(.database, "The registry \(name) failed: \(error)", path: path)
        }
        switch database.resultCode {
        case .SQLITE_NOTADB:
            return RegistryError(.notADatabase, "\(name) is not a HangViet registry (not an SQLite database).", remedy: .pointAtRegistryOrMoveAway, path: path, cause: database)
        case .SQLITE_CORRUPT:
            return RegistryError(.corruptDatabase, "The registry \(name) is damaged. Restore it from a backup or an export, or move it away to start from the bundled registry.", path: path, cause: database)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return RegistryError(.readOnly, "The registry \(name) cannot be opened for writing.", remedy: .fixPermissionsOrUseAnotherFile, path: path, cause: database)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RegistryError(.busy, "The registry \(name) is being written by another process. Try again when it has finished.", path: path, cause: database)
        default:
            return RegistryError(.database, "The registry \(name) failed: \(database.message ?? database.description)", path: path, cause: database)
        }
    }
}
