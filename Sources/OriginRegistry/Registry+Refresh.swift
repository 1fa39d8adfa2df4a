import Foundation
import Synchronization

/// How fresh a long-running process's snapshot is: for `serve` replicas of a shared registry,
/// which reload when the registry changes and keep answering from their last snapshot when the
/// database is away. Shown in `/readyz` and `/metrics`.
///
/// ```swift
/// let health = registry.health
/// health.generation           // 3: the snapshot was swapped twice since start
/// health.connected            // false while the database is away
/// ```
public struct RegistryHealth: Sendable, Hashable {
    /// Counts snapshot swaps: 1 for the first snapshot. Caches keyed on it never mix snapshots.
    public var generation = 1
    /// The store's version of the loaded snapshot, where the store keeps one (PostgreSQL).
    public var version: Int64?
    /// When the current snapshot was loaded.
    public var loadedAt = Date()
    /// Reloads or reconnections that failed since start.
    public var refreshFailures = 0
    /// False while the process has lost its connection to the shared registry.
    public var connected = true
    /// The last failure, for `/readyz` (names the server, never its password).
    public var lastError: String?
}

extension Registry {
    /// The snapshot's generation, version and age, and whether refreshes are working.
    public var health: RegistryHealth { healthState.withLock { $0 } }

    /// Loads the store's snapshot again and swaps it in atomically (a replica's live refresh):
    /// requests that took the old snapshot finish with it, later ones see only the new one.
    /// `version` is the store's version the snapshot reflects, when known.
    @discardableResult
    public func refresh(version: Int64? = nil, today: CalendarDate = .today()) throws(RegistryError) -> RegistrySnapshot {
        let current = database
        let snapshot: RegistrySnapshot
        do {
            snapshot = try current.snapshot(asOf: today)
        } catch {
            noteRefreshFailure(error.description)
            throw error
        }
        install(snapshot, version: version)
        return snapshot
    }

    /// Swaps in a snapshot loaded elsewhere (a replica's listener), then bumps the generation
    /// (in that order: whoever sees the new generation also sees the new snapshot).
    public func install(_ snapshot: RegistrySnapshot, version: Int64?) {
        state.withLock { $0.snapshot = snapshot }
        healthState.withLock { health in
            health.generation += 1
            health.version = version ?? health.version
            health.loadedAt = Date()
            health.connected = true
            health.lastError = nil
        }
    }

    /// Records a failed reload or a lost connection: the last snapshot stays in use.
    public func noteRefreshFailure(_ reason: String, connected: Bool = true) {
        healthState.withLock { health in
            health.refreshFailures += 1
            health.connected = connected
            health.lastError = reason
        }
    }

    /// Records the store's version of the first snapshot (PostgreSQL replicas).
    public func noteVersion(_ version: Int64) {
        healthState.withLock { $0.version = version }
    }
}
