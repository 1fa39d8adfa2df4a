import CHeif

extension ImageDecoder {
    /// HEIC/HEIF (and AVIF) through libheif: the primary image, decoded to its luma plane.
    func decodeHEIF(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        guard let context = heif_context_alloc() else {
            throw ScanError(.corruptImage, "\(source): libheif could not start")
        }
        defer { heif_context_free(context) }
        var error = heif_context_read_from_memory_without_copy(context, buffer.baseAddress, buffer.count, nil)
        guard error.code == heif_error_Ok else { throw corrupt(.heif, source, cause: Self.text(of: error)) }
        var handle: OpaquePointer?
        error = heif_context_get_primary_image_handle(context, &handle)
        guard error.code == heif_error_Ok, let handle else { throw corrupt(.heif, source, cause: Self.text(of: error)) }
        defer { heif_image_handle_release(handle) }
        let width = Int(heif_image_handle_get_width(handle)), height = Int(heif_image_handle_get_height(handle))
        try checkSize(width: width, height: height, format: .heif, source: source)

        var image: OpaquePointer?
        error = heif_decode_image(handle, &image, heif_colorspace_monochrome, heif_chroma_monochrome, nil)
        guard error.code == heif_error_Ok, let image else { throw corrupt(.heif, source, cause: Self.text(of: error)) }
        defer { heif_image_release(image) }
        var stride: Int32 = 0
        guard let plane = heif_image_get_plane_readonly(image, heif_channel_Y, &stride) else {
            throw corrupt(.heif, source, cause: "no luma plane")
        }
        let w = Int(heif_image_get_width(image, heif_channel_Y)), h = Int(heif_image_get_height(image, heif_channel_Y))
        guard w > 0, h > 0, w * h <= width * height * 4 else { throw corrupt(.heif, source, cause: "unexpected plane size") }
        var pixels = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeMutableBufferPointer { dst in
            for row in 0..<h {
                (dst.baseAddress! + row * w).update(from: plane + row * Int(stride), count: w)
            }
        }
        return DecodedImage(image: GreyImage(width: w, height: h, pixels: pixels), format: .heif,
                            originalWidth: width, originalHeight: height, warning: nil)
    }

    private static func text(of error: heif_error) -> String {
        error.message.map { String(cString: $0) } ?? "libheif error \(error.code.rawValue)"
    }
}
