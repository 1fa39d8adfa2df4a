extension ImageDecoder {
    /// Uncompressed Windows bitmaps: 1, 4, 8 (palette), 24 and 32 bits per pixel, bottom-up or
    /// top-down.
    func decodeBMP(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        let bytes = buffer.bindMemory(to: UInt8.self)
        func u16(_ o: Int) -> Int { o + 2 <= bytes.count ? Int(bytes[o]) | Int(bytes[o + 1]) << 8 : 0 }
        func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
        func i32(_ o: Int) -> Int { Int(Int32(truncatingIfNeeded: u32(o))) }
        let pixelOffset = u32(10), headerSize = u32(14)
        guard headerSize >= 40, bytes.count >= 14 + headerSize else { throw corrupt(.bmp, source, cause: "unsupported header") }
        let width = i32(18), rawHeight = i32(22), bitsPerPixel = u16(28), compression = u32(30)
        let height = abs(rawHeight), topDown = rawHeight < 0
        guard [1, 4, 8, 24, 32].contains(bitsPerPixel), compression == 0 || (compression == 3 && bitsPerPixel == 32) else {
            throw corrupt(.bmp, source, cause: "compressed or \(bitsPerPixel)-bit bitmaps are not supported")
        }
        try checkSize(width: width, height: height, format: .bmp, source: source)
        let rowBytes = ((width * bitsPerPixel + 31) / 32) * 4
        guard pixelOffset >= 14 + headerSize, bytes.count >= pixelOffset + rowBytes * height else {
            throw corrupt(.bmp, source, cause: "pixel data is shorter than the header says")
        }
        var palette = [UInt8](repeating: 0, count: 256)
        if bitsPerPixel <= 8 {
            let colours = min(256, u32(46) == 0 ? 1 << bitsPerPixel : u32(46))
            let start = 14 + headerSize
            for i in 0..<colours where start + 4 * i + 3 <= pixelOffset {
                let p = start + 4 * i
                palette[i] = luma(bytes[p + 2], bytes[p + 1], bytes[p])
            }
        }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = pixelOffset + (topDown ? y : height - 1 - y) * rowBytes
            for x in 0..<width {
                let value: UInt8
                switch bitsPerPixel {
                case 1: value = palette[Int(bytes[row + x / 8] >> (7 - UInt8(x % 8))) & 1]
                case 4: value = palette[Int(bytes[row + x / 2] >> (x % 2 == 0 ? 4 : 0)) & 0x0F]
                case 8: value = palette[Int(bytes[row + x])]
                default:
                    let p = row + x * bitsPerPixel / 8
                    value = luma(bytes[p + 2], bytes[p + 1], bytes[p])
                }
                pixels[y * width + x] = value
            }
        }
        return DecodedImage(image: GreyImage(width: width, height: height, pixels: pixels), format: .bmp,
                            originalWidth: width, originalHeight: height, warning: nil)
    }
}
