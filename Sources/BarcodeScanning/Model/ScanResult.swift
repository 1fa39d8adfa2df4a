/// Everything read from one image.
public struct ScanResult: Sendable {
    /// Names the input in messages (a path, "stdin", "upload").
    public var source: String
    public var format: ImageFormat
    /// The image's own size; polygons are in these coordinates.
    public var width: Int
    public var height: Int
    /// Distinct symbols, in the order found (the same symbol from several passes merged).
    public var symbols: [DecodedSymbol]
    /// The passes tried, in order: the escalation's (the last of them is where it stopped), then
    /// ``ScanPass/matrixCodeSearch`` unless it ran already or time ran out.
    public var passes: [ScanPass]
    /// True when the time limit stopped the strategy before it ran out of passes.
    public var timedOut: Bool
    /// A recoverable decoder problem (a truncated JPEG, say).
    public var warning: String?
    /// Wall time spent decoding and scanning, in seconds.
    public var seconds: Double
}
