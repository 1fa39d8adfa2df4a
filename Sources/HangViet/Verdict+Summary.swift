import GS1

extension Verdict {
    /// One line that states the outcome and its main evidence, in `language`.
    public func summary(_ language: Language) -> String {
        switch outcome {
        case .declaredVietnameseOrigin:
            return LocalizedText(en: "Declared country of origin: Viet Nam (GS1 AI 422 = 704)", vi: "Nước xuất xứ được khai báo: Việt Nam (GS1 AI 422 = 704)")[language]
        case .declaredForeignOrigin:
            let origin = countryOfOrigin
            let name = Self.countryName(origin?.country, code: nil, language)
            let code = String(origin?.code ?? 0).leftPadded3()
            return LocalizedText(en: "Declared country of origin: \(name) (GS1 AI 422 = \(code)), not Viet Nam", vi: "Nước xuất xứ được khai báo: \(name) (GS1 AI 422 = \(code)), không phải Việt Nam")[language]
        case .vietnameseRegistrant:
            var text = LocalizedText(en: "Vietnamese registrant: number licensed through GS1 Vietnam (prefix 893)", vi: "Doanh nghiệp đăng ký mã tại Việt Nam: mã số được cấp qua GS1 Việt Nam (tiền tố 893)")[language]
            if let company = companyPrefix?.companyPrefix {
                text += LocalizedText(en: ", company prefix \(company)", vi: ", mã doanh nghiệp \(company)")[language]
            }
            return text
        case .foreignRegistrant:
            let range = prefix
            let name = range?.name ?? "?"
            let country = range?.isoCountryCodes.map { Self.countryName(nil, code: $0, language) }
            let issuer = country.map { "\(name) (\($0))" } ?? name
            return LocalizedText(en: "Foreign registrant: number issued by \(issuer)", vi: "Doanh nghiệp đăng ký mã ở nước ngoài: mã số do \(issuer) cấp")[language]
        case .vietnameseBook:
            let analysis = isbn
            let hyphenated = analysis?.hyphenated ?? gtin?.digits ?? input
            let group = analysis?.group ?? "604"
            return LocalizedText(en: "Vietnamese book: ISBN \(hyphenated), group 978-\(group) (Viet Nam)", vi: "Sách Việt Nam: ISBN \(hyphenated), nhóm 978-\(group) (Việt Nam)")[language]
        case .foreignBook:
            return LocalizedText(en: "Book (ISBN) outside Viet Nam's ISBN groups (978-604, 978-632)", vi: "Sách (ISBN) ngoài các nhóm ISBN của Việt Nam (978-604, 978-632)")[language]
        case .notApplicable:
            let why = reasonText(language)
            return LocalizedText(en: "Origin cannot be read from this number: \(why)", vi: "Không thể xác định xuất xứ từ mã này: \(why)")[language]
        case .invalid:
            let why = error.map { $0.localizedMessage(language) } ?? (LocalizedText(en: "malformed code", vi: "mã không hợp lệ")[language])
            if isFromDoubtfulRead {
                return LocalizedText(en: "Invalid as read from the photo: \(why) — the photo may have been misread; compare with the digits printed under the bars", vi: "Không hợp lệ theo cách đọc từ ảnh: \(why) — có thể ảnh bị đọc sai; hãy so với các chữ số in dưới vạch")[language]
            }
            return LocalizedText(en: "Invalid: \(why) — possible misprint or forged label", vi: "Không hợp lệ: \(why) — có thể in sai hoặc nhãn giả")[language]
        case .unknown:
            let why = reasonText(language)
            return LocalizedText(en: "Unknown: \(why)", vi: "Không xác định: \(why)")[language]
        }
    }

    /// The reason for a `notApplicable` or `unknown` outcome, in `language`.
    public func reasonText(_ language: Language) -> String {
        switch reason {
        case .restrictedCirculation?:
            return LocalizedText(en: "restricted-circulation number (in-store, variable-weight or company-internal)", vi: "mã lưu hành hạn chế (mã nội bộ cửa hàng hoặc doanh nghiệp, hàng cân ký)")[language]
        case .coupon?: return LocalizedText(en: "coupon number", vi: "mã phiếu giảm giá (coupon)")[language]
        case .refundReceipt?: return LocalizedText(en: "refund receipt", vi: "mã phiếu hoàn tiền")[language]
        case .serialPublication?:
            let issn = evidence.lazy.compactMap { if case .issn(let s) = $0 { return s } else { return nil } }.first
            return LocalizedText(en: "serial publication (ISSN \(issn ?? "?"))", vi: "ấn phẩm định kỳ (ISSN \(issn ?? "?"))")[language]
        case .sheetMusic?: return LocalizedText(en: "printed music (ISMN, 979-0)", vi: "bản nhạc in (ISMN, 979-0)")[language]
        case .demonstration?: return LocalizedText(en: "demonstration number, never on real goods", vi: "mã dùng để minh hoạ, không có trên hàng thật")[language]
        case .generalManagerNumber?: return LocalizedText(en: "EPC General Manager Number", vi: "mã General Manager Number của EPC")[language]
        case .globalOffice?:
            return LocalizedText(en: "issued directly by GS1 Global Office; tied to no country", vi: "mã do GS1 Global Office cấp trực tiếp; không gắn với quốc gia nào")[language]
        case .unassignedPrefix?:
            let range = prefix?.rangeText ?? gtin.map { String($0.digits.prefix(3)) } ?? "?"
            return LocalizedText(en: "prefix \(range) is not assigned to any GS1 organisation", vi: "tiền tố \(range) chưa được cấp cho tổ chức GS1 nào")[language]
        case .gtin8OnlyPrefix?:
            return LocalizedText(en: "a prefix used only for GTIN-8, not for 13-digit numbers", vi: "tiền tố chỉ dùng cho mã GTIN-8, không dùng cho mã 13 chữ số")[language]
        case .noGTIN?: return LocalizedText(en: "GS1 data without a GTIN", vi: "dữ liệu GS1 không có mã GTIN")[language]
        case .link?:
            return LocalizedText(en: "a web link, not a product number (not opened)", vi: "liên kết web, không phải mã sản phẩm (không được mở)")[language]
        case .text?: return LocalizedText(en: "text, not a product number", vi: "văn bản, không phải mã sản phẩm")[language]
        case nil: return LocalizedText(en: "not enough information", vi: "không đủ thông tin")[language]
        }
    }
}

extension String {
    func leftPadded3() -> String { count >= 3 ? self : String(repeating: "0", count: 3 - count) + self }
}
