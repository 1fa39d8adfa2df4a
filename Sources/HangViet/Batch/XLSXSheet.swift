import Foundation

/// The first worksheet of an Excel .xlsx file as CSV bytes, for inventory checks. Shared
/// strings, inline strings and numbers are read; formulas give their cached values; empty cells
/// keep their columns. The whole sheet is held in memory (Excel's own limit is 1 048 576 rows),
/// and the unpacked size is capped so a zip bomb cannot exhaust memory (``ZipReader``).
///
/// ```swift
/// let csv = try XLSXSheet.csv(path: "kho.xlsx")   // "Tên hàng,Mã vạch\nMì,8934563138165\n"
/// ```
public enum XLSXSheet {
    /// Largest unpacked XML accepted (sheet + shared strings).
    static let maximumUnpackedBytes = 1 << 30

    /// True when the file starts like a zip archive (an .xlsx is one).
    public static func looksLikeXLSX(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head == Data([0x50, 0x4B, 0x03, 0x04])
    }

    public static func csv(path: String) throws(BatchError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw BatchError(.unreadableInput, "cannot read \(path): \(error.localizedDescription)")
        }
        return try csv(bytes: bytes, name: path)
    }

    /// The first sheet of a workbook held in memory (an upload), named `name` in messages.
    public static func csv(bytes: [UInt8], name: String) throws(BatchError) -> [UInt8] {
        let zip: ZipReader
        do {
            zip = try ZipReader(bytes)
        } catch {
            throw BatchError(.unreadableWorkbook, "\(name) looks like a zip/xlsx file but cannot be opened: \(error.explanation). Save it again from Excel, or as CSV UTF-8.")
        }
        var budget = maximumUnpackedBytes
        let sheetPath = firstSheetPath(zip) ?? "xl/worksheets/sheet1.xml"
        guard let sheet = try read(sheetPath, from: zip, budget: &budget, path: name) else {
            throw BatchError(.unreadableWorkbook, "\(name) is a zip file but not an Excel workbook (no \(sheetPath)). Save the sheet as CSV UTF-8 and try again.")
        }
        var strings: [String] = []
        if let shared = try read("xl/sharedStrings.xml", from: zip, budget: &budget, path: name) {
            let parser = SharedStringsParser()
            try parse(shared, with: parser, part: "xl/sharedStrings.xml", path: name)
            strings = parser.strings
        }
        let parser = SheetParser(strings: strings)
        try parse(sheet, with: parser, part: sheetPath, path: name)
        return parser.csv
    }

    private static func read(_ part: String, from zip: ZipReader, budget: inout Int, path: String) throws(BatchError) -> [UInt8]? {
        do {
            return try zip.contents(of: part, budget: &budget)
        } catch .tooLarge {
            throw BatchError(.workbookTooLarge, "\(path) unpacks to more than \(maximumUnpackedBytes >> 20) MB: refused (a zip bomb?).")
        } catch {
            throw BatchError(.unreadableWorkbook, "\(path): \(part) cannot be unpacked: \(error.explanation). Save the workbook again, or as CSV UTF-8.")
        }
    }

    private static func parse(_ data: [UInt8], with handler: XMLEventHandler, part: String, path: String) throws(BatchError) {
        do {
            try XMLScanner.scan(data, into: handler)
        } catch {
            throw BatchError(.unreadableWorkbook, "\(path): \(part) is not readable XML (line \(error.line): \(error.reason)). Save it again from Excel, or as CSV UTF-8.")
        }
    }

    /// The first sheet listed in the workbook, through its relationship.
    private static func firstSheetPath(_ zip: ZipReader) -> String? {
        var budget = 64 << 20
        guard let workbookData = try? read("xl/workbook.xml", from: zip, budget: &budget, path: ""),
              let relsData = try? read("xl/_rels/workbook.xml.rels", from: zip, budget: &budget, path: "") else { return nil }
        let sheets = AttributeCollector(element: "sheet", attribute: "r:id")
        try? XMLScanner.scan(workbookData, into: sheets)
        guard let id = sheets.values.first else { return nil }
        let targets = RelationshipCollector()
        try? XMLScanner.scan(relsData, into: targets)
        guard var target = targets.targets[id] else { return nil }
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        return target
    }
}

/// <si> … <t>text</t> … </si>: one string per <si>, runs joined.
final class SharedStringsParser: XMLEventHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    func start(_ name: String, attributes: [String: String]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }
    func text(_ string: String) { if inText { current += string } }
    func end(_ name: String) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

/// Cells to CSV lines: <row><c r="B2" t="s"><v>3</v></c>…</row>.
final class SheetParser: XMLEventHandler {
    private let strings: [String]
    var csv: [UInt8] = []
    private var row: [String] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var inValue = false
    private var width: Int?

    init(strings: [String]) { self.strings = strings }

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "row": row = []
        case "c":
            column = attributes["r"].map(Self.columnIndex) ?? row.count
            type = attributes["t"] ?? ""
            value = ""
        case "v", "t": inValue = true
        default: break
        }
    }

    func text(_ string: String) { if inValue { value += string } }

    func end(_ name: String) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            var text = value
            if type == "s", let index = Int(value), index < strings.count { text = strings[index] }
            else if type == "b" { text = value == "1" ? "TRUE" : "FALSE" }
            else if type.isEmpty || type == "n" { text = Self.plainNumber(value) }
            while row.count < column { row.append("") }
            if column < row.count { row[column] = text } else { row.append(text) }
        case "row":
            // Excel leaves trailing empty cells out: pad to the header's width.
            if width == nil { width = row.count }
            while row.count < (width ?? 0) { row.append("") }
            for (index, field) in row.enumerated() {
                if index > 0 { csv.append(0x2C) }
                Self.appendField(field, to: &csv)
            }
            csv.append(0x0A)
        default: break
        }
    }

    /// "AB12" → 27.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
        }
        return max(0, index - 1)
    }

    /// Excel stores long barcodes as numbers, sometimes as "8.934563138165E+12": write integers in full.
    static func plainNumber(_ text: String) -> String {
        guard text.contains("E") || text.contains("e"), let number = Double(text), number.rounded() == number,
              abs(number) < 1e16 else { return text }
        return String(Int64(number))
    }

    /// One CSV field: quoted, with quotes doubled, when it holds a comma, a quote or a line
    /// break. Byte by byte: "\r\n" is one Character (neither "\r" nor "\n"), and Foundation's
    /// `replacingOccurrences` trapped on some strings a workbook can hold (found by fuzzing).
    static func appendField(_ field: String, to out: inout [UInt8]) {
        let bytes = field.utf8
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }
}

/// Values of one attribute on one element, in order.
final class AttributeCollector: XMLEventHandler {
    let element: String
    let attribute: String
    var values: [String] = []
    init(element: String, attribute: String) {
        self.element = element
        self.attribute = attribute
    }
    func start(_ name: String, attributes: [String: String]) {
        if name == element, let value = attributes[attribute] { values.append(value) }
    }
}

/// Relationship Id → Target.
final class RelationshipCollector: XMLEventHandler {
    var targets: [String: String] = [:]
    func start(_ name: String, attributes: [String: String]) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}
