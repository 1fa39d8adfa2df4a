/// Undoes a PNG's row filters, reading the inflated rows without changing them and writing each
/// row's grey values (colour through ``luma(_:_:_:)``, alpha laid over white). Rows must come in
/// order: each is predicted from the one before, kept here unfiltered. Used by one thread at a
/// time (the one following ``PNGInflater``).
///
/// ```swift
/// let rows = PNGRowUnfilter(rows: inflated, width: 640, channels: 3, grey: pixels)
/// rows.unfilter(0..<480)   // false on an unknown filter type
/// ```
final class PNGRowUnfilter: @unchecked Sendable {
    let rowBytes: Int
    private let rows: UnsafeMutablePointer<UInt8>
    private let grey: UnsafeMutablePointer<UInt8>
    private let width: Int, bpp: Int
    /// The previous row, unfiltered (zeros at first), and two rows to unfilter into.
    private var previous: UnsafeMutablePointer<UInt8>, current: UnsafeMutablePointer<UInt8>, next: UnsafeMutablePointer<UInt8>

    init(rows: UnsafeMutablePointer<UInt8>, width: Int, channels: Int, grey: UnsafeMutablePointer<UInt8>) {
        self.rows = rows
        self.grey = grey
        self.width = width
        bpp = channels
        rowBytes = width * channels + 1
        previous = .allocate(capacity: rowBytes)
        previous.initialize(repeating: 0, count: rowBytes)
        current = .allocate(capacity: rowBytes)
        current.initialize(repeating: 0, count: rowBytes)
        next = .allocate(capacity: rowBytes)
        next.initialize(repeating: 0, count: rowBytes)
    }

    deinit {
        previous.deallocate()
        current.deallocate()
        next.deallocate()
    }

    /// Unfilters `range` (continuing from the last row done); false on an unknown filter type.
    func unfilter(_ range: Range<Int>) -> Bool {
        var y = range.lowerBound
        while y < range.upperBound {
            if bpp >= 3, width >= 2, y + 1 < range.upperBound, rows[y * rowBytes] == 4, rows[(y + 1) * rowBytes] == 4 {
                // Two Paeth rows at once: see `paethPair`.
                if bpp == 3 {
                    Self.paethPair(rows + y * rowBytes + 1, rows + (y + 1) * rowBytes + 1, current, next, previous, width: width, bpp: 3)
                } else {
                    Self.paethPair(rows + y * rowBytes + 1, rows + (y + 1) * rowBytes + 1, current, next, previous, width: width, bpp: 4)
                }
                writeGrey(current, row: y)
                writeGrey(next, row: y + 1)
                swap(&previous, &next)
                y += 2
            } else {
                guard unfilterRow(y) else { return false }
                swap(&previous, &current)
                y += 1
            }
        }
        return true
    }

    private func unfilterRow(_ y: Int) -> Bool {
        let raw = rows + y * rowBytes + 1, row = current, prev = previous
        let stride = rowBytes - 1
        let filter = raw[-1]
        guard filter <= 4 else { return false }
        if bpp >= 3 && (filter == 1 || filter == 3 || filter == 4) {
            // Sub, Average and Paeth chain each byte to the pixel on its left: whole pixels at a
            // time keep that chain in registers (unfiltering took 2.4× less time on the fixture PNGs).
            Self.unfilterPixels(raw, row, prev, width: width, bpp: bpp, filter: filter)
        } else {
            switch filter {
            case 0:
                row.update(from: raw, count: stride)
            case 1:
                for i in 0..<min(bpp, stride) { row[i] = raw[i] }
                for i in min(bpp, stride)..<stride { row[i] = raw[i] &+ row[i - bpp] }
            case 2:
                for i in 0..<stride { row[i] = raw[i] &+ prev[i] }
            case 3:
                for i in 0..<min(bpp, stride) { row[i] = raw[i] &+ (prev[i] >> 1) }
                for i in min(bpp, stride)..<stride { row[i] = raw[i] &+ UInt8((UInt16(row[i - bpp]) + UInt16(prev[i])) >> 1) }
            default:
                for i in 0..<min(bpp, stride) { row[i] = raw[i] &+ prev[i] }
                for i in min(bpp, stride)..<stride { row[i] = raw[i] &+ Self.paeth(row[i - bpp], prev[i], prev[i - bpp]) }
            }
        }
        writeGrey(row, row: y)
        return true
    }

    /// Row `y`'s grey values from its unfiltered bytes.
    private func writeGrey(_ row: UnsafeMutablePointer<UInt8>, row y: Int) {
        let out = grey + y * width
        switch bpp {
        case 1:
            out.update(from: row, count: width)
        case 2:
            for x in 0..<width { out[x] = Self.overWhite(Int(row[2 * x]), Int(row[2 * x + 1])) }
        case 3:
            for x in 0..<width { out[x] = luma(row[3 * x], row[3 * x + 1], row[3 * x + 2]) }
        default:
            for x in 0..<width {
                let p = 4 * x
                out[x] = Self.overWhite(Int(luma(row[p], row[p + 1], row[p + 2])), Int(row[p + 3]))
            }
        }
    }

    /// Two Paeth rows in one pass, in one 128-bit vector: row y's pixel t in the low half, row
    /// y + 1's pixel t − 1 in the high half. The second row's pixel needs the first row's pixel
    /// above it and the one before, both done by then, so the two chains from pixel to pixel run
    /// side by side (each alone keeps the processor waiting on the one before).
    @inline(__always)
    private static func paethPair(_ rawA: UnsafeMutablePointer<UInt8>, _ rawB: UnsafeMutablePointer<UInt8>,
                                  _ a: UnsafeMutablePointer<UInt8>, _ b: UnsafeMutablePointer<UInt8>,
                                  _ prev: UnsafeMutablePointer<UInt8>, width: Int, bpp: Int) {
        @inline(__always) func load(_ p: UnsafeMutablePointer<UInt8>) -> SIMD4<Int16> {
            SIMD4<Int16>(truncatingIfNeeded: UnsafeRawPointer(p).loadUnaligned(as: SIMD4<UInt8>.self))
        }
        @inline(__always) func store(_ v: SIMD4<Int16>, _ p: UnsafeMutablePointer<UInt8>) {
            UnsafeMutableRawPointer(p).storeBytes(of: SIMD4<UInt8>(truncatingIfNeeded: v), as: SIMD4<UInt8>.self)
        }
        let zero = SIMD4<Int16>(repeating: 0), mask = SIMD8<Int16>(repeating: 0xFF)
        // left = (a[t − 1], b[t − 2]); aboveLeft = (prev[t − 1], a[t − 2]).
        var left = SIMD8<Int16>(repeating: 0), aboveLeft = SIMD8<Int16>(repeating: 0)
        @inline(__always) func step(_ t: Int, first: Bool, second: Bool) {
            let above = SIMD8(lowHalf: first ? load(prev + t * bpp) : zero, highHalf: left.lowHalf)
            let filtered = SIMD8(lowHalf: first ? load(rawA + t * bpp) : zero,
                                 highHalf: second ? load(rawB + (t - 1) * bpp) : zero)
            let pa = pointwiseMax(above &- aboveLeft, aboveLeft &- above)
            let pb = pointwiseMax(left &- aboveLeft, aboveLeft &- left)
            let sum = left &+ above &- 2 &* aboveLeft
            let pc = pointwiseMax(sum, 0 &- sum)
            let useAbove = pb .<= pc
            let nearer = aboveLeft.replacing(with: above, where: useAbove)
            let nearerDistance = pc.replacing(with: pb, where: useAbove)
            let value = (filtered &+ nearer.replacing(with: left, where: pa .<= nearerDistance)) & mask
            if first { store(value.lowHalf, a + t * bpp) }
            if second { store(value.highHalf, b + (t - 1) * bpp) }
            left = value
            aboveLeft = above
        }
        step(0, first: true, second: false)
        for t in 1..<width { step(t, first: true, second: true) }
        step(width, first: false, second: true)
    }

    /// Sub (1), Average (3) or Paeth (4) for 3- or 4-byte pixels, one pixel per step. Each
    /// pixel size and filter gets a loop of its own (no branch per pixel).
    private static func unfilterPixels(_ raw: UnsafeMutablePointer<UInt8>, _ row: UnsafeMutablePointer<UInt8>,
                                       _ prev: UnsafeMutablePointer<UInt8>, width: Int, bpp: Int, filter: UInt8) {
        switch (bpp, filter) {
        case (3, 1): pixelLoop(raw, row, prev, width: width, bpp: 3, filter: 1)
        case (3, 3): pixelLoop(raw, row, prev, width: width, bpp: 3, filter: 3)
        case (3, _): pixelLoop(raw, row, prev, width: width, bpp: 3, filter: 4)
        case (_, 1): pixelLoop(raw, row, prev, width: width, bpp: 4, filter: 1)
        case (_, 3): pixelLoop(raw, row, prev, width: width, bpp: 4, filter: 3)
        default: pixelLoop(raw, row, prev, width: width, bpp: 4, filter: 4)
        }
    }

    /// Four bytes are read and written per pixel, also for 3-byte pixels: the fourth belongs to
    /// the next pixel, which overwrites it, or lies past the row's end, where every buffer read or
    /// written here has one byte more (the inflated rows, the previous and current rows).
    @inline(__always)
    private static func pixelLoop(_ raw: UnsafeMutablePointer<UInt8>, _ row: UnsafeMutablePointer<UInt8>,
                                  _ prev: UnsafeMutablePointer<UInt8>, width: Int, bpp: Int, filter: UInt8) {
        @inline(__always) func load(_ p: UnsafeMutablePointer<UInt8>) -> SIMD4<Int16> {
            SIMD4<Int16>(truncatingIfNeeded: UnsafeRawPointer(p).loadUnaligned(as: SIMD4<UInt8>.self))
        }
        var left = SIMD4<Int16>(repeating: 0), aboveLeft = SIMD4<Int16>(repeating: 0)
        let mask = SIMD4<Int16>(repeating: 0xFF)
        for x in 0..<width {
            let filtered = load(raw + x * bpp)
            let predicted: SIMD4<Int16>
            switch filter {
            case 1:
                predicted = left
            case 3:
                predicted = (left &+ load(prev + x * bpp)) &>> 1
            default:
                let above = load(prev + x * bpp)
                let pa = magnitude(above &- aboveLeft), pb = magnitude(left &- aboveLeft)
                let pc = magnitude(left &+ above &- 2 &* aboveLeft)
                let useAbove = pb .<= pc
                let nearer = aboveLeft.replacing(with: above, where: useAbove)
                let nearerDistance = pc.replacing(with: pb, where: useAbove)
                predicted = nearer.replacing(with: left, where: pa .<= nearerDistance)
                aboveLeft = above
            }
            let value = (filtered &+ predicted) & mask
            UnsafeMutableRawPointer(row + x * bpp).storeBytes(of: SIMD4<UInt8>(truncatingIfNeeded: value), as: SIMD4<UInt8>.self)
            left = value
        }
    }

    @inline(__always)
    private static func magnitude(_ v: SIMD4<Int16>) -> SIMD4<Int16> { pointwiseMax(v, 0 &- v) }

    /// The Paeth predictor: the left byte if it is nearest to left + above − above-left, else
    /// the above byte if nearer than above-left, else above-left.
    @inline(__always)
    static func paeth(_ left: UInt8, _ above: UInt8, _ aboveLeft: UInt8) -> UInt8 {
        let a = Int32(left), b = Int32(above), c = Int32(aboveLeft)
        let pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c)
        return UInt8(truncatingIfNeeded: (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c))
    }

    @inline(__always)
    private static func overWhite(_ y: Int, _ alpha: Int) -> UInt8 {
        UInt8((y * alpha + 255 * (255 - alpha) + 127) / 255)
    }
}
