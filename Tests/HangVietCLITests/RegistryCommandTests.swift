import Foundation
import TestSupport
import Testing

/// `hangviet registry …` and registry facts in `hangviet check`, through the real binary.
@Suite("hangviet registry (the binary)")
struct RegistryCommandTests {
    func run(_ arguments: [String], registry: String? = nil) throws -> CheckCommandTests.Result {
        var environment = ["LANG": "C.UTF-8"]
        if let registry { environment["HANGVIET_REGISTRY"] = registry }
        return try CheckCommandTests.run(arguments, environment: environment)
    }

    func temporaryFolder() throws -> URL { try TemporaryFolder.create("hangviet-cli") }

    @Test("check 8934563138165 names Acecook Việt Nam with its ownership caveat, in both languages")
    func checkNamesAcecook() throws {
        let en = try run(["check", "8934563138165", "--format", "text"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("Acecook Việt Nam"))
        #expect(en.stdout.contains("controlled by a foreign group"))
        #expect(en.stdout.contains("Acecook Co., Ltd (Japan) held 56.64%"))
        #expect(en.stdout.contains("Hảo Hảo, Mì Tôm chua cay"))
        let vi = try run(["check", "8934563138165", "--format", "text", "--lang", "vi"])
        #expect(vi.stdout.contains("do tập đoàn nước ngoài kiểm soát"))
        let json = try run(["check", "8934563138165", "--format", "json"])
        #expect(json.stdout.contains("\"ownership\":\"foreign-group\""))
        #expect(json.stdout.contains("infonet.vietnamnet.vn"))
        let bare = try run(["check", "8934563138165", "--format", "text", "--no-registry"])
        #expect(!bare.stdout.contains("Acecook"))
    }

    @Test("check 8934563138165: the Open Food Facts brand tags are one line with their source and licence, and the table says what they are")
    func brandTagsInTextAndTable() throws {
        let text = try run(["check", "8934563138165", "--format", "text"])
        let line = try #require(text.stdout.split(separator: "\n").first { $0.contains("Brands seen with this prefix") })
        #expect(line.contains("Kingcook, Oh Ricey") && line.contains("robotoff") && line.contains("; ODbL]"))
        let table = try run(["check", "8934563138165", "--format", "table"])
        #expect(table.stdout.contains("brands seen with the prefix: Kingcook, Oh Ricey"))
        #expect(!table.stdout.contains("; Kingcook;"))
    }

    @Test("check --format table: a brand owner says whose the brand is (en and vi); awards are not listed as facts there")
    func ownerInTable() throws {
        let en = try run(["check", "8934680025980", "8934673503358", "--format", "table", "--lang", "en"])
        #expect(en.stdout.contains("Kinh Đô: owned by Mondelēz International (United States) since 2015"), "\(en.stdout)")
        #expect(!en.stdout.contains("Vietnam Value"))
        let vi = try run(["check", "8934680025980", "--format", "table", "--lang", "vi"])
        #expect(vi.stdout.contains("Kinh Đô: thuộc Mondelēz International (Hoa Kỳ) từ năm 2015"), "\(vi.stdout)")
    }

    @Test("registry search \"nuoc mam phu quoc\" lists the Phú Quốc fish sauce entries with sources")
    func searchFishSauce() throws {
        let result = try run(["registry", "search", "nuoc mam phu quoc", "--format", "text"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.contains("gi:1") == true)
        #expect(lines.first?.contains("Phú Quốc — Nước mắm") == true)
        #expect(result.stdout.contains("source: https://"))
        #expect(result.stdout.contains("Nước mắm Phú Quốc Khải Hoàn"))
        let none = try run(["registry", "search", "zzzz qqqq", "--format", "text"])
        #expect(none.status == 1 && none.stderr.contains("No entries found"))
    }

    @Test("import an OCOP list, see it in check, stats and export; a bad list exits 1, names its lines, changes nothing")
    func importEndToEnd() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = folder.appendingPathComponent("reg/registry.sqlite").path
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("Tên sản phẩm;Tỉnh;Số sao;Mã vạch\nA;Nghệ An;7;\nB;Nghệ An;4;2001234567890\n".utf8).write(to: bad)
        let rejected = try run(["registry", "import", bad.path, "--kind", "ocop", "--source", "test"], registry: registry)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("bad.csv:2: stars"))
        #expect(rejected.stderr.contains("bad.csv:3: barcode"))
        #expect(!FileManager.default.fileExists(atPath: registry))

        let good = folder.appendingPathComponent("good.csv")
        try Data("\u{FEFF}Tên sản phẩm;Chủ thể;Tỉnh;Số sao;Ngày cấp;Mã vạch\r\nMật ong (test);HTX;Nghệ An;4 sao;15/03/2024;2001234567893\r\n".utf8).write(to: good)
        let imported = try run(["registry", "import", good.path, "--kind", "ocop", "--source", "QĐ test"], registry: registry)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 new"))
        #expect(FileManager.default.fileExists(atPath: registry))

        let check = try run(["check", "2001234567893", "--format", "text"], registry: registry)
        #expect(check.stdout.contains("OCOP: Mật ong (test) — 4 stars, Nghệ An, 2024; certificate valid until 2027-03-15"))
        #expect(check.stdout.contains("source: QĐ test"))

        let stats = try run(["registry", "stats", "--format", "csv"], registry: registry)
        #expect(stats.stdout.contains("ocop,372,371,1,"))
        let export = try run(["registry", "export", "--kind", "ocop"], registry: registry)
        #expect(export.stdout.hasPrefix("product_name,producer,province,stars,"))
        #expect(export.stdout.contains("Mật ong (test),HTX,Nghệ An,4,2024,,2024-03-15,,,2001234567893,,,,QĐ test"))

        // --skip-invalid: the good row goes in, the bad ones to a rejects file with reasons.
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let skipped = try run(["registry", "import", bad.path, "--kind", "ocop", "--source", "test", "--skip-invalid", "--rejects", rejects], registry: registry)
        #expect(skipped.status == 0)
        let rejectText = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(rejectText.hasPrefix("Tên sản phẩm,Tỉnh,Số sao,Mã vạch,line,reason\n"))
        #expect(rejectText.contains("A,Nghệ An,7,,2,"))
    }

    @Test("a registry file that is not a registry: check exits 2, registry commands 3, both naming the file")
    func notARegistry() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("registry.sqlite")
        try Data("not sqlite".utf8).write(to: path)
        let result = try run(["check", "8934563138165"], registry: path.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains(path.path) && result.stderr.contains("not a HangViet registry"))
        let show = try run(["registry", "show", "gi:1"], registry: path.path)
        #expect(show.status == 3)
    }

    @Test func showAndUsageErrors() throws {
        let show = try run(["registry", "show", "gi:1", "--format", "json"])
        #expect(show.status == 0 && show.stdout.contains("\"gi_name\":\"Phú Quốc\""))
        #expect(try run(["registry", "show", "gi:999999"]).status == 1)
        #expect(try run(["registry", "import", "x.csv"]).status == 2) // --kind is required
        #expect(try run(["registry", "import", "/nonexistent.csv", "--kind", "ocop"]).status == 2)
    }
}
