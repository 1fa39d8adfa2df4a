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
}
