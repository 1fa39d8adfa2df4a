import BarcodeScanning

/// One image's scan report on the wire, in one language: `scan --format json|ndjson` and
/// `POST /v1/scan` (OpenAPI schema `ScanReport`).
///
/// ```json
/// {"file":"photo.jpg","status":"ok","format":"JPEG","width":1200,"height":900,
///  "passes":["direct","matrix-code-search"],"timedOut":false,"milliseconds":3,"codes":[{"symbology":"EAN-13",
///  "text":"8934563138165","encoding":"UTF-8","quality":12,"pass":"direct",
///  "confidence":{"level":"confirmed","reason":"two-decoders"},"polygon":[[10,20],…],"verdict":{…}}]}
/// ```
///
/// It is `Encodable`; ``jsonBytes`` writes the same JSON with the byte writer, keys in the
/// order declared here (a test proves the two agree).
public struct ScanReportDocument: Encodable, Sendable, Equatable {
    /// How the input was named (a path, "stdin", "upload").
    public var file: String
    public var status: String
    public var error: ErrorDetail?
    public var format: String?
    public var width: Int?
    public var height: Int?
    public var warning: String?
    public var passes: [String]?
    public var timedOut: Bool?
    public var milliseconds: Int?
    public var codes: [Code]

    /// Why the image could not be read.
    public struct ErrorDetail: Encodable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var cause: String?
    }

    /// One code read from the image, with how sure the read is and its verdict.
    public struct Code: Encodable, Sendable, Equatable {
        public var symbology: String
        /// Nil for binary content (see ``bytesHex``).
        public var text: String?
        public var encoding: String
        /// The raw bytes of 2D codes and binary content, in lower-case hexadecimal.
        public var bytesHex: String?
        public var addOn: String?
        /// True when the code declares GS1 content; left out otherwise.
        public var gs1: Bool?
        public var quality: Int
        public var pass: String
        public var confidence: Confidence
        /// The outline, as [x, y] pairs in the image's pixels.
        public var polygon: [[Int]]
        public var verdict: VerdictDocument?
    }

    public struct Confidence: Encodable, Sendable, Equatable {
        public var level: String
        public var reason: String
        public var alternatives: [String]?
    }

    /// `remedyWords`: how the front end says a scan error's remedy (nil: the message alone).
    public init(_ report: ScanReport, language: Language, remedyWords: ScanError.RemedyWords? = nil) {
        file = report.source
        status = report.status.rawValue
        error = report.error.map { ErrorDetail(code: $0.code.rawValue, message: $0.localizedMessage(language, remedyWords: remedyWords), cause: $0.cause) }
        if let result = report.result {
            format = result.format.description
            width = result.width
            height = result.height
            warning = result.warning
            passes = result.passes.map(\.rawValue)
            timedOut = result.timedOut
            milliseconds = Int((result.seconds * 1000).rounded())
        }
        codes = report.codes.map { code in
            let symbol = code.symbol
            return Code(symbology: symbol.symbology.rawValue, text: symbol.isBinary ? nil : symbol.text, encoding: symbol.encoding,
                        bytesHex: symbol.isBinary || symbol.symbology.isTwoDimensional ? ScanReport.hex(symbol.bytes) : nil,
                        addOn: symbol.addOn, gs1: symbol.isGS1 ? true : nil, quality: symbol.quality, pass: symbol.pass.rawValue,
                        confidence: Confidence(level: symbol.confidence.level.rawValue, reason: symbol.confidence.reason.rawValue,
                                               alternatives: symbol.confidence.alternatives.isEmpty ? nil : symbol.confidence.alternatives),
                        polygon: symbol.polygon.map { [$0.x, $0.y] }, verdict: code.verdict.map { VerdictDocument($0, language: language) })
        }
    }

    /// The report as one JSON object (UTF-8), written with the byte writer.
    public var jsonBytes: [UInt8] {
        var w = JSONWriter(capacity: 2048)
        w.beginObject()
        w.field("file", file)
        w.field("status", status)
        if let error {
            w.beginObject("error")
            w.field("code", error.code)
            w.field("message", error.message)
            w.field("cause", error.cause)
            w.endObject()
        }
        w.field("format", format)
        w.field("width", width)
        w.field("height", height)
        w.field("warning", warning)
        if let passes {
            w.beginArray("passes")
            for pass in passes { w.element(pass) }
            w.endArray()
        }
        w.field("timedOut", timedOut)
        w.field("milliseconds", milliseconds)
        w.beginArray("codes")
        for code in codes {
            w.beginObject()
            w.field("symbology", code.symbology)
            w.field("text", code.text)
            w.field("encoding", code.encoding)
            w.field("bytesHex", code.bytesHex)
            w.field("addOn", code.addOn)
            w.field("gs1", code.gs1)
            w.field("quality", code.quality)
            w.field("pass", code.pass)
            w.beginObject("confidence")
            w.field("level", code.confidence.level)
            w.field("reason", code.confidence.reason)
            if let alternatives = code.confidence.alternatives {
                w.beginArray("alternatives")
                for text in alternatives { w.element(text) }
                w.endArray()
            }
            w.endObject()
            w.beginArray("polygon")
            for point in code.polygon { w.raw(nil, "[\(point[0]),\(point[1])]") }
            w.endArray()
            code.verdict?.write(to: &w, key: "verdict")
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}
