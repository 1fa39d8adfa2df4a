import BarcodeScanning

extension ScanReport {
    /// One JSON object per image (``ScanReportDocument``): the shape of `hangviet scan --format json|ndjson` and of
    /// `POST /v1/scan`.
    ///
    /// ```json
    /// {"file":"photo.jpg","status":"ok","format":"JPEG","width":1200,"height":900,
    ///  "passes":["direct","matrix-code-search"],"codes":[{"symbology":"EAN-13","text":"8934563138165","quality":12,
    ///  "pass":"direct","confidence":{"level":"confirmed","reason":"two-decoders"},
    ///  "polygon":[[10,20],…],"verdict":{…}}]}
    /// ```
    public func jsonBytes(_ language: Language, remedyWords: ScanError.RemedyWords? = nil) -> [UInt8] {
        ScanReportDocument(self, language: language, remedyWords: remedyWords).jsonBytes
    }

    /// The report's wire form in one language (see ``ScanReportDocument``).
    public func document(_ language: Language, remedyWords: ScanError.RemedyWords? = nil) -> ScanReportDocument {
        ScanReportDocument(self, language: language, remedyWords: remedyWords)
    }

    /// Lower-case hexadecimal, two digits per byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
