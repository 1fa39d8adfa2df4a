@testable import BarcodeScanning
import Testing

/// ``GreyImage/resized(width:height:)``: bilinear, in fixed point, each source row interpolated
/// once for all the output rows that use it.
@Suite("Bilinear resizing")
struct GreyImageResizeTests {
    /// The resize pixel by pixel, as the formula reads: horizontal weights in 1/256, then vertical.
    static func reference(_ image: GreyImage, width newWidth: Int, height newHeight: Int) -> GreyImage {
        let sx = Double(image.width - 1) / Double(max(1, newWidth - 1)), sy = Double(image.height - 1) / Double(max(1, newHeight - 1))
        var out = GreyImage(width: newWidth, height: newHeight)
        for y in 0..<newHeight {
            let fy = Double(y) * sy, y0 = min(Int(fy), image.height - 2), wy = Int((fy - Double(y0)) * 256)
            for x in 0..<newWidth {
                let fx = Double(x) * sx, x0 = min(Int(fx), image.width - 2), wx = Int((fx - Double(x0)) * 256)
                let upper = Int(image[x0, y0]) * (256 - wx) + Int(image[x0 + 1, y0]) * wx
                let lower = Int(image[x0, y0 + 1]) * (256 - wx) + Int(image[x0 + 1, y0 + 1]) * wx
                out[x, y] = UInt8((upper * (256 - wy) + lower * wy + 32768) >> 16)
            }
        }
        return out
    }

    @Test("enlarged, reduced and stretched one way: every pixel as the formula gives it",
          arguments: [(2.0, 2.0), (1.5, 1.5), (0.5, 0.5), (3.0, 1.0), (1.0, 0.7), (0.37, 2.3)])
    func matchesTheFormula(scale: (Double, Double)) {
        var generator = SystemRandomNumberGenerator()
        let width = 37, height = 23
        let image = GreyImage(width: width, height: height, pixels: (0..<(width * height)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let w = max(2, Int(Double(width) * scale.0)), h = max(2, Int(Double(height) * scale.1))
        #expect(image.resized(width: w, height: h) == Self.reference(image, width: w, height: h))
    }
}

extension GreyImageResizeTests {
    @Test("Part of a resize is that part of the whole resize", arguments: [(1.5, 0, 0), (1.5, 13, 7), (2.0, 40, 21), (0.5, 3, 2)])
    func partOfTheResize(scale: Double, x: Int, y: Int) {
        let image = EscalationTests.noise(width: 61, height: 45, seed: 11)
        let w = Int(Double(image.width) * scale), h = Int(Double(image.height) * scale)
        let part = (x: x, y: y, width: w - x - 3, height: h - y - 1)
        #expect(image.resized(width: w, height: h, part: part) == image.resized(width: w, height: h).cropped(x: x, y: y, width: part.width, height: part.height))
    }
}
