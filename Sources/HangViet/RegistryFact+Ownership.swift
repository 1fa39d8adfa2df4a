import GS1
import OriginRegistry

/// Text for brand-ownership facts (``RegistryFact/Kind/brandOwnership``).
extension RegistryFact {
    /// "Mondelēz International (United States)", "Suntory Holdings and PepsiCo (Japan, United States)".
    func ownerPhrase(_ language: Language) -> String {
        let group = self[attribute: "group"] ?? self[attribute: "company"] ?? name
        var codes = (self[attribute: "country"] ?? "").split(separator: "/").map(String.init)
        // "Vietnamese-owned (Masan Group)": the status already says Viet Nam.
        if self[attribute: "status"] == "vietnamese" && codes == ["VN"] { codes = [] }
        let countries = codes.map { CountryName.name($0, language) }
        return countries.isEmpty ? group : "\(group) (\(countries.joined(separator: ", ")))"
    }

    /// What the sources say about the owner, in one phrase: "owned by Mondelēz International
    /// (United States) since 2015".
    public func ownershipSummary(_ language: Language) -> String {
        let owner = ownerPhrase(language)
        let year = self[attribute: "since"]
        var text: String
        switch self[attribute: "status"] ?? "" {
        case "vietnamese":
            text = LocalizedText(en: "Vietnamese-owned (\(owner)", vi: "thuộc sở hữu Việt Nam (\(owner)")[language]
                + (year.map { LocalizedText(en: ", since \($0)", vi: ", từ năm \($0)")[language] } ?? "") + ")"
        case "foreign-group":
            text = LocalizedText(en: "owned by \(owner)", vi: "thuộc \(owner)")[language]
                + (year.map { LocalizedText(en: " since \($0)", vi: " từ năm \($0)")[language] } ?? "")
        case "mixed":
            text = LocalizedText(en: "Vietnamese and foreign owners: \(owner)", vi: "chủ sở hữu Việt Nam và nước ngoài: \(owner)")[language]
        case "changing":
            text = LocalizedText(en: "changing owner: to \(owner)", vi: "đang đổi chủ sở hữu: sang \(owner)")[language]
                + (year.map { LocalizedText(en: " in \($0)", vi: " năm \($0)")[language] } ?? "")
                + LocalizedText(en: ", not verified as done", vi: ", chưa xác minh hoàn tất")[language]
        default:
            text = LocalizedText(en: "owned by \(owner); the sources do not state its nationality",
                                 vi: "thuộc \(owner); các nguồn không nêu quốc tịch")[language]
        }
        if let asOf = self[attribute: "as of"] { text += LocalizedText(en: " (as of \(asOf))", vi: " (tính đến năm \(asOf))")[language] }
        return text
    }

    /// "Brand owner: Kinh Đô: owned by Mondelēz International (United States) since 2015 — company: …"
    func ownershipLine(_ language: Language) -> String {
        var text = LocalizedText(en: "Brand owner: ", vi: "Chủ sở hữu nhãn hiệu: ")[language] + name + ": " + ownershipSummary(language)
        if let company = self[attribute: "company"] { text += LocalizedText(en: " — company: ", vi: " — công ty: ")[language] + company }
        if let note { text += ". " + note.text(language) }
        if let matched = self[attribute: "matched"] {
            let how: LocalizedText
            switch self[attribute: "matched by"] {
            case "product-name": how = LocalizedText(en: "matched by the product name", vi: "khớp theo tên sản phẩm")
            case "company-prefix": how = LocalizedText(en: "matched by the brands of the company prefix", vi: "khớp theo nhãn hiệu của mã doanh nghiệp")
            default: how = LocalizedText(en: "matched by the item name only (weaker evidence)", vi: "chỉ khớp theo tên hàng (bằng chứng yếu hơn)")
            }
            if text.hasSuffix(".") {
                let phrase = how[language]
                text += " " + phrase.prefix(1).uppercased() + phrase.dropFirst() + " “\(matched)”."
            } else {
                text += "; " + how[language] + " “\(matched)”"
            }
        }
        return text
    }

    /// "; retrieved 2026-12-02" / "; truy cập 02/12/2026", when the source gives the date.
    func retrievedSuffix(_ language: Language) -> String {
        guard let retrieved = self[attribute: "retrieved"] ?? source.retrieved, let date = CalendarDate(parsing: retrieved) else { return "" }
        let vietnamese = (date.day < 10 ? "0" : "") + "\(date.day)/" + (date.month < 10 ? "0" : "") + "\(date.month)/\(date.year)"
        return LocalizedText(en: "; retrieved \(date)", vi: "; truy cập \(vietnamese)")[language]
    }
}

/// Country names for ISO 3166 codes the registry uses, in English and Vietnamese.
enum CountryName {
    static let names: [String: (en: String, vi: String)] = [
        "VN": ("Viet Nam", "Việt Nam"), "US": ("United States", "Hoa Kỳ"), "TH": ("Thailand", "Thái Lan"),
        "JP": ("Japan", "Nhật Bản"), "TW": ("Taiwan", "Đài Loan"), "GB": ("United Kingdom", "Anh"),
        "NL": ("Netherlands", "Hà Lan"), "PH": ("Philippines", "Philippines"), "IN": ("India", "Ấn Độ"),
        "CH": ("Switzerland", "Thụy Sĩ"), "FR": ("France", "Pháp"), "SG": ("Singapore", "Singapore"),
        "DK": ("Denmark", "Đan Mạch"), "KR": ("South Korea", "Hàn Quốc"), "CN": ("China", "Trung Quốc"),
        "DE": ("Germany", "Đức"), "MY": ("Malaysia", "Malaysia"), "ID": ("Indonesia", "Indonesia"),
    ]

    /// The name; for codes the table lacks, the ISO English short name (or the code).
    static func name(_ code: String, _ language: Language) -> String {
        guard let names = names[code] else { return Country(alpha2: code)?.name ?? code }
        return language == .vi ? names.vi : names.en
    }
}
