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

    @Test("damaged workbooks in memory (an upload) are refused, not a trap in ZIPFoundation's in-memory archive")
    func workbooks() throws {
        let files = Self.inputs("xlsx")
        #expect(!files.isEmpty)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            #expect(throws: BatchError.self, "\(file.lastPathComponent)") { try XLSXSheet.csv(bytes: bytes, name: "upload.xlsx") }
        }
    }

    @Test("workbook XML with a processing instruction or a DTD (entity bombs) is refused before FoundationXML sees it")
    func unexpectedXML() {
        let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        #expect(XLSXSheet.unexpectedConstruct(in: Data((declaration + "<sst><si><t>a</t></si></sst>").utf8)) == nil)
        #expect(XLSXSheet.unexpectedConstruct(in: Data(("\u{FEFF}" + declaration + "<sst><!-- c --><si><t><![CDATA[x]]></t></si></sst>").utf8)) == nil)
        #expect(XLSXSheet.unexpectedConstruct(in: Data((declaration + "<sst><?pi?></sst>").utf8))?.contains("processing instruction") == true)
        let bomb = declaration + #"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><sst><si><t>&lol2;</t></si></sst>"#
        #expect(XLSXSheet.unexpectedConstruct(in: Data(bomb.utf8))?.contains("document type") == true)
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
