import Foundation
import OriginRegistry
import Testing
import HangViet

/// The inventory pipeline `hangviet batch` runs, called in-process as a library user (or the
/// server) would: every row once, in input order, across pieces checked in parallel.
@Suite("Inventory batch (library)")
struct InventoryBatchTests {
    static let engine = VerdictEngine(evidenceProvider: try! RegistrySnapshot.seed())

    func run(_ batch: InventoryBatch, _ csv: String) async throws -> (output: String, summary: InventorySummary) {
        var out: [UInt8] = []
        let summary = try await batch.run(MemorySource(Array(csv.utf8)), name: "test.csv") { out += $0 }
        return (String(decoding: out, as: UTF8.self), summary)
    }

    @Test("a 1.5 MB inventory (three pieces, checked in parallel) comes back whole and in order, in each format")
    func manyPieces() async throws {
        let rows = 60_000
        var csv = "Tên hàng;Mã vạch;SL\n"
        for i in 0..<rows { csv += "Hàng \(i);\(i % 3 == 0 ? "8934563138165" : i % 3 == 1 ? "4901780188352" : "123");\(i % 7)\n" }
        #expect(csv.utf8.count > 1_400_000)   // three pieces of about 512 KB
        let plain = try await run(InventoryBatch(engine: Self.engine, language: .en, format: .csv, quantityColumn: "SL"), csv)
        let lines = plain.output.split(separator: "\n")
        #expect(lines.count == rows + 1)
        #expect(plain.summary.rows == rows)
        #expect(plain.summary.invalidCount == rows / 3)
        // Line numbers run 2, 3, … without a gap or a repeat: pieces were written in order.
        #expect(lines.dropFirst().enumerated().allSatisfy { $0.element.hasPrefix("\($0.offset + 2);") })
        let ndjson = try await run(InventoryBatch(engine: Self.engine, language: .en, format: .ndjson), csv)
        #expect(ndjson.output.split(separator: "\n").count == rows)
        let array = try await run(InventoryBatch(engine: Self.engine, language: .vi, format: .json), csv)
        let parsed = try JSONSerialization.jsonObject(with: Data(array.output.utf8)) as? [[String: Any]]
        #expect(parsed?.count == rows)
        #expect(parsed?.last?["line"] as? Int == rows + 1)
    }

    @Test("an inventory that cannot be checked as a whole throws a BatchError with a stable code, naming the input")
    func wholeFileErrors() async throws {
        let batch = InventoryBatch(engine: Self.engine, language: .en, format: .csv)
        for (csv, code) in [("", BatchError.Code.emptyInput), ("gtin\n", .noRows), ("name,qty\nx,1\n", .noBarcodeColumn)] {
            do {
                _ = try await run(batch, csv)
                Issue.record("\(code) expected")
            } catch let error as BatchError {
                #expect(error.code == code)
                #expect(code == .noBarcodeColumn || error.message.contains("test.csv"))
            }
        }
        do {
            _ = try InventoryFile(path: "/nonexistent/inventory.csv")
            Issue.record("a missing file opened")
        } catch {
            #expect(error.code == .unreadableInput && error.message.contains("/nonexistent/inventory.csv"))
        }
    }

    @Test("an Excel workbook is read by the library: its first sheet as CSV")
    func workbook() async throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HangVietCLITests/Fixtures/inventory.xlsx").path
        let file = try InventoryFile(path: path)
        #expect(file.isWorkbook && file.size == nil)
        var out: [UInt8] = []
        let summary = try await InventoryBatch(engine: Self.engine, language: .en, format: .csv, quantityColumn: "SL")
            .run(file.source, name: file.name) { out += $0 }
        #expect(summary.rows == 3)
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        #expect(lines[1].hasPrefix("2,vietnamese-registrant,registrant-foreign-group,8934563138165,"))
        #expect(lines[1].hasSuffix(",\"Mì Hảo Hảo, chua cay\",8934563138165,5"))
    }

    @Test("ordered work: results come back in input order whatever order they finish in, and errors stop the loop")
    func orderedWork() async throws {
        var items = Array(0..<200).makeIterator()
        var seen: [Int] = []
        try await OrderedWork.run(concurrency: 8, pendingLimit: 16) { items.next() } work: { i in
            // Later items finish first now and then.
            if i % 10 == 0 { Thread.sleep(forTimeInterval: 0.002) }
            return i * 2
        } handle: { seen.append($0) }
        #expect(seen == Array(0..<200).map { $0 * 2 })
        struct Stop: Error {}
        var count = 0
        var more = Array(0..<100).makeIterator()
        await #expect(throws: Stop.self) {
            try await OrderedWork.run(concurrency: 4) { more.next() } work: { $0 } handle: { _ in
                count += 1
                if count == 10 { throw Stop() }
            }
        }
        #expect(count == 10)
    }
}
