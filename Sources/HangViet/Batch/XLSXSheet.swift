import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first worksheet of an Excel .xlsx file as CSV bytes, for inventory checks. Shared
/// strings, inline strings and numbers are read; formulas give their cached values; empty cells
/// keep their columns. The whole sheet is held in memory (Excel's own limit is 1 048 576 rows),
/// and the unpacked size is capped so a zip bomb cannot exhaust memory.
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
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw BatchError(.unreadableWorkbook, "\(path) looks like a zip/xlsx file but cannot be opened: \(error). Save it again from Excel, or as CSV UTF-8.")
        }
        return try csv(archive, path: path)
    }

    /// The first sheet of a workbook held in memory (an upload), named `name` in messages.
    ///
    /// The bytes go through a private temporary file (mode 0600, removed at once), not
    /// ZIPFoundation's in-memory archive: that one traps when a damaged archive seeks past its
    /// end (ZIPFoundation 0.9.20, `Archive.MemoryFile.readData`; found by fuzzing, and it took
    /// the whole server down).
    public static func csv(bytes: [UInt8], name: String) throws(BatchError) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hangviet-workbook-\(UUID().uuidString).xlsx").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw BatchError(.unreadableWorkbook, "\(name): the workbook cannot be read (no room for a temporary copy of it)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw BatchError(.unreadableWorkbook, "\(name) looks like a zip/xlsx file but cannot be opened: \(error). Save it again from Excel, or as CSV UTF-8.")
        }
        return try csv(archive, path: name)
    }

    private static func csv(_ archive: Archive, path: String) throws(BatchError) -> [UInt8] {
        var budget = maximumUnpackedBytes
        let sheetPath = firstSheetPath(archive) ?? "xl/worksheets/sheet1.xml"
        guard let sheet = archive[sheetPath] else {
            throw BatchError(.unreadableWorkbook, "\(path) is a zip file but not an Excel workbook (no \(sheetPath)). Save the sheet as CSV UTF-8 and try again.")
        }
        var strings: [String] = []
        if let shared = archive["xl/sharedStrings.xml"] {
            let data = try read(shared, from: archive, budget: &budget, path: path)
            let parser = SharedStringsParser()
            try parse(data, with: parser, part: "xl/sharedStrings.xml", path: path)
            strings = parser.strings
        }
        let data = try read(sheet, from: archive, budget: &budget, path: path)
        let parser = SheetParser(strings: strings)
        try parse(data, with: parser, part: sheetPath, path: path)
        return parser.csv
    }

    private static func read(_ entry: Entry, from archive: Archive, budget: inout Int, path: String) throws(BatchError) -> Data {
        var data = Data()
        var remaining = budget
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                remaining -= chunk.count
                if remaining < 0 { throw BatchError(.workbookTooLarge, "\(path) unpacks to more than \(maximumUnpackedBytes >> 20) MB: refused (a zip bomb?).") }
                data.append(chunk)
            }
        } catch let error as BatchError {
            throw error
        } catch {
            throw BatchError(.unreadableWorkbook, "\(path): \(entry.path) cannot be unpacked: \(error). Save the workbook again, or as CSV UTF-8.")
        }
        budget = remaining
        return data
    }

    private static func parse(_ data: Data, with delegate: XMLParserDelegate & ParseFailure, part: String, path: String) throws(BatchError) {
        if let construct = unexpectedConstruct(in: data) {
            throw BatchError(.unreadableWorkbook, "\(path): \(part) holds \(construct), which Excel never writes there; the workbook is damaged or was not made by a spreadsheet program. Save it again from Excel, or as CSV UTF-8.")
        }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        if !parser.parse() {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw BatchError(.unreadableWorkbook, "\(path): \(part) is not readable XML (line \(parser.lineNumber): \(reason)). Save it again from Excel, or as CSV UTF-8.")
        }
    }

    /// The first sheet listed in the workbook, through its relationship.
    /// A construct a workbook part never holds and FoundationXML cannot be trusted with: a
    /// processing instruction after the XML declaration (FoundationXML traps on one with no
    /// data — found by fuzzing, and it took the server down) or a DTD (entity expansion bombs).
    static func unexpectedConstruct(in data: Data) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            var index = 0
            // The XML declaration, after an optional byte order mark, is the one "<?" allowed.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            if bytes.count >= index + 5, bytes[index] == 0x3C, bytes[index + 1] == 0x3F,
               bytes[(index + 2)..<(index + 5)].elementsEqual("xml".utf8) {
                index += 5
            }
            while index + 1 < bytes.count {
                if bytes[index] == 0x3C {
                    if bytes[index + 1] == 0x3F { return "a processing instruction (<?…?>)" }
                    if bytes[index + 1] == 0x21, bytes.count >= index + 9,
                       bytes[(index + 2)..<(index + 9)].elementsEqual("DOCTYPE".utf8) || bytes[(index + 2)..<min(index + 8, bytes.count)].elementsEqual("ENTITY".utf8) {
                        return "a document type declaration (<!DOCTYPE or <!ENTITY)"
                    }
                }
                index += 1
            }
            return nil
        }
    }

    private static func firstSheetPath(_ archive: Archive) -> String? {
        var budget = 64 << 20
        guard let workbook = archive["xl/workbook.xml"], let rels = archive["xl/_rels/workbook.xml.rels"],
              let workbookData = try? read(workbook, from: archive, budget: &budget, path: ""),
              let relsData = try? read(rels, from: archive, budget: &budget, path: ""),
              unexpectedConstruct(in: workbookData) == nil, unexpectedConstruct(in: relsData) == nil else { return nil }
        let sheets = AttributeCollector(element: "sheet", attribute: "r:id")
        let parser = XMLParser(data: workbookData)
        parser.delegate = sheets
        _ = parser.parse()
        guard let id = sheets.values.first else { return nil }
        let targets = RelationshipCollector()
        let relsParser = XMLParser(data: relsData)
        relsParser.delegate = targets
        _ = relsParser.parse()
        guard var target = targets.targets[id] else { return nil }
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        return target
    }
}

protocol ParseFailure: AnyObject {}

/// <si> … <t>text</t> … </si>: one string per <si>, runs joined.
final class SharedStringsParser: NSObject, XMLParserDelegate, ParseFailure {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

/// Cells to CSV lines: <row><c r="B2" t="s"><v>3</v></c>…</row>.
final class SheetParser: NSObject, XMLParserDelegate, ParseFailure {
    private let strings: [String]
    var csv: [UInt8] = []
    private var row: [String] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var inValue = false
    private var width: Int?

    init(strings: [String]) { self.strings = strings }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
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

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
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
final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    let attribute: String
    var values: [String] = []
    init(element: String, attribute: String) {
        self.element = element
        self.attribute = attribute
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == element, let value = attributes[attribute] { values.append(value) }
    }
}

/// Relationship Id → Target.
final class RelationshipCollector: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}
