/// An image container format, recognised from its first bytes (never from a file name).
public enum ImageFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    case jpeg
    case png
    case webp
    /// HEIC/HEIF from phone cameras (and AVIF, which libheif also reads).
    case heif
    /// Netpbm greymap/pixmap (P5, P6).
    case pnm
    case bmp

    public var description: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        case .heif: "HEIF"
        case .pnm: "PNM"
        case .bmp: "BMP"
        }
    }

    /// The format of these bytes, or nil when they are no image HangViet reads.
    ///
    /// ```swift
    /// ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) // .jpeg
    /// ```
    public static func sniff(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
        func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
        func ascii(_ range: Range<Int>) -> String {
            guard range.upperBound <= bytes.count else { return "" }
            return String(decoding: bytes[range], as: UTF8.self)
        }
        if at(0) == 0xFF, at(1) == 0xD8, at(2) == 0xFF { return .jpeg }
        if Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        if ascii(0..<4) == "RIFF", ascii(8..<12) == "WEBP" { return .webp }
        if ascii(4..<8) == "ftyp", heifBrands.contains(ascii(8..<12)) { return .heif }
        if at(0) == UInt8(ascii: "P"), at(1) == UInt8(ascii: "5") || at(1) == UInt8(ascii: "6"),
           [0x20, 0x09, 0x0A, 0x0D].contains(at(2)) { return .pnm }
        if at(0) == UInt8(ascii: "B"), at(1) == UInt8(ascii: "M"), bytes.count >= 26 { return .bmp }
        return nil
    }

    /// A name for formats recognised but not read, to make the error message useful.
    static func recognisedButUnsupported(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("GIF8".utf8)) { return "GIF" }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "TIFF" }
        if head.starts(with: Array("%PDF".utf8)) { return "PDF" }
        if head.starts(with: Array("<svg".utf8)) || head.starts(with: Array("<?xml".utf8)) { return "SVG/XML" }
        return nil
    }

    private static let heifBrands: Set<String> = [
        "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis",
    ]
}
