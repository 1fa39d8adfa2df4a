import Foundation
import OriginRegistry

/// A shared registry's address: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`
/// (also `postgresql://`). The password may instead come from `PGPASSWORD`. ``redacted`` is the
/// URL without its password: the only form HangViet prints.
///
/// ```swift
/// let url = try PostgresRegistryURL("postgres://hangviet:secret@db.internal:5432/registry")
/// url.redacted   // "postgres://hangviet@db.internal:5432/registry"
/// ```
public struct PostgresRegistryURL: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        /// Plain TCP (loopback, or a private network).
        case disable
        /// TLS, with the server's certificate checked against the system's trust store.
        case require
    }

    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    public let tls: TLSMode

    /// True for text that names a PostgreSQL registry rather than a file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(RegistryError) {
        let shown = Self.redact(text)
        func bad(_ why: String) -> RegistryError {
            RegistryError(.badLocation, "The registry address \(shown) \(why). Write it as postgres://USER@HOST:PORT/DATABASE (the password in PGPASSWORD).",
                          path: shown)
        }
        guard Self.isPostgres(text), let components = URLComponents(string: text) else { throw bad("is not a PostgreSQL URL") }
        guard let host = components.host, !host.isEmpty else { throw bad("names no host") }
        guard let user = components.user, !user.isEmpty else { throw bad("names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw bad("names no database") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw bad("has a port outside 1–65535") }
        var tls = TLSMode.disable
        for item in components.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "disable"): tls = .disable
            case ("sslmode", "require"), ("sslmode", "verify-full"): tls = .require
            case ("sslmode", let other): throw bad("asks for sslmode=\(other); use disable or require")
            default: throw bad("has an unknown option \(item.name)")
            }
        }
        self.host = host
        self.port = port
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The URL without the password.
    public var redacted: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)\(tls == .require ? "?sslmode=require" : "")"
    }

    public var description: String { redacted }

    /// `text` with any password between "://user:" and "@" replaced, for messages about URLs
    /// that do not even parse.
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }
}
