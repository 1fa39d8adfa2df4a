import Foundation
import HangViet
import HangVietServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The web page and `POST /v1/inventory` through the router `hangviet serve` runs. What a
/// person sees in a real browser is tested by Scripts/browser-test.sh.
@Suite("Web page and inventory upload (router)")
struct WebPageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func app(_ configure: (inout ServerConfiguration) -> Void = { _ in }) -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        configure(&configuration)
        return Application(router: buildRouter(configuration: configuration, service: RouterTests.service, metrics: ServerMetrics(),
                                               readiness: Readiness(), logger: Logger(label: "test")))
    }

    func text(_ body: ByteBuffer) -> String { String(decoding: body.readableBytesView, as: UTF8.self) }

    func object(_ body: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    @Test("GET /: Vietnamese unless the browser prefers English; ?lang= switches and is remembered in a cookie")
    func language() async throws {
        try await app().test(.router) { client in
            for (header, expected) in [(nil, "vi"), ("vi-VN,vi;q=0.9", "vi"), ("fr-FR,fr", "vi"), ("en-GB,en;q=0.9", "en"),
                                       ("vi;q=0.5,en;q=0.8", "en"), ("en;q=0,vi;q=0.1", "vi")] as [(String?, String)] {
                var headers = HTTPFields()
                if let header { headers[.acceptLanguage] = header }
                try await client.execute(uri: "/", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    #expect(text(response.body).contains("<html lang=\"\(expected)\">"), "Accept-Language \(header ?? "none")")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            try await client.execute(uri: "/?lang=en", method: .get, headers: [.acceptLanguage: "vi"]) { response in
                #expect(text(response.body).contains("<html lang=\"en\">"))
                #expect(response.headers[.setCookie]?.hasPrefix("hv_lang=en;") == true)
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "vi", .cookie: "other=1; hv_lang=en"]) { response in
                #expect(text(response.body).contains("<html lang=\"en\">"))
                #expect(text(response.body).contains("Scan a photo"))
            }
        }
    }

    @Test("GET /: strict CSP, nosniff, no referrer; no inline script; ETag gives 304; gzip is smaller; assets under 150 KB compressed")
    func headersAndCaching() async throws {
        try await app().test(.router) { client in
            var etag = ""
            var total = 0
            try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip, deflate"]) { response in
                #expect(response.status == .ok)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self'") && policy.contains("default-src 'none'") && !policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.contentEncoding] == "gzip")
                etag = response.headers[.eTag] ?? ""
                total += response.body.readableBytes
            }
            #expect(etag.hasPrefix("\""))
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            var page = ""
            try await client.execute(uri: "/", method: .get) { response in
                page = text(response.body)
                #expect(response.headers[.contentEncoding] == nil)
            }
            // Scripts only from this server; the texts travel as a JSON data block, which does not run.
            let scripts = page.components(separatedBy: "<script").dropFirst()
            #expect(scripts.count == 2)
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/assets/app.js?v=") || $0.hasPrefix(" type=\"application/json\"") })
            #expect(!page.contains("style=\"") && !page.contains("http://") && !page.contains("https://"))
            for asset in ["/assets/app.js", "/assets/app.css"] {
                try await client.execute(uri: asset, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl]?.contains("max-age") == true)
                    total += response.body.readableBytes
                }
            }
            #expect(total < 150 * 1024)
        }
    }

    @Test("The page's texts exist in both languages, and every {{key}} of the template is filled")
    func texts() async throws {
        try await app().test(.router) { client in
            for language in ["vi", "en"] {
                try await client.execute(uri: "/?lang=\(language)", method: .get) { response in
                    let page = text(response.body)
                    #expect(!page.contains("{{"), "unfilled key in the \(language) page")
                    let json = page.components(separatedBy: "id=\"hv-texts\">")[1].components(separatedBy: "</script>")[0]
                    let texts = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
                    #expect(texts?["o.invalid"] == (language == "vi" ? "Mã không hợp lệ" : "Invalid code"))
                    #expect(texts?.values.allSatisfy { !$0.isEmpty } == true)
                }
            }
        }
    }

    @Test("POST /v1/inventory: the sample CSV gives the batch summary, the report section and the checked CSV")
    func inventoryCSV() async throws {
        let csv = try [UInt8](Data(contentsOf: Self.repository.appendingPathComponent("Resources/samples/inventory.csv")))
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/inventory?name=kho.csv&quantity=SL&price=%C4%90%C6%A1n%20gi%C3%A1", method: .post,
                                     headers: [.contentType: "text/csv", .acceptLanguage: "vi"], body: ByteBuffer(bytes: csv)) { response in
                #expect(response.status == .ok)
                APIContractTests.expectConforms(try APIContractTests.json(response.body), "InventoryAnswer", "POST /v1/inventory")
                let answer = object(response.body)
                let summary = answer["summary"] as? [String: Any]
                #expect(summary?["rows"] as? Int == 9)
                let shares = summary?["shares"] as? [String: Any]
                #expect(shares?["quantity"] != nil && shares?["value"] != nil)
                let report = answer["reportHTML"] as? String ?? ""
                #expect(report.hasPrefix("<section class=\"hv-report\">"))
                #expect(report.contains("kho.csv") && report.contains("12,5 %") && report.contains("Các dòng cần xử lý"))
                #expect(!report.contains("style=\""))
                let checked = answer["checkedCSV"] as? String ?? ""
                #expect(checked.split(separator: "\n").count == 10 && checked.contains("share_category"))
            }
            try await client.execute(uri: "/v1/inventory?output=csv", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(bytes: csv)) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(text(response.body).contains("8934563138165"))
            }
        }
    }

    @Test("POST /v1/inventory: an Excel workbook is read; bad uploads get 415, 413 and 422 with the reason")
    func inventoryWorkbookAndErrors() async throws {
        let workbook = try [UInt8](Data(contentsOf: Self.repository.appendingPathComponent("Tests/HangVietCLITests/Fixtures/inventory.xlsx")))
        try await app({ $0.maximumInventoryBytes = 64 * 1024 }).test(.router) { client in
            try await client.execute(uri: "/v1/inventory", method: .post,
                                     headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
                                     body: ByteBuffer(bytes: workbook)) { response in
                #expect(response.status == .ok)
                #expect(((object(response.body)["summary"] as? [String: Any])?["rows"] as? Int ?? 0) > 0)
            }
            try await client.execute(uri: "/v1/inventory", method: .post, headers: [.contentType: "image/png"],
                                     body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/inventory", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(bytes: [UInt8](repeating: 0x41, count: 70 * 1024))) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/v1/inventory?name=kho.csv", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: "STT,Tên\n1,Sữa\n")) { response in
                #expect(response.status == .unprocessableContent)
                let error = object(response.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "unreadable-inventory")
                #expect((error?["message"] as? String)?.contains("kho.csv") == true)
                #expect((error?["message"] as? String)?.contains("?column=") == true)
            }
            try await client.execute(uri: "/v1/inventory", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test("Verdict JSON carries its share category: confirmed only with evidence beyond 893")
    func shareCategory() async throws {
        try await app().test(.router) { client in
            for (code, expected) in [("8934563138165", "registrant-foreign-group"), ("8934563138166", "not-counted"),
                                     ("(01)08934563138165(422)704", "confirmed"), ("4901780188352", "other")] {
                try await client.execute(uri: "/v1/codes/" + (code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? code),
                                         method: .get) { response in
                    #expect(object(response.body)["shareCategory"] as? String == expected, "\(code)")
                }
            }
        }
    }
}
