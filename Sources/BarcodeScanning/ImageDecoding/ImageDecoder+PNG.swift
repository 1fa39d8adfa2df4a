import CPNG

extension ImageDecoder {
    /// PNG through libpng's simplified API (after ``decodeFastPNG(_:source:)`` for the common layouts) (which keeps libpng's longjmp error handling inside
    /// C), converted to 8-bit grey with transparency laid over white.
    func decodePNG(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        if let fast = try decodeFastPNG(buffer, source: source) { return fast }
        return try decodePNGWithLibpng(buffer, source: source)
    }

    func decodePNGWithLibpng(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        var png = png_image()
        png.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&png) }
        if png_image_begin_read_from_memory(&png, buffer.baseAddress, buffer.count) == 0 {
            throw corrupt(.png, source, cause: Self.message(of: &png))
        }
        try checkSize(width: Int(png.width), height: Int(png.height), format: .png, source: source)
        // Read the file's own layout (8-bit) and convert to grey here: asking libpng for grey
        // from colour goes through its linear-light path, several times slower.
        let natural = png.format
        let hasColour = natural & UInt32(PNG_FORMAT_FLAG_COLOR) != 0
        let hasAlpha = natural & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0
        let channels = (hasColour ? 3 : 1) + (hasAlpha ? 1 : 0)
        png.format = (hasColour ? UInt32(PNG_FORMAT_FLAG_COLOR) : 0) | (hasAlpha ? UInt32(PNG_FORMAT_FLAG_ALPHA) : 0)
        let width = Int(png.width), height = Int(png.height)
        var raw = [UInt8](repeating: 255, count: width * height * channels)
        let ok = raw.withUnsafeMutableBytes { dst in
            png_image_finish_read(&png, nil, dst.baseAddress, Int32(width * channels), nil)
        }
        if ok == 0 {
            throw corrupt(.png, source, cause: Self.message(of: &png))
        }
        let pixels: [UInt8]
        if channels == 1 {
            pixels = raw
        } else {
            var grey = [UInt8](repeating: 255, count: width * height)
            raw.withUnsafeBufferPointer { src in
                grey.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<(width * height) {
                        let p = i * channels
                        let y = hasColour ? Int(luma(src[p], src[p + 1], src[p + 2])) : Int(src[p])
                        if hasAlpha {
                            let a = Int(src[p + channels - 1])
                            dst[i] = UInt8((y * a + 255 * (255 - a) + 127) / 255)  // laid over white
                        } else {
                            dst[i] = UInt8(y)
                        }
                    }
                }
            }
            pixels = grey
        }
        return DecodedImage(image: GreyImage(width: width, height: height, pixels: pixels), format: .png,
                            originalWidth: width, originalHeight: height,
                            warning: png.warning_or_error != 0 ? Self.message(of: &png) : nil)
    }

    private static func message(of png: inout png_image) -> String {
        withUnsafeBytes(of: &png.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
