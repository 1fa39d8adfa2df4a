/// An 8-bit greyscale image, row-major with no padding: the one pixel format the scanner works on.
///
/// ```swift
/// let image = GreyImage(width: 2, height: 1, pixels: [0, 255])
/// image[1, 0] // 255
/// ```
public struct GreyImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width × height` luminance values, 0 = black, 255 = white.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A blank image filled with one value.
    public init(width: Int, height: Int, fill: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: fill, count: width * height))
    }

    public var pixelCount: Int { width * height }

    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }
}

/// A decoded image plus how it relates to the original file: the scanner reports positions in
/// the original image's coordinates even when the decoder scaled it down (JPEG DCT scaling).
public struct DecodedImage: Sendable {
    public var image: GreyImage
    public var format: ImageFormat
    /// The size the file declares.
    public var originalWidth: Int
    public var originalHeight: Int
    /// Set when the decoder reported a recoverable problem (a truncated JPEG, say): the pixels
    /// decoded so far are still scanned.
    public var warning: String?

    /// Original pixels per decoded pixel (1 unless the decoder scaled the image down).
    public var scale: Double {
        image.width == 0 ? 1 : Double(originalWidth) / Double(image.width)
    }
}
