extension InventoryChecker {
    /// Parses and checks one piece of the input (see ``RecordChunker``).
    public func check(_ piece: RecordChunker.Piece, format: BatchFormat, first: Bool) -> (output: [UInt8], summary: InventorySummary) {
        var checker = InventoryChecker(engine: engine, columns: columns, language: language, delimiter: delimiter)
        var reader = CSVRecordReader(bytes: piece.bytes, delimiter: delimiter, firstLine: piece.firstLine)
        var out: [UInt8] = []
        out.reserveCapacity(piece.bytes.count * 3 / 2)
        var record = CSVRecord()
        var isFirst = first
        while (try? reader.next(into: &record)) == true {
            checker.check(record)
            switch format {
            case .csv:
                checker.appendCSV(record, to: &out)
            case .ndjson:
                checker.appendJSON(record, to: &out)
                out.append(0x0A)
            case .json:
                if !isFirst { out.append(0x2C); out.append(0x0A) }
                isFirst = false
                checker.appendJSON(record, to: &out)
            }
        }
        return (out, checker.summary)
    }
}
