import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `hangviet serve` as a real process on a free port, called over HTTP, then stopped with SIGTERM.
@Suite("hangviet serve (the binary, live)")
struct ServeCommandTests {
    func fetch(_ url: URL, method: String = "GET", body: Data? = nil, headers: [String: String] = [:]) async throws -> (Int, Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, data)
    }

    @Test("serves health, a verdict, a scan and a JSON 404 over HTTP; SIGTERM stops it cleanly")
    func live() async throws {
        let process = Process()
        process.executableURL = CheckCommandTests.binary
        process.arguments = ["serve", "--port", "0", "--log-level", "warning"]
        process.environment = ["LANG": "C.UTF-8", "HANGVIET_REGISTRY": CheckCommandTests.absentRegistry]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The chosen port is printed when the server is listening.
        var output = ""
        let deadline = Date().addingTimeInterval(30)
        while !output.contains("listening on") && Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(output.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        let base = URL(string: "http://127.0.0.1:\(port)")!

        let (health, _) = try await fetch(base.appendingPathComponent("healthz"))
        #expect(health == 200)
        let (status, data) = try await fetch(base.appendingPathComponent("v1/codes/8934563138165"), headers: ["Accept-Language": "vi"])
        #expect(status == 200)
        let verdict = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(verdict["outcome"] as? String == "vietnamese-registrant")
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/samples/hao-hao-8934563138165.jpg")
        let (scanStatus, scanData) = try await fetch(base.appendingPathComponent("v1/scan"), method: "POST",
                                                     body: try Data(contentsOf: sample), headers: ["Content-Type": "image/jpeg"])
        #expect(scanStatus == 200)
        #expect(String(decoding: scanData, as: UTF8.self).contains("\"text\":\"8934563138165\""))
        let (missing, missingData) = try await fetch(base.appendingPathComponent("v2/nothing"))
        #expect(missing == 404)
        #expect(String(decoding: missingData, as: UTF8.self).contains("\"code\":\"not-found\""))

        process.terminate() // SIGTERM: graceful shutdown
        let stopped = Date().addingTimeInterval(15)
        while process.isRunning && Date() < stopped { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    @Test func badOptions() throws {
        #expect(try CheckCommandTests.run(["serve", "--port", "70000"]).status == 2)
        #expect(try CheckCommandTests.run(["serve", "--log-level", "loud"]).status == 2)
    }
}
