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
        let delimiter = Self.sniffDelimiter(text)
        var records = try Self.parse(text, delimiter: delimiter, name: name)
        // Drop blank lines (Excel adds trailing ones) and ";;;" lines of empty cells.
        records.removeAll { $0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard let first = records.first else {
            throw RegistryError(.badCSV, "\(name) is empty: it needs a header line naming the columns, then one line per entry.", path: name)
        }
        self.header = first.fields.map { $0.trimmingWhitespace() }
        self.rows = Array(records.dropFirst())
        self.delimiter = delimiter
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

    /// The delimiter that occurs most in the first line, outside quotes; comma when none does.
    static func sniffDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted && (character == "\n" || character == "\r\n" || character == "\r") { break }
            if !quoted, counts[character] != nil { counts[character]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key != "," }!
        return best.value == 0 ? "," : best.key
    }

    static func parse(_ text: String, delimiter: Character, name: String) throws(RegistryError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var quoted = false
        var quoteLine = 0
        var afterQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endRow() {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
            fields = []
            field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1; field.append("\n") }
                    else { field.append(character) }
                }
                continue
            }
            switch character {
            case "\"" where field.allSatisfy({ $0 == " " }) && !afterQuote:
                field = ""
                quoted = true
                quoteLine = line
            case delimiter:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
                afterQuote = false
            default:
                // Text after a closing quote ("a"b) is kept as people meant it.
                field.append(character)
            }
        }
        if quoted {
            throw RegistryError(.badCSV, "\(name): the quote opened on line \(quoteLine) is never closed. Check that line for a stray \" character.", path: name)
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
