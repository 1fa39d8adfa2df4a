import BarcodeScanning
import CHeif
import Testing

/// HEIC photos (phone cameras): encoded here with libheif's own HEVC encoder, then decoded.
@Suite("HEIC decoding", .enabled(if: HEIFEncoder.available, "libheif has no HEVC encoder here"))
struct HEIFTests {
    static func heic(_ image: GreyImage) -> [UInt8]? { HEIFEncoder.heic(image) }
}

enum HEIFEncoder {
    static var available: Bool {
        guard let context = heif_context_alloc() else { return false }
        defer { heif_context_free(context) }
        var encoder: OpaquePointer?
        let error = heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder)
        if let encoder { heif_encoder_release(encoder) }
        return error.code == heif_error_Ok
    }

    static func heic(_ image: GreyImage) -> [UInt8]? {
        guard let context = heif_context_alloc() else { return nil }
        defer { heif_context_free(context) }
        var encoder: OpaquePointer?
        guard heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder).code == heif_error_Ok,
              let encoder else { return nil }
        defer { heif_encoder_release(encoder) }
        heif_encoder_set_lossy_quality(encoder, 90)
        var picture: OpaquePointer?
        guard heif_image_create(Int32(image.width), Int32(image.height), heif_colorspace_monochrome, heif_chroma_monochrome, &picture).code == heif_error_Ok,
              let picture else { return nil }
        defer { heif_image_release(picture) }
        heif_image_add_plane(picture, heif_channel_Y, Int32(image.width), Int32(image.height), 8)
        var stride: Int32 = 0
        guard let plane = heif_image_get_plane(picture, heif_channel_Y, &stride) else { return nil }
        for y in 0..<image.height {
            for x in 0..<image.width { plane[y * Int(stride) + x] = image[x, y] }
        }
        guard heif_context_encode_image(context, picture, encoder, nil, nil).code == heif_error_Ok else { return nil }
        var bytes: [UInt8] = []
        var writer = heif_writer()
        writer.writer_api_version = 1
        writer.write = { _, data, size, userdata in
            let out = userdata!.assumingMemoryBound(to: [UInt8].self)
            out.pointee.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size))
            return heif_error(code: heif_error_Ok, subcode: heif_suberror_Unspecified, message: nil)
        }
        let error = withUnsafeMutablePointer(to: &bytes) { heif_context_write(context, &writer, $0) }
        return error.code == heif_error_Ok ? bytes : nil
    }
}

extension HEIFTests {
    @Test func heicPhotoIsRead() throws {
        let code = try TestImages.grey("ean13-893.png")
        let photo = TestImages.canvas(width: 640, height: 480, pasting: code, atX: 90, y: 120)
        let bytes = try #require(Self.heic(photo))
        #expect(ImageFormat.sniff(bytes.withUnsafeBytes { $0 }) == .heif)
        let result = try BarcodeScanner().scan(bytes: bytes, source: "photo.heic")
        #expect(result.format == .heif)
        #expect(result.width == 640 && result.height == 480)
        #expect(result.symbols.map(\.text) == ["8934563138165"])
    }

    @Test func truncatedHEICIsCorrupt() throws {
        let code = try TestImages.grey("upce.png")
        let bytes = try #require(Self.heic(TestImages.canvas(width: 640, height: 480, pasting: code, atX: 10, y: 10)))
        #expect(throws: ScanError.self) { try ImageDecoder().decode(Array(bytes.prefix(bytes.count / 2)), source: "cut.heic") }
    }
}
