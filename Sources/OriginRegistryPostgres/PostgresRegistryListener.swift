import Foundation
import Logging
import NIOCore
import OriginRegistry
import PostgresNIO
import Synchronization

/// Keeps a long-running process's snapshot of a shared PostgreSQL registry current: it
/// `LISTEN`s on ``PostgresRegistryStore/channel``, and on each notification loads the new
/// snapshot in the background and swaps it in atomically (``Registry/install(_:version:)``).
/// If the connection drops, the process keeps its last snapshot, ``Registry/health`` says so,
/// and the listener reconnects with backoff (0.25 s doubling to 15 s), catching up on reconnect.
///
/// ```swift
/// let store = try PostgresRegistryStore.open(url: url, readOnly: true)
/// let registry = try Registry(store: store, readOnly: true)
/// let listener = PostgresRegistryListener(store: store, registry: registry)
/// listener.start()   // returns at once; refreshes happen on its own queue
/// ```
public final class PostgresRegistryListener: Sendable {
    let store: PostgresRegistryStore
    let registry: Registry
    let logger: Logger
    let queue = DispatchQueue(label: "hangviet.registry.listener")
    struct State {
        var connection: PostgresConnection?
        var stopped = false
        var backoff = PostgresRegistryListener.firstBackoff
    }
    let state = Mutex(State())
    static let firstBackoff = 0.25
    static let longestBackoff = 15.0

    public init(store: PostgresRegistryStore, registry: Registry, logger: Logger? = nil) {
        self.store = store
        self.registry = registry
        self.logger = logger ?? Logger(label: "hangviet.registry.listener", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Starts listening (in the background); call once.
    public func start() {
        queue.async { self.connect() }
    }

    /// Stops listening and closes the connection.
    public func stop() {
        let connection = state.withLock { state -> PostgresConnection? in
            state.stopped = true
            defer { state.connection = nil }
            return state.connection
        }
        if let connection { let closing: EventLoopFuture<Void> = connection.close(); closing.whenComplete { _ in withExtendedLifetime(connection) {} } }
    }

    /// On the listener's queue: connect, LISTEN, then catch up with any change missed meanwhile.
    func connect() {
        guard !state.withLock({ $0.stopped }) else { return }
        do {
            let connection = try PostgresRegistryStore.newConnection(store.url, logger: logger)
            connection.addListener(channel: PostgresRegistryStore.channel) { [weak self] _, notification in
                // On the event loop: never block it; reload on the listener's queue.
                guard let self else { return }
                let version = Int64(notification.payload)
                self.queue.async { self.refresh(announced: version) }
            }
            _ = try connection.query("LISTEN hangviet_registry", logger: logger).wait()
            connection.closeFuture.whenComplete { [weak self] _ in
                guard let self else { return }
                self.queue.async { self.connectionLost() }
            }
            state.withLock { state in
                state.connection = connection
                state.backoff = Self.firstBackoff
            }
            logger.info("listening for registry changes", metadata: ["registry": "\(store.location)"])
            refresh(announced: nil)
        } catch {
            registry.noteRefreshFailure("\(error)", connected: false)
            retryLater()
        }
    }

    /// Reloads unless the snapshot already reflects `announced` (nil: ask the server).
    func refresh(announced: Int64?) {
        let current = registry.health.version
        if let announced, let current, announced <= current { return }
        do {
            let (snapshot, version) = try store.versionedSnapshot(asOf: .today())
            if version != current { registry.install(snapshot, version: version) }
        } catch {
            registry.noteRefreshFailure("\(error)", connected: false)
            logger.warning("registry refresh failed; answering from the last snapshot", metadata: ["error": "\(error)"])
        }
    }

    func connectionLost() {
        let stopped = state.withLock { state -> Bool in
            state.connection = nil
            return state.stopped
        }
        guard !stopped else { return }
        registry.noteRefreshFailure("lost the connection to \(store.location); answering from the last snapshot", connected: false)
        retryLater()
    }

    func retryLater() {
        let delay = state.withLock { state -> Double in
            defer { state.backoff = min(Self.longestBackoff, state.backoff * 2) }
            return state.backoff
        }
        queue.asyncAfter(deadline: .now() + delay) { self.connect() }
    }
}
