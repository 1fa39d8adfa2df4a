import Foundation

extension InventorySummary {
    static func decimal(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    /// One self-contained HTML page (no scripts, fonts or images fetched): the headline shares,
    /// a stacked bar per weight, the outcome counts, top foreign issuers and the first invalid rows.
    public func html(_ language: Language, file: String?) -> String {
        let vi = language == .vi
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
        let names: [Weight: String] = vi ? [.sku: "Theo SKU", .quantity: "Theo số lượng", .value: "Theo giá trị"]
                                         : [.sku: "By SKU", .quantity: "By quantity", .value: "By value"]
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
        let title = vi ? "HangViet: tỷ lệ hàng Việt" : "HangViet: share of Vietnamese goods"
        return """
        <!DOCTYPE html>
        <html lang="\(vi ? "vi" : "en")"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>\(e(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
        .big{font-size:2.4em;font-weight:700;color:#1a7f37}.note{color:#555}
        svg .l{font-size:14px}svg .v{font-size:13px;fill:#111}
        ul.k{list-style:none;padding:0}ul.k li{margin:.2em 0}ul.k span{display:inline-block;width:1em;height:1em;margin-right:.5em;vertical-align:middle}
        table{border-collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:.25em .75em;text-align:left}.n{text-align:right}
        </style></head><body>
        <h1>\(e(title))</h1>
        <p class="note">\(e(file ?? "")) — \(rows) \(vi ? "dòng" : "rows"), \(invalidCount) \(vi ? "mã lỗi" : "invalid")</p>
        <p><span class="big">\(confirmed)</span> \(vi ? "có xác nhận là hàng Việt (khai báo xuất xứ hoặc sổ đăng ký)" : "confirmed Vietnamese (declared origin or registry)")</p>
        <p>\(vi ? "Tối đa" : "At most") <b>\(upper)</b> \(vi ? "nếu tính mọi mã 893. Mã 893 chỉ cho biết doanh nghiệp đăng ký mã qua GS1 Việt Nam, không chứng minh hàng sản xuất tại Việt Nam." : "counting every 893 number. 893 only shows the number was licensed through GS1 Vietnam; it does not prove the goods were made in Viet Nam.")</p>
        <svg width="740" height="\(height)" role="img" aria-label="\(e(title))">\(bars)</svg>
        <ul class="k">\(legend)</ul>
        <h2>\(vi ? "Kết luận theo mã" : "Outcomes")</h2><table>\(outcomeRows)</table>
        <h2>\(vi ? "Tổ chức cấp mã nước ngoài nhiều nhất" : "Top foreign issuers")</h2><table>\(issuerRows)</table>
        <h2>\(vi ? "Mã lỗi" : "Invalid codes") (\(invalidCount))</h2>
        <table><tr><th>\(vi ? "Dòng" : "Line")</th><th>\(vi ? "Mã" : "Code")</th><th>\(vi ? "Lý do" : "Reason")</th></tr>\(invalidRowsHTML)</table>
        <p class="note">\(vi ? "Mã vạch hợp lệ không chứng minh hàng thật: mã có thể bị sao chép." : "A valid barcode does not prove a genuine product: codes can be copied.")</p>
        </body></html>

        """
    }
}
