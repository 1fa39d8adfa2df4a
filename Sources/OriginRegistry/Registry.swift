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
        var database: RegistryDatabase
        var snapshot: RegistrySnapshot
    }

    /// Where the user's registry file is (it may not exist yet).
    public let path: String
    let state: Mutex<State>

    /// The current snapshot for verdicts. Cheap: returns a shared immutable object.
    public var snapshot: RegistrySnapshot { state.withLock { $0.snapshot } }
    /// The database (the user's file, or the in-memory seed before the first import).
    public var database: RegistryDatabase { state.withLock { $0.database } }
    /// True when the user's file exists (an import has been made).
    public var hasUserFile: Bool { database.path != nil }

    init(path: String, database: RegistryDatabase, snapshot: RegistrySnapshot) {
        self.path = path
        self.state = Mutex(State(database: database, snapshot: snapshot))
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

    /// Opens the registry at `path` (resolved as in ``resolvePath(_:environment:)``). A missing
    /// file means "the bundled seed"; an unwritable one is opened read-only.
    public static func open(path explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                            today: CalendarDate = .today()) throws(RegistryError) -> Registry {
        let path = resolvePath(explicit, environment: environment)
        let database: RegistryDatabase
        if FileManager.default.fileExists(atPath: path) {
            let writable = FileManager.default.isWritableFile(atPath: path)
            database = try RegistryDatabase.open(path: path, readOnly: !writable, today: today)
        } else {
            database = try RegistryDatabase.inMemorySeed(today: today)
        }
        return Registry(path: path, database: database, snapshot: try database.snapshot(asOf: today))
    }

    /// Only the snapshot, as fast as possible: from the seed compiled into the binary when the
    /// user's file does not exist, else from the file. For `check` and `scan`.
    public static func loadSnapshot(path explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                    today: CalendarDate = .today()) throws(RegistryError) -> RegistrySnapshot {
        let path = resolvePath(explicit, environment: environment)
        if FileManager.default.fileExists(atPath: path) {
            let writable = FileManager.default.isWritableFile(atPath: path)
            return try RegistryDatabase.open(path: path, readOnly: !writable, today: today).snapshot(asOf: today)
        }
        return try RegistrySnapshot.seed(asOf: today)
    }

    /// Checks and imports a CSV file (see ``RegistryDatabase/apply(_:skipInvalid:dryRun:today:)``
    /// for the rules), then replaces the snapshot. The first import creates the user's file.
    public func importFile(bytes: [UInt8], name: String, kind: RegistryKind, source: String? = nil,
                           skipInvalid: Bool = false, dryRun: Bool = false,
                           today: CalendarDate = .today()) throws(RegistryError) -> (summary: ImportSummary, plan: ImportPlan) {
        let plan = try ImportPlan(bytes: bytes, fileName: name, kind: kind, defaultSource: source, today: today)
        if !plan.problems.isEmpty && !skipInvalid {
            // Checked before any file is created: nothing changes.
            _ = try database.apply(plan, skipInvalid: false, dryRun: true, today: today)
        }
        let current = database
        if current.path != nil || dryRun {
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

    private func reload(_ database: RegistryDatabase, today: CalendarDate) throws(RegistryError) {
        let snapshot = try database.snapshot(asOf: today)
        state.withLock { $0 = State(database: database, snapshot: snapshot) }
    }
}

extension RegistrySnapshot {
    /// The snapshot of the bundled seed alone, built straight from the compiled-in CSVs, with
    /// the same IDs a fresh registry file gives them.
    public static func seed(asOf today: CalendarDate = .today()) throws(RegistryError) -> RegistrySnapshot {
        if let prefetched = SeedPrefetch.shared.take(today: today) { return try prefetched.get() }
        return try buildSeed(asOf: today)
    }

    /// Starts building today's seed snapshot on a background thread, so that a command that
    /// will need it (`check`, `scan`) overlaps the work with its own start-up; ``seed(asOf:)``
    /// then waits for that result instead of building another. Calling it twice does nothing.
    ///
    /// ```swift
    /// RegistrySnapshot.prefetchSeed()      // first thing in main
    /// let snapshot = try RegistrySnapshot.seed()   // later: the prefetched one
    /// ```
    public static func prefetchSeed() {
        SeedPrefetch.shared.start(today: .today())
    }

    static func buildSeed(asOf today: CalendarDate) throws(RegistryError) -> RegistrySnapshot {
        var entries: [RegistryEntry] = []
        var sources: [Int64: RegistrySource] = [:]
        var sourceIDs: [String: Int64] = [:]
        for plan in try Seed.plans(today: today) {
            var nextID: Int64 = 1
            for item in plan.items {
                let sourceID: Int64
                if let known = sourceIDs[item.source] {
                    sourceID = known
                } else {
                    sourceID = Int64(sourceIDs.count + 1)
                    sourceIDs[item.source] = sourceID
                    sources[sourceID] = RegistrySource(address: item.source, title: "HangViet seed: Resources/registry/\(plan.fileName)",
                                                       licence: RegistrySource.licence(forAddress: item.source))
                }
                var entry = item.entry
                entry.setSource(sourceID, origin: .seed)
                entry.setID(nextID)
                nextID += 1
                entries.append(entry)
            }
        }
        return RegistrySnapshot(entries: entries, sources: sources, asOf: today)
    }
}

extension RegistryEntry {
    mutating func setID(_ id: Int64) {
        switch self {
        case .brand(var r): r.id = id; self = .brand(r)
        case .product(var r): r.id = id; self = .product(r)
        case .ocop(var r): r.id = id; self = .ocop(r)
        case .geographicalIndication(var r): r.id = id; self = .geographicalIndication(r)
        }
    }
}
