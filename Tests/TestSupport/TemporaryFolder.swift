import Foundation

/// A fresh folder under the system temporary directory, removed when the test ends. The one
/// temporary-folder helper of the tests.
public final class TemporaryFolder {
    public let url: URL
    public init(_ prefix: String = "hangviet-tests") throws {
        url = try Self.create(prefix)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// A fresh folder that outlives the test (for files a spawned process still reads).
    public static func create(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    public func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
}
