/// Where a ``Registry`` keeps its facts: the SQLite file (``RegistryDatabase``, the embedded
/// default) or a shared PostgreSQL database (`OriginRegistryPostgres`, for many `serve`
/// replicas). Both keep the same model — sources, the bundled seed refreshed when it changes,
/// user entries that hide seed entries with the same identity, every write one transaction — and
/// both give the same immutable ``RegistrySnapshot``, so verdicts never know where facts came from.
///
/// ```swift
/// let store: any RegistryStore = try PostgresRegistryStore.open(url: "postgres://hangviet@db:5432/registry")
/// let registry = Registry(location: store.location, store: store)
/// let snapshot = registry.snapshot
/// ```
public protocol RegistryStore: Sendable {
    /// Where the facts are, safe to print: a file path, or a PostgreSQL URL without its password.
    var location: String { get }
    /// True when the facts live in a file or server (false: the bundled seed held in memory).
    var isPersistent: Bool { get }
    /// The in-memory snapshot the verdicts read.
    func snapshot(asOf today: CalendarDate) throws(RegistryError) -> RegistrySnapshot
    /// Applies a checked import plan in one transaction (see ``Registry/importFile(bytes:name:kind:source:skipInvalid:dryRun:today:)``).
    func apply(_ plan: ImportPlan, skipInvalid: Bool, dryRun: Bool, today: CalendarDate) throws(RegistryError) -> ImportSummary
    /// Search ignoring case and diacritics; every word must match, else any, best first.
    func search(_ text: String, limit: Int) throws(RegistryError) -> [SearchHit]
    /// One entry by its ID ("ocop:12").
    func entry(id: String) throws(RegistryError) -> (entry: RegistryEntry, source: RegistrySource, origin: EntryOrigin)
    /// All visible entries of a kind with their sources, in insertion order.
    func entries(_ kind: RegistryKind) throws(RegistryError) -> [(entry: RegistryEntry, source: RegistrySource)]
    /// Counts per kind, sources, the seed's version.
    func stats(today: CalendarDate) throws(RegistryError) -> RegistryStats
    /// Every user entry (seed entries are the bundled seed's, the same on every store), with its
    /// source's full record, in insertion order: what `registry copy` moves.
    func userEntries() throws(RegistryError) -> [CopiedEntry]
    /// Replaces all user entries with `entries` in one transaction (`registry copy`).
    func replaceUserEntries(_ entries: [CopiedEntry]) throws(RegistryError)
}

/// A user entry with its source, as `registry copy` moves it between stores.
public struct CopiedEntry: Sendable, Hashable {
    public var entry: RegistryEntry
    public var source: RegistrySource
    public init(entry: RegistryEntry, source: RegistrySource) {
        self.entry = entry
        self.source = source
    }
}

extension RegistryDatabase: RegistryStore {
    var location: String { path ?? "the bundled registry" }
    var isPersistent: Bool { path != nil }
}

extension RegistryStore {
    /// Today's snapshot.
    public func snapshot() throws(RegistryError) -> RegistrySnapshot { try snapshot(asOf: .today()) }
    /// Today's counts.
    public func stats() throws(RegistryError) -> RegistryStats { try stats(today: .today()) }
    /// The first 20 hits.
    public func search(_ text: String) throws(RegistryError) -> [SearchHit] { try search(text, limit: 20) }
}
