import BarcodeScanning
import Foundation
import OriginRegistry
import Testing
import HangViet

/// Each wire shape is one type; where a byte writer makes its JSON for speed, it must give
/// what `JSONEncoder` gives for the same value.
@Suite("Wire model")
struct WireModelTests {
    /// The two JSON texts parse to the same value (JSONEncoder does not keep key order).
    static func sameJSON(_ written: [UInt8], _ encodable: some Encodable) throws -> Bool {
        let encoded = try JSONEncoder().encode(encodable)
        let a = try JSONSerialization.jsonObject(with: Data(written)) as? NSObject
        let b = try JSONSerialization.jsonObject(with: encoded) as? NSObject
        return a != nil && a == b
    }

    /// The keys of a JSON object, in the order written.
    static func keys(_ json: [UInt8]) -> [String] {
        let text = String(decoding: json, as: UTF8.self)
        // Top-level keys only: track depth, take `"key":` at depth 1.
        var keys: [String] = [], depth = 0, inString = false, escaped = false, current = "", afterString = false
        for character in text {
            if inString {
                if escaped { escaped = false; current.append(character); continue }
                if character == "\\" { escaped = true; current.append(character); continue }
                if character == "\"" { inString = false; afterString = true; continue }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true; current = ""; afterString = false
            case "{", "[": depth += 1; afterString = false
            case "}", "]": depth -= 1; afterString = false
            case ":": if depth == 1 && afterString { keys.append(current) }; afterString = false
            default: afterString = false
            }
        }
        return keys
    }

    @Test("a registry entry: the byte writer and JSONEncoder agree, for every kind, with name and origin")
    func registryEntry() throws {
        let registry = try Registry.open(path: "/nonexistent/registry.sqlite", readOnly: true)
        var kinds: Set<String> = []
        for kind in RegistryKind.allCases {
            for (entry, source) in try registry.entries(kind).prefix(20) {
                let document = RegistryEntryDocument(entry, source: source)
                #expect(try Self.sameJSON(document.jsonBytes, document))
                #expect(Self.keys(document.jsonBytes) == ["id", "kind", "name", "origin", "fields", "source"])
                #expect(!document.name.isEmpty)
                kinds.insert(document.kind)
            }
        }
        #expect(kinds == Set(RegistryKind.allCases.map(\.rawValue)))
        #expect(kinds.contains("ownership"))
        // An array of them, and the export file's one entry per line.
        let two = try registry.entries(.ocop).prefix(2).map { RegistryEntryDocument($0.entry, source: $0.source) }
        #expect(try Self.sameJSON(RegistryEntryDocument.jsonArray(Array(two)), Array(two)))
        let lines = String(decoding: RegistryEntryDocument.jsonArray(Array(two), lineBreaks: true), as: UTF8.self)
        #expect(lines.hasPrefix("[\n{") && lines.hasSuffix("}\n]") && lines.split(separator: "\n").count == 4)
        #expect(String(decoding: RegistryEntryDocument.jsonArray([], lineBreaks: true), as: UTF8.self) == "[\n]")
    }

    @Test("the read-only registry a server opens refuses imports, and names itself in the error")
    func readOnlyRegistry() throws {
        let registry = try Registry.open(path: "/nonexistent/registry.sqlite", readOnly: true)
        #expect(registry.isReadOnly)
        #expect(!registry.hasUserFile)
        #expect(try registry.search("phu quoc", limit: 3).count > 0)
        do {
            _ = try registry.importFile(bytes: Array("brand\nX\n".utf8), name: "x.csv", kind: .brands)
            Issue.record("a read-only registry imported a file")
        } catch {
            #expect(error.code == .readOnly)
            #expect(error.message.contains("/nonexistent/registry.sqlite"))
        }
    }

    static let codes = ["8934563138165", "8936017364113", "8934588233074", "5449000000996", "8934563138166",
                        "(01)08934563138165(17)271231(10)LOT42(422)704", "]d2010893456313816517271231\u{1D}422704",
                        "https://id.gs1.org/01/08934563138165/10/LOT42", "9786045823456", "01234565", "9771234567003",
                        "0212345678906", "ABC", "", "2001234567893", "https://example.com/x", "4901780188352"]
    static let declaredOrder = ["line", "input", "outcome", "shareCategory", "valid", "reason", "summary", "code", "issuer", "companyPrefix", "isbn",
                                "issn", "countryOfOrigin", "elements", "digitalLink", "link", "text", "registry", "error", "caveats"]

    @Test("a verdict: the byte writer and JSONEncoder agree, keys in the declared order, in both languages")
    func verdict() throws {
        let engine = VerdictEngine(evidenceProvider: try RegistrySnapshot.seed())
        var outcomes: Set<String> = []
        for code in Self.codes {
            for language in [Language.en, .vi] {
                let document = engine.verdict(for: code).document(language, line: code.count)
                #expect(try Self.sameJSON(document.jsonBytes, document), "\(code) \(language)")
                let keys = Self.keys(document.jsonBytes)
                #expect(keys == Self.declaredOrder.filter(keys.contains), "\(code): \(keys)")
                #expect(keys.last == "caveats")
                // The verdict's own JSON is the document's.
                #expect(engine.verdict(for: code).jsonBytes(language, line: code.count) == document.jsonBytes)
                outcomes.insert(document.outcome)
            }
        }
        #expect(outcomes.count >= 5)
    }

    @Test("a scan report: the byte writer and JSONEncoder agree, for reads, doubtful reads, 2D codes and errors")
    func scanReport() throws {
        let engine = VerdictEngine(evidenceProvider: try RegistrySnapshot.seed())
        let images = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BarcodeScanningTests/Images")
        var statuses: Set<String> = [], levels: Set<String> = []
        for name in ["qr-vietnamese.png", "datamatrix-gs1-origin-photo.jpg", "ean13-single-line.png", "ean13-addon.png",
                     "hunt-qr-windows-1258.png", "README.md", "code39.png"] {
            let bytes = [UInt8]((try? Data(contentsOf: images.appendingPathComponent(name))) ?? Data())
            let report: ScanReport
            do throws(ScanError) {
                report = engine.report(scanning: try BarcodeScanner().scan(bytes: bytes, source: name))
            } catch {
                report = engine.report(failing: error, source: name)
            }
            for language in [Language.en, .vi] {
                let document = report.document(language)
                #expect(try Self.sameJSON(document.jsonBytes, document), "\(name)")
                #expect(report.jsonBytes(language) == document.jsonBytes)
                statuses.insert(document.status)
                levels.formUnion(document.codes.map(\.confidence.level))
            }
        }
        #expect(statuses == ["ok", "error"])
        #expect(levels.contains("confirmed") && levels.contains("single-read"))
    }

    @Test("library errors say what is wrong and what would fix it, not which CLI option to use; front ends add their words")
    func layeredErrors() throws {
        let registry = try Registry.open(path: "/nonexistent/registry.sqlite", readOnly: true)
        do {
            _ = try registry.search("  ")
            Issue.record("an empty search was accepted")
        } catch {
            #expect(error.code == .badQuery && error.remedy == .exampleSearch)
            #expect(!error.message.contains("hangviet") && !error.message.contains("--"))
        }
        do {
            _ = try registry.entry(id: "gi:99999")
            Issue.record("a missing ID was found")
        } catch {
            #expect(error.code == .notFound && error.remedy == .searchListsIDs && !error.message.contains("hangviet"))
        }
        var options = ScanOptions()
        options.decoding.maximumPixels = 10
        let images = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BarcodeScanningTests/Images")
        let bytes = [UInt8](try Data(contentsOf: images.appendingPathComponent("ean13-893.png")))
        do throws(ScanError) {
            _ = try BarcodeScanner(options: options).scan(bytes: bytes, source: "big.png")
            Issue.record("the pixel limit was not applied")
        } catch {
            #expect(error.code == .tooManyPixels && error.remedy == .raisePixelLimit)
            for language in [Language.en, .vi] {
                #expect(!error.localizedMessage(language).contains("--"))
                #expect(error.localizedMessage(language, remedyWords: { _, _ in " [front end's words]" }).hasSuffix(" [front end's words]"))
            }
        }
    }

    @Test("a hotline: the byte writer and JSONEncoder agree for every bundled line")
    func hotline() throws {
        let documents = try Hotline.seed().map(HotlineDocument.init)
        for document in documents {
            #expect(try Self.sameJSON(document.jsonBytes, document), "\(document.numberOrChannel)")
            #expect(Self.keys(document.jsonBytes).first == "agency" && Self.keys(document.jsonBytes).last == "source")
        }
        #expect(try Self.sameJSON(HotlineDocument.jsonArray(documents), documents))
        #expect(documents[0].textLine(.vi).contains("theo nguồn năm"))
        // The national scope in the language asked; a province as written.
        #expect(documents[0].textLine(.vi).contains("(toàn quốc; ") && documents[0].textLine(.en).contains("(national; "))
        let provincial = try #require(documents.first { $0.scope == "Hà Nội" })
        #expect(provincial.textLine(.en).contains("(Hà Nội; as of "))
    }
}
