/// A run of CSV records stored flat (a few arrays for thousands of records), so a reader can
/// hand them to another core to be checked.
public struct RecordChunk: Sendable {
    struct Entry: Sendable {
        var bytes: Range<Int>
        var unquoted: Range<Int>
        var fields: Range<Int>
        var line: Int
    }
    private var bytes: [UInt8] = []
    private var unquoted: [UInt8] = []
    private var fields: [Range<Int>] = []
    private var entries: [Entry] = []
    private var problems: [Int: String] = [:]

    public init() {}

    public var count: Int { entries.count }
    /// Raw bytes held (to bound chunk size).
    public var byteCount: Int { bytes.count + unquoted.count }

    public mutating func append(_ record: CSVRecord) {
        if let problem = record.problem { problems[entries.count] = problem }
        let byteStart = bytes.count, unquotedStart = unquoted.count, fieldStart = fields.count
        bytes.append(contentsOf: record.bytes)
        unquoted.append(contentsOf: record.unquoted)
        fields.append(contentsOf: record.fields)
        entries.append(Entry(bytes: byteStart..<bytes.count, unquoted: unquotedStart..<unquoted.count,
                             fields: fieldStart..<fields.count, line: record.line))
    }

    /// Copies record `index` into `record` (reusing its storage).
    public func load(_ index: Int, into record: inout CSVRecord) {
        let entry = entries[index]
        record.line = entry.line
        record.problem = problems[index]
        record.bytes.removeAll(keepingCapacity: true)
        record.bytes.append(contentsOf: bytes[entry.bytes])
        record.unquoted.removeAll(keepingCapacity: true)
        record.unquoted.append(contentsOf: unquoted[entry.unquoted])
        record.fields.removeAll(keepingCapacity: true)
        record.fields.append(contentsOf: fields[entry.fields])
    }
}

/// The row formats `hangviet batch` writes.
public enum BatchFormat: String, Sendable {
    case csv, ndjson, json
}

extension InventoryChecker {
    /// Checks every record of a chunk with a fresh summary: the output bytes and the chunk's summary
    /// (merged in input order by the caller). `first` is true for the chunk with the first row.
    public func check(_ chunk: RecordChunk, format: BatchFormat, first: Bool) -> (output: [UInt8], summary: InventorySummary) {
        var checker = InventoryChecker(engine: engine, columns: columns, language: language, delimiter: delimiter)
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count * 160)
        var record = CSVRecord()
        for index in 0..<chunk.count {
            chunk.load(index, into: &record)
            checker.check(record)
            switch format {
            case .csv:
                checker.appendCSV(record, to: &out)
            case .ndjson:
                checker.appendJSON(record, to: &out)
                out.append(0x0A)
            case .json:
                if !(first && index == 0) { out.append(0x2C); out.append(0x0A) }
                checker.appendJSON(record, to: &out)
            }
        }
        return (out, checker.summary)
    }
}

extension InventorySummary {
    /// Adds a later part's counts (parts merged in input order keep the lists in line order).
    public mutating func merge(_ other: InventorySummary) {
        rows += other.rows
        for index in outcomeCounts.indices { outcomeCounts[index] += other.outcomeCounts[index] }
        for index in categoryRows.indices {
            categoryRows[index] += other.categoryRows[index]
            categoryQuantity[index] += other.categoryQuantity[index]
            categoryValue[index] += other.categoryValue[index]
        }
        for (key, value) in other.issuerCounts {
            if let known = issuerCounts[key] { issuerCounts[key] = (known.name, known.rows + value.rows) } else { issuerCounts[key] = value }
        }
        for (key, value) in other.declaredCountries { declaredCountries[key, default: 0] += value }
        invalidCount += other.invalidCount
        invalidRows += other.invalidRows.prefix(Self.listLimit - invalidRows.count)
        badNumberCount += other.badNumberCount
        badNumbers += other.badNumbers.prefix(Self.listLimit - badNumbers.count)
        hasQuantity = hasQuantity || other.hasQuantity
        hasValue = hasValue || other.hasValue
    }
}
