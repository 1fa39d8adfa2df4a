import Foundation

extension InventorySummary {
    static func decimal(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    /// One self-contained HTML page (no scripts, fonts or images fetched): the headline shares,
    /// a stacked bar per weight, the outcome counts, top foreign issuers and the first invalid rows.
    public func html(_ language: Language, file: String?) -> String {
        func e(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.append(character)
                }
            }
            return out
        }
        let colours: [ShareCategory: String] = [.confirmed: "#1a7f37", .registrantOnly: "#8fd19e",
                                                .registrantForeignGroup: "#f2cc60", .other: "#b7b7b7"]
        let names: [Weight: String] = [.sku: LocalizedText(en: "By SKU", vi: "Theo SKU")[language],
                                       .quantity: LocalizedText(en: "By quantity", vi: "Theo số lượng")[language],
                                       .value: LocalizedText(en: "By value", vi: "Theo giá trị")[language]]
        var bars = ""
        for (row, weight) in weights.enumerated() {
            let y = 10 + row * 46
            bars += "<text x=\"0\" y=\"\(y + 20)\" class=\"l\">\(e(names[weight]!))</text>"
            var x = 130.0
            for category in Self.shownCategories {
                let width = (share(category, by: weight) ?? 0) * 600
                if width > 0 {
                    let shown = Self.percent(share(category, by: weight))
                    bars += "<rect x=\"\(Self.decimal(x))\" y=\"\(y)\" width=\"\(Self.decimal(width))\" height=\"30\" fill=\"\(colours[category]!)\">"
                        + "<title>\(e(category.label(language))): \(shown)</title></rect>"
                    if width > 44 { bars += "<text x=\"\(Self.decimal(x + 4))\" y=\"\(y + 20)\" class=\"v\">\(shown)</text>" }
                }
                x += width
            }
        }
        let height = 20 + weights.count * 46
        var legend = ""
        for category in Self.shownCategories {
            legend += "<li><span style=\"background:\(colours[category]!)\"></span>\(e(category.label(language)))</li>"
        }
        let confirmed = Self.percent(share(.confirmed, by: .sku))
        let upper = Self.percent([ShareCategory.confirmed, .registrantOnly, .registrantForeignGroup]
            .compactMap { share($0, by: .sku) }.reduce(0, +))
        var outcomeRows = ""
        for (outcome, count) in outcomes.sorted(by: { $0.value > $1.value }) {
            outcomeRows += "<tr><td>\(e(outcome.rawValue))</td><td class=\"n\">\(count)</td></tr>"
        }
        var issuerRows = ""
        for issuer in topForeignIssuers(10) { issuerRows += "<tr><td>\(e(issuer.name))</td><td class=\"n\">\(issuer.rows)</td></tr>" }
        var invalidRowsHTML = ""
        for row in invalidRows.prefix(100) {
            invalidRowsHTML += "<tr><td class=\"n\">\(row.line)</td><td>\(e(row.input))</td><td>\(e(row.reason))</td></tr>"
        }
        let title = LocalizedText(en: "HangViet: share of Vietnamese goods", vi: "HangViet: tỷ lệ hàng Việt")[language]
        return """
        <!DOCTYPE html>
        <html lang="\(LocalizedText(en: "en", vi: "vi")[language])"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>\(e(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
        .big{font-size:2.4em;font-weight:700;color:#1a7f37}.note{color:#555}
        svg .l{font-size:14px}svg .v{font-size:13px;fill:#111}
        ul.k{list-style:none;padding:0}ul.k li{margin:.2em 0}ul.k span{display:inline-block;width:1em;height:1em;margin-right:.5em;vertical-align:middle}
        table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:.25em .75em;text-align:left}.n{text-align:right}
        </style></head><body>
        <h1>\(e(title))</h1>
        <p class="note">\(e(file ?? "")) — \(rows) \(LocalizedText(en: "rows", vi: "dòng")[language]), \(invalidCount) \(LocalizedText(en: "invalid", vi: "mã lỗi")[language])</p>
        <p><span class="big">\(confirmed)</span> \(LocalizedText(en: "confirmed Vietnamese (declared origin or registry)", vi: "có xác nhận là hàng Việt (khai báo xuất xứ hoặc sổ đăng ký)")[language])</p>
        <p>\(LocalizedText(en: "At most", vi: "Tối đa")[language]) <b>\(upper)</b> \(LocalizedText(en: "counting every 893 number. 893 only shows the number was licensed through GS1 Vietnam; it does not prove the goods were made in Viet Nam.", vi: "nếu tính mọi mã 893. Mã 893 chỉ cho biết doanh nghiệp đăng ký mã qua GS1 Việt Nam, không chứng minh hàng sản xuất tại Việt Nam.")[language])</p>
        <svg width="740" height="\(height)" role="img" aria-label="\(e(title))">\(bars)</svg>
        <ul class="k">\(legend)</ul>
        <h2>\(LocalizedText(en: "Outcomes", vi: "Kết luận theo mã")[language])</h2><table>\(outcomeRows)</table>
        <h2>\(LocalizedText(en: "Top foreign issuers", vi: "Tổ chức cấp mã nước ngoài nhiều nhất")[language])</h2><table>\(issuerRows)</table>
        <h2>\(LocalizedText(en: "Invalid codes", vi: "Mã lỗi")[language]) (\(invalidCount))</h2>
        <table><tr><th>\(LocalizedText(en: "Line", vi: "Dòng")[language])</th><th>\(LocalizedText(en: "Code", vi: "Mã")[language])</th><th>\(LocalizedText(en: "Reason", vi: "Lý do")[language])</th></tr>\(invalidRowsHTML)</table>
        <p class="note">\(LocalizedText(en: "A valid barcode does not prove a genuine product: codes can be copied.", vi: "Mã vạch hợp lệ không chứng minh hàng thật: mã có thể bị sao chép.")[language])</p>
        </body></html>

        """
    }
}
