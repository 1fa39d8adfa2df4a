import OriginRegistry

extension RegistryFact {
    /// One line for text output, in a language, ending with the fact's source.
    ///
    /// ```text
    /// Registry brand: Công ty Cổ phần Acecook Việt Nam (Vina Acecook) — brands Acecook, Vina Acecook; owner: foreign group [source: https://…]
    /// ```
    public func textLine(_ language: Language) -> String {
        let vi = language == .vi
        var text: String
        switch kind {
        case .product:
            text = (vi ? "Sản phẩm trong sổ đăng ký: " : "Registry product: ") + name
            if let brand = self[attribute: "brand"] { text += vi ? " (nhãn hiệu \(brand))" : " (brand \(brand))" }
        case .brand:
            text = (vi ? "Doanh nghiệp/nhãn hiệu theo mã doanh nghiệp \(self[attribute: "company prefix"] ?? ""): "
                       : "Company/brand for company prefix \(self[attribute: "company prefix"] ?? ""): ") + name
            if let brands = self[attribute: "brands"], brands != name { text += vi ? " — nhãn hiệu \(brands)" : " — brands \(brands)" }
            if let ownership { text += "; " + Self.ownershipText(ownership, language) }
        case .ocop:
            text = "OCOP: " + name
            if let status = ocop {
                text += " — " + (status.stars.map { vi ? "\($0) sao" : "\($0) stars" } ?? (vi ? "chưa xếp hạng sao" : "no star rating"))
                if let province = status.province { text += ", \(province)" }
                if let year = status.year { text += ", \(year)" }
                text += "; " + Self.validityText(status, language)
            }
            if let producer = self[attribute: "producer"] { text += vi ? "; chủ thể: \(producer)" : "; producer: \(producer)" }
        case .geographicalIndication:
            text = (vi ? "Chỉ dẫn địa lý: " : "Geographical indication: ") + name
            if let product = self[attribute: "product"] { text += " — \(product)" }
            if let number = self[attribute: "registration"] { text += vi ? " (số \(number))" : " (no. \(number))" }
        }
        let addresses = source.addresses
        var sourceText = addresses.first ?? source.address
        if addresses.count > 1 { sourceText += vi ? " và \(addresses.count - 1) nguồn khác" : " and \(addresses.count - 1) more" }
        if let licence = source.licence, !source.licenceIsInAddress || addresses.count > 1 { sourceText += "; \(licence)" }
        return text + " [\(vi ? "nguồn" : "source"): \(sourceText)]"
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
        let vi = language == .vi
        switch status.validity {
        case .current(let until):
            if let until { return vi ? "chứng nhận còn hiệu lực đến \(until)" : "certificate valid until \(until)" }
            return vi ? "chứng nhận còn trong thời hạn 36 tháng" : "certificate within its 36 months"
        case .expired(let since):
            if let since { return vi ? "chứng nhận đã hết hạn \(since)" : "certificate expired \(since)" }
            return vi ? "chứng nhận đã hết hạn" : "certificate expired"
        case .possiblyExpired: return vi ? "chứng nhận có thể đã hết hạn" : "certificate may have expired"
        case .revoked: return vi ? "chứng nhận đã bị thu hồi" : "certificate revoked"
        case .unknown: return vi ? "không rõ hiệu lực" : "validity unknown"
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
