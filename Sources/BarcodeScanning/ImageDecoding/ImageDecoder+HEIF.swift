import CHeif

extension ImageDecoder {
    /// HEIC/HEIF (and AVIF) through libheif: the primary image, decoded to its luma plane.
    func decodeHEIF(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        let heif: HEIFLibrary
        switch HEIFLibrary.shared {
        case .success(let library): heif = library
        case .failure(var error): error.source = source; error.message = "\(source): \(error.message)"; throw error
        }
        guard let context = heif.contextAlloc() else {
            throw ScanError(.corruptImage, "\(source): libheif could not start (out of memory?); try again, or convert the photo to JPEG")
        }
        defer { heif.contextFree(context) }
        var error = heif.readFromMemoryWithoutCopy(context, buffer.baseAddress, buffer.count, nil)
        guard error.code == heif_error_Ok else { throw corrupt(.heif, source, cause: Self.text(of: error)) }
        var handle: OpaquePointer?
        error = heif.primaryImageHandle(context, &handle)
        guard error.code == heif_error_Ok, let handle else { throw corrupt(.heif, source, cause: Self.text(of: error)) }
        defer { heif.handleRelease(handle) }
        let width = Int(heif.handleWidth(handle)), height = Int(heif.handleHeight(handle))
        try checkSize(width: width, height: height, format: .heif, source: source)

        var image: OpaquePointer?
        error = heif.decodeImage(handle, &image, heif_colorspace_monochrome, heif_chroma_monochrome, nil)
        guard error.code == heif_error_Ok, let image else { throw corrupt(.heif, source, cause: Self.text(of: error)) }
        defer { heif.imageRelease(image) }
        var stride: Int32 = 0
        guard let plane = heif.planeReadonly(image, heif_channel_Y, &stride) else {
            throw corrupt(.heif, source, cause: "no luma plane")
        }
        let w = Int(heif.imageWidth(image, heif_channel_Y)), h = Int(heif.imageHeight(image, heif_channel_Y))
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
