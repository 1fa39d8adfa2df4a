import Foundation
import Synchronization

/// The registry of Vietnamese brands, company prefixes, product GTINs, OCOP products and
/// geographical indications: the front door for the CLI, the server and library users.
///
/// Where it lives: `--registry PATH`, else `$HANGVIET_REGISTRY`, else
/// `$XDG_DATA_HOME/hangviet/registry.sqlite` (`~/.local/share/hangviet/registry.sqlite`).
/// Until the first import that file does not exist and the registry is the bundled seed,
/// held in memory; the first import creates the file (seed + the import, atomically). The
/// bundled seed is never modified; user entries live beside it in the user's file.
///
/// ```swift
/// let registry = try Registry.open(path: nil)
/// let engine = VerdictEngine(evidenceProvider: registry.snapshot)
/// let summary = try registry.importFile(at: "nghe-an-ocop.csv", kind: .ocop)
/// summary.inserted  // the snapshot was replaced; new verdicts see the new entries
/// ```
public final class Registry: Sendable {
    struct State: Sendable {
        var database: any RegistryStore
        var snapshot: RegistrySnapshot
    }

    /// Where the user's registry file is (it may not exist yet), or the PostgreSQL server
    /// (its URL without the password).
    public let path: String
    let state: Mutex<State>
    let healthState = Mutex(RegistryHealth())

    /// The current snapshot for verdicts. Cheap: returns a shared immutable object.
    public var snapshot: RegistrySnapshot { state.withLock { $0.snapshot } }
    /// The store (the user's file, the in-memory seed before the first import, or PostgreSQL).
    var database: any RegistryStore { state.withLock { $0.database } }
    /// Where the facts are kept: the SQLite file (or the bundled seed), or a shared database.
    public var store: any RegistryStore { database }
    /// True when the user's file exists (an import has been made), or the registry is a server's.
    public var hasUserFile: Bool { database.isPersistent }
    /// True when opened with `readOnly`: imports are refused.
    public let isReadOnly: Bool

    init(path: String, database: any RegistryStore, snapshot: RegistrySnapshot, readOnly: Bool = false) {
        self.path = path
        self.state = Mutex(State(database: database, snapshot: snapshot))
        self.isReadOnly = readOnly
    }

    /// A registry over another store (PostgreSQL): its snapshot is loaded now.
    public convenience init(store: any RegistryStore, readOnly: Bool = false, today: CalendarDate = .today()) throws(RegistryError) {
        self.init(path: store.location, database: store, snapshot: try store.snapshot(asOf: today), readOnly: readOnly)
    }

    /// The user's entries with their sources (`registry copy`).
    public func userEntries() throws(RegistryError) -> [CopiedEntry] { try database.userEntries() }

    /// Replaces the user's entries with `entries` in one transaction, creating the registry
    /// file first when it does not exist (`registry copy`), then reloads the snapshot.
    public func replaceUserEntries(_ entries: [CopiedEntry], today: CalendarDate = .today()) throws(RegistryError) {
        if isReadOnly {
            throw RegistryError(.readOnly, "The registry \(path) was opened read-only; nothing can be copied into it.", path: path)
        }
        let current = database
        if current.isPersistent || !(current is RegistryDatabase) {
            try current.replaceUserEntries(entries)
            try reload(current, today: today)
            return
        }
        let created = try RegistryDatabase.create(path: path, today: today) { (database) throws(RegistryError) in
            try database.replaceUserEntries(entries)
        }
        try reload(created, today: today)
    }

    /// The registry file's path: `explicit`, else `HANGVIET_REGISTRY`, else the XDG data folder.
    public static func resolvePath(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = environment["HANGVIET_REGISTRY"], !path.isEmpty { return path }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else {
            data = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return data + "/hangviet/registry.sqlite"
    }

    /// Where a registry's facts come from: the user's file, or (until the first import
    /// creates that file) the bundled seed. The one place that decides it.
    enum Location {
        case file(path: String, writable: Bool)
        case bundledSeed
    }

    static func location(of path: String, readOnly: Bool) -> Location {
        guard FileManager.default.fileExists(atPath: path) else { return .bundledSeed }
        return .file(path: path, writable: !readOnly && FileManager.default.isWritableFile(atPath: path))
    }

    /// Opens the registry at `path` (resolved as in ``resolvePath(_:environment:)``). A missing
    /// file means "the bundled seed"; an unwritable one is opened read-only, and so is every
    /// file when `readOnly` (a server: no request can change the registry).
    public static func open(path explicit: String?, readOnly: Bool = false,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            today: CalendarDate = .today()) throws(RegistryError) -> Registry {
        let path = resolvePath(explicit, environment: environment)
        try refuseServerAddress(path)
        let database: RegistryDatabase
        switch location(of: path, readOnly: readOnly) {
        case .file(let file, let writable): database = try RegistryDatabase.open(path: file, readOnly: !writable, today: today)
        case .bundledSeed: database = try RegistryDatabase.inMemorySeed(today: today)
        }
        return Registry(path: path, database: database, snapshot: try database.snapshot(asOf: today), readOnly: readOnly)
    }

    /// Only the snapshot, as fast as possible: from the seed compiled into the binary when the
    /// user's file does not exist, else from the file. For `check` and `scan`.
    public static func loadSnapshot(path explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                    today: CalendarDate = .today()) throws(RegistryError) -> RegistrySnapshot {
        let path = resolvePath(explicit, environment: environment)
        try refuseServerAddress(path)
        return switch location(of: path, readOnly: false) {
        case .file(let file, let writable): try RegistryDatabase.open(path: file, readOnly: !writable, today: today).snapshot(asOf: today)
        case .bundledSeed: try RegistrySnapshot.seed(asOf: today)
        }
    }

    /// A PostgreSQL address given where a file path is expected would otherwise read as a
    /// missing file, so the bundled seed, silently: refused, saying what opens it.
    static func refuseServerAddress(_ path: String) throws(RegistryError) {
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
            throw RegistryError(.badLocation, "A PostgreSQL registry is opened with PostgresRegistryStore.open(url:) (module OriginRegistryPostgres), not as a file.",
                                path: path.contains("@") ? "postgres://…@" + path.split(separator: "@", maxSplits: 1)[1] : path)
        }
    }

    /// Full-text search over names, producers, provinces, companies and products, ignoring
    /// case and Vietnamese diacritics. Every word must match (word prefixes count); when no
    /// entry has them all, entries with any of them are returned, best first.
    ///
    /// ```swift
    /// try registry.search("nuoc mam phu quoc", limit: 5).map(\.id)   // ["gi:3", …]
    /// ```
    public func search(_ text: String, limit: Int = 20) throws(RegistryError) -> [SearchHit] {
        try database.search(text, limit: limit)
    }

    /// One entry by its ID ("ocop:12"), with its source and origin.
    public func entry(id: String) throws(RegistryError) -> (entry: RegistryEntry, source: RegistrySource, origin: EntryOrigin) {
        try database.entry(id: id)
    }

    /// All visible entries of a kind with their sources, in insertion order (for export).
    public func entries(_ kind: RegistryKind) throws(RegistryError) -> [(entry: RegistryEntry, source: RegistrySource)] {
        try database.entries(kind)
    }

    /// Entries by kind (seed, yours, visible), sources, the seed's version and its rejected rows.
    public func stats(today: CalendarDate = .today()) throws(RegistryError) -> RegistryStats {
        try database.stats(today: today)
    }

    /// Checks and imports a CSV file in one transaction, then replaces the snapshot. The first
    /// import creates the user's file. Bad rows reject the whole file unless `skipInvalid`; a
    /// dry run does everything and then rolls back. Inside a file the last row wins; an
    /// imported entry replaces the user's entry with the same identity and hides (does not
    /// delete) a seed entry with the same identity.
    public func importFile(bytes: [UInt8], name: String, kind: RegistryKind, source: String? = nil,
                           skipInvalid: Bool = false, dryRun: Bool = false,
                           today: CalendarDate = .today()) throws(RegistryError) -> (summary: ImportSummary, plan: ImportPlan) {
        if isReadOnly {
            throw RegistryError(.readOnly, "The registry \(path) was opened read-only; nothing can be imported through it.", path: path)
        }
        let plan = try ImportPlan(bytes: bytes, fileName: name, kind: kind, defaultSource: source, today: today)
        if !plan.problems.isEmpty && !skipInvalid {
            // Checked before any file is created: nothing changes.
            _ = try database.apply(plan, skipInvalid: false, dryRun: true, today: today)
        }
        let current = database
        if current.isPersistent || dryRun || !(current is RegistryDatabase) {
            let summary = try current.apply(plan, skipInvalid: skipInvalid, dryRun: dryRun, today: today)
            if !dryRun { try reload(current, today: today) }
            return (summary, plan)
        }
        var summary: ImportSummary?
        let created = try RegistryDatabase.create(path: path, today: today) { (database) throws(RegistryError) in
            summary = try database.apply(plan, skipInvalid: skipInvalid, dryRun: false, today: today)
        }
        try reload(created, today: today)
        return (summary!, plan)
    }

    /// Reads `file` and imports it.
    public func importFile(at file: String, kind: RegistryKind, source: String? = nil, skipInvalid: Bool = false,
                           dryRun: Bool = false, today: CalendarDate = .today()) throws(RegistryError) -> (summary: ImportSummary, plan: ImportPlan) {
        guard let data = FileManager.default.contents(atPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "cannot be read (permissions?)" : "does not exist"
            throw RegistryError(.io, "The import file \(file) \(reason).", path: file)
        }
        return try importFile(bytes: [UInt8](data), name: file, kind: kind, source: source, skipInvalid: skipInvalid,
                              dryRun: dryRun, today: today)
    }

    private func reload(_ database: any RegistryStore, today: CalendarDate) throws(RegistryError) {
        let snapshot = try database.snapshot(asOf: today)
        state.withLock { $0.database = database }
        install(snapshot, version: nil)
    }
}

extension RegistryEntry {
    package mutating func setID(_ id: Int64?) {
        switch self {
        case .brand(var r): r.id = id; self = .brand(r)
        case .gtin(var r): r.id = id; self = .gtin(r)
        case .ocop(var r): r.id = id; self = .ocop(r)
        case .geographicalIndication(var r): r.id = id; self = .geographicalIndication(r)
        case .ownership(var r): r.id = id; self = .ownership(r)
        case .recognition(var r): r.id = id; self = .recognition(r)
        case .hotline(var r): r.id = id; self = .hotline(r)
        }
    }
}
