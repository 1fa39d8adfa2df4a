import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import OriginRegistry
import PostgresNIO
import Synchronization

/// The registry in a shared PostgreSQL database, for deployments that outgrow one machine: many
/// `hangviet serve` replicas read it, provincial offices and retailers import into it. Same
/// model as the SQLite file: migrations, sources, the bundled seed refreshed when it changes,
/// user entries hiding seed entries with the same identity, every import one transaction.
/// Verdicts still read an immutable in-memory ``RegistrySnapshot``: no SQL per verdict.
///
/// Each entry is one row of `hangviet_entry` (kind, identity key, origin, source, the record as
/// `jsonb`, and its text folded for search). Every write bumps `hangviet_meta.version` and sends
/// `NOTIFY hangviet_registry` with the new version, so replicas can reload.
///
/// Calls block the calling thread until PostgreSQL answers (the work runs on SwiftNIO's event
/// loops): call them from a command or a background task, never from an event loop.
///
/// ```swift
/// let store = try PostgresRegistryStore.open(url: "postgres://hangviet@127.0.0.1:5432/registry")
/// let registry = try Registry(store: store)
/// try registry.importFile(at: "nghe-an-ocop.csv", kind: .ocop)
/// ```
public final class PostgresRegistryStore: RegistryStore {
    /// The channel every write notifies, with the new registry version as its payload.
    public static let channel = "hangviet_registry"

    public let url: PostgresRegistryURL
    /// The connection, replaced by a new one when the server dropped it.
    let current: Mutex<PostgresConnection>
    var connection: PostgresConnection { current.withLock { $0 } }
    let logger: Logger
    /// One transaction at a time on the one connection.
    let transactionLock = Mutex(())

    public var location: String { url.redacted }
    public var isPersistent: Bool { true }

    init(url: PostgresRegistryURL, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.current = Mutex(connection)
        self.logger = logger
    }

    deinit {
        // PostgresNIO wants a connection closed before it is released: the closure keeps it
        // alive until the close completes.
        let connection = self.connection
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Connects, migrates the schema and refreshes the bundled seed when it changed
    /// (`readOnly`: only checks that the schema is not newer than this HangViet).
    public static func open(url text: String, readOnly: Bool = false, today: CalendarDate = .today(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(RegistryError) -> PostgresRegistryStore {
        let url = try PostgresRegistryURL(text, environment: environment)
        let store = try connect(url)
        try store.prepare(readOnly: readOnly, today: today)
        return store
    }

    static func connect(_ url: PostgresRegistryURL) throws(RegistryError) -> PostgresRegistryStore {
        let logger = Logger(label: "hangviet.registry.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        return PostgresRegistryStore(url: url, connection: try newConnection(url, logger: logger), logger: logger)
    }

    /// A new connection to the store's server.
    static func newConnection(_ url: PostgresRegistryURL, logger: Logger) throws(RegistryError) -> PostgresConnection {
        do {
            let tls: PostgresConnection.Configuration.TLS = url.tls == .require
                ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
            var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                                 password: url.password, database: url.database, tls: tls)
            configuration.options.connectTimeout = .seconds(10)
            let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            return connection
        } catch {
            throw map(error, url: url)
        }
    }

    /// Closes the connection (also done when the store is released).
    public func close() {
        let closing: EventLoopFuture<Void> = connection.close()
        try? closing.wait()
    }

    // MARK: - Queries

    @discardableResult
    func run(_ query: PostgresQuery) throws(RegistryError) -> [PostgresRow] {
        do {
            return try liveConnection().query(query, logger: logger).wait().rows
        } catch {
            throw Self.map(error, url: url)
        }
    }

    /// The connection, reconnected first if the server dropped it (a replica outliving a
    /// database restart); throws while the server is away.
    func liveConnection() throws(RegistryError) -> PostgresConnection {
        let connection = self.connection
        guard connection.isClosed else { return connection }
        let fresh = try Self.newConnection(url, logger: logger)
        current.withLock { $0 = fresh }
        return fresh
    }

    /// Runs `body` in one transaction, serialised on the store's advisory lock so that two
    /// replicas' migrations or imports never interleave. `commit` false rolls back (dry runs).
    func transaction<T>(commit: (T) -> Bool = { _ in true }, _ body: () throws(RegistryError) -> T) throws(RegistryError) -> T {
        try transactionLock.withLock { _ throws(RegistryError) -> T in
            try run("BEGIN")
            do throws(RegistryError) {
                try run("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
                let result = try body()
                try run(commit(result) ? "COMMIT" : "ROLLBACK")
                return result
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
        }
    }

    /// The advisory lock every writer takes ("HangViet" in ASCII).
    static let lockKey: Int64 = 0x48_61_6E_67_56_69_65_74

    /// Bumps the registry version and notifies listening replicas (delivered at commit).
    func bumpVersion() throws(RegistryError) {
        let rows = try run("UPDATE hangviet_meta SET value = (value::bigint + 1)::text WHERE key = 'version' RETURNING value")
        let version = (try? rows.first?.decode(String.self)) ?? "0"
        try run("SELECT pg_notify(\(Self.channel), \(version))")
    }

    /// The registry's version: bumped by every write.
    public func version() throws(RegistryError) -> Int64 {
        let rows = try run("SELECT value FROM hangviet_meta WHERE key = 'version'")
        return (try? rows.first?.decode(String.self)).flatMap { Int64($0) } ?? 0
    }

    // MARK: - Errors

    /// PostgreSQL's and the network's errors, as errors that name the server (never its password)
    /// and say what to do.
    static func map(_ error: any Error, url: PostgresRegistryURL) -> RegistryError {
        if let error = error as? RegistryError { return error }
        let server = url.redacted
        if let psql = error as? PSQLError {
            if psql.code == .server, let info = psql.serverInfo {
                let state = info[.sqlState] ?? ""
                let message = info[.message] ?? "error \(state)"
                switch state {
                case "28P01", "28000":
                    return RegistryError(.accessDenied, "The PostgreSQL server \(server) refused user \(url.user): \(message). Check the user and the password (PGPASSWORD).", path: server)
                case "3D000":
                    return RegistryError(.noSuchDatabase, "The PostgreSQL server \(server) has no database \(url.database). Create it (createdb \(url.database)) or name another.", path: server)
                case "57P01", "57P02", "57P03":   // shutting down, crashed, starting up
                    return RegistryError(.serverUnavailable, "The PostgreSQL server \(server) went away (\(message)); any unfinished change was rolled back. Try again once it runs.", path: server)
                case "42501":
                    return RegistryError(.readOnly, "The PostgreSQL user \(url.user) may not write the registry at \(server): \(message).", path: server)
                default:
                    return RegistryError(.database, "The registry \(server) failed: \(message) (SQLSTATE \(state)).", path: server)
                }
            }
            switch psql.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                let cause = psql.underlying.map { " (\(String(describing: $0)))" } ?? ""
                return RegistryError(.serverUnavailable, "The PostgreSQL server \(server) cannot be reached\(cause). Check that it runs and that the host and port are right.", path: server)
            case .sslUnsupported:
                return RegistryError(.serverUnavailable, "The PostgreSQL server \(server) does not offer TLS; use sslmode=disable on a private network.", path: server)
            case .authMechanismRequiresPassword:
                return RegistryError(.accessDenied, "The PostgreSQL server \(server) wants a password for \(url.user). Set PGPASSWORD.", path: server)
            default:
                return RegistryError(.database, "The registry \(server) failed: \(psql.code).", path: server)
            }
        }
        if error is ChannelError || error is IOError || error is NIOConnectionError {
            return RegistryError(.serverUnavailable, "The PostgreSQL server \(server) cannot be reached (\(error)). Check that it runs and that the host and port are right.", path: server)
        }
        return RegistryError(.database, "The registry \(server) failed: \(error)", path: server)
    }
}
