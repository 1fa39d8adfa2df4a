import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `hangviet serve` as a real process on a free port, called over HTTP, then stopped with SIGTERM.
@Suite("hangviet serve (the binary, live)")
struct ServeCommandTests {
    @Test("serves health, a verdict, a scan and a JSON 404 over HTTP; SIGTERM stops it cleanly")
    func live() async throws {
        let server = try ServeProcess([], environment: ["HANGVIET_REGISTRY": CheckCommandTests.absentRegistry])
        let process = server.process
        let (health, _) = try await server.fetch("/healthz")
        #expect(health == 200)
        let (status, data) = try await server.fetch("/v1/codes/8934563138165", headers: ["Accept-Language": "vi"])
        #expect(status == 200)
        let verdict = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(verdict["outcome"] as? String == "vietnamese-registrant")
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/samples/hao-hao-8934563138165.jpg")
        let (scanStatus, scanData) = try await server.fetch("/v1/scan", method: "POST",
                                                            body: try Data(contentsOf: sample), headers: ["Content-Type": "image/jpeg"])
        #expect(scanStatus == 200)
        #expect(String(decoding: scanData, as: UTF8.self).contains("\"text\":\"8934563138165\""))
        let (missing, missingData) = try await server.fetch("/v2/nothing")
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
