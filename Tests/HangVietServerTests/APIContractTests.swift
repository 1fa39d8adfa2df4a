import Foundation
import HangViet
import HangVietServer
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// The contract cannot drift: the CLI's JSON (the real binary), the server's JSON (the same
/// router `serve` runs) and the served OpenAPI document describe one shape each. Every key
/// either side writes must be declared in the document, and the two sides must give the same
/// value for the same input.
@Suite("API contract: CLI, server and OpenAPI document agree")
struct APIContractTests {
    static let schemas = OpenAPISchemas()
    static let codes = ["8934563138165", "8936017364113", "8934588233074", "5449000000996", "8934563138166",
                        "(01)08934563138165(17)271231(10)LOT42(422)704", "https://id.gs1.org/01/08934563138165/10/LOT42",
                        "9786045823456", "01234565", "9771234567003", "0212345678906", "ABC"]
    static let images = ["Resources/samples/hao-hao-8934563138165.jpg",
                         "Tests/BarcodeScanningTests/Images/qr-vietnamese.png",
                         "Tests/BarcodeScanningTests/Images/datamatrix-gs1-origin-photo.jpg",
                         "Tests/BarcodeScanningTests/Images/ean13-single-line.png",
                         "README.md"]

    func app() -> some ApplicationProtocol {
        let router = buildRouter(configuration: ServerConfiguration(), service: RouterTests.service, metrics: ServerMetrics(),
                                 readiness: Readiness(), logger: Logger(label: "contract"))
        return Application(router: router)
    }

    static func json(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    static func json(_ buffer: ByteBuffer) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) }

    static func expectConforms(_ value: JSONValue, _ schema: String, _ what: String) {
        let problems = schemas.problems(value, against: schema)
        #expect(problems.isEmpty, "\(what): \(problems.joined(separator: "; "))")
    }

    @Test("the document's schemas are read, and their enums list every outcome and read confidence")
    func documentReads() throws {
        for name in ["Error", "Verdict", "ScanReport", "ReadConfidence", "RegistryEntry"] {
            #expect(Self.schemas.schema(name) != nil, "schema \(name)")
        }
        let outcomes = Self.schemas.schema("Verdict")?["properties"]?["outcome"]?["enum"]?.items.compactMap(\.text)
        #expect(Set(outcomes ?? []) == Set(Outcome.allCases.map(\.rawValue)))
        #expect(Self.schemas.schema("ScanReport")?["properties"]?["status"]?["enum"]?.items.compactMap(\.text) == ["ok", "no-code", "error"])
        // The strict check catches an undeclared key and a wrong type.
        #expect(!Self.schemas.problems(try Self.json(#"{"error":{"code":"not-found","status":404,"message":"x","extra":1}}"#), against: "Error").isEmpty)
        #expect(!Self.schemas.problems(try Self.json(#"{"error":{"code":"not-found","status":"404","message":"x"}}"#), against: "Error").isEmpty)
        #expect(Self.schemas.problems(try Self.json(#"{"error":{"code":"not-found","status":404,"message":"x"}}"#), against: "Error").isEmpty)
    }

    @Test("verdicts: check --format json and GET /v1/codes/{code} conform and are equal, in English and Vietnamese", arguments: ["en", "vi"])
    func verdicts(language: String) async throws {
        let cli = try HangVietBinary.run(["check", "--format", "json", "--lang", language] + Self.codes)
        let fromCLI = try Self.json(cli.stdout).elements
        #expect(fromCLI.count == Self.codes.count)
        for (code, verdict) in zip(Self.codes, fromCLI) { Self.expectConforms(verdict, "Verdict", "check \(code)") }
        try await app().test(.router) { client in
            for (code, verdict) in zip(Self.codes, fromCLI) {
                let path = "/v1/codes/" + code.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                try await client.execute(uri: path, method: .get, headers: [.acceptLanguage: language]) { response in
                    #expect(response.status == .ok)
                    let served = try Self.json(response.body)
                    Self.expectConforms(served, "Verdict", "GET \(path)")
                    #expect(served == verdict, "\(code): the server's verdict differs from the CLI's")
                }
            }
        }
    }

    @Test("scan reports: scan --format json and POST /v1/scan conform and read the same codes")
    func scanReports() async throws {
        let cli = try HangVietBinary.run(["scan", "--format", "json", "--jobs", "1"] + Self.images.map { HangVietBinary.repositoryRoot.appendingPathComponent($0).path })
        let reports = try Self.json(cli.stdout).elements
        #expect(reports.count == Self.images.count)
        for (image, report) in zip(Self.images, reports) { Self.expectConforms(report, "ScanReport", "scan \(image)") }
        try await app().test(.router) { client in
            for (image, report) in zip(Self.images, reports) where report["status"] != .string("error") {
                let bytes = try Data(contentsOf: HangVietBinary.repositoryRoot.appendingPathComponent(image))
                try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "application/octet-stream"],
                                         body: ByteBuffer(bytes: bytes)) { response in
                    let served = try Self.json(response.body)
                    Self.expectConforms(served, "ScanReport", "POST /v1/scan \(image)")
                    #expect(served["codes"] == report["codes"], "\(image): the server read other codes than the CLI")
                }
            }
            // A file that is not an image: an error with a stable code.
            try await client.execute(uri: "/v1/scan", method: .post, headers: [.contentType: "application/octet-stream"],
                                     body: ByteBuffer(string: "not an image")) { response in
                Self.expectConforms(try Self.json(response.body), "Error", "POST /v1/scan (text)")
            }
        }
    }

    @Test("registry entries: registry search/show/export --format json and GET /v1/registry/search conform and are equal")
    func registryEntries() async throws {
        let search = try Self.json(HangVietBinary.run(["registry", "search", "--format", "json", "--limit", "8", "phu quoc"]).stdout)
        #expect(search.elements.count > 0)
        for entry in search.elements { Self.expectConforms(entry, "RegistryEntry", "registry search") }
        let show = try Self.json(HangVietBinary.run(["registry", "show", "--format", "json", "gi:1"]).stdout)
        Self.expectConforms(show, "RegistryEntry", "registry show gi:1")
        for kind in ["brands", "gtins", "ocop", "gi"] {
            let export = try Self.json(HangVietBinary.run(["registry", "export", "--kind", kind, "--format", "json"]).stdout)
            #expect(export.elements.count > 0)
            for entry in export.elements { Self.expectConforms(entry, "RegistryEntry", "registry export \(kind)") }
        }
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/registry/search?q=phu%20quoc&limit=8", method: .get) { response in
                let served = try Self.json(response.body)
                for entry in served.elements { Self.expectConforms(entry, "RegistryEntry", "GET /v1/registry/search") }
                #expect(served == search, "the server's search differs from the CLI's")
            }
            for (uri, method) in [("/v1/nothing", HTTPRequest.Method.get), ("/v1/registry/search?q=", .get)] {
                try await client.execute(uri: uri, method: method) { response in
                    Self.expectConforms(try Self.json(response.body), "Error", "\(method) \(uri)")
                }
            }
        }
    }

    @Test("hotlines: registry hotlines --format json and GET /v1/hotlines conform and are equal")
    func hotlines() async throws {
        let cli = try Self.json(HangVietBinary.run(["registry", "hotlines", "--format", "json"]).stdout)
        #expect(cli.elements.count == 32)
        for line in cli.elements { Self.expectConforms(line, "Hotline", "registry hotlines") }
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/hotlines", method: .get) { response in
                #expect(response.status == .ok)
                let served = try Self.json(response.body)
                #expect(served == cli, "the server's hotlines differ from the CLI's")
            }
        }
        let national = try HangVietBinary.run(["registry", "hotlines", "--national", "--lang", "vi"])
        #expect(national.status == 0)
        #expect(national.stdout.contains("1800 6838") && national.stdout.contains("theo nguồn năm"))
        #expect(!national.stdout.contains("Hà Nội –"))
    }
}
