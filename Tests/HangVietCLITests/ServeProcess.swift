import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `hangviet serve` started as a real process on a free port (`--port 0`): the port is read
/// from the "listening on" line it prints once it listens. Stopped (SIGTERM) when released.
///
/// ```swift
/// let server = try ServeProcess(["--registry", url])
/// let (status, body) = try await server.get("/v1/codes/8934563138165")
/// ```
final class ServeProcess: @unchecked Sendable {   // the process is only started and stopped
    let process = Process()
    let port: Int
    var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = CheckCommandTests.binary
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"] + arguments
        process.environment = ["LANG": "C.UTF-8"].merging(environment) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var output = ""
        let deadline = Date().addingTimeInterval(60)
        while !output.contains("listening on") && Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        guard let port = output.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            process.terminate()
            throw ServeProcessError(message: "serve did not start: \(output)")
        }
        self.port = port
    }

    deinit { if process.isRunning { process.terminate(); process.waitUntilExit() } }

    /// A request to the server; its status and body.
    func fetch(_ path: String, method: String = "GET", body: Data? = nil, headers: [String: String] = [:]) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, data)
    }

    /// A GET; its status and body as text.
    func get(_ path: String) async throws -> (Int, String) {
        let (status, data) = try await fetch(path)
        return (status, String(decoding: data, as: UTF8.self))
    }
}

struct ServeProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
