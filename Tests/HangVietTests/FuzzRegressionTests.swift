import Foundation
import Testing
@testable import HangViet

/// Inputs the fuzzers found (Fuzz/regressions/TARGET/, Scripts/fuzz.sh): each is refused with
/// a clear error instead of crashing the process.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")

    static func inputs(_ target: String) -> [URL] {
        let folder = regressions.appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    @Test("workbooks that crashed the server are read or refused with a clear error (a crash would end this test process)")
    func workbooks() throws {
        let files = Self.inputs("xlsx")
        #expect(files.count >= 3)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            switch file.lastPathComponent {
            case "foundationxml-processing-instruction.xlsx":
                // A processing instruction in a part is skipped now that FoundationXML is gone.
                #expect(String(decoding: try XLSXSheet.csv(bytes: bytes, name: "upload.xlsx"), as: UTF8.self).contains("8934563138165"))
            default:
                #expect(throws: BatchError.self, "\(file.lastPathComponent)") { try XLSXSheet.csv(bytes: bytes, name: "upload.xlsx") }
            }
        }
    }

    @Test("workbook XML is read without FoundationXML: processing instructions skipped, a DTD (entity bombs) refused, broken tags reported with their line")
    func workbookXML() {
        final class Texts: XMLEventHandler {
            var texts: [String] = []
            var starts: [String] = []
            func start(_ name: String, attributes: [String: String]) { starts.append(name + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()) }
            func text(_ text: String) { if !text.isEmpty { texts.append(text) } }
        }
        let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let handler = Texts()
        #expect(throws: Never.self) {
            try XMLScanner.scan(Array((declaration + #"<x:sst xmlns:x="u"><?pi?><!-- c --><x:si><x:t>&lt;Sữa&gt; &amp; &#x1EA1;&#272;</x:t></x:si><si><t><![CDATA[a<b]]></t></si><c r='A1' t="s"/></x:sst>"#).utf8), into: handler)
        }
        #expect(handler.texts == ["<Sữa> & ạĐ", "a<b"])
        #expect(handler.starts == ["sst xmlns:x=u", "si", "t", "si", "t", "c r=A1 t=s"])
        let bomb = declaration + #"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>"#
        #expect(throws: XMLScanner.Failure.self) { try XMLScanner.scan(Array(bomb.utf8), into: Texts()) }
        #expect(throws: XMLScanner.Failure(line: 2, reason: "an unterminated tag")) { try XMLScanner.scan(Array("<a>\n<b c=\"1\"".utf8), into: Texts()) }
    }

    @Test("a workbook cell with a CR LF line break, commas or quotes is one quoted CSV field")
    func lineBreaksInCells() {
        var out: [UInt8] = []
        SheetParser.appendField("Sữa\r\nVinamilk, \"ít đường\"", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"Sữa\r\nVinamilk, \"\"ít đường\"\"\"")
        out = []
        SheetParser.appendField("Sữa\r\nVinamilk", to: &out)   // "\r\n" is one Character: the old check missed it
        #expect(String(decoding: out, as: UTF8.self) == "\"Sữa\r\nVinamilk\"")
        out = []
        SheetParser.appendField("8934563138165", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "8934563138165")
    }
}
