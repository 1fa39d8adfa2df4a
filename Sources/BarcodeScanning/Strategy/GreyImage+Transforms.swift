import Foundation

/// Maps a point in a derived image back to the image it was derived from.
struct PointMap: Sendable {
    // x' = a·x + b·y + tx ; y' = c·x + d·y + ty
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, tx = 0.0, ty = 0.0

    static let identity = PointMap()
    /// Back from a ``GreyImage/transposed()`` image: x and y swapped.
    static let transpose = PointMap(a: 0, b: 1, c: 1, d: 0)

    static func scale(_ s: Double) -> PointMap { PointMap(a: s, d: s) }

    func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + b * y + tx, c * x + d * y + ty)
    }

    /// The map that undoes this one, or nil when it flattens the plane.
    var inverse: PointMap? {
        let det = a * d - b * c
        guard abs(det) > 1e-12 else { return nil }
        let ia = d / det, ib = -b / det, ic = -c / det, id = a / det
        return PointMap(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty))
    }

    /// First `self`, then `next`.
    func then(_ next: PointMap) -> PointMap {
        PointMap(a: next.a * a + next.b * c, b: next.a * b + next.b * d,
                 c: next.c * a + next.d * c, d: next.c * b + next.d * d,
                 tx: next.a * tx + next.b * ty + next.tx, ty: next.c * tx + next.d * ty + next.ty)
    }
}

/// The image operations the scan strategy escalates through. Each returns a new image (and,
/// where geometry changes, how to map its points back).
extension GreyImage {
    /// Where a cut of a side of `size` pixels should lie to cover `from..<to` so that zbar
    /// follows its lines as in the whole image, at densities up to `alignment`: its start a
    /// multiple of twice `alignment` (zbar scans every second line the other way), its length
    /// the side's modulo `alignment` (at density d, zbar starts ((size − 1) mod d + 1) / 2 lines in).
    ///
    /// ```swift
    /// GreyImage.cutSpan(from: 13, to: 50, within: 101, alignment: 2)   // (start: 12, length: 39)
    /// ```
    static func cutSpan(from: Int, to: Int, within size: Int, alignment: Int) -> (start: Int, length: Int) {
        let start = max(0, from) / (2 * alignment) * (2 * alignment)
        var length = min(size, to) - start
        length += ((size - length) % alignment + alignment) % alignment
        return (start, min(length, size - start))
    }

    /// A copy of the part of the rectangle at (`x`, `y`) that lies inside the image.
    func cropped(x: Int, y: Int, width w: Int, height h: Int) -> GreyImage {
        let x0 = max(0, min(x, width)), y0 = max(0, min(y, height))
        let cw = max(0, min(x + w, width) - x0), ch = max(0, min(y + h, height) - y0)
        var out = [UInt8]()
        out.reserveCapacity(cw * ch)
        for row in y0..<(y0 + ch) { out += pixels[(row * width + x0)..<(row * width + x0 + cw)] }
        return GreyImage(width: cw, height: ch, pixels: out)
    }

    /// Area-averaged reduction by an integer factor (each output pixel the rounded mean of a
    /// `factor` × `factor` block; the rows and columns left over are dropped).
    func downsampled(by factor: Int) -> GreyImage {
        guard factor > 1 else { return self }
        let w = width / factor, h = height / factor
        guard w > 0, h > 0 else { return self }
        let stride = width, area = factor * factor
        let out = [UInt8](unsafeUninitializedCapacity: w * h) { dst, count in
            pixels.withUnsafeBufferPointer { src in
                let source = src.baseAddress!, target = dst.baseAddress!
                if factor == 2 {
                    // The common case (half-size passes, QR areas): a loop the compiler vectorises.
                    for y in 0..<h {
                        let top = source + 2 * y * stride, bottom = top + stride, row = target + y * w
                        for x in 0..<w {
                            let sum = UInt16(top[2 * x]) &+ UInt16(top[2 * x + 1]) &+ UInt16(bottom[2 * x]) &+ UInt16(bottom[2 * x + 1])
                            row[x] = UInt8(truncatingIfNeeded: (sum &+ 2) >> 2)
                        }
                    }
                } else {
                    let sums = UnsafeMutablePointer<Int>.allocate(capacity: w)
                    defer { sums.deallocate() }
                    for y in 0..<h {
                        sums.initialize(repeating: 0, count: w)
                        for dy in 0..<factor {
                            let line = source + (y * factor + dy) * stride
                            for x in 0..<w {
                                var sum = 0
                                for dx in 0..<factor { sum &+= Int(line[x * factor + dx]) }
                                sums[x] &+= sum
                            }
                        }
                        for x in 0..<w { target[y * w + x] = UInt8(truncatingIfNeeded: (sums[x] &+ area / 2) / area) }
                    }
                }
            }
            count = w * h
        }
        return GreyImage(width: w, height: h, pixels: out)
    }

    /// Bilinear resize to an arbitrary size (used to enlarge small codes). The horizontal
    /// sample positions and weights are computed once per column, not once per pixel.
    func resized(width newWidth: Int, height newHeight: Int) -> GreyImage {
        guard newWidth > 0, newHeight > 0, width > 1, height > 1 else { return self }
        return resized(width: newWidth, height: newHeight, part: (0, 0, newWidth, newHeight))
    }

    /// The rectangle `part` (inside the resized image) of ``resized(width:height:)``'s image,
    /// pixel for pixel the same, made without the rest: a pass that looks at part of an
    /// enlarged photo enlarges only that part.
    ///
    /// ```swift
    /// image.resized(width: 960, height: 720, part: (96, 48, 400, 200))
    ///     == image.resized(width: 960, height: 720).cropped(x: 96, y: 48, width: 400, height: 200)   // true
    /// ```
    func resized(width newWidth: Int, height newHeight: Int, part: (x: Int, y: Int, width: Int, height: Int)) -> GreyImage {
        guard newWidth > 0, newHeight > 0, width > 1, height > 1 else { return cropped(x: part.x, y: part.y, width: part.width, height: part.height) }
        let partWidth = max(0, part.width), partHeight = max(0, part.height)
        var out = [UInt8](repeating: 0, count: partWidth * partHeight)
        let sx = Double(width - 1) / Double(max(1, newWidth - 1)), sy = Double(height - 1) / Double(max(1, newHeight - 1))
        var columns = [Int](repeating: 0, count: partWidth), weights = [Int](repeating: 0, count: partWidth)
        for i in 0..<partWidth {
            let fx = Double(part.x + i) * sx
            columns[i] = min(Int(fx), width - 2)
            weights[i] = Int((fx - Double(columns[i])) * 256)
        }
        // Each source row's horizontal interpolation (×256, not rounded) is made once and kept
        // while output rows use it: an enlarged image's rows share their source rows.
        let upper = UnsafeMutablePointer<Int32>.allocate(capacity: partWidth), lower = UnsafeMutablePointer<Int32>.allocate(capacity: partWidth)
        defer { upper.deallocate(); lower.deallocate() }
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                columns.withUnsafeBufferPointer { columns in
                    weights.withUnsafeBufferPointer { weights in
                        func interpolate(_ sourceRow: Int, into line: UnsafeMutablePointer<Int32>) {
                            let from = src.baseAddress! + sourceRow * width
                            for x in 0..<partWidth {
                                let x0 = columns[x], wx = Int32(truncatingIfNeeded: weights[x])
                                line[x] = Int32(from[x0]) &* (256 &- wx) &+ Int32(from[x0 + 1]) &* wx
                            }
                        }
                        var upperRow = -1, lowerRow = -1
                        for row in 0..<partHeight {
                            let fy = Double(part.y + row) * sy
                            let y0 = min(Int(fy), height - 2)
                            let wy = Int32((fy - Double(y0)) * 256)
                            if upperRow != y0 {
                                if lowerRow == y0 {
                                    // The row below becomes the row above.
                                    upper.update(from: lower, count: partWidth)
                                } else {
                                    interpolate(y0, into: upper)
                                }
                                interpolate(y0 + 1, into: lower)
                                upperRow = y0; lowerRow = y0 + 1
                            }
                            let line = dst.baseAddress! + row * partWidth
                            for x in 0..<partWidth {
                                // At most 255 · 256 · 256 + 32768: fits 32 bits.
                                line[x] = UInt8(truncatingIfNeeded: (upper[x] &* (256 &- wy) &+ lower[x] &* wy &+ 32768) >> 16)
                            }
                        }
                    }
                }
            }
        }
        return GreyImage(width: partWidth, height: partHeight, pixels: out)
    }

    /// Light on dark becomes dark on light.
    func inverted() -> GreyImage {
        GreyImage(width: width, height: height, pixels: pixels.map { 255 &- $0 })
    }

    /// Linear contrast stretch between the 1st and 99th percentiles; nil when the image already
    /// spans the range (the pass would repeat the first one).
    func contrastStretched() -> GreyImage? {
        contrastStretchTable().map { mapped(through: $0) }
    }

    /// Each grey level `v` replaced by `table[v]` (256 entries).
    func mapped(through table: [UInt8]) -> GreyImage {
        GreyImage(width: width, height: height, pixels: pixels.map { table[Int($0)] })
    }

    /// The grey levels ``contrastStretched()`` maps each level to (from the whole image's
    /// histogram), or nil when it makes no new image.
    func contrastStretchTable() -> [UInt8]? {
        var histogram = [Int](repeating: 0, count: 256)
        for p in pixels { histogram[Int(p)] += 1 }
        let cut = max(1, pixelCount / 100)
        var low = 0, high = 255, seen = 0
        while low < 255, seen + histogram[low] < cut { seen += histogram[low]; low += 1 }
        seen = 0
        while high > 0, seen + histogram[high] < cut { seen += histogram[high]; high -= 1 }
        guard high - low >= 8, high - low < 200 else { return nil }
        var table = [UInt8](repeating: 0, count: 256)
        for v in 0..<256 { table[v] = UInt8(clamping: (v - low) * 255 / (high - low)) }
        return table
    }

    /// Local-mean binarisation (window about 1/8 of the shorter side, or `radius` pixels either
    /// side): copes with shadows, glare and low contrast that defeat a global threshold. A
    /// pixel turns black when it is darker than its window's mean by more than `offset`. The window sum slides: one running
    /// sum per column down the image, and along each row the difference of two prefix sums of
    /// those column sums (no branch per pixel: 2–3× quicker than sliding with loops).
    func adaptiveThresholded(offset: Int = 4, radius: Int? = nil) -> GreyImage {
        let w = width, h = height
        guard w > 0, h > 0 else { return self }
        let radius = radius ?? Self.thresholdRadius(width: w, height: h)
        // Sums stay below 256 · (2 · radius + 1)², far inside Int32 for any image we accept.
        var out = [UInt8](unsafeUninitializedCapacity: w * h) { _, count in count = w * h }
        var columnSums = [Int32](repeating: 0, count: w)
        var prefix = [Int32](repeating: 0, count: w + 1)
        // Window columns for each x: lo..<hi, and their count.
        let lows = (0..<w).map { Int32(max(0, $0 - radius)) }, highs = (0..<w).map { Int32(min(w, $0 + radius + 1)) }
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { destination in
                columnSums.withUnsafeMutableBufferPointer { columns in
                    prefix.withUnsafeMutableBufferPointer { prefix in
                        lows.withUnsafeBufferPointer { lows in
                            highs.withUnsafeBufferPointer { highs in
                                guard let src = source.baseAddress, let dst = destination.baseAddress,
                                      let sums = columns.baseAddress, let running = prefix.baseAddress,
                                      let lo = lows.baseAddress, let hi = highs.baseAddress else { return }
                                var top = 0, bottom = 0   // the window's rows: top..<bottom
                                let bias = Int32(offset + 1)
                                for y in 0..<h {
                                    while bottom < min(h, y + radius + 1) {
                                        let row = src + bottom * w
                                        for x in 0..<w { sums[x] &+= Int32(row[x]) }
                                        bottom += 1
                                    }
                                    while top < max(0, y - radius) {
                                        let row = src + top * w
                                        for x in 0..<w { sums[x] &-= Int32(row[x]) }
                                        top += 1
                                    }
                                    running[0] = 0
                                    for x in 0..<w { running[x + 1] = running[x] &+ sums[x] }
                                    let rows = Int32(bottom - top)
                                    let line = src + y * w, target = dst + y * w
                                    for x in 0..<w {
                                        let low = Int(lo[x]), high = Int(hi[x])
                                        let sum = running[high] &- running[low]
                                        let area = (hi[x] &- lo[x]) &* rows
                                        // pixel + offset < ⌊sum / area⌋, without the division.
                                        target[x] = (Int32(line[x]) &+ bias) &* area <= sum ? 0 : 255
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return GreyImage(width: w, height: h, pixels: out)
    }

    /// The reach of ``adaptiveThresholded(offset:radius:)``'s window in an image of this size.
    static func thresholdRadius(width: Int, height: Int) -> Int { max(7, min(width, height) / 16) }

    /// 3×3 box blur: removes sensor noise and JPEG ringing that break zbar's edge detector.
    /// The outermost rows and columns are kept. Separable: sums of three along each row, then
    /// three such sums down each column.
    func blurred() -> GreyImage {
        guard width > 2, height > 2 else { return self }
        let w = width
        var out = pixels
        var rowSums = [UInt16](repeating: 0, count: 3 * w)   // the last three rows' sums, in turn
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { destination in
                rowSums.withUnsafeMutableBufferPointer { ring in
                    guard let src = source.baseAddress, let dst = destination.baseAddress,
                          let sums = ring.baseAddress else { return }
                    for y in 0..<height {
                        let row = src + y * w, into = sums + (y % 3) * w
                        for x in 1..<(w - 1) { into[x] = UInt16(row[x - 1]) &+ UInt16(row[x]) &+ UInt16(row[x + 1]) }
                        guard y >= 2 else { continue }
                        let target = dst + (y - 1) * w, a = sums, b = sums + w, c = sums + 2 * w
                        for x in 1..<(w - 1) { target[x] = UInt8(truncatingIfNeeded: (a[x] &+ b[x] &+ c[x]) / 9) }
                    }
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// Unsharp mask (2·p − blur): steepens the edges of slightly blurred bars.
    func sharpened() -> GreyImage {
        let blur = blurred()
        var out = pixels
        out.withUnsafeMutableBufferPointer { out in
            blur.pixels.withUnsafeBufferPointer { blur in
                for i in 0..<out.count { out[i] = UInt8(clamping: 2 &* Int16(out[i]) &- Int16(blur[i])) }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }
}

extension GreyImage {
    /// Averages `radius` rows above and below: smooths noise along vertical bars without
    /// blurring across them. Row by row, with one running sum per column (cache-friendly).
    func verticallySmoothed(radius: Int) -> GreyImage {
        guard height > 2 * radius + 1 else { return self }
        var out = pixels
        let n = 2 * radius + 1
        var sums = [UInt32](repeating: 0, count: width)
        // sum / n as a multiplication and a shift (a division per pixel took most of the time);
        // exact for every sum of n bytes, which `exactDivision` checks.
        let (multiplier, shift) = Self.exactDivision(by: n, upTo: 255 * n)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 0..<n {
                        let row = src.baseAddress! + y * width
                        for x in 0..<width { sums[x] &+= UInt32(row[x]) }
                    }
                    for y in radius..<(height - radius) {
                        let target = dst.baseAddress! + y * width
                        for x in 0..<width { target[x] = UInt8(truncatingIfNeeded: (UInt64(sums[x]) &* multiplier) &>> shift) }
                        guard y + radius + 1 < height else { break }
                        let entering = src.baseAddress! + (y + radius + 1) * width
                        let leaving = src.baseAddress! + (y - radius) * width
                        for x in 0..<width { sums[x] = sums[x] &+ UInt32(entering[x]) &- UInt32(leaving[x]) }
                    }
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// Swaps rows and columns (in 32 × 32 tiles, so both sides stay in cache).
    func transposed() -> GreyImage {
        var out = [UInt8](repeating: 0, count: pixelCount)
        let tile = 32
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y0 in stride(from: 0, to: height, by: tile) {
                    for x0 in stride(from: 0, to: width, by: tile) {
                        for y in y0..<min(y0 + tile, height) {
                            for x in x0..<min(x0 + tile, width) { dst[x * height + y] = src[y * width + x] }
                        }
                    }
                }
            }
        }
        return GreyImage(width: height, height: width, pixels: out)
    }

    /// Repeats rows until the image is at least `minimumHeight` tall (strips a few pixels high).
    func rowsRepeated(toHeight minimumHeight: Int) -> GreyImage {
        guard height > 0, height < minimumHeight else { return self }
        let factor = (minimumHeight + height - 1) / height
        var out: [UInt8] = []
        out.reserveCapacity(width * height * factor)
        for y in 0..<height { for _ in 0..<factor { out += pixels[y * width..<(y + 1) * width] } }
        return GreyImage(width: width, height: height * factor, pixels: out)
    }

    /// Strong unsharp mask with a wider blur (defocused photos).
    func stronglySharpened() -> GreyImage {
        let blur = blurred().blurred()
        var out = pixels
        out.withUnsafeMutableBufferPointer { out in
            blur.pixels.withUnsafeBufferPointer { blur in
                for i in 0..<out.count { out[i] = UInt8(clamping: 3 &* Int16(out[i]) &- 2 &* Int16(blur[i])) }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// A multiplier and a shift such that (v × multiplier) >> shift == v / divisor for every v
    /// in 0...limit (checked: the smallest shift that works).
    static func exactDivision(by divisor: Int, upTo limit: Int) -> (multiplier: UInt64, shift: UInt64) {
        for shift in UInt64(8)...UInt64(40) {
            let multiplier = ((UInt64(1) << shift) + UInt64(divisor) - 1) / UInt64(divisor)
            if (0...limit).allSatisfy({ (UInt64($0) &* multiplier) &>> shift == UInt64($0 / divisor) }) {
                return (multiplier, shift)
            }
        }
        preconditionFailure("no exact multiply-shift division by \(divisor) up to \(limit)")
    }
}
