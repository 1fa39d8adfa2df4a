import CWebP

extension ImageDecoder {
    /// WebP through libwebp: the luma (Y) plane directly for opaque images, RGBA laid over
    /// white for images with transparency.
    func decodeWebP(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        let data = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var features = WebPBitstreamFeatures()
        guard WebPGetFeatures(data, buffer.count, &features) == VP8_STATUS_OK else {
            throw corrupt(.webp, source, cause: "WebPGetFeatures failed")
        }
        let width = Int(features.width), height = Int(features.height)
        try checkSize(width: width, height: height, format: .webp, source: source)
        var pixels = [UInt8](repeating: 255, count: width * height)
        var w: Int32 = 0, h: Int32 = 0
        if features.has_alpha != 0 {
            guard let rgba = WebPDecodeRGBA(data, buffer.count, &w, &h), Int(w) == width, Int(h) == height else {
                throw corrupt(.webp, source, cause: "WebPDecodeRGBA failed")
            }
            defer { WebPFree(rgba) }
            for i in 0..<(width * height) {
                let a = Int(rgba[4 * i + 3])
                let y = Int(luma(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]))
                pixels[i] = UInt8((y * a + 255 * (255 - a)) / 255)
            }
        } else {
            var u: UnsafeMutablePointer<UInt8>?, v: UnsafeMutablePointer<UInt8>?
            var stride: Int32 = 0, uvStride: Int32 = 0
            guard let yPlane = WebPDecodeYUV(data, buffer.count, &w, &h, &u, &v, &stride, &uvStride),
                  Int(w) == width, Int(h) == height else {
                throw corrupt(.webp, source, cause: "WebPDecodeYUV failed")
            }
            defer { WebPFree(yPlane) }  // U and V live in the same allocation
            pixels.withUnsafeMutableBufferPointer { dst in
                for row in 0..<height {
                    (dst.baseAddress! + row * width).update(from: yPlane + row * Int(stride), count: width)
                }
            }
            // The Y plane uses the video range 16…235; stretch it to 0…255.
            for i in pixels.indices {
                pixels[i] = UInt8(clamping: (Int(pixels[i]) - 16) * 255 / 219)
            }
        }
        return DecodedImage(image: GreyImage(width: width, height: height, pixels: pixels), format: .webp,
                            originalWidth: width, originalHeight: height, warning: nil)
    }
}
