import CPNG

extension ImageDecoder {
    /// PNG through libpng's simplified API (which keeps libpng's longjmp error handling inside
    /// C), converted to 8-bit grey with transparency laid over white.
    func decodePNG(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        var png = png_image()
        png.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&png) }
        if png_image_begin_read_from_memory(&png, buffer.baseAddress, buffer.count) == 0 {
            throw corrupt(.png, source, cause: Self.message(of: &png))
        }
        try checkSize(width: Int(png.width), height: Int(png.height), format: .png, source: source)
        png.format = UInt32(PNG_FORMAT_GRAY)
        let width = Int(png.width), height = Int(png.height)
        var pixels = [UInt8](repeating: 255, count: width * height)
        var white = png_color(red: 255, green: 255, blue: 255)
        let ok = pixels.withUnsafeMutableBytes { dst in
            png_image_finish_read(&png, &white, dst.baseAddress, Int32(width), nil)
        }
        if ok == 0 {
            throw corrupt(.png, source, cause: Self.message(of: &png))
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
