import Foundation

/// The whole inventory check: the header read and its columns found, the rows checked on all
/// cores in pieces of about 512 KB, written back in input order as CSV, NDJSON or a JSON array,
/// and the share summary. `hangviet batch` runs it, and so can the server or a library user.
///
/// ```swift
/// let batch = InventoryBatch(engine: VerdictEngine(evidenceProvider: try RegistrySnapshot.seed()),
///                            language: .vi, format: .csv)
/// let file = try InventoryFile(path: "kho.xlsx")        // CSV, TSV or Excel
/// let summary = try await batch.run(file.source, name: file.name) { bytes in out.append(contentsOf: bytes) }
/// summary.rows   // every row, checked exactly once
/// ```
public struct InventoryBatch: Sendable {
    public var engine: VerdictEngine
    public var language: Language
    public var format: BatchFormat
    /// The barcode, quantity and price columns, by header or number (1 = first); nil: the
    /// barcode column is found by its header, and there is no quantity or price.
    public var barcodeColumn: String?
    public var quantityColumn: String?
    public var priceColumn: String?

    /// Pieces of the input being checked or waiting to be written at once (about 512 KB each).
    public static let piecesInFlight = 3

    public init(engine: VerdictEngine, language: Language, format: BatchFormat,
                barcodeColumn: String? = nil, quantityColumn: String? = nil, priceColumn: String? = nil) {
        self.engine = engine
        self.language = language
        self.format = format
        self.barcodeColumn = barcodeColumn
        self.quantityColumn = quantityColumn
        self.priceColumn = priceColumn
    }

    /// Checks every row of `source` (named `name` in messages) and hands the output to `write`
    /// in input order; `progress` hears the rows done and the input bytes read. Throws
    /// ``BatchError`` when the input as a whole cannot be checked (no header, no barcode column,
    /// no rows, a read error), and whatever `write` throws.
    public func run(_ source: any ByteSource, name: String, write: ([UInt8]) throws -> Void,
                    progress: (_ rows: Int, _ bytesRead: Int) -> Void = { _, _ in }) async throws -> InventorySummary {
        var chunker = RecordChunker(source: source)
        guard let firstPiece = try Self.nextPiece(&chunker, name: name) else {
            throw BatchError(.emptyInput, "\(name) is empty: it needs a header line and one line per product.")
        }
        var headerReader = CSVRecordReader(source: MemorySource(firstPiece.bytes))
        var record = CSVRecord()
        guard (try? headerReader.next(into: &record)) == true, !record.bytes.isEmpty || record.fields.count > 1 else {
            throw BatchError(.emptyInput, "\(name) is empty: it needs a header line and one line per product.")
        }
        if let problem = record.problem { throw BatchError(.unreadableHeader, "\(name): the header cannot be read: \(problem).") }
        let header = (0..<record.fields.count).map { (record.field($0) ?? "").trimmingCharacters(in: .whitespaces) }
        let columns = try InventoryColumns(header: header, barcode: barcodeColumn, quantity: quantityColumn, price: priceColumn)
        let checker = InventoryChecker(engine: engine, columns: columns, language: language, delimiter: headerReader.delimiter)
        switch format {
        case .csv:
            var bytes: [UInt8] = []
            checker.appendCSVHeader(record.bytes, to: &bytes)
            try write(bytes)
        case .json: try write(Array("[\n".utf8))
        case .ndjson: break
        }
        let headerEnd = headerReader.bytesRead
        var pending: RecordChunker.Piece? = RecordChunker.Piece(
            bytes: Array(firstPiece.bytes[headerEnd...]),
            firstLine: 1 + RecordChunker.lineEnds(in: Array(firstPiece.bytes[..<headerEnd])))
        var summary = InventorySummary()
        summary.hasQuantity = columns.quantity != nil
        summary.hasValue = columns.price != nil
        var index = 0
        let format = self.format
        try await OrderedWork.run(concurrency: Self.piecesInFlight, pendingLimit: Self.piecesInFlight) { () throws -> (Int, RecordChunker.Piece)? in
            if pending == nil { pending = try Self.nextPiece(&chunker, name: name) }
            defer { pending = nil; index += 1 }
            return pending.map { (index, $0) }
        } work: { (index, piece) in
            checker.check(piece, format: format, first: index == 0)
        } handle: { (bytes, part) in
            try write(bytes)
            summary.merge(part)
            progress(summary.rows, chunker.bytesRead)
        }
        if summary.rows == 0 {
            throw BatchError(.noRows, "\(name) has a header but no rows: nothing to check.")
        }
        if format == .json { try write(Array("\n]\n".utf8)) }
        return summary
    }

    static func nextPiece(_ chunker: inout RecordChunker, name: String) throws(BatchError) -> RecordChunker.Piece? {
        do {
            return try chunker.next()
        } catch {
            throw BatchError(.unreadableInput, error.message)
        }
    }
}
