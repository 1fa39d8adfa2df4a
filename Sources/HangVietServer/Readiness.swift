import ServiceLifecycle
import Synchronization

/// Whether the server is draining for shutdown (new requests get 503, in-flight ones finish).
public final class Readiness: Sendable {
    private let state = Mutex(false)
    public init() {}
    public var isShuttingDown: Bool { state.withLock { $0 } }
    public func beginShutdown() { state.withLock { $0 = true } }
}

/// Flips ``Readiness`` when SIGTERM/SIGINT starts the graceful shutdown.
struct ShutdownWatcher: Service {
    let readiness: Readiness
    func run() async throws {
        try? await gracefulShutdown()
        readiness.beginShutdown()
    }
}
