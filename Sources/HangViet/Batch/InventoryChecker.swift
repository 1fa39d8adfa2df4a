import GS1
import OriginRegistry

/// Checks inventory rows one at a time: the barcode cell → verdict → share category, the
/// quantity and price → weights, and writes each row with its added columns. Rows that cannot
/// be read as written (ragged, broken quote, not UTF-8, empty barcode) are kept, as invalid.
///
/// ```swift
/// var checker = InventoryChecker(engine: engine, columns: columns, language: .vi, delimiter: 0x2C)
/// checker.check(record)                 // updates checker.summary
/// checker.appendCSV(record, to: &out)   // the row with its verdict columns first
/// ```
public struct InventoryChecker: Sendable {
    public let engine: VerdictEngine
    public let columns: InventoryColumns
    public let language: Language
    /// The input's delimiter, used for the output too.
    public let delimiter: UInt8
    public private(set) var summary = InventorySummary()

    /// The result for the last row checked.
    public private(set) var verdict: Verdict
    public private(set) var category: ShareCategory = .notCounted
    /// Why the last row is invalid when the reason is about the row, not the code.
    public private(set) var rowProblem: String?
    /// The engine's provider when it is the registry snapshot (the usual case), for item names.
    private let snapshot: RegistrySnapshot?

    /// Columns added before each row's own columns.
    public static let addedColumns = ["line", "outcome", "share_category", "gtin", "issuer", "issuer_country", "company_prefix",
                                      "product", "brand", "ownership", "ocop_stars", "ocop_status", "reason"]

    public init(engine: VerdictEngine, columns: InventoryColumns, language: Language, delimiter: UInt8) {
        self.engine = engine
        self.columns = columns
        self.language = language
        self.delimiter = delimiter
        self.snapshot = engine.evidenceProvider as? RegistrySnapshot
        self.verdict = engine.verdict(for: "")
        summary.hasQuantity = columns.quantity != nil
        summary.hasValue = columns.price != nil
    }

    /// Checks one record and counts it in ``summary``.
    public mutating func check(_ record: CSVRecord) {
        rowProblem = nil
        let fieldCount = record.fields.count
        if let problem = record.problem {
            rowProblem = problem
        } else if fieldCount != columns.header.count {
            rowProblem = language == .vi
                ? "dòng có \(fieldCount) cột nhưng tiêu đề có \(columns.header.count) (dấu phân cách không có ngoặc kép trong một giá trị?)"
                : "the row has \(fieldCount) fields but the header has \(columns.header.count) (an unquoted delimiter inside a value?)"
        } else if !record.fieldIsASCII(columns.barcode) && !record.fieldIsValidUTF8(columns.barcode) {
            rowProblem = LocalizedText(en: "the barcode cell is not UTF-8 text", vi: "ô mã vạch không phải văn bản UTF-8")[language]
        }
        let code = record.field(columns.barcode) ?? ""
        var result: Verdict
        if let rowProblem {
            result = engine.invalid(input: code, error: GS1Error(.malformedElementString, rowProblem))
        } else if code.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            let problem = LocalizedText(en: "the barcode cell is empty", vi: "ô mã vạch trống")[language]
            rowProblem = problem
            result = engine.invalid(input: code, error: GS1Error(.empty, problem))
        } else {
            result = engine.verdict(for: code)
        }
        category = ShareCategory(result)
        // Only a row that is "893 number only" can be moved by its item name.
        if category == .registrantOnly && columns.name != nil {
            let named = itemNameOwners(result, record)
            if !named.isEmpty {
                result = result.adding(named)
                category = ShareCategory(result)
            }
        }
        var quantity: Double?
        var value: Double?
        if let index = columns.quantity { quantity = number(record, index) }
        if let index = columns.price {
            if let price = number(record, index) { value = price * (columns.quantity == nil ? 1 : (quantity ?? .nan)) }
            if value?.isNaN == true { value = nil }
        }
        let problem = rowProblem
        let language = self.language
        summary.add(result, category: category, line: record.line, quantity: quantity, value: value,
                    invalidReason: problem ?? result.error?.localizedMessage(language) ?? "")
        verdict = result
    }

    /// The brand owners the row's item name carries, for GS1 Vietnam numbers with nothing but the
    /// number (share category "registrant only", no owner in the registry): the only rows an
    /// owner found this way can move, to "a foreign group's brand" (a name typed in a list is
    /// weaker evidence than a registry record, and never confirms). Empty, with no allocation,
    /// for most rows.
    private func itemNameOwners(_ verdict: Verdict, _ record: CSVRecord) -> [RegistryFact] {
        guard verdict.outcome == .vietnameseRegistrant, let column = columns.name, column < record.fields.count,
              !record.fields[column].isEmpty,
              !verdict.registryFacts.contains(where: { $0.kind == .brandOwnership }) else { return [] }
        return record.unquoted.withUnsafeBufferPointer { bytes in
            let name = UnsafeBufferPointer(rebasing: bytes[record.fields[column]])
            // The usual provider, called directly: no existential copy per row.
            if let snapshot { return snapshot.ownershipFacts(forItemNameUTF8: name) }
            return engine.evidenceProvider?.ownershipFacts(forItemNameUTF8: name) ?? []
        }
    }

    private mutating func number(_ record: CSVRecord, _ index: Int) -> Double? {
        guard index < record.fields.count, !record.fields[index].isEmpty else { return nil }
        let parsed = record.unquoted.withUnsafeBufferPointer { InventoryNumber.parse(bytes: UnsafeBufferPointer(rebasing: $0[record.fields[index]])) }
        if let parsed { return parsed }
        let text = record.field(index) ?? ""
        if text.allSatisfy(\.isWhitespace) { return nil }
        summary.addBadNumber(line: record.line, column: columns.header[index], text: text)
        return nil
    }

    /// The header line for CSV output (added columns first, then the file's own header as it was).
    public func appendCSVHeader(_ rawHeader: [UInt8], to out: inout [UInt8]) {
        for name in Self.addedColumns {
            out.append(contentsOf: name.utf8)
            out.append(delimiter)
        }
        out.append(contentsOf: rawHeader)
        out.append(0x0A)
    }

    /// The last checked row for CSV output: its verdict columns, then the row's bytes unchanged.
    public func appendCSV(_ record: CSVRecord, to out: inout [UInt8]) {
        let d = delimiter
        Self.appendInteger(UInt64(record.line), to: &out)
        out.append(d)
        Self.appendUTF8(verdict.outcome.rawValue, to: &out)
        out.append(d)
        Self.appendUTF8(category.rawValue, to: &out)
        out.append(d)
        if let gtin = verdict.gtin { Self.appendInteger(gtin.value, width: gtin.length, to: &out) }
        out.append(d)
        if let prefix = verdict.prefix {
            appendField(prefix.name, to: &out)
            out.append(d)
            if let iso = prefix.isoCountryCodes { appendField(iso, to: &out) }
        } else {
            out.append(d)
            if let alpha2 = verdict.countryOfOrigin?.country?.alpha2 { Self.appendUTF8(alpha2, to: &out) }
        }
        out.append(d)
        if case .known(let company)? = verdict.companyPrefix {
            Self.appendInteger(company.gtin13 / Self.powerOfTen(13 - company.length), width: company.length, to: &out)
        }
        out.append(d)
        if verdict.registryFacts.isEmpty && rowProblem == nil && verdict.outcome != .invalid && verdict.reason == nil {
            // Nothing else to say: product, brand, ownership, OCOP stars and status, reason all empty.
            for _ in 0..<6 { out.append(d) }
        } else {
            forEachAddedValue(line: record.line, from: 7) { value, isNumberLike in
                if isNumberLike { Self.appendUTF8(value, to: &out) } else { appendField(value, to: &out) }
                out.append(d)
            }
        }
        out.append(contentsOf: record.bytes)
        out.append(0x0A)
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result &*= 10 }
        return result
    }

    /// Decimal digits of `value`, left-padded with zeros to `width`.
    static func appendInteger(_ value: UInt64, width: Int = 1, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(0x30 + rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 && count < 16
            while count < min(width, 16) { buffer[count] = 0x30; count += 1 }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// The last checked row as one JSON object: the added values and the row's own cells by header.
    public func appendJSON(_ record: CSVRecord, to out: inout [UInt8]) {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        var index = 0
        forEachAddedValue(line: record.line, from: 0) { value, _ in
            let key = Self.addedColumns[index]
            index += 1
            if key == "line" { w.field("line", record.line) } else if !value.isEmpty { w.field(key, value) }
        }
        w.beginObject("row")
        for (column, name) in columns.header.enumerated() {
            w.field(name.isEmpty ? "column \(column + 1)" : name, record.field(column))
        }
        w.endObject()
        if record.fields.count > columns.header.count {
            w.beginArray("extraFields")
            for extra in columns.header.count..<record.fields.count { w.element(record.field(extra) ?? "") }
            w.endArray()
        }
        w.endObject()
        out.append(contentsOf: w.bytes)
    }

    /// The added values of the last row, in ``addedColumns`` order.
    /// The added values of the last row from column `first` on (7 = product …), in ``addedColumns`` order.
    private func forEachAddedValue(line: Int, from first: Int, _ body: (String, Bool) -> Void) {
        let verdict = self.verdict
        if first == 0 {
            body(String(line), true)
            body(verdict.outcome.rawValue, true)
            body(category.rawValue, true)
            body(verdict.gtin?.digits ?? "", true)
            body(verdict.prefix?.name ?? "", false)
            body(verdict.prefix?.isoCountryCodes ?? verdict.countryOfOrigin?.country?.alpha2 ?? "", false)
            body(verdict.companyPrefix?.companyPrefix ?? "", true)
        }
        var product = "", brand = "", ownership = "", stars = "", status = ""
        var brandOwnerFound = false
        for fact in verdict.registryFacts {
            switch fact.kind {
            case .brandOwnership:
                // The brand's owner (ranked before the company behind the prefix) names the brand;
                // one found by the item name only fills an empty brand, and says so.
                if fact[attribute: "matched by"] == "item-name" {
                    if brand.isEmpty {
                        brand = fact.name
                        ownership = Self.itemNameOwnershipLabel(fact.ownership, language)
                    }
                } else if !brandOwnerFound {
                    brandOwnerFound = true
                    brand = fact.name
                    ownership = fact.ownership?.rawValue ?? ""
                }
            case .product:
                if product.isEmpty { product = fact.name }
                if brand.isEmpty, let name = fact[attribute: "brand"] { brand = name }
            case .brand:
                if brandOwnerFound { break }
                if brand.isEmpty || fact.ownership == .vietnamese || (fact.ownership == .foreignGroup && ownership != "vietnamese") {
                    brand = fact.name
                    ownership = fact.ownership?.rawValue ?? ""
                }
            case .ocop:
                if let ocop = fact.ocop {
                    stars = ocop.stars.map(String.init) ?? ""
                    status = ocop.validity.code
                }
                if product.isEmpty { product = fact.name }
            case .geographicalIndication, .recognition, .hotline:
                break
            }
        }
        body(product, false)
        body(brand, false)
        body(ownership, true)
        body(stars, true)
        body(status, true)
        body(rowProblem ?? (verdict.outcome == .invalid ? verdict.error?.localizedMessage(language) ?? "" : verdict.reason?.rawValue ?? ""), false)
    }

    /// "foreign-group (item name)" …, made once per value and language.
    static func itemNameOwnershipLabel(_ ownership: RegistryFact.Ownership?, _ language: Language) -> String {
        let labels = language == .vi ? itemNameLabelsVi : itemNameLabelsEn
        return ownership.map { labels[$0.rawValue] ?? "" } ?? ""
    }
    private static let itemNameLabelsEn = Dictionary(uniqueKeysWithValues: RegistryFact.Ownership.allCases.map { ($0.rawValue, $0.rawValue + " (item name)") })
    private static let itemNameLabelsVi = Dictionary(uniqueKeysWithValues: RegistryFact.Ownership.allCases.map { ($0.rawValue, $0.rawValue + " (theo tên hàng)") })

    private func appendField(_ value: String, to out: inout [UInt8]) {
        var value = value
        let delimiter = self.delimiter
        value.withUTF8 { bytes in
            var needsQuotes = false
            for byte in bytes where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
            guard needsQuotes else { out.append(contentsOf: bytes); return }
            out.append(0x22)
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }

    @inline(__always)
    static func appendUTF8(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { out.append(contentsOf: $0) }
    }
}
