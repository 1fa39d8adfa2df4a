import Foundation
import TestSupport
import Testing

/// `hangviet batch` through the real binary: every row out exactly once, clear errors, exit codes.
@Suite("hangviet batch (the binary)")
struct BatchCommandTests {
    func folder() throws -> URL { try TemporaryFolder.create("hangviet-batch") }

    func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("bad rows stay in the output, each input row exactly once, with its line and reason; exit 1")
    func everyRowOnce() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = Array("\u{FEFF}Tên;Mã vạch;SL\r\n\"Mì; gói\";8934563138165;5\r\nRagged;8934673503358\r\nSai;8934563138166;1\r\nTrống;;1\r\n".utf8)
        bytes += Array("Latin1;".utf8) + [0x38, 0x39, 0xE9, 0x33] + Array(";1\r\n".utf8)
        bytes += Array("\"Hai\r\ndòng\";4901780188352;2\r\nMở;\"8934673503358;3\r\nSữa;8934673503358;4\r\n".utf8)
        let path = try write(bytes, "kho.csv", in: dir)
        let result = try CheckCommandTests.run(["batch", path, "--quantity", "SL"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first?.hasPrefix("line;outcome;share_category;gtin;issuer;issuer_country;company_prefix;") == true)
        // Data rows: one per input record, in order, with their physical line numbers.
        let numbers = lines.dropFirst().compactMap { Int($0.prefix { $0 != ";" }) }
        #expect(numbers == [2, 3, 4, 5, 6, 7, 9, 10])
        #expect(result.stdout.contains("2;vietnamese-registrant;registrant-foreign-group;8934563138165;GS1 Vietnam;VN;8934563;"))
        #expect(result.stdout.contains(";\"Mì; gói\";8934563138165;5\n"))            // the row itself, unchanged
        #expect(result.stdout.contains("3;invalid;not-counted;"))
        #expect(result.stdout.contains("the row has 2 fields but the header has 3"))
        #expect(result.stdout.contains("check digit is 6, expected 5"))
        #expect(result.stdout.contains("the barcode cell is empty"))
        #expect(result.stdout.contains("the barcode cell is not UTF-8 text"))
        #expect(result.stdout.contains("a quote opened on line 9 is never closed"))
        #expect(result.stdout.contains("10;vietnamese-registrant;confirmed;8934673503358;"))
        #expect(result.stderr.contains("Share of Vietnamese goods"))
        #expect(result.stderr.contains("Invalid codes (line): 3, 4, 5, 6, 9"))
    }

    @Test("summary JSON, HTML report and --output file are written; shares match the rows")
    func files() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(Array("ean,qty,price\n8934673503358,10,1000\n4901780188352,10,3000\n".utf8), "inv.csv", in: dir)
        let out = dir.appendingPathComponent("out.csv").path
        let summary = dir.appendingPathComponent("summary.json").path
        let report = dir.appendingPathComponent("report.html").path
        let result = try CheckCommandTests.run(["batch", path, "--quantity", "qty", "--price", "price", "-o", out,
                                                "--summary", summary, "--report", report, "--lang", "vi"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 3)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as! [String: Any]
        let shares = json["shares"] as! [String: Any]
        let value = shares["value"] as! [String: Any]
        #expect((value["confirmed"] as! [String: Any])["share"] as? Double == 0.25)
        #expect((value["other"] as! [String: Any])["share"] as? Double == 0.75)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("50,0 %"))
        // Vietnamese report: outcome names in Vietnamese, never the JSON codes.
        #expect(html.contains("Mã số cấp qua GS1 Việt Nam (893)") && !html.contains("vietnamese-registrant"))
        #expect(result.stderr.contains("50,0 %"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test("NDJSON rows are JSON objects with the row's cells by header")
    func ndjson() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(Array("name\tbarcode\n\"A\tB\"\t8934673503358\nC\t96001233\n".utf8), "inv.tsv", in: dir)
        let result = try CheckCommandTests.run(["batch", path, "--format", "ndjson"])
        let objects = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 2)
        #expect((objects[0]["row"] as! [String: String])["name"] == "A\tB")
        #expect(objects[0]["share_category"] as? String == "confirmed")
        #expect(objects[1]["line"] as? Int == 3)
        let array = try CheckCommandTests.run(["batch", path, "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as! [Any]).count == 2)
    }

    @Test("file-level problems exit 2 with a message naming the file and what to do")
    func fileErrors() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let noColumn = try CheckCommandTests.run(["batch", try write(Array("STT,Tên\n1,x\n".utf8), "a.csv", in: dir)])
        #expect(noColumn.status == 2 && noColumn.stderr.contains("no barcode column") && noColumn.stderr.contains("--column"))
        let empty = try CheckCommandTests.run(["batch", try write([], "b.csv", in: dir)])
        #expect(empty.status == 2 && empty.stderr.contains("is empty"))
        let headerOnly = try CheckCommandTests.run(["batch", try write(Array("ean,qty\n".utf8), "c.csv", in: dir)])
        #expect(headerOnly.status == 2 && headerOnly.stderr.contains("header but no rows"))
        let missing = try CheckCommandTests.run(["batch", dir.appendingPathComponent("none.csv").path])
        #expect(missing.status == 2 && missing.stderr.contains("none.csv"))
        let wrongColumn = try CheckCommandTests.run(["batch", try write(Array("ean\n1\n".utf8), "d.csv", in: dir), "--quantity", "SL"])
        #expect(wrongColumn.status == 2 && wrongColumn.stderr.contains("--quantity “SL”"))
        // No half-written output file when the input is rejected.
        let out = dir.appendingPathComponent("out.csv").path
        _ = try CheckCommandTests.run(["batch", dir.appendingPathComponent("a.csv").path, "-o", out])
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test("a --summary or --report path that cannot be written stops the batch before any row: no summary, no output")
    func unwritableSummaryStopsFirst() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try write(Array("ean\n8934673503358\n".utf8), "in.csv", in: dir)
        let out = dir.appendingPathComponent("out.csv").path
        let nowhere = dir.appendingPathComponent("no-such-folder/summary.json").path
        for flag in ["--summary", "--report"] {
            let result = try CheckCommandTests.run(["batch", input, "-o", out, flag, nowhere])
            #expect(result.status == 2, "\(flag)")
            #expect(result.stderr.contains("cannot write \(nowhere)"), "\(flag): \(result.stderr)")
            // Stopped before the summary is printed, and nothing is written.
            #expect(!result.stderr.contains("%"), "\(flag): \(result.stderr)")   // the summary's shares
            #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".partial"))
        }
    }

    @Test("a write error (full disk) stops with a message and exit 2")
    func fullDisk() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "ean\n"
        for _ in 0..<20_000 { text += "8934673503358\n" }
        let path = try write(Array(text.utf8), "big.csv", in: dir)
        let process = Process()
        process.executableURL = CheckCommandTests.binary
        process.arguments = ["batch", path]
        process.environment = ["LANG": "C.UTF-8", "HANGVIET_REGISTRY": CheckCommandTests.absentRegistry]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write output"))
    }
}

@Suite("hangviet batch with an Excel workbook")
struct BatchXLSXTests {
    @Test("the first sheet of an .xlsx is read: shared and inline strings, numbers written in full, trailing empty cells")
    func workbook() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/inventory.xlsx").path
        let result = try CheckCommandTests.run(["batch", fixture, "--quantity", "SL"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasSuffix(",Tên hàng,Mã vạch,SL"))
        #expect(lines[1].hasPrefix("2,vietnamese-registrant,registrant-foreign-group,8934563138165,"))
        #expect(lines[1].hasSuffix(",\"Mì Hảo Hảo, chua cay\",8934563138165,5"))
        #expect(lines[2].hasSuffix(",\"Sữa \"\"Vinamilk\"\"\",8934673503358,2"))
        #expect(lines[3].hasPrefix("4,foreign-registrant,other,4901780188352,GS1 Japan,"))
        #expect(result.stderr.contains("by quantity"))
    }

    @Test("a zip that is not a workbook gets a clear error")
    func notAWorkbook() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hangviet-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.xlsx").path
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: path))
        let result = try CheckCommandTests.run(["batch", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.xlsx") && result.stderr.contains("CSV UTF-8"))
    }
}
