import BarcodeScanning

extension ScanReport {
    /// One JSON object per image: the shape of `hangviet scan --format json|ndjson` and of
    /// `POST /v1/scan`.
    ///
    /// ```json
    /// {"file":"photo.jpg","status":"ok","format":"JPEG","width":1200,"height":900,
    ///  "passes":["direct"],"codes":[{"symbology":"EAN-13","text":"8934563138165","quality":12,
    ///  "pass":"direct","confidence":{"level":"confirmed","reason":"two-decoders"},
    ///  "polygon":[[10,20],…],"verdict":{…}}]}
    /// ```
    public func jsonBytes(_ language: Language) -> [UInt8] {
        var w = JSONWriter(capacity: 2048)
        w.beginObject()
        w.field("file", source)
        w.field("status", status.rawValue)
        if let error {
            w.beginObject("error")
            w.field("code", error.code.rawValue)
            w.field("message", error.localizedMessage(language))
            w.field("cause", error.cause)
            w.endObject()
        }
        if let result {
            w.field("format", result.format.description)
            w.field("width", result.width)
            w.field("height", result.height)
            w.field("warning", result.warning)
            w.beginArray("passes")
            for pass in result.passes { w.element(pass.rawValue) }
            w.endArray()
            w.field("timedOut", result.timedOut)
            w.field("milliseconds", Int((result.seconds * 1000).rounded()))
        }
        w.beginArray("codes")
        for code in codes {
            let symbol = code.symbol
            w.beginObject()
            w.field("symbology", symbol.symbology.rawValue)
            w.field("text", symbol.isBinary ? nil : symbol.text)
            w.field("encoding", symbol.encoding)
            if symbol.isBinary || symbol.symbology.isTwoDimensional {
                w.field("bytesHex", Self.hex(symbol.bytes))
            }
            w.field("addOn", symbol.addOn)
            w.field("gs1", symbol.isGS1 ? true : nil)
            w.field("quality", symbol.quality)
            w.field("pass", symbol.pass.rawValue)
            w.beginObject("confidence")
            w.field("level", symbol.confidence.level.rawValue)
            w.field("reason", symbol.confidence.reason.rawValue)
            if !symbol.confidence.alternatives.isEmpty {
                w.beginArray("alternatives")
                for text in symbol.confidence.alternatives { w.element(text) }
                w.endArray()
            }
            w.endObject()
            w.beginArray("polygon")
            for point in symbol.polygon { w.raw(nil, "[\(point.x),\(point.y)]") }
            w.endArray()
            if let verdict = code.verdict { w.raw("verdict", bytes: verdict.jsonBytes(language)) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
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
