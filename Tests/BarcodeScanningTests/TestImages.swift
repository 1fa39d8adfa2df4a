import BarcodeScanning
import CTurboJPEG
import Foundation

/// Test images: the ones rendered with zint into Images/ (see Images/README.md), and JPEGs
/// made on the fly with libjpeg-turbo.
enum TestImages {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Images")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func grey(_ name: String) throws -> GreyImage {
        try ImageDecoder().decode(bytes(name), source: name).image
    }

    /// Encodes a grey image as a JPEG (quality 90).
    static func jpeg(_ image: GreyImage, quality: Int32 = 90) -> [UInt8] {
        let handle = tjInitCompress()!
        defer { tjDestroy(handle) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            tjCompress2(handle, pixels.baseAddress, Int32(image.width), 0, Int32(image.height),
                        Int32(TJPF_GRAY.rawValue), &buffer, &size, Int32(TJSAMP_GRAY.rawValue), quality, 0)
        }
        precondition(status == 0, "tjCompress2 failed")
        defer { tjFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    /// `image` pasted at (x, y) on a white canvas.
    static func canvas(width: Int, height: Int, pasting image: GreyImage, atX x: Int, y: Int) -> GreyImage {
        precondition(x + image.width <= width && y + image.height <= height, "image must fit the canvas")
        var canvas = GreyImage(width: width, height: height)
        for row in 0..<image.height {
            for column in 0..<image.width { canvas[x + column, y + row] = image[column, row] }
        }
        return canvas
    }

    /// A binary PGM (P5) file.
    static func pgm(_ image: GreyImage) -> [UInt8] {
        Array("P5\n# test\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
    }
}
