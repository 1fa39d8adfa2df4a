import OriginRegistry

/// Reads CSV/TSV records one at a time from a stream, in bounded memory: UTF-8 with or without
/// a byte-order mark, delimiter detected from the header, quoted fields with delimiters and line
/// breaks inside, CRLF or LF. Each record keeps its raw bytes (to copy a row through unchanged)
/// and the byte ranges of its fields.
///
/// A record longer than ``maximumCSVRecordBytes`` — in practice a quote that is never closed — is
/// cut at the end of its first line, reported with ``CSVRecord/problem``, and reading goes on with
/// the next line: no row is lost and memory stays bounded.
///
/// ```swift
/// var reader = CSVRecordReader(source: FileDescriptorSource(fd: STDIN_FILENO))
/// while let record = try reader.next() {
///     print(record.line, record.field(0, in: reader))
/// }
/// ```
/// One record: where it starts and its fields, as ranges into ``bytes``.
public struct CSVRecord: Sendable {
public init() {}

    /// 1-based line of the record's first character.
    public var line: Int = 0
    /// The record's bytes without its line ending.
    public var bytes: [UInt8] = []
    /// Field contents (quotes removed, doubled quotes undone) as ranges into ``unquoted``.
    public var fields: [Range<Int>] = []
    /// Field contents, concatenated (same as ``bytes`` when nothing was quoted).
    public var unquoted: [UInt8] = []
    /// Why the record could not be read as written (an unterminated quote), or nil.
    public var problem: String?

    /// A field's text (invalid UTF-8 repaired with U+FFFD), or nil past the last field.
    public func field(_ index: Int) -> String? {
        guard index < fields.count else { return nil }
        return String(decoding: unquoted[fields[index]], as: UTF8.self)
    }
    /// True when the field is plain ASCII (so certainly valid UTF-8).
    public func fieldIsASCII(_ index: Int) -> Bool {
        guard index < fields.count else { return true }
        for byte in unquoted[fields[index]] where byte >= 0x80 { return false }
        return true
    }
    /// True when the field's bytes are valid UTF-8.
    public func fieldIsValidUTF8(_ index: Int) -> Bool {
        guard index < fields.count else { return true }
        return String(validating: unquoted[fields[index]], as: UTF8.self) != nil
    }
}

public struct CSVRecordReader {
    public static var maximumCSVRecordBytes: Int { 1 << 20 }

    private var source: any ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var line = 1
    private var first = true
    /// The delimiter: `,` `;` or tab, found in the first record (the header).
    public private(set) var delimiter: UInt8 = 0x2C
    /// Bytes consumed so far, line ends included (where the next record starts).
    public private(set) var bytesRead = 0

    public init(source: any ByteSource, bufferSize: Int = 1 << 18) {
        self.source = source
        self.buffer = [UInt8](repeating: 0, count: max(bufferSize, 1024))
    }

    /// A reader over bytes already in memory (no copy), e.g. a piece cut by ``RecordChunker``.
    public init(bytes: [UInt8], delimiter: UInt8, firstLine: Int) {
        self.source = MemorySource([])
        self.buffer = bytes
        self.end = bytes.count
        self.eof = true
        self.delimiter = delimiter
        self.line = firstLine
        self.first = false
    }

    /// A reader for a piece of a larger file: the delimiter is known and no byte-order mark is
    /// expected; `firstLine` is the piece's first line number in the whole file.
    public init(source: any ByteSource, delimiter: UInt8, firstLine: Int, bufferSize: Int = 1 << 18) {
        self.init(source: source, bufferSize: bufferSize)
        self.delimiter = delimiter
        self.line = firstLine
        self.first = false
    }

    /// The next record, or nil at the end. Throws only when the source cannot be read.
    public mutating func next(into record: inout CSVRecord) throws(ByteSourceError) -> Bool {
        while true {
            if first {
                try fill(minimum: 4096)
                if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                    start += 3
                    bytesRead += 3
                }
                delimiter = CSVTable.sniffDelimiter(buffer[start..<end])
                first = false
            }
            if start == end {
                if eof { return false }
                try fill(minimum: 1)
                continue
            }
            switch parse(into: &record) {
            case .complete:
                return true
            case .needMore:
                if eof {
                    // A quote still open at the end of the input.
                    cutAtFirstLineEnd(into: &record)
                    return true
                }
                if start == 0 && end == buffer.count {
                    if buffer.count >= Self.maximumCSVRecordBytes {
                        cutAtFirstLineEnd(into: &record)
                        return true
                    }
                    buffer += [UInt8](repeating: 0, count: buffer.count)
                }
                try fill(minimum: 1)
            }
        }
    }

    private enum ParseResult { case complete(end: Int, after: Int, newlines: Int), needMore }

    /// Parses one record starting at `start`; the caller consumes it when complete.
    private mutating func parse(into record: inout CSVRecord) -> ParseResult {
        record.fields.removeAll(keepingCapacity: true)
        record.unquoted.removeAll(keepingCapacity: true)
        record.problem = nil
        let result = Self.scan(buffer, from: start, to: end, eof: eof, delimiter: delimiter, into: &record)
        if case .complete(let recordEnd, let after, let newlines) = result {
            finish(&record, from: start, to: recordEnd, newlines: newlines)
            bytesRead += after - start
            start = after
            if recordEnd != after { line += 1 }
        }
        return result
    }

    private static func scan(_ buffer: [UInt8], from start: Int, to end: Int, eof: Bool, delimiter: UInt8,
                             into record: inout CSVRecord) -> ParseResult {
        var index = start
        var fieldStart = 0
        var quoted = false
        var afterQuote = false
        var atFieldStart = true
        var newlines = 0
        return buffer.withUnsafeBufferPointer { bytes -> ParseResult in
            // Fast path: a line without quotes. One pass finds the line end and the delimiters;
            // the line is copied once. On a quote, start again on the general path.
            var probe = start
            var sawQuote = false
            var fieldBegin = 0
            while probe < end {
                let byte = bytes[probe]
                if byte == delimiter {
                    record.fields.append(fieldBegin..<(probe - start))
                    fieldBegin = probe - start + 1
                } else if byte == 0x0A || byte == 0x0D {
                    break
                } else if byte == 0x22 {
                    sawQuote = true
                    break
                }
                probe += 1
            }
            if !sawQuote && (probe < end || eof) {
                var after = probe + 1
                if probe < end && bytes[probe] == 0x0D {
                    if after >= end && !eof { record.fields.removeAll(keepingCapacity: true); return .needMore }
                    if after < end && bytes[after] == 0x0A { after += 1 }
                }
                if probe >= end { after = end }
                record.unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<probe]))
                record.fields.append(fieldBegin..<(probe - start))
                return .complete(end: probe, after: after, newlines: 0)
            }
            record.fields.removeAll(keepingCapacity: true)
            while index < end {
                let byte = bytes[index]
                if quoted {
                    if byte == 0x22 {
                        if index + 1 >= end {
                            if !eof { return .needMore }
                            quoted = false; afterQuote = true; index += 1; continue
                        }
                        if bytes[index + 1] == 0x22 { record.unquoted.append(0x22); index += 2; continue }
                        quoted = false; afterQuote = true; index += 1; continue
                    }
                    if byte == 0x0A { newlines += 1 }
                    record.unquoted.append(byte)
                    index += 1
                    continue
                }
                switch byte {
                case 0x22 where atFieldStart && !afterQuote:
                    quoted = true
                    atFieldStart = false
                    index += 1
                case delimiter:
                    record.fields.append(fieldStart..<record.unquoted.count)
                    fieldStart = record.unquoted.count
                    atFieldStart = true
                    afterQuote = false
                    index += 1
                case 0x0A, 0x0D:
                    var after = index + 1
                    if byte == 0x0D {
                        if after >= end && !eof { return .needMore }
                        if after < end && bytes[after] == 0x0A { after += 1 }
                    }
                    record.fields.append(fieldStart..<record.unquoted.count)
                    return .complete(end: index, after: after, newlines: newlines)
                default:
                    record.unquoted.append(byte)
                    atFieldStart = false
                    index += 1
                }
            }
            if quoted || !eof { return .needMore }
            record.fields.append(fieldStart..<record.unquoted.count)
            return .complete(end: end, after: end, newlines: newlines)
        }
    }

    private mutating func finish(_ record: inout CSVRecord, from: Int, to: Int, newlines: Int) {
        record.line = line
        record.bytes.removeAll(keepingCapacity: true)
        record.bytes.append(contentsOf: buffer[from..<to])
        line += newlines
    }

    /// Reads the record at `start` as if its quotes were plain characters, up to its first line end.
    private mutating func cutAtFirstLineEnd(into record: inout CSVRecord) {
        let openedOn = line
        var index = start
        while index < end && buffer[index] != 0x0A && buffer[index] != 0x0D { index += 1 }
        record.fields.removeAll(keepingCapacity: true)
        record.unquoted.removeAll(keepingCapacity: true)
        var fieldStart = 0
        for byte in buffer[start..<index] {
            if byte == delimiter {
                record.fields.append(fieldStart..<record.unquoted.count)
                fieldStart = record.unquoted.count
            } else {
                record.unquoted.append(byte)
            }
        }
        record.fields.append(fieldStart..<record.unquoted.count)
        finish(&record, from: start, to: index, newlines: 0)
        record.problem = "a quote opened on line \(openedOn) is never closed; this line was read as written and reading went on with the next line"
        var after = index
        if after < end && buffer[after] == 0x0D { after += 1 }
        if after < end && buffer[after] == 0x0A { after += 1 }
        bytesRead += after - start
        start = after
        line += 1
    }

    /// Moves unread bytes to the front and reads at least `minimum` more (or to the end).
    private mutating func fill(minimum: Int) throws(ByteSourceError) {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress!.update(from: pointer.baseAddress! + start, count: end - start)
            }
            end -= start
            start = 0
        }
        var got = 0
        while !eof && got < minimum && end < buffer.count {
            let count = try buffer.withUnsafeMutableBufferPointer { pointer throws(ByteSourceError) in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(pointer)[end...]))
            }
            if count == 0 { eof = true } else { end += count; got += count }
        }
    }

}
