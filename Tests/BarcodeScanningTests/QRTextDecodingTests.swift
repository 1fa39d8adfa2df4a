import BarcodeScanning
import Testing

@Suite("QR byte decoding")
struct QRTextDecodingTests {
    @Test func utf8WinsWhenValid() {
        #expect(QRTextDecoding.decode(Array("Phở bò Nam Định".utf8)) == ("Phở bò Nam Định", "UTF-8"))
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(QRTextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Huế".utf8)).text == "Huế")
    }

    @Test func shiftJISIsRecognised() {
        // "日本" in Shift-JIS.
        #expect(QRTextDecoding.decode([0x93, 0xFA, 0x96, 0x7B]) == ("日本", "Shift_JIS"))
    }

    @Test func latin1IsTheFallbackForText() {
        #expect(QRTextDecoding.decode([0x63, 0x61, 0x66, 0xE9]) == ("café", "ISO-8859-1"))
    }

    @Test func controlBytesMeanBinary() {
        #expect(QRTextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]).encoding == "binary")
    }

    @Test func gs1SeparatorIsText() {
        #expect(QRTextDecoding.decode(Array("0108934563138165\u{1D}10A1".utf8)).encoding == "UTF-8")
    }

    @Test("Shift-JIS 0x5C and 0x7E are the backslash and tilde (as ZXing and code page 932 show them), double bytes untouched")
    func shiftJISBackslash() {
        // "日本" + 0x5C + "a" + 0x7E, then "ソ" (0x83 0x5C: a second byte of 0x5C).
        let decoded = QRTextDecoding.decode([0x93, 0xFA, 0x96, 0x7B, 0x5C, 0x61, 0x7E, 0x83, 0x5C])
        #expect(decoded == ("日本\\a~ソ", "Shift_JIS"))
    }
}
