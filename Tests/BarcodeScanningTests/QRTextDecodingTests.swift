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

    @Test("Windows-1252 when ISO-8859-1 would give control characters: a hunt QR code's text, its ECI 23 dropped by zbar")
    func windows1252WhereLatin1HasControls() {
        // "Chè Thái Nguyên — OCOP 4 sao — lô 7321": 0x97 is the em dash in Windows-1252.
        let bytes: [UInt8] = [0x43, 0x68, 0xE8, 0x20, 0x54, 0x68, 0xE1, 0x69, 0x20, 0x4E, 0x67, 0x75, 0x79, 0xEA, 0x6E, 0x20, 0x97,
                              0x20, 0x4F, 0x43, 0x4F, 0x50, 0x20, 0x34, 0x20, 0x73, 0x61, 0x6F, 0x20, 0x97, 0x20, 0x6C, 0xF4,
                              0x20, 0x37, 0x33, 0x32, 0x31]
        #expect(QRTextDecoding.decode(bytes) == ("Chè Thái Nguyên — OCOP 4 sao — lô 7321", "windows-1252"))
        // "Sóc Trăng — lô" in Windows-1258: 0xE3 is ă there and ã in Windows-1252, so the bytes
        // stay binary (the scanner then asks zxing-cpp for the character set the ECI names).
        #expect(QRTextDecoding.decode([0x53, 0xF3, 0x63, 0x20, 0x54, 0x72, 0xE3, 0x6E, 0x67, 0x20, 0x97, 0x20, 0x6C, 0xF4]).encoding == "binary")
        // 0x81 is no Windows-1252 character, and 0x00 no text: binary.
        #expect(QRTextDecoding.decode([0x41, 0x20, 0x81, 0x20]).encoding == "binary")
        #expect(QRTextDecoding.decode([0x41, 0x97, 0x00]).encoding == "binary")
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
