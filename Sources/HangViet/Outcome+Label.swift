extension Outcome {
    /// A short name for people, in a language (reports, the web page), never the JSON code.
    ///
    /// ```swift
    /// Outcome.vietnameseRegistrant.label(.vi)   // "Mã số cấp qua GS1 Việt Nam (893)"
    /// ```
    public func label(_ language: Language) -> String {
        let text: LocalizedText = switch self {
        case .declaredVietnameseOrigin: LocalizedText(en: "Vietnamese origin, declared by the brand owner", vi: "Xuất xứ Việt Nam do chủ nhãn hiệu khai báo")
        case .declaredForeignOrigin: LocalizedText(en: "Foreign origin, declared by the brand owner", vi: "Xuất xứ nước ngoài do chủ nhãn hiệu khai báo")
        case .vietnameseRegistrant: LocalizedText(en: "Number licensed through GS1 Vietnam (893)", vi: "Mã số cấp qua GS1 Việt Nam (893)")
        case .foreignRegistrant: LocalizedText(en: "Number licensed abroad", vi: "Mã số cấp ở nước ngoài")
        case .vietnameseBook: LocalizedText(en: "Book from a Vietnamese publisher", vi: "Sách của nhà xuất bản Việt Nam")
        case .foreignBook: LocalizedText(en: "Book from a foreign publisher", vi: "Sách của nhà xuất bản nước ngoài")
        case .notApplicable: LocalizedText(en: "A code that says nothing about origin", vi: "Mã không nói gì về xuất xứ")
        case .invalid: LocalizedText(en: "Invalid code", vi: "Mã không hợp lệ")
        case .unknown: LocalizedText(en: "Unknown", vi: "Chưa rõ")
        }
        return text[language]
    }
}
