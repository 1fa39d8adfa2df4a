#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a QR code's raw bytes into text. zbar's own guess goes wrong on Shift-JIS and
/// GB2312 text, so HangViet scans in zbar's binary mode and decides here: valid UTF-8 first
/// (Vietnamese text with diacritics), then Shift-JIS (QR's Kanji mode), then GB18030, then
/// ISO-8859-1 (the QR default), then Windows-1252 (ISO-8859-1 with punctuation where it has
/// control characters), and "binary" when the bytes are no text at all.
///
/// ```swift
/// QRTextDecoding.decode(Array("Nước mắm".utf8)).text // "Nước mắm"
/// ```
public enum QRTextDecoding {
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: String) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self), isText(text) { return (text, "UTF-8") }
        let hasHighBytes = bytes.contains { $0 >= 0x80 }
        if hasHighBytes {
            for charset in ["SHIFT_JIS", "GB18030"] {
                if var text = convert(bytes, from: charset), isText(text), hasWideCharacters(text) {
                    if charset == "SHIFT_JIS" { text = asciiForJISRoman(text) }
                    return (text, charset == "SHIFT_JIS" ? "Shift_JIS" : charset)
                }
            }
        }
        let latin1 = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        if isText(latin1) { return (latin1, "ISO-8859-1") }
        // Bytes 0x80–0x9F are control characters in ISO-8859-1 but punctuation and letters in
        // Windows-1252 (— “ ” € …), as browsers read text labelled ISO-8859-1 (WHATWG). An
        // encoder writing Windows-1252 names it by ECI 23, which zbar's binary mode drops. Only
        // when Windows-1258 (Vietnamese: ă, đ, ơ, ư, tone marks where 1252 has ã, ð, õ, ý …)
        // reads the same: otherwise the bytes stay binary, and zxing-cpp is asked for the
        // character set the code's ECI names.
        if let text = convert(bytes, from: "WINDOWS-1252"), isText(text), convert(bytes, from: "WINDOWS-1258") == text {
            return (text, "windows-1252")
        }
        return ("", "binary")
    }

    /// Single bytes 0x5C and 0x7E of Shift-JIS text as the ASCII backslash and tilde, the way
    /// ZXing, Windows (code page 932) and most QR encoders treat them — not as JIS X 0201's yen
    /// sign and overline, which iconv gives. In a QR code they are far more often part of a path,
    /// a URL or an escape than a price, and a shopper comparing texts with other readers sees the
    /// same characters. (Double-byte characters whose second byte is 0x5C are not affected.)
    static func asciiForJISRoman(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{A5}" || $0 == "\u{203E}" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\u{A5}" ? "\\" : scalar == "\u{203E}" ? "~" : scalar)
        }
        return String(scalars)
    }

    /// No control characters other than tab, CR, LF, and the GS separator of GS1 data.
    static func isText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            s.value >= 0x20 && !(0x7F...0x9F).contains(s.value) || s == "\t" || s == "\n" || s == "\r" || s.value == 0x1D
        }
    }

    /// At least one CJK ideograph, kana or full-width form: evidence a double-byte decoding is right.
    static func hasWideCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    /// Converts with the C library's iconv; nil when the bytes are not valid in `charset`.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let outputCapacity = output.count
        return input.withUnsafeMutableBufferPointer { inBuffer -> String? in
            output.withUnsafeMutableBufferPointer { outBuffer -> String? in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outputCapacity
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                let produced = UnsafeRawBufferPointer(start: outBuffer.baseAddress, count: outputCapacity - outLeft)
                return String(validating: produced, as: UTF8.self)
            }
        }
    }
}
