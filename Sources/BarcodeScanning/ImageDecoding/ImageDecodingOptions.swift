/// Limits for decoding untrusted images, checked against the header before any pixel buffer
/// is allocated.
///
/// ```swift
/// var options = ImageDecodingOptions()
/// options.maximumPixels = 50_000_000   // refuse anything over 50 megapixels
/// ```
public struct ImageDecodingOptions: Sendable, Hashable {
    /// Images whose header declares more pixels than this are refused (decompression bombs).
    /// The default (100 megapixels) accepts every phone camera photo.
    public var maximumPixels: Int = 100_000_000
    /// JPEGs larger than this are decoded at a reduced scale by libjpeg-turbo's DCT scaling
    /// (1/2, 1/4 …), which is faster and bounds memory; barcodes in such photos stay readable.
    public var workingPixels: Int = 12_000_000
    /// Inputs larger than this many bytes are refused before decoding.
    public var maximumBytes: Int = 200_000_000
    /// True: a large PNG is inflated on one thread while a second undoes its row filters (about
    /// half the decode time for one photo). Turn it off when images are already decoded in
    /// parallel: it only adds overhead then.
    public var concurrent = true

    public init() {}
}
