import Foundation

extension GreyImage {
    /// The canvas that holds the image turned by `degrees` about its centre, and the map from
    /// the canvas back to the image: what ``rotated(degrees:)`` makes, without making it.
    static func rotation(width: Int, height: Int, degrees: Double) -> (width: Int, height: Int, back: PointMap) {
        let radians = degrees * .pi / 180
        let cosA = cos(radians), sinA = sin(radians)
        let newWidth = Int((Double(width) * abs(cosA) + Double(height) * abs(sinA)).rounded(.up))
        let newHeight = Int((Double(width) * abs(sinA) + Double(height) * abs(cosA)).rounded(.up))
        let cx = Double(width) / 2, cy = Double(height) / 2
        let ncx = Double(newWidth) / 2, ncy = Double(newHeight) / 2
        // Inverse map: destination (u, v) → source (x, y).
        let back = PointMap(a: cosA, b: sinA, c: -sinA, d: cosA,
                            tx: cx - cosA * ncx - sinA * ncy, ty: cy + sinA * ncx - cosA * ncy)
        return (newWidth, newHeight, back)
    }

    /// Rotation by `degrees` about the centre onto a canvas that holds the whole image,
    /// with white outside it; bilinear sampling. Returns the map from the rotated image back.
    func rotated(degrees: Double) -> (image: GreyImage, map: PointMap) {
        let canvas = Self.rotation(width: width, height: height, degrees: degrees)
        return (rotated(degrees: degrees, part: (0, 0, canvas.width, canvas.height)), canvas.back)
    }

    /// The rectangle `part` (canvas pixels, inside the canvas) of ``rotated(degrees:)``'s image,
    /// pixel for pixel the same, made without the rest of the canvas: a pass that looks at part
    /// of a turned photo turns only that part.
    ///
    /// ```swift
    /// let whole = image.rotated(degrees: 30).image
    /// image.rotated(degrees: 30, part: (8, 4, 100, 50)) == whole.cropped(x: 8, y: 4, width: 100, height: 50)   // true
    /// ```
    func rotated(degrees: Double, part: (x: Int, y: Int, width: Int, height: Int)) -> GreyImage {
        let back = Self.rotation(width: width, height: height, degrees: degrees).back
        let partWidth = max(0, part.width), partHeight = max(0, part.height)
        var out = [UInt8](repeating: 255, count: partWidth * partHeight)
        let fixed = 65536.0
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                let da = Int(back.a * fixed), dc = Int(back.c * fixed)
                for row in 0..<partHeight {
                    let v = part.y + row
                    // Stepping from the canvas's left edge in fixed point, as along a whole row.
                    let start = back.apply(0, Double(v))
                    var fx = Int(start.x * fixed) &+ part.x &* da, fy = Int(start.y * fixed) &+ part.x &* dc
                    for u in 0..<partWidth {
                        let x0 = fx >> 16, y0 = fy >> 16
                        if x0 >= 0, y0 >= 0, x0 < width - 1, y0 < height - 1 {
                            let wx = (fx >> 8) & 0xFF, wy = (fy >> 8) & 0xFF
                            let p = y0 * width + x0
                            let top = Int(src[p]) &* (256 &- wx) &+ Int(src[p + 1]) &* wx
                            let bottom = Int(src[p + width]) &* (256 &- wx) &+ Int(src[p + width + 1]) &* wx
                            dst[row * partWidth + u] = UInt8(truncatingIfNeeded: (top &* (256 &- wy) &+ bottom &* wy &+ 32768) >> 16)
                        }
                        fx += da
                        fy += dc
                    }
                }
            }
        }
        return GreyImage(width: partWidth, height: partHeight, pixels: out)
    }
}
