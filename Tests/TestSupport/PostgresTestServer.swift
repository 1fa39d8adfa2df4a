import Foundation
import Synchronization

/// A throwaway PostgreSQL server for the tests, started once per test process by
/// `Scripts/postgres.sh` (initdb and pg_ctl in a temporary folder, on a loopback port, as an
/// unprivileged user) and stopped when the process exits. Each test takes its own database.
///
/// ```swift
/// guard let server = PostgresTestServer.shared else { return }   // no PostgreSQL installed
/// let url = try server.newDatabase()
/// ```
public final class PostgresTestServer: Sendable {
    /// The folder holding the cluster, its socket and its logs.
    public let folder: String
    /// The first database's URL (with the test password).
    public let url: String
    let counter = Mutex(0)

    /// Why the server is not there, when it is not: no PostgreSQL binaries installed.
    public static let unavailableReason: String? = shared == nil ? startFailure.withLock { $0 } : nil
    private static let startFailure = Mutex<String?>(nil)

    /// The server, or nil (with ``unavailableReason``) when no PostgreSQL binaries are installed.
    /// Any other failure to start is a test failure: it stops the process with the script's output.
    public static let shared: PostgresTestServer? = {
        let folder = NSTemporaryDirectory() + "hangviet-postgres-\(getpid())"
        let (status, output) = script(["start", folder])
        if status == 4 {
            startFailure.withLock { $0 = "PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL registry tests are skipped. \(output)" }
            return nil
        }
        precondition(status == 0, "Scripts/postgres.sh start failed (\(status)): \(output)")
        let server = PostgresTestServer(folder: folder, url: output.trimmingCharacters(in: .whitespacesAndNewlines))
        atexit {
            // The cluster lives as long as the test process.
            _ = PostgresTestServer.script(["stop", NSTemporaryDirectory() + "hangviet-postgres-\(getpid())"])
        }
        return server
    }()

    init(folder: String, url: String) {
        self.folder = folder
        self.url = url
    }

    /// A new, empty database on the server; its URL.
    public func newDatabase() throws -> String {
        let name = counter.withLock { count -> String in count += 1; return "test\(count)" }
        let (status, output) = Self.script(["createdb", folder, name])
        guard status == 0 else { throw TestServerError(message: "createdb \(name) failed: \(output)") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A server of the test's own (to stop and resume without disturbing other tests); stop it
    /// when done. Nil when PostgreSQL is not installed.
    public static func startPrivate() throws -> PostgresTestServer? {
        let folder = NSTemporaryDirectory() + "hangviet-postgres-\(getpid())-\(UUID().uuidString.prefix(8))"
        let (status, output) = script(["start", folder])
        if status == 4 { return nil }
        guard status == 0 else { throw TestServerError(message: "Scripts/postgres.sh start failed (\(status)): \(output)") }
        return PostgresTestServer(folder: folder, url: output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Stops the server (to test what replicas do when it goes away).
    public func stop() { _ = Self.script(["stop", folder]) }

    /// Starts a stopped server again, on the same port.
    public func resume() throws {
        let (status, output) = Self.script(["resume", folder])
        guard status == 0 else { throw TestServerError(message: "resume failed: \(output)") }
    }

    /// Runs SQL as the server's owner in the database of `url` (psql, tuples only); its output.
    public func sql(_ statement: String, in url: String) throws -> String {
        let (status, output) = Self.script(["psql", folder, Self.database(of: url), statement])
        guard status == 0 else { throw TestServerError(message: "psql failed (\(status)): \(output)") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts SQL in the background (e.g. a transaction that holds a lock and sleeps); the
    /// running psql, which ends when the SQL does or the server stops.
    public func startSQL(_ statement: String, in url: String) throws -> Process {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("Scripts/postgres.sh").path, "psql", folder, Self.database(of: url), statement]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func database(of url: String) -> String {
        String(url.split(separator: "/").last ?? "registry").split(separator: "?").first.map(String.init) ?? "registry"
    }

    struct TestServerError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Runs Scripts/postgres.sh with `system` (the server it starts outlives the call, so no
    /// pipes: its output goes through a file); the exit status and the output.
    static func script(_ arguments: [String]) -> (Int32, String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let output = NSTemporaryDirectory() + "hangviet-postgres-\(getpid())-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let words = [root.appendingPathComponent("Scripts/postgres.sh").path] + arguments
        let command = "bash " + words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            + " > '\(output)' 2>&1 < /dev/null"
        let status = system(command)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exit = status == -1 ? 127 : (status >> 8) & 0xff
        return (exit, text)
    }
}
