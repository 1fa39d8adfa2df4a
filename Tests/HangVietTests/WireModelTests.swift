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
        #expect(kinds == ["brands", "gtins", "ocop", "gi"])
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
}
