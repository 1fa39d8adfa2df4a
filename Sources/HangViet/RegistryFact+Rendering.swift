import OriginRegistry

extension RegistryFact {
    /// One line for text output, in a language, ending with the fact's source.
    ///
    /// ```text
    /// Registry brand: Công ty Cổ phần Acecook Việt Nam (Vina Acecook) — brands Acecook, Vina Acecook; owner: foreign group [source: https://…]
    /// ```
    public func textLine(_ language: Language) -> String {
        var text: String
        switch kind {
        case .product:
            text = (LocalizedText(en: "Registry product: ", vi: "Sản phẩm trong sổ đăng ký: ")[language]) + name
            if let brand = self[attribute: "brand"] { text += LocalizedText(en: " (brand \(brand))", vi: " (nhãn hiệu \(brand))")[language] }
        case .brand:
            text = (LocalizedText(en: "Company/brand for company prefix \(self[attribute: "company prefix"] ?? ""): ", vi: "Doanh nghiệp/nhãn hiệu theo mã doanh nghiệp \(self[attribute: "company prefix"] ?? ""): ")[language]) + name
            if let brands = self[attribute: "brands"], brands != name { text += LocalizedText(en: " — brands \(brands)", vi: " — nhãn hiệu \(brands)")[language] }
            if let ownership { text += "; " + Self.ownershipText(ownership, language) }
        case .ocop:
            text = "OCOP: " + name
            if let status = ocop {
                text += " — " + (status.stars.map { LocalizedText(en: "\($0) stars", vi: "\($0) sao")[language] } ?? (LocalizedText(en: "no star rating", vi: "chưa xếp hạng sao")[language]))
                if let province = status.province { text += ", \(province)" }
                if let year = status.year { text += ", \(year)" }
                text += "; " + Self.validityText(status, language)
            }
            if let producer = self[attribute: "producer"] { text += LocalizedText(en: "; producer: \(producer)", vi: "; chủ thể: \(producer)")[language] }
            // An earlier rating, or another source's disagreeing one, stays visible.
            if let history = self[attribute: "history"] { text += LocalizedText(en: "; history: ", vi: "; lịch sử (tiếng Anh): ")[language] + history }
        case .geographicalIndication:
            text = (LocalizedText(en: "Geographical indication: ", vi: "Chỉ dẫn địa lý: ")[language]) + name
            if let product = self[attribute: "product"] { text += " — \(product)" }
            if let number = self[attribute: "registration"] { text += LocalizedText(en: " (no. \(number))", vi: " (số \(number))")[language] }        case .brandOwnership:
            text = ownershipLine(language)
        case .hotline:
            text = LocalizedText(en: "Hotline: ", vi: "Đường dây nóng: ")[language] + name + ": " + (self[attribute: "number or channel"] ?? "")
                + LocalizedText(en: " (\(self[attribute: "scope"] ?? ""), as of \(self[attribute: "as of"] ?? ""))",
                                vi: " (\(self[attribute: "scope"] ?? ""), thời điểm \(self[attribute: "as of"] ?? ""))")[language]
        case .recognition:
            text = LocalizedText(en: "Recognition: ", vi: "Danh hiệu: ")[language] + name
            if let year = self[attribute: "year"] { text += " \(year)" }
            // A round's list of several enterprises is shown by the name that matched.
            if let named = self[attribute: "named as"] {
                text += LocalizedText(en: " — \(named), among others", vi: " — \(named), cùng các doanh nghiệp khác")[language]
            } else {
                text += " — " + (self[attribute: "enterprise"] ?? "")
            }
            if let decision = self[attribute: "decision"] { text += " (\(decision))" }
            if self[attribute: "status"] == "revoked" {
                text += LocalizedText(en: "; revoked", vi: "; đã bị thu hồi")[language]
            }
        }
        let addresses = source.addresses
        var sourceText = addresses.first ?? source.address
        if addresses.count > 1 { sourceText += LocalizedText(en: " and \(addresses.count - 1) more", vi: " và \(addresses.count - 1) nguồn khác")[language] }
        if let licence = source.licence, !source.licenceIsInAddress || addresses.count > 1 { sourceText += "; \(licence)" }
        if kind == .brandOwnership || kind == .recognition || self[attribute: "retrieved"] != nil {
            sourceText += retrievedSuffix(language)
        }
        return text + " [\(LocalizedText(en: "source", vi: "nguồn")[language]): \(sourceText)]"
    }

    static func ownershipText(_ ownership: Ownership, _ language: Language) -> String {
        switch (ownership, language) {
        case (.vietnamese, .en): return "owner: Vietnamese"
        case (.vietnamese, .vi): return "chủ sở hữu: Việt Nam"
        case (.foreignGroup, .en): return "owner: a foreign group"
        case (.foreignGroup, .vi): return "chủ sở hữu: tập đoàn nước ngoài"
        case (.unverified, .en): return "owner: not verified"
        case (.unverified, .vi): return "chủ sở hữu: chưa xác minh"
        }
    }

    static func validityText(_ status: OCOPStatus, _ language: Language) -> String {
        switch status.validity {
        case .current(let until):
            if let until { return LocalizedText(en: "certificate valid until \(until)", vi: "chứng nhận còn hiệu lực đến \(until)")[language] }
            return LocalizedText(en: "certificate within its 36 months", vi: "chứng nhận còn trong thời hạn 36 tháng")[language]
        case .expired(let since):
            if let since { return LocalizedText(en: "certificate expired \(since)", vi: "chứng nhận đã hết hạn \(since)")[language] }
            return LocalizedText(en: "certificate expired", vi: "chứng nhận đã hết hạn")[language]
        case .possiblyExpired: return LocalizedText(en: "certificate may have expired", vi: "chứng nhận có thể đã hết hạn")[language]
        case .revoked: return LocalizedText(en: "certificate revoked", vi: "chứng nhận đã bị thu hồi")[language]
        case .unknown: return LocalizedText(en: "validity unknown", vi: "không rõ hiệu lực")[language]
        }
    }

    /// The fact as a JSON object (inside a verdict's "registry" array, or alone): ``RegistryFactDocument``'s JSON.
    public func writeJSON(to w: inout JSONWriter, _ language: Language) {
        RegistryFactDocument(self, language: language).write(to: &w)
    }
}

extension RegistrySource {
    /// `"source": {"addresses": [...], "title": …, "retrieved": …, "licence": …}` inside an object.
    public func writeJSON(to w: inout JSONWriter, key: String = "source") {
        SourceDocument(self).write(to: &w, key: key)
    }
}

extension RegistryFact {
    /// Brand tags (``isBrandTag``) on one line: "Brands seen with this prefix (Open Food Facts
    /// tags, not companies): Kingcook, Oh Ricey [source: …]".
    public static func brandTagsLine(_ tags: [RegistryFact], _ language: Language) -> String {
        let names = tags.map(\.name).joined(separator: ", ")
        var addresses: [String] = []
        for tag in tags { for address in tag.source.addresses where !addresses.contains(address) { addresses.append(address) } }
        let more = addresses.count > 1 ? LocalizedText(en: " and \(addresses.count - 1) more", vi: " và \(addresses.count - 1) nguồn khác")[language] : ""
        let licences = Set(tags.compactMap(\.source.licence)).sorted()
        let licence = licences.isEmpty ? "" : "; " + licences.joined(separator: ", ")
        return LocalizedText(en: "Brands seen with this prefix (Open Food Facts tags, not companies): ",
                             vi: "Nhãn hiệu từng thấy với tiền tố này (thẻ Open Food Facts, không phải doanh nghiệp): ")[language]
            + names + LocalizedText(en: " [source: ", vi: " [nguồn: ")[language] + (addresses.first ?? "") + more + licence + "]"
    }
}
