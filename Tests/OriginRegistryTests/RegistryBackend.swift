import Foundation
import OriginRegistry
import OriginRegistryPostgres
import TestSupport

/// Where a test's registry lives. Tests that take a backend run once per backend: the SQLite
/// file, and a fresh database on the throwaway PostgreSQL server when PostgreSQL is installed
/// (Scripts/postgres.sh; without it those runs are left out and the suite says so).
enum RegistryBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    /// The backends this machine can run.
    static let available: [RegistryBackend] = PostgresTestServer.shared == nil ? [.sqlite] : allCases

    var description: String { rawValue }

    /// A registry holding just the bundled seed: a new file in `folder`, or a new database.
    func open(in folder: TemporaryFolder, name: String = "registry", today: CalendarDate) throws -> Registry {
        switch self {
        case .sqlite:
            return try Registry.open(path: folder.path(name + ".sqlite"), today: today)
        case .postgres:
            let server = try PostgresTestServer.shared.orThrow("PostgreSQL is not installed")
            return try Registry(store: try PostgresRegistryStore.open(url: try server.newDatabase(), today: today), today: today)
        }
    }
}

private extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw BackendMissing(message: message) }
        return self
    }
}

private struct BackendMissing: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
