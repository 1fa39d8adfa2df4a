import GS1

extension Verdict {
    /// One line that states the outcome and its main evidence, in `language`.
    public func summary(_ language: Language) -> String {
        let vi = language == .vi
        switch outcome {
        case .declaredVietnameseOrigin:
            return vi ? "Nước xuất xứ được khai báo: Việt Nam (GS1 AI 422 = 704)"
                      : "Declared country of origin: Viet Nam (GS1 AI 422 = 704)"
        case .declaredForeignOrigin:
            let origin = countryOfOrigin
            let name = Self.countryName(origin?.country, code: nil, language)
            let code = String(origin?.code ?? 0).leftPadded3()
            return vi ? "Nước xuất xứ được khai báo: \(name) (GS1 AI 422 = \(code)), không phải Việt Nam"
                      : "Declared country of origin: \(name) (GS1 AI 422 = \(code)), not Viet Nam"
        case .vietnameseRegistrant:
            var text = vi ? "Doanh nghiệp đăng ký mã tại Việt Nam: mã số được cấp qua GS1 Việt Nam (tiền tố 893)"
                          : "Vietnamese registrant: number licensed through GS1 Vietnam (prefix 893)"
            if let company = companyPrefix?.companyPrefix {
                text += vi ? ", mã doanh nghiệp \(company)" : ", company prefix \(company)"
            }
            return text
        case .foreignRegistrant:
            let range = prefix
            let name = range?.name ?? "?"
            let country = range?.isoCountryCodes.map { Self.countryName(nil, code: $0, language) }
            let issuer = country.map { "\(name) (\($0))" } ?? name
            return vi ? "Doanh nghiệp đăng ký mã ở nước ngoài: mã số do \(issuer) cấp"
                      : "Foreign registrant: number issued by \(issuer)"
        case .vietnameseBook:
            let analysis = isbn
            let hyphenated = analysis?.hyphenated ?? gtin?.digits ?? input
            let group = analysis?.group ?? "604"
            return vi ? "Sách Việt Nam: ISBN \(hyphenated), nhóm 978-\(group) (Việt Nam)"
                      : "Vietnamese book: ISBN \(hyphenated), group 978-\(group) (Viet Nam)"
        case .foreignBook:
            return vi ? "Sách (ISBN) ngoài các nhóm ISBN của Việt Nam (978-604, 978-632)"
                      : "Book (ISBN) outside Viet Nam's ISBN groups (978-604, 978-632)"
        case .notApplicable:
            let why = reasonText(language)
            return vi ? "Không thể xác định xuất xứ từ mã này: \(why)" : "Origin cannot be read from this number: \(why)"
        case .invalid:
            let why = error.map { $0.localizedMessage(language) } ?? (vi ? "mã không hợp lệ" : "malformed code")
            if isFromDoubtfulRead {
                return vi ? "Không hợp lệ theo cách đọc từ ảnh: \(why) — có thể ảnh bị đọc sai; hãy so với các chữ số in dưới vạch"
                          : "Invalid as read from the photo: \(why) — the photo may have been misread; compare with the digits printed under the bars"
            }
            return vi ? "Không hợp lệ: \(why) — có thể in sai hoặc nhãn giả"
                      : "Invalid: \(why) — possible misprint or forged label"
        case .unknown:
            let why = reasonText(language)
            return vi ? "Không xác định: \(why)" : "Unknown: \(why)"
        }
    }

    /// The reason for a `notApplicable` or `unknown` outcome, in `language`.
    public func reasonText(_ language: Language) -> String {
        let vi = language == .vi
        switch reason {
        case .restrictedCirculation?:
            return vi ? "mã lưu hành hạn chế (mã nội bộ cửa hàng hoặc doanh nghiệp, hàng cân ký)"
                      : "restricted-circulation number (in-store, variable-weight or company-internal)"
        case .coupon?: return vi ? "mã phiếu giảm giá (coupon)" : "coupon number"
        case .refundReceipt?: return vi ? "mã phiếu hoàn tiền" : "refund receipt"
        case .serialPublication?:
            let issn = evidence.lazy.compactMap { if case .issn(let s) = $0 { return s } else { return nil } }.first
            return vi ? "ấn phẩm định kỳ (ISSN \(issn ?? "?"))" : "serial publication (ISSN \(issn ?? "?"))"
        case .sheetMusic?: return vi ? "bản nhạc in (ISMN, 979-0)" : "printed music (ISMN, 979-0)"
        case .demonstration?: return vi ? "mã dùng để minh hoạ, không có trên hàng thật" : "demonstration number, never on real goods"
        case .generalManagerNumber?: return vi ? "mã General Manager Number của EPC" : "EPC General Manager Number"
        case .globalOffice?:
            return vi ? "mã do GS1 Global Office cấp trực tiếp; không gắn với quốc gia nào"
                      : "issued directly by GS1 Global Office; tied to no country"
        case .unassignedPrefix?:
            let range = prefix?.rangeText ?? gtin.map { String($0.digits.prefix(3)) } ?? "?"
            return vi ? "tiền tố \(range) chưa được cấp cho tổ chức GS1 nào" : "prefix \(range) is not assigned to any GS1 organisation"
        case .gtin8OnlyPrefix?:
            return vi ? "tiền tố chỉ dùng cho mã GTIN-8, không dùng cho mã 13 chữ số"
                      : "a prefix used only for GTIN-8, not for 13-digit numbers"
        case .noGTIN?: return vi ? "dữ liệu GS1 không có mã GTIN" : "GS1 data without a GTIN"
        case .link?:
            return vi ? "liên kết web, không phải mã sản phẩm (không được mở)" : "a web link, not a product number (not opened)"
        case .text?: return vi ? "văn bản, không phải mã sản phẩm" : "text, not a product number"
        case nil: return vi ? "không đủ thông tin" : "not enough information"
        }
    }
}

extension String {
    func leftPadded3() -> String { count >= 3 ? self : String(repeating: "0", count: 3 - count) + self }
}
