import Foundation
import HangViet

/// An inventory sent to `POST /v1/inventory`: the file's bytes, its name for messages, and the
/// columns to use when their headers are not found automatically (as `batch --column`,
/// `--quantity`, `--price`).
public struct InventoryUpload: Sendable {
    public var bytes: [UInt8]
    public var name: String
    public var barcodeColumn: String?
    public var quantityColumn: String?
    public var priceColumn: String?

    public init(bytes: [UInt8], name: String, barcodeColumn: String? = nil, quantityColumn: String? = nil, priceColumn: String? = nil) {
        self.bytes = bytes
        self.name = name
        self.barcodeColumn = barcodeColumn
        self.quantityColumn = quantityColumn
        self.priceColumn = priceColumn
    }

    /// True for a zip container (an .xlsx workbook), by its first bytes.
    public var isWorkbook: Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
}

/// An inventory checked: the summary (the JSON of `batch --summary`), the report (the section
/// of `batch --report`) and the rows with the added columns (the CSV `batch` writes).
public struct InventoryAnswer: Sendable {
    public let summary: InventorySummary
    public let checkedCSV: [UInt8]
    public let name: String

    /// `{"summary": {...}, "reportHTML": "<section …>", "checkedCSV": "…"}`.
    public func json(_ language: Language) -> [UInt8] {
        var writer = JSONWriter(capacity: checkedCSV.count + 8192)
        writer.beginObject()
        writer.raw("summary", summary.json(language, file: name).trimmingCharacters(in: .newlines))
        writer.field("reportHTML", summary.htmlSection(language, file: name))
        writer.field("checkedCSV", String(decoding: checkedCSV, as: UTF8.self))
        writer.endObject()
        return writer.bytes
    }
}

extension LocalVerificationService {
    public func inventory(_ upload: InventoryUpload, language: Language) async throws(BatchError) -> InventoryAnswer {
        let csv = upload.isWorkbook ? try XLSXSheet.csv(bytes: upload.bytes, name: upload.name) : upload.bytes
        let batch = InventoryBatch(engine: engine, language: language, format: .csv, barcodeColumn: upload.barcodeColumn,
                                   quantityColumn: upload.quantityColumn, priceColumn: upload.priceColumn)
        var output: [UInt8] = []
        output.reserveCapacity(csv.count * 2)
        do {
            let summary = try await batch.run(MemorySource(csv), name: upload.name) { output.append(contentsOf: $0) }
            return InventoryAnswer(summary: summary, checkedCSV: output, name: upload.name)
        } catch let error as BatchError {
            throw error
        } catch {
            throw BatchError(.unreadableInput, "\(upload.name): \(error)")
        }
    }
}
