@testable import BarcodeScanning
import Foundation
import Testing

@Suite("Image decoding and bad input")
struct ImageDecoderTests {
    let decoder = ImageDecoder()

    func error(_ bytes: [UInt8]) -> ScanError? {
        do { _ = try decoder.decode(bytes, source: "test.img"); return nil } catch { return error }
    }

    @Test func sniffsFormatsFromBytesNotNames() throws {
        #expect(try decoder.decode(TestImages.bytes("upce.png"), source: "photo.jpg").format == .png)
        let jpeg = TestImages.jpeg(try TestImages.grey("upce.png"))
        #expect(try decoder.decode(jpeg, source: "code.png").format == .jpeg)
    }

    @Test func jpegPGMAndBMPDecodeToTheSamePixels() throws {
        let code = try TestImages.grey("ean13-893.png")
        let fromPGM = try decoder.decode(TestImages.pgm(code), source: "x").image
        #expect(fromPGM == code)
        let fromJPEG = try decoder.decode(TestImages.jpeg(code, quality: 95), source: "x").image
        #expect(fromJPEG.width == code.width && fromJPEG.height == code.height)
        let worst = zip(fromJPEG.pixels, code.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst < 80)
        #expect(BarcodeScanner().scan(fromJPEG).map(\.text) == ["8934563138165"])
    }

    @Test func bmpEightBitDecodes() throws {
        let code = try TestImages.grey("upce.png")
        var bmp: [UInt8] = Array("BM".utf8)
        let rowBytes = (code.width + 3) / 4 * 4
        let pixelOffset = 14 + 40 + 1024
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        bmp += le32(pixelOffset + rowBytes * code.height) + le32(0) + le32(pixelOffset)
        bmp += le32(40) + le32(code.width) + le32(-code.height) + [1, 0, 8, 0] + le32(0) + le32(0)
        bmp += le32(0) + le32(0) + le32(256) + le32(0)
        for i in 0..<256 { bmp += [UInt8(i), UInt8(i), UInt8(i), 0] }
        for y in 0..<code.height {
            bmp += code.pixels[y * code.width..<(y + 1) * code.width]
            bmp += [UInt8](repeating: 0, count: rowBytes - code.width)
        }
        let decoded = try decoder.decode(bmp, source: "x.bmp")
        #expect(decoded.format == .bmp)
        #expect(decoded.image == code)
    }

    @Test func emptyInputIsAnError() {
        let e = error([])
        #expect(e?.code == .emptyInput)
        #expect(e?.message.contains("test.img") == true)
        #expect(e?.source == "test.img")
    }

    @Test func nonImagesAreNamed() {
        #expect(error(Array("hello, this is text".utf8))?.code == .unsupportedFormat)
        #expect(error(Array("GIF89a......".utf8))?.message.contains("GIF") == true)
    }

    @Test func truncatedPNGIsCorruptNotACrash() throws {
        let png = try TestImages.bytes("qr-vietnamese.png")
        for length in [8, 20, 33, png.count / 2, png.count - 13] {
            #expect(error(Array(png.prefix(length)))?.code == .corruptImage, "prefix of \(length) bytes")
        }
    }

    @Test func truncatedJPEGKeepsTheRowsDecodedOrFails() throws {
        let jpeg = TestImages.jpeg(try TestImages.grey("ean13-893.png"))
        for length in [3, 100, jpeg.count / 2, jpeg.count - 2] {
            do {
                let decoded = try decoder.decode(Array(jpeg.prefix(length)), source: "cut.jpg")
                #expect(decoded.warning != nil, "a cut JPEG decodes only with a warning")
            } catch {
                #expect(error.code == .corruptImage)
            }
        }
    }

    @Test func randomBytesAfterAValidSignatureFail() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
        #expect(error(bytes)?.code == .corruptImage)
        bytes.replaceSubrange(0..<8, with: [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46])
        #expect(error(bytes) != nil)
    }

    /// A PNG whose header claims 100000 × 100000 pixels is refused before anything is allocated.
    @Test func pngDecompressionBombIsRefused() {
        var ihdr: [UInt8] = Array("IHDR".utf8)
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        ihdr += be32(100_000) + be32(100_000) + [8, 0, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ihdr + be32(crc32(ihdr))
        png += be32(0) + Array("IEND".utf8) + be32(crc32(Array("IEND".utf8)))
        let e = error(png)
        #expect(e?.code == .tooManyPixels)
        #expect(e?.message.contains("100000×100000") == true)
    }

    @Test func jpegDecompressionBombIsRefused() {
        // SOI, then a baseline SOF0 frame header claiming 65000 × 65000 grey pixels.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xFD, 0xE8, 0xFD, 0xE8, 0x01, 0x01, 0x11, 0x00,
                             0xFF, 0xD9]
        #expect(error(jpeg)?.code == .tooManyPixels)
    }

    @Test func pixelLimitIsConfigurable() throws {
        var options = ImageDecodingOptions()
        options.maximumPixels = 1000
        #expect(throws: ScanError.self) { try ImageDecoder(options: options).decode(TestImages.bytes("upce.png"), source: "x") }
    }

    /// A 24-megapixel photo is decoded at a DCT scale under the working size, and positions
    /// still come back in the photo's own coordinates.
    @Test func largeJPEGIsDecodedScaledDownAndPositionsAreOriginal() throws {
        let code = try TestImages.grey("ean13-893.png")
        let big = code.resized(width: code.width * 6, height: code.height * 6)
        let photo = TestImages.canvas(width: 6000, height: 4000, pasting: big, atX: 2400, y: 1800)
        let result = try BarcodeScanner().scan(bytes: TestImages.jpeg(photo, quality: 80), source: "24mp.jpg")
        #expect(result.width == 6000 && result.height == 4000)
        let symbol = try #require(result.symbols.first)
        #expect(symbol.text == "8934563138165")
        let xs = symbol.polygon.map(\.x), ys = symbol.polygon.map(\.y)
        #expect(xs.min()! >= 2300 && xs.max()! <= 2400 + big.width + 100)
        #expect(ys.min()! >= 1700 && ys.max()! <= 1800 + big.height + 100)
        var options = ImageDecodingOptions()
        options.workingPixels = 12_000_000
        let decoded = try ImageDecoder(options: options).decode(TestImages.jpeg(photo, quality: 80), source: "x")
        #expect(decoded.image.pixelCount <= options.workingPixels)
        #expect(decoded.scale > 1)
    }

    @Test func readFileNamesMissingFilesAndDirectories() {
        #expect(throws: ScanError.self) { try BarcodeScanner.readFile("/no/such/photo.jpg", limit: 100) }
        do { _ = try BarcodeScanner.readFile(NSTemporaryDirectory(), limit: 100) } catch {
            #expect(error.code == .unreadable)
            #expect(error.message.contains("directory"))
        }
    }
}

/// CRC-32 (PNG chunks).
func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
