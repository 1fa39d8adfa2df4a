/// A CSV file as people really export it: UTF-8 with or without a byte-order mark (or UTF-16
/// with one, as Excel's "Unicode text"), comma, semicolon or tab delimiters, quoted fields with
/// doubled quotes and line breaks, CRLF or LF line ends.
///
/// ```swift
/// let table = try CSVTable(bytes: Array("Tên sản phẩm;Tỉnh\r\n\"Nước mắm\";Kiên Giang\r\n".utf8), name: "ocop.csv")
/// table.header       // ["Tên sản phẩm", "Tỉnh"]
/// table.rows[0].line // 2
/// ```
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number where the row starts.
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]
    /// The delimiter found in the header line.
    public let delimiter: Character

    /// Parses `bytes`; `name` is only used in error messages.
    public init(bytes: [UInt8], name: String) throws(RegistryError) {
        let text = try Self.decode(bytes, name: name)
        var records: [Row] = []
        var delimiter: UInt8 = 0x2C
        var failure: RegistryError?
        var utf8 = text
        utf8.withUTF8 { buffer in
            delimiter = Self.sniffDelimiter(buffer)
            do { records = try Self.parse(buffer, delimiter: delimiter, name: name) } catch { failure = error as? RegistryError }
        }
        if let failure { throw failure }
        // Drop blank lines (Excel adds trailing ones) and ";;;" lines of empty cells.
        records.removeAll { $0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard let first = records.first else {
            throw RegistryError(.badCSV, "\(name) is empty: it needs a header line naming the columns, then one line per entry.", path: name)
        }
        self.header = first.fields.map { $0.trimmingWhitespace() }
        self.rows = Array(records.dropFirst())
        self.delimiter = Character(Unicode.Scalar(delimiter))
    }

    static func decode(_ bytes: [UInt8], name: String) throws(RegistryError) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(bytes[3...], name: name)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
                units.append(little ? a | b << 8 : a << 8 | b)
                index += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                throw RegistryError(.badEncoding, "\(name) starts like UTF-16 text but is not valid UTF-16. Save it as “CSV UTF-8”.", path: name)
            }
            return text
        }
        return try utf8(bytes[...], name: name)
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>, name: String) throws(RegistryError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Name the first bad line, so the user can find it.
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if String(validating: bytes[index..<end], as: UTF8.self) == nil { break }
            line += 1
            index = end + 1
        }
        throw RegistryError(.badEncoding,
                            "\(name) is not UTF-8 text (first bad byte on line \(line)); it may be in a legacy code page such as Windows-1258 or TCVN3. Save it from your spreadsheet as “CSV UTF-8” and import again.",
                            path: name)
    }

    /// The delimiter (`,` `;` or tab) that occurs most in the first line, outside quotes; comma
    /// when none does. Shared by the registry import and `hangviet batch`.
    public static func sniffDelimiter<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            switch byte {
            case 0x2C: comma += 1
            case 0x3B: semicolon += 1
            case 0x09: tab += 1
            default: break
            }
        }
        if semicolon > comma && semicolon >= tab { return 0x3B }
        if tab > comma && tab > semicolon { return 0x09 }
        return 0x2C
    }

    /// Splits UTF-8 bytes into rows. Delimiters, quotes and line ends are ASCII, so working on
    /// bytes is safe for any UTF-8 text; each field becomes a String once.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, name: String) throws(RegistryError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var quoted = false
        var quoteLine = 0
        var afterQuote = false
        var index = 0
        let count = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 {
                    if index < count && bytes[index] == 0x22 { field.append(0x22); index += 1 }
                    else { quoted = false; afterQuote = true }
                } else if byte == 0x0D {
                    if index < count && bytes[index] == 0x0A { index += 1 }
                    line += 1
                    field.append(0x0A)
                } else if byte == 0x0A {
                    line += 1
                    field.append(byte)
                } else {
                    // A run of ordinary bytes at once.
                    var end = index
                    while end < count, bytes[end] != 0x22, bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index - 1)..<end]))
                    index = end
                }
                continue
            }
            switch byte {
            case 0x22 where !afterQuote && field.allSatisfy({ $0 == 0x20 }):
                field.removeAll(keepingCapacity: true)
                quoted = true
                quoteLine = line
            case delimiter:
                endField()
                afterQuote = false
            case 0x0A, 0x0D:
                if byte == 0x0D && index < count && bytes[index] == 0x0A { index += 1 }
                endField()
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                line += 1
                rowLine = line
                afterQuote = false
            default:
                // Text after a closing quote ("a"b) is kept as people meant it. A run of
                // ordinary bytes is copied at once.
                var end = index
                while end < count, bytes[end] != delimiter, bytes[end] != 0x22, bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index - 1)..<end]))
                index = end
            }
        }
        if quoted {
            throw RegistryError(.badCSV, "\(name): the quote opened on line \(quoteLine) is never closed. Check that line for a stray \" character.", path: name)
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Most cells start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return self
        }
        // Scalars, not Characters: no grapheme breaking (a Character is whitespace when its
        // first scalar is).
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
