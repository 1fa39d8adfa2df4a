import Foundation
import Testing
@testable import OriginRegistry

@Suite("CSV files as spreadsheets export them")
struct CSVTableTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8), name: "t.csv") }

    @Test func commaSemicolonAndTabAreDetected() throws {
        #expect(try table("a,b\n1,2\n").delimiter == ",")
        #expect(try table("a;b\n1;2,5\n").delimiter == ";")
        #expect(try table("a\tb\n1\t2\n").delimiter == "\t")
        #expect(try table("Tên;Tỉnh\nx;y").rows[0].fields == ["x", "y"])
    }

    @Test("BOM, CRLF, quoted delimiters, doubled quotes and line breaks inside quotes")
    func excelExport() throws {
        let text = "\u{FEFF}Tên sản phẩm;Ghi chú\r\n\"Nước mắm; loại 1\";\"nói \"\"ngon\"\"\"\r\n\"hai\r\ndòng\";x\r\n\r\n;;\r\nz;w\r\n"
        let t = try table(text)
        #expect(t.header == ["Tên sản phẩm", "Ghi chú"])
        #expect(t.rows.map(\.fields) == [["Nước mắm; loại 1", "nói \"ngon\""], ["hai\ndòng", "x"], ["z", "w"]])
        // Line numbers count physical lines, so errors point at the right place in an editor.
        #expect(t.rows.map(\.line) == [2, 3, 7])
    }

    @Test func utf16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Tỉnh\tSố sao\nNghệ An\t4\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let t = try CSVTable(bytes: bytes, name: "u16.txt")
        #expect(t.header == ["Tỉnh", "Số sao"])
        #expect(t.rows[0].fields == ["Nghệ An", "4"])
    }

    @Test("a legacy code page is refused with the line of the first bad byte")
    func notUTF8() {
        var bytes = Array("a,b\nok,1\n".utf8)
        bytes += [0x4E, 0xE6, 0x1B, 0x63, 0x2C, 0x31, 0x0A] // Windows-1258-ish bytes on line 3
        #expect {
            try CSVTable(bytes: bytes, name: "cp1258.csv")
        } throws: { error in
            let error = error as! RegistryError
            return error.code == .badEncoding && error.message.contains("line 3") && error.message.contains("CSV UTF-8")
        }
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect {
            try table("a,b\n1,2\n\"open,3\n4,5\n")
        } throws: { error in
            let error = error as! RegistryError
            return error.code == .badCSV && error.message.contains("line 3")
        }
    }

    @Test func emptyFile() {
        #expect(throws: RegistryError.self) { try table("") }
        #expect(throws: RegistryError.self) { try table("\u{FEFF}\r\n\r\n") }
    }
}

@Suite("Folding Vietnamese text for search")
struct TextFoldingTests {
    @Test func diacriticsCaseAndDAreFolded() {
        #expect(TextFolding.fold("Nước mắm Phú Quốc") == "nuoc mam phu quoc")
        #expect(TextFolding.fold("ĐẮK LẮK") == "dak lak")
        #expect(TextFolding.fold("  Chè  Shan-tuyết (Mộc Châu) ") == "che shan tuyet moc chau")
        #expect(TextFolding.fold("Ðông trùng") == "dong trung") // U+00D0 typed for Đ
        #expect(TextFolding.fold("8934563") == "8934563")
    }

    @Test("The written-out base-letter tables agree with Unicode's canonical decompositions")
    func baseLetterTablesMatchTheDecompositions() {
        func expected(_ value: UInt32) -> UInt8 {
            if value == 0x0110 || value == 0x0111 || value == 0x00D0 { return UInt8(ascii: "d") }
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let first = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first!.value
            switch first {
            case 0x41...0x5A: return UInt8(first) + 0x20
            case 0x61...0x7A: return UInt8(first)
            default: return 0
            }
        }
        for (range, table) in [(UInt32(0x00C0)...0x024F, TextFolding.latin1AndExtended), (0x1E00...0x1EFF, TextFolding.latinAdditional)] {
            #expect(table.count == range.count)
            for (offset, value) in range.enumerated() where table[offset] != expected(value) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): table has \(table[offset]), decomposition gives \(expected(value))")
            }
        }
    }
}
