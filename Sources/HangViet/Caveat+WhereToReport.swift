import OriginRegistry

extension Caveat {
    /// The national lines that take reports of counterfeit and smuggled goods, from the bundled
    /// hotlines: the consumer line 1800 6838 and the 389 steering committee's lines.
    static let reportLines: [Hotline] = {
        let national = (try? Hotline.seed())?.filter(\.isNational) ?? []
        let consumer = national.first { $0.numberOrChannel.contains("1800 6838") }
        let committee = national.first { $0.agency.contains("389") }
        return [consumer, committee].compactMap { $0 }
    }()

    /// "To report a suspect product: … 1800 6838 (as of 2024) … [sources: …]".
    static func whereToReportMessage(_ language: Language) -> String {
        let lines = reportLines
        guard !lines.isEmpty else {
            return LocalizedText(en: "To report a suspect product, see `hangviet registry hotlines`.",
                                 vi: "Để báo sản phẩm nghi vấn, xem `hangviet registry hotlines`.")[language]
        }
        let parts = lines.map { line in
            "\(line.agency): \(line.numberOrChannel), " + LocalizedText(en: "dated ", vi: "thời điểm nguồn: ")[language] + line.asOf
        }
        var addresses: [String] = []
        for line in lines {
            for address in RegistrySource.split(line.source) where !addresses.contains(address) { addresses.append(address) }
        }
        let sources = (addresses.first ?? "") + (addresses.count > 1
            ? LocalizedText(en: " and \(addresses.count - 1) more", vi: " và \(addresses.count - 1) nguồn khác")[language] : "")
        return LocalizedText(en: "To report a suspect product (counterfeit, smuggled or mislabelled): ",
                             vi: "Để báo sản phẩm nghi vấn (hàng giả, hàng lậu, ghi sai xuất xứ): ")[language]
            + parts.joined(separator: LocalizedText(en: "; or ", vi: "; hoặc ")[language])
            + LocalizedText(en: ". Numbers are as printed at their source's date; `hangviet registry hotlines` lists all of them [sources: ",
                            vi: ". Số điện thoại theo nguồn tại thời điểm ghi; `hangviet registry hotlines` liệt kê tất cả [nguồn: ")[language]
            + sources + "]"
    }
}
