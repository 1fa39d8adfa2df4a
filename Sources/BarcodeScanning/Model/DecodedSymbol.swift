/// A point in the original image's pixel coordinates.
public struct Point: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public var description: String { "\(x),\(y)" }
}

/// One barcode read from an image.
///
/// ```swift
/// let result = try BarcodeScanner().scan(bytes: photo, source: "photo.jpg")
/// for symbol in result.symbols {
///     print(symbol.symbology, symbol.text, symbol.pass)   // EAN-13 8934563138165 direct
/// }
/// ```
public struct DecodedSymbol: Sendable, Hashable {
    public var symbology: Symbology
    /// The decoded text. For QR codes the bytes are decoded as UTF-8, else Shift-JIS, GB18030,
    /// ISO-8859-1 or Windows-1252, whichever fits; empty when ``isBinary``.
    public var text: String
    /// The raw bytes as they are in the symbol (the same as `text`'s UTF-8 for linear codes).
    public var bytes: [UInt8]
    /// The character set `text` was decoded from ("UTF-8", "Shift_JIS", "GB18030", "ISO-8859-1",
    /// "windows-1252"), "ECI" when zxing-cpp decoded it in the character set the code's ECI
    /// names, or "binary" when the bytes are not text.
    public var encoding: String
    /// EAN-2/EAN-5 add-on digits printed beside an EAN/UPC code, when present.
    public var addOn: String?
    /// True when the symbol declares GS1 content (FNC1 in first position): an element string.
    public var isGS1: Bool
    /// zbar's confidence: how many scan lines read the symbol (summed over passes).
    public var quality: Int
    /// The outline where the symbol was found, in the original image's coordinates.
    public var polygon: [Point]
    /// The first pass that found it.
    public var pass: ScanPass
    /// How sure the read is: verified by a second decoder or error correction, or doubtful.
    public var confidence: ReadConfidence

    /// The smallest upright rectangle around ``polygon``, or nil when there is no outline.
    var bounds: (minX: Int, maxX: Int, minY: Int, maxY: Int)? {
        guard let first = polygon.first else { return nil }
        return polygon.reduce((first.x, first.x, first.y, first.y)) { b, p in
            (min(b.0, p.x), max(b.1, p.x), min(b.2, p.y), max(b.3, p.y))
        }
    }

    /// True when the bytes are not text (``text`` is empty; see ``bytes``).
    public var isBinary: Bool { encoding == "binary" }

    public init(symbology: Symbology, text: String, bytes: [UInt8], encoding: String, addOn: String? = nil,
                isGS1: Bool = false, quality: Int, polygon: [Point], pass: ScanPass,
                confidence: ReadConfidence = ReadConfidence(level: .unconfirmed, reason: .oneDecoder)) {
        self.symbology = symbology
        self.text = text
        self.bytes = bytes
        self.encoding = encoding
        self.addOn = addOn
        self.isGS1 = isGS1
        self.quality = quality
        self.polygon = polygon
        self.pass = pass
        self.confidence = confidence
    }
}
