import GS1

/// A CSV file checked row by row, before anything is written: the valid entries, every bad
/// row with its line number and reason, and the duplicates found inside the file.
///
/// ```swift
/// let plan = try ImportPlan(bytes: bytes, fileName: "nghe-an-ocop.csv", kind: .ocop, defaultSource: nil,
///                           today: .today())
/// plan.problems   // [RowProblem(line: 7, reason: "stars: “6” is not 3, 4 or 5")]
/// ```
public struct ImportPlan: Sendable {
    /// A row that passed validation, with the source it names.
    public struct Item: Sendable {
        public var entry: RegistryEntry
        public let line: Int
        public let source: String
    }

    /// Two rows of the file with the same identity; the later one is kept.
    public struct Duplicate: Sendable, Hashable {
        public let line: Int
        public let earlierLine: Int
        /// True when both rows say exactly the same.
        public let identical: Bool
    }

    public let kind: RegistryKind
    public let fileName: String
    public private(set) var items: [Item] = []
    public private(set) var problems: [RegistryError.RowProblem] = []
    public private(set) var duplicates: [Duplicate] = []
    /// Columns of the file that HangViet does not use.
    public private(set) var unknownColumns: [String] = []
    /// Rows in the file (not counting the header and blank lines).
    public private(set) var rowCount = 0
    /// The file's header, as written.
    public let header: [String]
    /// The fields of each rejected row, by line, to write a rejects file.
    public private(set) var rejectedFields: [Int: [String]] = [:]
    /// Every row's fields, kept for brand-ownership files only (a few hundred rows): a row can
    /// still be rejected at import time, when its aliases clash with the registry's.
    private var ownershipRowFields: [Int: [String]] = [:]

    /// The fields of a row, if it was rejected (or may be, as an ownership row), for a rejects file.
    public func fields(ofLine line: Int) -> [String]? {
        rejectedFields[line] ?? ownershipRowFields[line]
    }

    /// Reads and checks a file. Throws only for problems with the file as a whole (encoding,
    /// quoting, missing required columns); bad rows are collected in ``problems``.
    public init(bytes: [UInt8], fileName: String, kind: RegistryKind, defaultSource: String?,
                today: CalendarDate) throws(RegistryError) {
        self.kind = kind
        self.fileName = fileName
        let table = try CSVTable(bytes: bytes, name: fileName)
        self.header = table.header
        let specs = kind.columns
        var columnIndex: [String: Int] = [:]
        for (index, header) in table.header.enumerated() {
            let folded = ColumnSpec.fold(header)
            guard !folded.isEmpty else { continue }
            guard let spec = specs.first(where: { $0.matches(folded) }) else {
                unknownColumns.append(header)
                continue
            }
            if let earlier = columnIndex[spec.name] {
                throw RegistryError(.wrongColumns,
                                    "\(fileName): columns \(earlier + 1) (“\(table.header[earlier])”) and \(index + 1) (“\(header)”) both mean “\(spec.name)”. Remove one of them.",
                                    path: fileName)
            }
            columnIndex[spec.name] = index
        }
        let missing = specs.filter { $0.required && columnIndex[$0.name] == nil }
        if !missing.isEmpty {
            let expected = specs.filter { !$0.ignored }.map { spec in
                spec.aliases.isEmpty ? spec.name : "\(spec.name) (or \(spec.aliases.prefix(3).map { "“\($0)”" }.joined(separator: ", ")))"
            }
            throw RegistryError(.wrongColumns,
                                "\(fileName) has no column for \(missing.map { "“\($0.name)”" }.joined(separator: ", ")), needed for \(kind.rawValue) entries. Its header is: \(table.header.joined(separator: " | ")). Columns for \(kind.rawValue): \(expected.joined(separator: "; ")).",
                                path: fileName)
        }
        if columnIndex["source"] == nil && defaultSource == nil {
            throw RegistryError(.wrongColumns,
                                "\(fileName) has no “source” column. Every registry entry must name its source:",
                                remedy: .addSourceColumnOrNameOne, path: fileName)
        }

        var seen: [String: (index: Int, line: Int)] = [:]
        for row in table.rows {
            rowCount += 1
            if row.fields.count > table.header.count,
               row.fields[table.header.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                rejectedFields[row.line] = row.fields
                problems.append(.init(line: row.line, reason: "has \(row.fields.count) fields but the header has \(table.header.count) columns (an unquoted “\(table.delimiter == "\t" ? "tab" : String(table.delimiter))” inside a value?)"))
                continue
            }
            let cells = RowCells(row: row, columns: columnIndex)
            var reasons: [String] = []
            let entry = RowValidator.validate(kind: kind, cells: cells, today: today, reasons: &reasons)
            var source = cells["source"] ?? ""
            if source.isEmpty { source = defaultSource ?? "" }
            if source.isEmpty { reasons.append("source: empty — every entry must name where it comes from") }
            guard reasons.isEmpty, let entry else {
                rejectedFields[row.line] = row.fields
                problems.append(.init(line: row.line, reason: reasons.joined(separator: "; ")))
                continue
            }
            let item = Item(entry: entry, line: row.line, source: source)
            if let earlier = seen[entry.key] {
                let identical = items[earlier.index].entry == entry && items[earlier.index].source == source
                duplicates.append(Duplicate(line: row.line, earlierLine: earlier.line, identical: identical))
                items[earlier.index] = item
                seen[entry.key] = (earlier.index, row.line)
            } else {
                seen[entry.key] = (items.count, row.line)
                items.append(item)
            }
        }
        if kind == .ownership {
            for row in table.rows { ownershipRowFields[row.line] = row.fields }
            rejectAliasCollisionsInFile(fields: table)
        }
    }

    /// A later row naming a brand or alias an earlier row of another brand already gave is rejected.
    private mutating func rejectAliasCollisionsInFile(fields table: CSVTable) {
        var owners: [String: (name: String, line: Int)] = [:]
        var kept: [Item] = []
        for item in items {
            guard case .ownership(let record) = item.entry else { continue }
            let folded = record.allNames.map(BrandOwnershipRecord.foldName)
            if let index = folded.firstIndex(where: { owners[$0] != nil }) {
                let owner = owners[folded[index]]!
                problems.append(.init(line: item.line, reason: "aliases: “\(record.allNames[index])” is already a name of “\(owner.name)” (line \(owner.line)); a name can belong to one brand only"))
                if let row = table.rows.first(where: { $0.line == item.line }) { rejectedFields[item.line] = row.fields }
                continue
            }
            for name in folded where owners[name] == nil { owners[name] = (record.name, item.line) }
            kept.append(item)
        }
        items = kept
        problems.sort { $0.line < $1.line }
    }
}

/// A row's cells by canonical column name, trimmed; empty cells read as nil.
struct RowCells {
    let row: CSVTable.Row
    let columns: [String: Int]

    subscript(_ column: String) -> String? {
        guard let index = columns[column], index < row.fields.count else { return nil }
        let value = row.fields[index].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }
}

/// Checks one row of each kind and builds its record (source and origin are set on insert).
enum RowValidator {
    static func validate(kind: RegistryKind, cells: RowCells, today: CalendarDate, reasons: inout [String]) -> RegistryEntry? {
        switch kind {
        case .brands: return brand(cells, &reasons).map(RegistryEntry.brand)
        case .gtins: return gtin(cells, &reasons).map(RegistryEntry.gtin)
        case .ocop: return ocop(cells, today, &reasons).map(RegistryEntry.ocop)
        case .gi: return geographicalIndication(cells, &reasons).map(RegistryEntry.geographicalIndication)
        case .ownership: return ownership(cells, today, &reasons).map(RegistryEntry.ownership)
        case .recognition: return recognition(cells, today, &reasons).map(RegistryEntry.recognition)
        case .hotlines: return hotline(cells, &reasons).map(RegistryEntry.hotline)
        }
    }

    static func required(_ cells: RowCells, _ column: String, _ reasons: inout [String]) -> String {
        guard let value = cells[column] else {
            reasons.append("\(column): empty")
            return ""
        }
        return value
    }

    static func gtin(_ text: String, column: String, _ reasons: inout [String]) -> GTIN? {
        do {
            return try GTIN.parse(text)
        } catch {
            reasons.append("\(column): “\(text)” is not a valid GTIN (\(error.message))")
            return nil
        }
    }

    static func brand(_ cells: RowCells, _ reasons: inout [String]) -> BrandRecord? {
        let name = required(cells, "brand", &reasons)
        let prefix = cells["company_prefix"]
        if let prefix {
            if let problem = companyPrefixProblem(prefix) { reasons.append("company_prefix: \(problem)") }
        }
        let seen = cells["prefix7_seen_in_off"]
        if let seen, !seen.allSatisfy(\.isASCIIDigit) { reasons.append("prefix7_seen_in_off: “\(seen)” is not digits") }
        var ownership = RegistryFact.Ownership.unverified
        if let text = cells["ownership"] {
            if let parsed = parseOwnership(text) { ownership = parsed }
            else { reasons.append("ownership: “\(text)” is not vietnamese, foreign-group or unverified") }
        }
        let example = cells["example_gtin"]
        if let example { _ = gtin(example, column: "example_gtin", &reasons) }
        let key = TextFolding.fold(name) + "|" + (prefix ?? seen.map { "seen:" + $0 } ?? "")
        return BrandRecord(id: nil, key: key, name: name, company: cells["company"], companyPrefix: prefix, prefixSeen: seen,
                           ownership: ownership, ownershipNote: cells["ownership_note"], ownershipNoteVi: cells["ownership_note_vi"],
                           category: cells["category"], exampleGTIN: example, notes: cells["notes"], origin: .user, sourceID: 0)
    }

    /// Why `prefix` cannot be a GS1 company prefix, or nil when it can.
    static func companyPrefixProblem(_ prefix: String) -> String? {
        guard prefix.allSatisfy(\.isASCIIDigit) else { return "“\(prefix)” is not digits" }
        guard (4...12).contains(prefix.count) else { return "“\(prefix)” has \(prefix.count) digits; GS1 company prefixes have 4 to 12" }
        guard prefix.hasPrefix("893") else { return nil }
        if case .known(let split) = lengthRuleSplit(prefix), split.length != prefix.count {
            return "“\(prefix)” has \(prefix.count) digits, but GS1 says company prefixes starting \(split.rule.prefix) have \(split.length)"
        }
        return nil
    }

    static func parseOwnership(_ text: String) -> RegistryFact.Ownership? {
        switch TextFolding.fold(text) {
        case "vietnamese", "vn", "viet nam", "vietnam", "trong nuoc", "doanh nghiep viet nam": return .vietnamese
        case "foreign group", "foreign", "nuoc ngoai", "fdi", "von nuoc ngoai": return .foreignGroup
        case "unverified", "unknown", "chua xac minh", "khong ro": return .unverified
        default: return nil
        }
    }

    static func gtin(_ cells: RowCells, _ reasons: inout [String]) -> GTINRecord? {
        let code = required(cells, "gtin", &reasons)
        let name = required(cells, "product_name", &reasons)
        guard !code.isEmpty, let parsed = gtin(code, column: "gtin", &reasons) else { return nil }
        return GTINRecord(id: nil, key: parsed.gtin14, gtin: parsed.digits, name: name, brand: cells["brand"],
                             geographicalIndication: cells["geographical_indication"], notes: cells["notes"],
                             origin: .user, sourceID: 0)
    }

    static func ocop(_ cells: RowCells, _ today: CalendarDate, _ reasons: inout [String]) -> OCOPRecord? {
        let name = required(cells, "product_name", &reasons)
        let province = required(cells, "province", &reasons)
        var stars: Int?
        if let text = cells["stars"] {
            let digits = text.filter(\.isASCIIDigit)
            if let value = Int(digits), digits.count == 1, (3...5).contains(value) { stars = value }
            else { reasons.append("stars: “\(text)” is not 3, 4 or 5 (OCOP ratings are 3 to 5 stars; leave it empty for a nomination)") }
        }
        var year: Int?
        if let text = cells["year_recognised"] {
            if let value = Int(text), (2018...today.year + 1).contains(value) { year = value }
            else { reasons.append("year_recognised: “\(text)” is not a year from 2018 (the OCOP programme's start) to \(today.year + 1)") }
        }
        var certified: CalendarDate?
        if let text = cells["certificate_date"] {
            certified = CalendarDate(parsing: text)
            if certified == nil { reasons.append("certificate_date: “\(text)” is not a date (use 2024-03-15 or 15/03/2024)") }
        }
        var expires: CalendarDate?
        if let text = cells["expiry_date"] {
            expires = CalendarDate(parsing: text)
            if expires == nil { reasons.append("expiry_date: “\(text)” is not a date (use 2027-03-15 or 15/03/2027)") }
        }
        if let certified, let expires, expires < certified {
            reasons.append("expiry_date \(expires) is before certificate_date \(certified)")
        }
        if year == nil { year = certified?.year }
        var revoked = false
        if let text = cells["revoked"] {
            switch TextFolding.fold(text) {
            case "yes", "y", "true", "1", "x", "co", "da thu hoi", "revoked": revoked = true
            case "no", "n", "false", "0", "khong": revoked = false
            default: reasons.append("revoked: “\(text)” is not yes/no (có/không)")
            }
        }
        var code: String?
        if let text = cells["barcode"], let parsed = gtin(text, column: "barcode", &reasons) { code = parsed.digits }
        let retrieved = retrievedDate(cells, &reasons)
        let key = [name, cells["producer"] ?? "", province].map(TextFolding.fold).joined(separator: "|")
        return OCOPRecord(id: nil, key: key, name: name, producer: cells["producer"], province: province, stars: stars,
                          year: year, decision: cells["level_or_decision"], certifiedOn: certified?.description,
                          expiresOn: expires?.description, revoked: revoked, gtin: code, notes: cells["notes"],
                          retrieved: retrieved, history: cells["history"], origin: .user, sourceID: 0)
    }

    static func geographicalIndication(_ cells: RowCells, _ reasons: inout [String]) -> GeographicalIndicationRecord? {
        let name = cells["gi_name"]
        let product = required(cells, "product", &reasons)
        var country = ""
        if let text = cells["origin_country"] {
            let upper = text.uppercased()
            if upper.count == 2, upper.allSatisfy({ $0.isASCII && $0.isLetter }) { country = upper }
            else if ["viet nam", "vietnam", "viet nam vn"].contains(TextFolding.fold(text)) { country = "VN" }
            else { reasons.append("origin_country: “\(text)” is not a two-letter ISO 3166 code (VN for Viet Nam)") }
        } else {
            reasons.append("origin_country: empty (VN for a Vietnamese indication; foreign ones such as Cognac are FR)")
        }
        let registration = cells["registration_no"]
        let key = registration.map { "no:" + $0 } ?? (TextFolding.fold(name ?? "") + "|" + TextFolding.fold(product))
        return GeographicalIndicationRecord(id: nil, key: key, name: name, product: product, registrationNumber: registration,
                                            applicationNumber: cells["application_no"], granted: cells["grant_date_or_year"],
                                            decision: cells["decision"], holder: cells["holder_or_manager"],
                                            province: cells["province"], originCountry: country, notes: cells["notes"],
                                            origin: .user, sourceID: 0)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension RowValidator {
    /// True when GS1's table gives a length for this 893 prefix's block (whatever the length).
    static func companyPrefixLengthIsPublished(_ prefix: String) -> Bool {
        if case .known = lengthRuleSplit(prefix) { return true }
        return false
    }

    /// GS1's 893 length rule for a prefix, found by splitting a made-up GTIN in its block.
    static func lengthRuleSplit(_ prefix: String) -> VietnameseCompanyPrefix.Split {
        let padded = String((prefix + String(repeating: "0", count: 12)).prefix(12))
        let digits = padded.compactMap { $0.wholeNumberValue.map(UInt8.init) }
        guard let probe = try? GTIN.parse(padded + String(CheckDigit.gs1(for: digits))) else { return .notApplicable }
        return VietnameseCompanyPrefix.split(probe)
    }
}
