import Foundation

extension InventorySummary {
    static func decimal(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    /// A whole number as people read it: `1.000.000` in Vietnamese, `1,000,000` in English.
    public static func grouped(_ value: Int, _ language: Language) -> String {
        var digits = String(value.magnitude)
        var out = ""
        let separator = language == .vi ? "." : ","
        while digits.count > 3 { out = separator + digits.suffix(3) + out; digits.removeLast(3) }
        return (value < 0 ? "-" : "") + digits + out
    }

    /// A share as people read it: `12,5 %` in Vietnamese, `12.5 %` in English; "—" for none.
    public static func percent(_ share: Double?, _ language: Language) -> String {
        guard let share else { return "—" }
        let text = String(format: "%.1f %%", share * 100)
        return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The report as one `<section class="hv-report">`: the headline shares, a bar per weight
    /// (SVG, no style attributes, so it shows under a strict Content-Security-Policy), the
    /// outcomes by name, top foreign issuers and the rows to act on, with their line numbers.
    /// Sections with nothing in them are left out. `batch --report` and the web page show it.
    public func htmlSection(_ language: Language, file: String?) -> String {
        let e: (String) -> String = { $0.htmlEscaped }
        func t(_ en: String, _ vi: String) -> String { e(LocalizedText(en: en, vi: vi)[language]) }
        let colours: [ShareCategory: String] = [.confirmed: "#1a7f37", .registrantOnly: "#8fd19e",
                                                .registrantForeignGroup: "#f2cc60", .other: "#b7b7b7"]
        let names: [Weight: String] = [.sku: t("By SKU", "Theo SKU"), .quantity: t("By quantity", "Theo số lượng"),
                                       .value: t("By value", "Theo giá trị")]
        var out = "<section class=\"hv-report\">"
        out += "<h2>\(t("Share of Vietnamese goods", "Tỷ lệ hàng Việt"))</h2>"
        let invalidText = invalidCount == 0 ? "" : ", \(Self.grouped(invalidCount, language)) \(t("invalid", "mã lỗi"))"
        out += "<p class=\"note\">\(e(file ?? "")) — \(Self.grouped(rows, language)) \(t("rows", "dòng"))\(invalidText)</p>"
        let confirmed = Self.percent(share(.confirmed, by: .sku), language)
        let upper = Self.percent([ShareCategory.confirmed, .registrantOnly, .registrantForeignGroup]
            .compactMap { share($0, by: .sku) }.reduce(0, +), language)
        out += "<p><span class=\"big\">\(confirmed)</span> \(t("confirmed Vietnamese (declared origin or registry)", "có xác nhận là hàng Việt (khai báo xuất xứ hoặc sổ đăng ký)"))</p>"
        out += "<p>\(t("At most", "Tối đa")) <b>\(upper)</b> \(t("counting every 893 number. 893 only shows the number was licensed through GS1 Vietnam; it does not prove the goods were made in Viet Nam.", "nếu tính mọi mã 893. Mã 893 chỉ cho biết doanh nghiệp đăng ký mã qua GS1 Việt Nam, không chứng minh hàng sản xuất tại Việt Nam."))</p>"
        if countedTotal(by: .sku) > 0 {
            var bars = ""
            for (row, weight) in weights.enumerated() {
                let y = 10 + row * 46
                bars += "<text x=\"0\" y=\"\(y + 20)\" font-size=\"14\">\(names[weight]!)</text>"
                var x = 130.0
                for category in Self.shownCategories {
                    let width = (share(category, by: weight) ?? 0) * 600
                    if width > 0 {
                        let shown = Self.percent(share(category, by: weight), language)
                        bars += "<rect x=\"\(Self.decimal(x))\" y=\"\(y)\" width=\"\(Self.decimal(width))\" height=\"30\" fill=\"\(colours[category]!)\">"
                            + "<title>\(e(category.label(language))): \(shown)</title></rect>"
                        if width > 50 { bars += "<text x=\"\(Self.decimal(x + 4))\" y=\"\(y + 20)\" font-size=\"13\" fill=\"#111\">\(shown)</text>" }
                    }
                    x += width
                }
            }
            out += "<svg viewBox=\"0 0 740 \(20 + weights.count * 46)\" width=\"100%\" role=\"img\" aria-label=\"\(t("Shares by category", "Tỷ lệ theo nhóm"))\">\(bars)</svg>"
            out += "<ul class=\"key\">"
            for category in Self.shownCategories {
                out += "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"\(colours[category]!)\"/></svg> "
                    + "\(e(category.label(language))): \(Self.percent(share(category, by: .sku), language))</li>"
            }
            out += "</ul>"
        }
        out += "<h3>\(t("Outcomes", "Kết luận theo mã"))</h3><table><tbody>"
        for (outcome, count) in outcomes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }) {
            out += "<tr><td>\(e(outcome.label(language)))</td><td class=\"n\">\(Self.grouped(count, language))</td></tr>"
        }
        out += "</tbody></table>"
        let issuers = topForeignIssuers(10)
        if !issuers.isEmpty {
            out += "<h3>\(t("Top foreign issuers", "Tổ chức cấp mã nước ngoài nhiều nhất"))</h3><table><tbody>"
            for issuer in issuers { out += "<tr><td>\(e(issuer.name))</td><td class=\"n\">\(Self.grouped(issuer.rows, language))</td></tr>" }
            out += "</tbody></table>"
        }
        if invalidCount > 0 || !foreignGroupRows.isEmpty || badNumberCount > 0 {
            out += "<h3>\(t("Rows to act on", "Các dòng cần xử lý"))</h3><table><thead><tr><th class=\"n\">\(t("Line", "Dòng"))</th>"
                + "<th>\(t("Code", "Mã"))</th><th>\(t("Why", "Lý do"))</th></tr></thead><tbody>"
            var shown = 0
            for row in invalidRows.prefix(100) {
                out += "<tr><td class=\"n\">\(row.line)</td><td>\(e(row.input))</td><td>\(t("Invalid code", "Mã không hợp lệ")): \(e(row.reason))</td></tr>"
                shown += 1
            }
            for row in foreignGroupRows.prefix(100) {
                out += "<tr><td class=\"n\">\(row.line)</td><td>\(e(row.input))</td><td>\(t("893 number of a foreign group's brand", "Mã 893 của nhãn hiệu thuộc tập đoàn nước ngoài")): \(e(row.owner))</td></tr>"
                shown += 1
            }
            for cell in badNumbers.prefix(100) {
                out += "<tr><td class=\"n\">\(cell.line)</td><td>\(e(cell.column)): \(e(cell.text))</td><td>\(t("Not a number: left out of the weighted shares", "Không phải số: không tính vào tỷ lệ có trọng số"))</td></tr>"
                shown += 1
            }
            out += "</tbody></table>"
            let total = invalidCount + foreignGroupRows.count + badNumberCount
            if total > shown {
                out += "<p class=\"note\">\(t("First rows shown; all of them are in the checked CSV", "Chỉ hiện các dòng đầu; tất cả có trong tệp CSV đã kiểm tra")) (\(Self.grouped(total, language)))</p>"
            }
        }
        out += "<p class=\"note\">\(t("A valid barcode does not prove a genuine product: codes can be copied.", "Mã vạch hợp lệ không chứng minh hàng thật: mã có thể bị sao chép."))</p>"
        return out + "</section>"
    }

    /// One self-contained HTML page (no scripts, fonts or images fetched) around ``htmlSection(_:file:)``.
    public func html(_ language: Language, file: String?) -> String {
        let title = LocalizedText(en: "HangViet: share of Vietnamese goods", vi: "HangViet: tỷ lệ hàng Việt")[language].htmlEscaped
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>\(title)</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
        .big{font-size:2.4em;font-weight:700;color:#1a7f37}.note{color:#555}
        ul.key{list-style:none;padding:0}ul.key li{margin:.2em 0}ul.key svg{vertical-align:middle}
        table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:.25em .75em;text-align:left}.n{text-align:right}
        </style></head><body>
        <h1>\(title)</h1>
        \(htmlSection(language, file: file))
        </body></html>

        """
    }
}
