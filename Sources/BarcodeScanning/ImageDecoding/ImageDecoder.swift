import Foundation

/// Turns image bytes into 8-bit grey pixels, whatever the container: JPEG (libjpeg-turbo,
/// decoded straight to grey with DCT scaling for very large photos), PNG (ISA-L for the
/// common layouts, libpng for the rest), WebP (libwebp), HEIC/HEIF (libheif, opened on first
/// use), PNM and BMP. The format comes from the bytes, never from
/// a file name, and every header is checked against ``ImageDecodingOptions`` before pixels
/// are allocated.
///
/// ```swift
/// let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "photo.jpg")))
/// let decoded = try ImageDecoder().decode(bytes, source: "photo.jpg")
/// decoded.image.width
/// ```
public struct ImageDecoder: Sendable {
    public var options: ImageDecodingOptions

    public init(options: ImageDecodingOptions = ImageDecodingOptions()) {
        self.options = options
    }

    /// Decodes `bytes`; `source` names the input in error messages (a path, "stdin", "upload").
    public func decode(_ bytes: [UInt8], source: String) throws(ScanError) -> DecodedImage {
        let result = bytes.withUnsafeBytes { buffer -> Result<DecodedImage, ScanError> in
            do throws(ScanError) { return .success(try decode(buffer, source: source)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Decodes the bytes in `buffer`; see ``decode(_:source:)-(([UInt8],String))``.
    public func decode(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        try ScanError.labelling(source) { () throws(ScanError) in try decodeUnlabelled(buffer, source: source) }
    }

    private func decodeUnlabelled(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        if buffer.isEmpty {
            throw ScanError(.emptyInput, "\(source): the file is empty (0 bytes); give a JPEG, PNG, WebP or HEIC photo")
        }
        if buffer.count > options.maximumBytes {
            throw ScanError(.inputTooLarge, "\(source): \(buffer.count) bytes is more than the limit of \(options.maximumBytes) bytes; resize the photo or raise the limit")
        }
        guard let format = ImageFormat.sniff(buffer) else {
            let what = ImageFormat.recognisedButUnsupported(buffer).map { "a \($0) file" } ?? "not an image HangViet reads"
            throw ScanError(.unsupportedFormat, "\(source): \(what); convert it to JPEG, PNG, WebP or HEIC")
        }
        // Check the declared size ourselves first: the C libraries' own limits differ and
        // their errors would not say "too many pixels".
        if let (width, height) = Self.declaredSize(buffer, format: format) {
            try checkSize(width: width, height: height, format: format, source: source)
        }
        switch format {
        case .jpeg: return try decodeJPEG(buffer, source: source)
        case .png: return try decodePNG(buffer, source: source)
        case .webp: return try decodeWebP(buffer, source: source)
        case .heif: return try decodeHEIF(buffer, source: source)
        case .pnm: return try decodePNM(buffer, source: source)
        case .bmp: return try decodeBMP(buffer, source: source)
        }
    }

    /// Refuses a declared size above the pixel limit, before any allocation.
    func checkSize(width: Int, height: Int, format: ImageFormat, source: String) throws(ScanError) {
        guard width > 0, height > 0 else {
            throw ScanError(.corruptImage, "\(source): the \(format) header declares an empty image (\(width)×\(height)); the file is corrupt")
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > options.maximumPixels {
            throw ScanError(.tooManyPixels, "\(source): the \(format) header declares \(width)×\(height) pixels, more than the limit of \(options.maximumPixels) (a decompression bomb?); resize the image", remedy: .raisePixelLimit)
        }
    }

    /// The width and height a PNG's IHDR or a JPEG's frame header declares, read without the
    /// C libraries (nil when not found: the decoder then reports what is wrong).
    static func declaredSize(_ bytes: UnsafeRawBufferPointer, format: ImageFormat) -> (Int, Int)? {
        func be16(_ o: Int) -> Int { Int(bytes[o]) << 8 | Int(bytes[o + 1]) }
        switch format {
        case .png:
            guard bytes.count >= 24, bytes[12] == UInt8(ascii: "I"), bytes[13] == UInt8(ascii: "H") else { return nil }
            return (be16(16) << 16 | be16(18), be16(20) << 16 | be16(22))
        case .jpeg:
            var offset = 2
            while offset + 9 < bytes.count {
                guard bytes[offset] == 0xFF else { return nil }
                let marker = bytes[offset + 1]
                if marker == 0xFF { offset += 1; continue }
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return (be16(offset + 7), be16(offset + 5))
                }
                if marker == 0xD8 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
                if marker == 0xD9 || marker == 0xDA { return nil }
                offset += 2 + be16(offset + 2)
            }
            return nil
        default:
            return nil
        }
    }

    func corrupt(_ format: ImageFormat, _ source: String, cause: String?) -> ScanError {
        ScanError(.corruptImage, "\(source): the \(format) data is truncated or corrupt; re-export or re-take the photo", cause: cause)
    }
}

/// ITU-R BT.601 luma of an RGB pixel in integer arithmetic.
@inline(__always)
func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    let red: Int = 77 * Int(r)
    let green: Int = 150 * Int(g)
    let blue: Int = 29 * Int(b)
    return UInt8((red + green + blue + 128) >> 8)
}
