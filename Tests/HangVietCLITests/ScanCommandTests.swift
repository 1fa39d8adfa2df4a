import Foundation
import TestSupport
import Testing

/// `hangviet scan` as users run it: files, directories, stdin, formats and exit codes.
@Suite("hangviet scan (the binary)")
struct ScanCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("Resources/samples/hao-hao-8934563138165.jpg").path
    static let rendered = repository.appendingPathComponent("Tests/BarcodeScanningTests/Images").path

    func temporaryDirectory() throws -> URL { try TemporaryFolder.create("hangviet-scan") }

    func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func samplePhotoGivesTheVerdict() throws {
        let result = try CheckCommandTests.run(["scan", Self.sample, "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("EAN-13 8934563138165"))
        #expect(result.stdout.contains("Vietnamese registrant"))
        #expect(result.stdout.contains("does not prove the goods were made in Viet Nam"))
    }

    @Test func jsonCarriesSymbolAndVerdict() throws {
        let result = try CheckCommandTests.run(["scan", Self.sample, "--format", "ndjson"])
        let report = try json(try #require(result.stdout.split(separator: "\n").first))
        #expect(report["status"] as? String == "ok")
        #expect(report["format"] as? String == "JPEG")
        let code = try #require((report["codes"] as? [[String: Any]])?.first)
        #expect(code["symbology"] as? String == "EAN-13")
        #expect((code["polygon"] as? [[Int]])?.isEmpty == false)
        #expect((code["verdict"] as? [String: Any])?["outcome"] as? String == "vietnamese-registrant")
    }

    @Test func gs1QROriginIsDeclaredVietnamese() throws {
        let result = try CheckCommandTests.run(["scan", Self.rendered + "/qr-gs1-origin.png", "--format", "ndjson", "--lang", "vi"])
        let report = try json(try #require(result.stdout.split(separator: "\n").first))
        let verdict = (report["codes"] as? [[String: Any]])?.first?["verdict"] as? [String: Any]
        #expect(verdict?["outcome"] as? String == "declared-vietnamese-origin")
    }

    @Test func directoryIsScannedInOrderAndBadFilesDoNotStopTheRest() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Self.sample, toPath: dir.appendingPathComponent("a.jpg").path)
        try Data().write(to: dir.appendingPathComponent("b.png"))                                  // empty
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("c.jpg"))             // not an image
        try FileManager.default.copyItem(atPath: Self.rendered + "/upce.png", toPath: dir.appendingPathComponent("d.png").path)
        try Data("notes".utf8).write(to: dir.appendingPathComponent("notes.txt"))                // skipped: not an image name
        let result = try CheckCommandTests.run(["scan", dir.path, "--format", "ndjson"])
        #expect(result.status == 3)
        let reports = try result.stdout.split(separator: "\n").map(json)
        #expect(reports.map { ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["a.jpg", "b.png", "c.jpg", "d.png"])
        #expect(reports.map { $0["status"] as? String } == ["ok", "error", "error", "ok"])
        #expect(result.stderr.contains("b.png: the file is empty"))
        #expect(result.stderr.contains("c.jpg: not an image"))
    }

    @Test func imageWithoutCodeExitsFour() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("blank.pgm")
        try Data(Array("P5\n64 48\n255\n".utf8) + [UInt8](repeating: 230, count: 64 * 48)).write(to: blank)
        let result = try CheckCommandTests.run(["scan", blank.path, "--format", "text"])
        #expect(result.status == 4)
        #expect(result.stdout.contains("no code found"))
    }

    @Test func emptyDirectoryAndMissingPathAreErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CheckCommandTests.run(["scan", dir.path, "/no/such/photo.jpg", "--format", "csv", "--lang", "vi"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("không"))
        #expect(result.stdout.split(separator: "\n").count == 3)  // header + one row per input
    }

    @Test func standardInputIsOneImage() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let result = try CheckCommandTests.run(["scan", "-", "--format", "csv"], stdin: bytes)
        #expect(result.status == 0)
        #expect(result.stdout.contains("stdin,ok,,EAN-13,8934563138165"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CheckCommandTests.run(["scan"]).status == 2)
        #expect(try CheckCommandTests.run(["scan", "-", "-"]).status == 2)
        #expect(try CheckCommandTests.run(["scan", Self.sample, "--max-pixels", "0"]).status == 2)
        let contradiction = try CheckCommandTests.run(["scan", Self.sample, "--fast", "--exhaustive"])
        #expect(contradiction.status == 2)
        #expect(contradiction.stderr.contains("--exhaustive"))
    }

    @Test func pixelLimitRefusesLargeImages() throws {
        let result = try CheckCommandTests.run(["scan", Self.sample, "--max-pixels", "1000", "--format", "text"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("decompression bomb"))
    }

    @Test("an image over --max-pixels: the error names the image and the CLI's option to raise the limit, in both languages")
    func pixelLimitAdvice() throws {
        let en = try CheckCommandTests.run(["scan", "--max-pixels", "10", Self.sample])
        #expect(en.status == 3)
        #expect(en.stderr.contains("hao-hao-8934563138165.jpg") && en.stderr.contains("resize the image or raise --max-pixels"))
        let vi = try CheckCommandTests.run(["scan", "--lang", "vi", "--format", "json", "--max-pixels", "10", Self.sample])
        #expect(vi.stdout.contains("hãy thu nhỏ ảnh hoặc tăng --max-pixels"))
    }
}
