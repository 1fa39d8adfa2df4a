import Foundation

extension InventorySummary {
    /// Categories shown in the shares, in display order.
    static let shownCategories: [ShareCategory] = [.confirmed, .registrantOnly, .registrantForeignGroup, .other]

    /// The readable summary for the terminal (stderr).
    public func text(_ language: Language) -> String {
        var out = ""
        let notCounted = rowsByCategory[.notCounted] ?? 0
        out += LocalizedText(en: "Rows: \(Self.grouped(rows, .en)) (invalid codes: \(invalidCount); not counted: \(notCounted))\n", vi: "Số dòng: \(Self.grouped(rows, .vi)) (mã lỗi: \(invalidCount); không tính: \(notCounted))\n")[language]
        let weights = self.weights
        let names: [Weight: String] = [.sku: LocalizedText(en: "by SKU", vi: "theo SKU")[language],
                                       .quantity: LocalizedText(en: "by quantity", vi: "theo số lượng")[language],
                                       .value: LocalizedText(en: "by value", vi: "theo giá trị")[language]]
        out += (LocalizedText(en: "Share of Vietnamese goods", vi: "Tỷ lệ hàng Việt")[language]).padding(toLength: 56, withPad: " ", startingAt: 0)
        for weight in weights { out += names[weight]!.leftPadded(15) }
        out += "\n"
        for category in Self.shownCategories {
            out += "  " + category.label(language).padding(toLength: 54, withPad: " ", startingAt: 0)
            for weight in weights { out += Self.percent(share(category, by: weight), language).leftPadded(15) }
            out += "\n"
        }
        let confirmed = share(.confirmed, by: .sku)
        let upper = [ShareCategory.confirmed, .registrantOnly, .registrantForeignGroup].compactMap { share($0, by: .sku) }.reduce(0, +)
        if confirmed != nil {
            out += LocalizedText(en: "  → Confirmed: \(Self.percent(confirmed, .en)); at most \(Self.percent(upper, .en)) counting every 893 number (893 is not proof of origin).\n", vi: "  → Có xác nhận: \(Self.percent(confirmed, .vi)); tối đa \(Self.percent(upper, .vi)) nếu tính cả mã 893 (mã 893 không chứng minh xuất xứ).\n")[language]
        }
        if !outcomes.isEmpty {
            out += LocalizedText(en: "Outcomes: ", vi: "Kết luận: ")[language]
            out += outcomes.sorted { $0.value > $1.value }.map { "\($0.key.label(language)) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        let top = topForeignIssuers(5)
        if !top.isEmpty {
            out += (LocalizedText(en: "Top foreign issuers: ", vi: "Nước ngoài nhiều nhất: ")[language]) + top.map { "\($0.name) \($0.rows)" }.joined(separator: ", ") + "\n"
        }
        if invalidCount > 0 {
            out += LocalizedText(en: "Invalid codes (line): ", vi: "Mã lỗi (dòng): ")[language]
            out += invalidRows.prefix(10).map { "\($0.line)" }.joined(separator: ", ")
            if invalidCount > 10 { out += LocalizedText(en: " … (\(invalidCount) rows)", vi: " … (\(invalidCount) dòng)")[language] }
            out += "\n"
        }
        if badNumberCount > 0 {
            out += LocalizedText(en: "Quantities/prices that are not numbers (left out of weighted shares): \(badNumberCount), lines ", vi: "Số lượng/giá không đọc được (không tính vào tỷ lệ có trọng số): \(badNumberCount), dòng ")[language]
            out += badNumbers.prefix(10).map { "\($0.line)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// The summary as JSON (`--summary FILE`).
    public func json(_ language: Language, file: String?) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("file", file)
        w.field("rows", rows)
        w.beginObject("shares")
        for weight in weights {
            w.beginObject(weight.rawValue)
            w.raw("counted", Self.jsonNumber(countedTotal(by: weight)))
            for category in Self.shownCategories {
                w.beginObject(category.rawValue)
                w.raw("amount", Self.jsonNumber(amount(category, by: weight)))
                w.raw("share", share(category, by: weight).map(Self.jsonNumber) ?? "null")
                w.endObject()
            }
            w.raw("notCounted", Self.jsonNumber(amount(.notCounted, by: weight)))
            w.endObject()
        }
        w.endObject()
        w.beginObject("definitions")
        for category in ShareCategory.allCases { w.field(category.rawValue, category.label(language)) }
        w.endObject()
        w.beginObject("outcomes")
        for outcome in Outcome.allCases { w.field(outcome.rawValue, outcomes[outcome] ?? 0) }
        w.endObject()
        w.beginArray("topForeignIssuers")
        for issuer in topForeignIssuers(20) {
            w.beginObject(); w.field("name", issuer.name); w.field("rows", issuer.rows); w.endObject()
        }
        w.endArray()
        w.beginObject("invalid")
        w.field("count", invalidCount)
        w.beginArray("rows")
        for row in invalidRows {
            w.beginObject(); w.field("line", row.line); w.field("input", row.input); w.field("reason", row.reason); w.endObject()
        }
        w.endArray()
        w.endObject()
        w.beginObject("foreignGroupBrands")
        w.field("count", categoryRows[ShareCategory.registrantForeignGroup.ordinal])
        w.beginArray("rows")
        for row in foreignGroupRows {
            w.beginObject(); w.field("line", row.line); w.field("input", row.input); w.field("owner", row.owner); w.endObject()
        }
        w.endArray()
        w.endObject()
        w.beginObject("badNumbers")
        w.field("count", badNumberCount)
        w.beginArray("cells")
        for cell in badNumbers {
            w.beginObject(); w.field("line", cell.line); w.field("column", cell.column); w.field("text", cell.text); w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        return w.text + "\n"
    }

    static func jsonNumber(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }
}

extension String {
    /// Right-aligned in `width` characters (for text tables).
    public func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
