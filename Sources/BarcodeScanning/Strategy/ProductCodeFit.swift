import Foundation

/// Checks an EAN-13, UPC-A, EAN-8 or UPC-E read against the photo itself, digit by digit.
///
/// zbar and zxing-cpp both decide a digit from the widths between edges; on thin, blurred bars
/// several scan lines can agree on a wrong digit whose check digit still fits. This check uses
/// other evidence: the brightness along lines through the code, fitted with the model of a
/// blurred code (``BarLayout``, the blur model's): where the code's ends lie, how wide the blur
/// is, and how well each digit's seven modules explain the brightness under it. Each line's
/// best valid code is compared with the read, and with the line's runner-up.
///
/// In the misread hunts used to tune it (seeds 2026 and 3, 1 600 EAN-13 and UPC-A photos), no
/// right read had a line whose best code was another one by a clear margin, and every wrong
/// read that had one had the printed code there.
///
/// ```swift
/// ProductCodeFit.clearRival(of: symbol, in: image)?.digits   // 0022174251484 as digits, or nil
/// ```
enum ProductCodeFit {
    /// One line's fit: its best valid code (all its digits); how much more error the runner-up
    /// leaves, as a fraction of the best's; and how much more the read leaves (0 when it is
    /// the best).
    struct LineFit: Equatable {
        var best: [UInt8]
        var margin: Float
        var readExcess: Float
    }

    /// How much more error a line's runner-up must leave than its best code (a fraction of the
    /// best's) for that code to count as the line's clear reading. In the tuning hunts the best
    /// codes that were the printed one beat their runner-up by 1.1 to 5.6; those that were
    /// neither printed nor read, by less than 0.05.
    static let clearMargin: Float = 0.5
    /// Lines tried through a code.
    static let maximumLines = 5

    /// The layout of a product code's bars, and the dips and span (pixels) a stretch of a
    /// profile needs to hold it (see ``BlurredProductCodeReader/candidateStretches(_:dips:span:)``).
    static func layout(of symbology: Symbology) -> (layout: BarLayout, dips: ClosedRange<Int>, span: Int)? {
        switch symbology {
        case .ean13, .isbn13, .upcA: (.ean13, 12...40, 93)
        case .ean8: (.ean8, 8...32, 65)
        case .upcE: (.upcE, 6...26, 49)
        default: nil
        }
    }

    /// A product code read's digits in its layout's form (a UPC-A gains its leading zero), or
    /// nil for other symbols.
    static func digits(of symbol: DecodedSymbol) -> [UInt8]? {
        guard let layout = layout(of: symbol.symbology)?.layout else { return nil }
        var digits = symbol.text.utf8.map { $0 &- UInt8(ascii: "0") }
        if symbol.symbology == .upcA && digits.count == 12 { digits.insert(0, at: 0) }
        return digits.count == layout.digitCount && digits.allSatisfy({ $0 < 10 }) ? digits : nil
    }

    /// The code the bars show clearly instead of the read, with the layout it was fitted in:
    /// the best valid code of at least one line by ``clearMargin``, the same on every such
    /// line, on more lines than the read is best on. An EAN-8 or UPC-E is fitted as itself,
    /// then as an EAN-13 (zbar reads pieces of a long code as short ones). Nil when the lines
    /// support the read, are unclear, or cannot be fitted.
    static func clearRival(of symbol: DecodedSymbol, in image: GreyImage) -> (layout: BarLayout, digits: [UInt8])? {
        var bars = Bars(lines: lines(through: symbol, in: image))
        return clearRival(of: symbol, on: &bars)
    }

    /// ``clearRival(of:in:)`` on lines already sampled (their placements are kept for the
    /// bar-darkness check).
    static func clearRival(of symbol: DecodedSymbol, on bars: inout Bars) -> (layout: BarLayout, digits: [UInt8])? {
        guard let read = digits(of: symbol), let own = layout(of: symbol.symbology) else { return nil }
        var tries = [(own, read)]
        if SymbolMerger.isShortProductCode(symbol), let long = layout(of: .ean13) { tries.append((long, [])) }
        for (layout, read) in tries {
            let lineFits = bars.placements(layout).compactMap { fit($0, layout: layout.layout, read: read) }
            let clear = lineFits.filter { $0.best != read && $0.margin >= clearMargin }
            if let rival = clear.first?.best, clear.allSatisfy({ $0.best == rival }),
               clear.count > lineFits.filter({ $0.best == read }).count {
                return (layout.layout, rival)
            }
        }
        return nil
    }

    /// The fit, in the read's own layout, of every line through the code that the model could
    /// be placed on.
    static func check(_ symbol: DecodedSymbol, in image: GreyImage) -> [LineFit] {
        guard let read = digits(of: symbol), let layout = layout(of: symbol.symbology) else { return [] }
        return fits(of: lines(through: symbol, in: image), layout: layout, read: read)
    }

    /// Each line's fit in `layout`, where the model could be placed; parallel lines share the
    /// orientation the first of them found.
    static func fits(of lines: [Line], layout: (layout: BarLayout, dips: ClosedRange<Int>, span: Int), read: [UInt8]) -> [LineFit] {
        var bars = Bars(lines: lines)
        return bars.placements(layout).compactMap { fit($0, layout: layout.layout, read: read) }
    }

    /// The lines through a code and, once asked for, where each layout's model lies on them.
    struct Bars {
        var lines: [Line]
        private var placed: [BarLayout.Kind: [Placement]] = [:]

        init(lines: [Line]) { self.lines = lines }

        /// The placements of `layout` on the lines, where the model could be placed; parallel
        /// lines share the orientation the first of them found.
        mutating func placements(_ layout: (layout: BarLayout, dips: ClosedRange<Int>, span: Int)) -> [Placement] {
            if let known = placed[layout.layout.kind] { return known }
            var backwards: [Int: Bool] = [:]
            let found = lines.compactMap { ProductCodeFit.place($0, layout: layout, backwards: &backwards[$0.direction]) }
            placed[layout.layout.kind] = found
            return found
        }
    }

    /// Where a layout's model lies on one line: the brightness along the line (turned round
    /// when the code runs backwards along it), the code's two ends there, and every
    /// candidate's error (see ``BarLayout/errors(of:blur:into:)``).
    struct Placement {
        var profile: [Float]
        var x0: Float
        var x1: Float
        var errors: [Float]
    }

    /// A brightness profile along a line through the code, and where along it the read lies.
    struct Line {
        var profile: [Float]
        var extent: ClosedRange<Double>
        /// Which of the two directions the line runs in (0: along the outline's main axis):
        /// parallel lines cross a code the same way round.
        var direction = 0
    }

    /// Lines that may cross the bars, up to ``maximumLines`` in each of two directions, along
    /// the outline's main axis and across it, and a third when the image's gradients show the
    /// bars crossed at another angle (see ``barNormal(in:around:)``). A code's reads give one point per scan line, at
    /// the end where the line's read finished: the points spread along the scan lines when
    /// lines read both ends, across them when every line ended at the same end, and lie at one
    /// place for a single line (the main axis is then the row). The lines are spread over the
    /// points' offsets, and the extent of the read along each line is the points' span.
    static func lines(through symbol: DecodedSymbol, in image: GreyImage) -> [Line] {
        let points = symbol.polygon.map { (x: Double($0.x), y: Double($0.y)) }
        guard !points.isEmpty else { return [] }
        let n = Double(points.count)
        let cx = points.reduce(0) { $0 + $1.x } / n, cy = points.reduce(0) { $0 + $1.y } / n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for p in points { sxx += (p.x - cx) * (p.x - cx); syy += (p.y - cy) * (p.y - cy); sxy += (p.x - cx) * (p.y - cy) }
        let axis = 0.5 * atan2(2 * sxy, sxx - syy)
        var angles = [axis, axis + .pi / 2]
        // Across the bars as the image shows them: a tilted code read by one row or column (or
        // by a turned copy) is crossed fully only along that direction.
        if let across = barNormal(in: image, around: (cx, cy)),
           angles.allSatisfy({ abs(remainder($0 - across, .pi)) > 5 * .pi / 180 }) {
            angles.append(across)
        }
        var result: [Line] = []
        for (direction, angle) in angles.enumerated() {
            let along = (x: cos(angle), y: sin(angle)), across = (x: -sin(angle), y: cos(angle))
            let t = points.map { ($0.x - cx) * along.x + ($0.y - cy) * along.y }
            let s = points.map { ($0.x - cx) * across.x + ($0.y - cy) * across.y }
            var low = s.min()!, high = s.max()!
            if direction == 2 && high - low < 8 { low -= 4; high += 4 }   // rows of the code either side
            let count = high - low < 2 ? 1 : maximumLines
            for k in 0..<count {
                let offset = count == 1 ? (low + high) / 2 : low + (high - low) * Double(k) / Double(count - 1)
                let origin = (x: cx + offset * across.x, y: cy + offset * across.y)
                if var line = sample(image, origin: origin, direction: along, extent: t.min()!...t.max()!) {
                    line.direction = direction
                    result.append(line)
                }
            }
        }
        return result
    }

    /// The direction across the bars around `centre` (radians): the dominant brightness
    /// gradient of the 41 × 41 pixels there (their structure tensor), or nil when the gradients
    /// there have no clear direction (their coherence is under one half).
    static func barNormal(in image: GreyImage, around centre: (x: Double, y: Double)) -> Double? {
        let radius = 20
        let x0 = max(1, Int(centre.x) - radius), x1 = min(image.width - 2, Int(centre.x) + radius)
        let y0 = max(1, Int(centre.y) - radius), y1 = min(image.height - 2, Int(centre.y) + radius)
        guard x0 < x1, y0 < y1 else { return nil }
        var gxx = 0.0, gyy = 0.0, gxy = 0.0
        for y in y0...y1 {
            for x in x0...x1 {
                let gx = Double(image[x + 1, y]) - Double(image[x - 1, y])
                let gy = Double(image[x, y + 1]) - Double(image[x, y - 1])
                gxx += gx * gx; gyy += gy * gy; gxy += gx * gy
            }
        }
        let trace = gxx + gyy
        guard trace > 0 else { return nil }
        let coherence = ((gxx - gyy) * (gxx - gyy) + 4 * gxy * gxy).squareRoot() / trace
        return coherence >= 0.5 ? 0.5 * atan2(2 * gxy, gxx - gyy) : nil
    }

    /// The brightness along the whole line through `origin` in `direction` (unit length), the
    /// mean of it and its two neighbours one pixel either side; `extent` (positions along the
    /// line from `origin`) becomes positions in the profile.
    static func sample(_ image: GreyImage, origin: (x: Double, y: Double), direction d: (x: Double, y: Double),
                       extent: ClosedRange<Double>) -> Line? {
        let w = Double(image.width - 1), h = Double(image.height - 1)
        guard w >= 2, h >= 2 else { return nil }
        // The stretch of the line inside the image (one pixel in from the edges for the neighbours).
        var lo = -Double.infinity, hi = Double.infinity
        for (o, step, limit) in [(origin.x, d.x, w), (origin.y, d.y, h)] {
            if abs(step) < 1e-9 {
                if o < 1 || o > limit - 1 { return nil }
                continue
            }
            let a = (1 - o) / step, b = (limit - 1 - o) / step
            lo = max(lo, min(a, b)); hi = min(hi, max(a, b))
        }
        guard hi - lo >= 100 else { return nil }
        let start = lo.rounded(.up), count = Int(hi - start) + 1
        var profile = [Float](repeating: 0, count: count)
        image.pixels.withUnsafeBufferPointer { px in
            let width = image.width
            func at(_ x: Double, _ y: Double) -> Float {
                let x0 = min(Int(x), width - 2), y0 = min(Int(y), image.height - 2)
                let fx = Float(x - Double(x0)), fy = Float(y - Double(y0))
                let i = y0 * width + x0
                let top = Float(px[i]) + fx * (Float(px[i + 1]) - Float(px[i]))
                let bottom = Float(px[i + width]) + fx * (Float(px[i + width + 1]) - Float(px[i + width]))
                return top + fy * (bottom - top)
            }
            for k in 0..<count {
                let t = start + Double(k)
                let x = origin.x + t * d.x, y = origin.y + t * d.y
                profile[k] = (at(x, y) + at(max(0, x - d.y), max(0, y + d.x)) + at(max(0, x + d.y), max(0, y - d.x))) / 3
            }
        }
        return Line(profile: profile, extent: (extent.lowerBound - start)...(extent.upperBound - start))
    }

    /// The model placed on one line: on the stretch of dips that meets the read's extent,
    /// forwards or backwards (whichever the model explains better, unless `backwards` already
    /// says: the first parallel line decides for the others); nil when no stretch there looks
    /// like a code.
    static func place(_ line: Line, layout: (layout: BarLayout, dips: ClosedRange<Int>, span: Int),
                      backwards: inout Bool?) -> Placement? {
        let profile = line.profile, extent = line.extent
        let stretches = BlurredProductCodeReader.candidateStretches(profile, dips: layout.dips, span: layout.span).filter { s in
            let reach = Double(s.1 - s.0) * 0.1
            return Double(s.0) - reach <= extent.upperBound && extent.lowerBound <= Double(s.1) + reach
        }
        guard let stretch = stretches.max(by: { $0.1 - $0.0 < $1.1 - $1.0 }) else { return nil }
        let last = profile.count - 1, bars = layout.layout
        let reversed = backwards == false ? [] : Array(profile.reversed())
        let forward = backwards == true ? nil : BlurredProductCodeReader.place(profile, start: stretch.0, end: stretch.1, layout: bars)
        let backward = backwards == false ? nil
            : BlurredProductCodeReader.place(reversed, start: last - stretch.1, end: last - stretch.0, layout: bars)
        if backwards == nil, let forward, let backward { backwards = backward.total < forward.total }
        if let backward, backward.total < forward?.total ?? .infinity {
            return Placement(profile: reversed, x0: backward.x0, x1: backward.x1, errors: backward.errors)
        }
        return forward.map { Placement(profile: profile, x0: $0.x0, x1: $0.x1, errors: $0.errors) }
    }

    /// One line's fit: its best valid code, the runner-up's margin and the read's excess; nil
    /// when no valid code fits.
    static func fit(_ placement: Placement, layout bars: BarLayout, read: [UInt8]) -> LineFit? {
        let codes = bars.bestCodes(placement.errors)
        guard let best = codes.first else { return nil }
        let floor = max(best.error, 1e-3)
        return LineFit(best: best.digits, margin: codes.count > 1 ? codes[1].error / floor - 1 : .infinity,
                       readExcess: bars.error(of: read, placement.errors) / floor - 1)
    }
}
