import Testing
import HangViet

@Suite("Streaming CSV records and cutting pieces at record boundaries")
struct CSVRecordReaderTests {
    func records(_ text: String, bufferSize: Int = 1 << 18) throws -> [(line: Int, fields: [String], problem: String?)] {
        var reader = CSVRecordReader(source: MemorySource(Array(text.utf8)), bufferSize: bufferSize)
        var record = CSVRecord()
        var out: [(Int, [String], String?)] = []
        while try reader.next(into: &record) {
            out.append((record.line, (0..<record.fields.count).map { record.field($0)! }, record.problem))
        }
        return out
    }

    @Test("BOM, semicolons, CRLF, quoted delimiters, doubled quotes and line breaks; physical line numbers")
    func excelStyle() throws {
        let rows = try records("\u{FEFF}Tên;Mã vạch\r\n\"Mì; gói\";8934563138165\r\n\"hai\r\ndòng \"\"x\"\"\";8934673503358\r\nz;1\r\n")
        #expect(rows.map(\.fields) == [["Tên", "Mã vạch"], ["Mì; gói", "8934563138165"], ["hai\r\ndòng \"x\"", "8934673503358"], ["z", "1"]])
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test("a tiny buffer gives the same records as a large one (records straddle refills)")
    func bufferBoundaries() throws {
        var text = "a,b,c\n"
        for index in 0..<500 {
            text += index % 7 == 0 ? "\"multi\nline \(index)\",\"q\"\"\(index)\",\(index)\r\n" : "plain \(index),x,\(index)\n"
        }
        let large = try records(text)
        let small = try records(text, bufferSize: 1024)
        #expect(large.map(\.fields) == small.map(\.fields))
        #expect(large.map(\.line) == small.map(\.line))
        #expect(large.count == 501)
    }

    @Test("an unclosed quote costs one row, not the rest of the file")
    func unclosedQuote() throws {
        let rows = try records("a,b\n1,\"open\n2,x\n3,y\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "\"open"], ["2", "x"], ["3", "y"]])
        #expect(rows[1].problem?.contains("line 2") == true)
        #expect(rows[2].problem == nil && rows[2].line == 3)
        // Reading goes on: with a small maximum the rest is read line by line.
        var text = "a,b\n1,\"open\n"
        for index in 0..<20_000 { text += "\(index),row with some text to fill the buffer\n" }
        let many = try records(text)
        #expect(many.count == 20_002)
        #expect(many[1].problem != nil)
        #expect(many.last?.fields == ["19999", "row with some text to fill the buffer"])
        #expect(many.last?.line == 20_002)
    }

    @Test("pieces end at record boundaries, cover the input exactly, and know their first line")
    func chunker() throws {
        var text = "h1,h2\n"
        for index in 0..<60_000 { text += index % 11 == 0 ? "\"a\nb \(index)\",\(index)\n" : "v\(index),\(index)\r\n" }
        let bytes = Array(text.utf8)
        var chunker = RecordChunker(source: MemorySource(bytes))
        var joined: [UInt8] = []
        var pieces = 0
        var all: [(Int, [String])] = []
        while let piece = try chunker.next() {
            pieces += 1
            joined += piece.bytes
            var reader = CSVRecordReader(bytes: piece.bytes, delimiter: 0x2C, firstLine: piece.firstLine)
            var record = CSVRecord()
            while try reader.next(into: &record) {
                #expect(record.problem == nil)
                all.append((record.line, (0..<record.fields.count).map { record.field($0)! }))
            }
        }
        #expect(joined == bytes)
        #expect(pieces > 1)
        let whole = try records(text)
        #expect(all.map(\.0) == whole.map(\.line))
        #expect(all.map(\.1) == whole.map(\.fields))
    }
}
