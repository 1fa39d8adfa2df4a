import BarcodeScanning
import Foundation
import HangViet
import HangVietServer
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// Every endpoint and error through the same router `hangviet serve` runs.
@Suite("HTTP API (router)")
struct RouterTests {
    static let service: LocalVerificationService = {
        let absent = FileManager.default.temporaryDirectory.appendingPathComponent("hangviet-server-tests-absent/registry.sqlite").path
        return try! LocalVerificationService(configuration: ServerConfiguration(), registryPath: absent)
    }()

    static var sampleJPEG: [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/samples/hao-hao-8934563138165.jpg")
        return [UInt8](try! Data(contentsOf: url))
    }

    func app(_ configure: (inout ServerConfiguration) -> Void = { _ in }, readiness: Readiness = Readiness())
        -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        configure(&configuration)
        let router = buildRouter(configuration: configuration, service: Self.service, metrics: ServerMetrics(),
                                 readiness: readiness, logger: Logger(label: "test"))
        return Application(router: router)
    }

    func object(_ body: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    func errorCode(_ body: ByteBuffer) -> String? {
        (object(body)["error"] as? [String: Any])?["code"] as? String
    }

    @Test("GET /v1/codes/{code}: the CLI's verdict JSON, registry facts, Accept-Language, invalid codes, element strings")
    func oneCode() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/codes/8934563138165", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let verdict = object(response.body)
                #expect(verdict["outcome"] as? String == "vietnamese-registrant")
                let registry = verdict["registry"] as! [[String: Any]]
                #expect(registry.contains { ($0["name"] as? String)?.contains("Acecook Việt Nam") == true && $0["ownership"] as? String == "foreign-group" })
            }
            try await client.execute(uri: "/v1/codes/8934563138165", method: .get, headers: [.acceptLanguage: "vi-VN,vi;q=0.9,en;q=0.8"]) { response in
                #expect((object(response.body)["summary"] as? String)?.hasPrefix("Doanh nghiệp đăng ký mã tại Việt Nam") == true)
            }
            try await client.execute(uri: "/v1/codes/8934563138166", method: .get) { response in
                #expect(response.status == .ok)
                #expect(object(response.body)["outcome"] as? String == "invalid")
            }
            try await client.execute(uri: "/v1/codes/%2801%2908934563138165%28422%29704", method: .get) { response in
                #expect(object(response.body)["outcome"] as? String == "declared-vietnamese-origin")
            }
        }
    }

    @Test("POST /v1/codes: arrays and {codes:[…]}; malformed JSON 400, wrong items 400, too many 413")
    func manyCodes() async throws {
        try await app { $0.maximumCodesPerRequest = 3 }.test(.router) { client in
            try await client.execute(uri: "/v1/codes", method: .post, body: ByteBuffer(string: #"["8934563138165","9786045823453"]"#)) { response in
                #expect(response.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(list.map { $0["outcome"] as? String } == ["vietnamese-registrant", "vietnamese-book"])
            }
            try await client.execute(uri: "/v1/codes", method: .post, body: ByteBuffer(string: #"{"codes":["96001233"]}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/codes", method: .post, body: ByteBuffer(string: #"["8934563138165""#)) { response in
                #expect(response.status == .badRequest)
                #expect(errorCode(response.body) == "malformed-request")
            }
            try await client.execute(uri: "/v1/codes", method: .post, body: ByteBuffer(string: #"[8934563138165]"#)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/codes", method: .post, body: ByteBuffer(string: #"["1","2","3","4"]"#)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorCode(response.body) == "too-many-codes")
            }
        }
        try await app { $0.maximumJSONBytes = 64 }.test(.router) { client in
            let big = "[" + Array(repeating: #""8934563138165""#, count: 10).joined(separator: ",") + "]"
            try await client.execute(uri: "/v1/codes", method: .post, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorCode(response.body) == "body-too-large")
            }
        }
    }

    @Test("POST /v1/scan: raw JPEG and multipart read the Hảo Hảo code; wrong types 415, unreadable 422, bombs and big bodies 413")
    func scan() async throws {
        try await app { $0.maximumScanBytes = 2 * 1024 * 1024 }.test(.router) { client in
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/jpeg"],
                                     body: ByteBuffer(bytes: Self.sampleJPEG)) { response in
                #expect(response.status == .ok)
                let report = object(response.body)
                #expect(report["status"] as? String == "ok")
                let codes = report["codes"] as! [[String: Any]]
                #expect(codes.first?["text"] as? String == "8934563138165")
                #expect((codes.first?["verdict"] as? [String: Any])?["outcome"] as? String == "vietnamese-registrant")
            }
            var multipart = Array("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
            multipart += Self.sampleJPEG + Array("\r\n--XyZ--\r\n".utf8)
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(bytes: multipart)) { response in
                #expect(response.status == .ok)
                #expect(((object(response.body)["codes"] as? [[String: Any]])?.first?["text"] as? String) == "8934563138165")
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "multipart/form-data; boundary=XyZ"],
                                     body: ByteBuffer(string: "not multipart")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/gif"],
                                     body: ByteBuffer(string: "GIF89a\u{1}\u{0}\u{1}\u{0}")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/jpeg"],
                                     body: ByteBuffer(bytes: Array(Self.sampleJPEG.prefix(300)))) { response in
                #expect(response.status == .unprocessableContent || response.status == .ok)
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/jpeg"], body: ByteBuffer()) { response in
                #expect(response.status == .unprocessableContent)
                #expect(errorCode(response.body) == "unreadable-image")
            }
            // A PNG whose header declares 100 000 × 100 000 pixels: refused before any decoding.
            let bomb: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
                + [0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0, 0xDE, 0xAD, 0xBE, 0xEF]
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/png"], body: ByteBuffer(bytes: bomb)) { response in
                #expect(response.status == .contentTooLarge)
                #expect((object(response.body)["error"] as? [String: Any])?["message"] as? String != nil)
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/jpeg"],
                                     body: ByteBuffer(bytes: [UInt8](repeating: 0xFF, count: 3 * 1024 * 1024))) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorCode(response.body) == "body-too-large")
            }
        }
    }

    static func testImage(_ name: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BarcodeScanningTests/Images").appendingPathComponent(name)
        return [UInt8](try! Data(contentsOf: url))
    }

    @Test("POST /v1/scan: each code's read confidence; a single-line read is doubtful in the verdict; DataMatrix with AI 422")
    func scanConfidence() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/png"],
                                     body: ByteBuffer(bytes: Self.testImage("ean13-single-line.png"))) { response in
                #expect(response.status == .ok)
                let code = try #require((object(response.body)["codes"] as? [[String: Any]])?.first)
                #expect(code["text"] as? String == "8934563138165")
                let confidence = code["confidence"] as? [String: Any]
                #expect(confidence?["level"] as? String == "single-read")
                #expect(confidence?["reason"] as? String == "one-decoder")
                let caveats = (code["verdict"] as? [String: Any])?["caveats"] as? [[String: Any]]
                #expect(caveats?.first?["code"] as? String == "doubtful-read")
                #expect((caveats?.first?["message"] as? String)?.contains("compare with the digits printed under the bars") == true)
            }
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/jpeg", .acceptLanguage: "vi"],
                                     body: ByteBuffer(bytes: Self.testImage("datamatrix-gs1-origin-photo.jpg"))) { response in
                let code = try #require((object(response.body)["codes"] as? [[String: Any]])?.first)
                #expect(code["symbology"] as? String == "GS1-DataMatrix")
                #expect((code["confidence"] as? [String: Any])?["level"] as? String == "confirmed")
                #expect((code["verdict"] as? [String: Any])?["outcome"] as? String == "declared-vietnamese-origin")
            }
            // A medicine box's EAN-13 and GS1 DataMatrix in one photo: a verdict for each.
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "image/jpeg"],
                                     body: ByteBuffer(bytes: Self.testImage("datamatrix-beside-ean13-photo.jpg"))) { response in
                let codes = try #require(object(response.body)["codes"] as? [[String: Any]])
                #expect(codes.map { $0["symbology"] as? String } == ["EAN-13", "GS1-DataMatrix"])
                #expect((codes.last?["verdict"] as? [String: Any])?["outcome"] as? String == "declared-vietnamese-origin")
                #expect(codes.last?["pass"] as? String == "matrix-code-search")
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let text = String(buffer: response.body)
                let levels = ReadConfidence.Level.allCases.map(\.rawValue).joined(separator: ", ")
                let reasons = ReadConfidence.Reason.allCases.map(\.rawValue).joined(separator: ", ")
                #expect(text.contains("level: {type: string, enum: [\(levels)]}"))
                #expect(text.contains("reason: {type: string, enum: [\(reasons)]}"))
            }
        }
    }

    @Test("GET /v1/registry/search: diacritics ignored, sources given; bad queries 400")
    func search() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/registry/search?q=nuoc%20mam%20phu%20quoc&limit=5", method: .get) { response in
                #expect(response.status == .ok)
                let hits = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
                #expect(hits.first?["id"] as? String == "gi:1")
                #expect(((hits.first?["source"] as? [String: Any])?["addresses"] as? [String])?.first?.hasPrefix("https://") == true)
                #expect(hits.count <= 5)
            }
            try await client.execute(uri: "/v1/registry/search?q=", method: .get) { response in #expect(response.status == .badRequest) }
            try await client.execute(uri: "/v1/registry/search?q=x&limit=0", method: .get) { response in #expect(response.status == .badRequest) }
        }
    }

    @Test("health, readiness (503 while shutting down), metrics, OpenAPI, unknown routes, rate limit")
    func operations() async throws {
        let readiness = Readiness()
        try await app({ $0.requestsPerMinutePerClient = 5 }, readiness: readiness).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(OpenAPISchemas().problems(Array(response.body.readableBytesView), against: "Readiness") == [])
                let registry = object(response.body)["registry"] as? [String: Any]
                #expect(object(response.body)["status"] as? String == "ready" && (registry?["generation"] as? Int ?? 0) >= 1)
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("openapi: 3.1.0"))
                for path in ["/v1/codes/{code}:", "/v1/codes:", "/v1/scan:", "/v1/registry/search:", "/healthz:", "/readyz:", "/metrics:"] {
                    #expect(text.contains(path), "\(path)")
                }
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response.body) == "not-found")
            }
            for _ in 0..<4 { try await client.execute(uri: "/v1/codes/96001233", method: .get) { _ in } }
            try await client.execute(uri: "/v1/codes/96001233", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "1")
                #expect(errorCode(response.body) == "rate-limited")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"hangviet_http_requests_total{route="/v1/codes/{code}",method="GET",status="200"} 3"#))
                #expect(text.contains(#"hangviet_http_requests_total{route="/v1/codes/{code}",method="GET",status="429"} 2"#))
                #expect(text.contains("# TYPE hangviet_scans_running gauge\nhangviet_scans_running "))
            }
            readiness.beginShutdown()
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/v1/codes/96001233", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(errorCode(response.body) == "shutting-down")
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("a full scan queue refuses at once with 503 instead of piling up")
    func scanQueue() async throws {
        let limiter = ScanLimiter(concurrent: 1, queued: 0)
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        async let first: Int = limiter.run { started.signal(); gate.wait(); return 1 }
        started.wait()
        await #expect(throws: APIError.self) { try await limiter.run { 2 } }
        gate.signal()
        #expect(try await first == 1)
        #expect(try await limiter.run { 3 } == 3)
    }

    @Test func acceptLanguage() {
        #expect(Language(acceptLanguageHeader: "vi") == .vi)
        #expect(Language(acceptLanguageHeader: "en-US,vi;q=0.5") == .en)
        #expect(Language(acceptLanguageHeader: "fr, vi;q=0.8, en;q=0.7") == .vi)
        #expect(Language(acceptLanguageHeader: nil) == .en)
    }
}

@Suite("Verdict answer cache")
struct ResponseCacheTests {
    @Test("same question, same bytes, computed once; bounded by two generations")
    func boundedAndReused() {
        let cache = ResponseCache(capacity: 4)
        var made = 0
        for _ in 0..<3 { _ = cache.answer(for: "8934563138165", language: .en) { made += 1; return [1] } }
        #expect(made == 1)
        #expect(cache.answer(for: "8934563138165", language: .vi) { made += 1; return [2] } == [2])
        #expect(made == 2)
        for code in ["a", "b", "c", "d", "e", "f"] { _ = cache.answer(for: code, language: .en) { [3] } }
        #expect(cache.count <= 4)
        let disabled = ResponseCache(capacity: 0)
        _ = disabled.answer(for: "x", language: .en) { made += 1; return [] }
        _ = disabled.answer(for: "x", language: .en) { made += 1; return [] }
        #expect(made == 4)
    }
}
