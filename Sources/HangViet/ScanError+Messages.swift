import BarcodeScanning

extension ScanError {
    /// The error in the user's language, naming the input and saying what to do.
    ///
    /// ```swift
    /// error.localizedMessage(.vi) // "anh.jpg: tệp rỗng (0 byte); hãy đưa ảnh JPEG, PNG, WebP hoặc HEIC"
    /// ```
    public func localizedMessage(_ language: Language, remedyWords: RemedyWords? = nil) -> String {
        let words = remedy.flatMap { remedy in remedyWords.map { $0(remedy, language) } } ?? ""
        return baseMessage(language) + words
    }

    /// How a front end says a ``ScanError/Remedy`` in its own terms, appended to the message
    /// (the CLI: " or raise --max-pixels").
    public typealias RemedyWords = @Sendable (Remedy, Language) -> String

    private func baseMessage(_ language: Language) -> String {
        guard language == .vi else { return message }
        let name = source.isEmpty ? "ảnh" : source
        switch code {
        case .emptyInput: return "\(name): tệp rỗng (0 byte); hãy đưa ảnh JPEG, PNG, WebP hoặc HEIC"
        case .unsupportedFormat: return "\(name): không phải định dạng ảnh HangViet đọc được; hãy chuyển sang JPEG, PNG, WebP hoặc HEIC"
        case .tooManyPixels: return "\(name): ảnh khai báo quá nhiều điểm ảnh so với giới hạn (có thể là ảnh \"bom giải nén\"); hãy thu nhỏ ảnh"
        case .corruptImage: return "\(name): dữ liệu ảnh bị cắt cụt hoặc hỏng; hãy xuất lại hoặc chụp lại ảnh"
        case .unreadable: return "\(name): không đọc được tệp (không tồn tại, là thư mục hoặc không có quyền); hãy kiểm tra đường dẫn"
        case .inputTooLarge: return "\(name): tệp lớn hơn giới hạn cho phép; hãy thu nhỏ ảnh"
        default: return message
        }
    }
}
