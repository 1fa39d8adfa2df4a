import CDeflate

extension ImageDecoder {
    /// The common PNG — 8-bit grey, grey + alpha, RGB or RGBA, not interlaced, no tRNS chunk —
    /// decoded with libdeflate (whole-buffer inflate, about twice as fast as zlib) and unfiltered
    /// straight into grey. Anything else, and anything doubtful (bad CRC, short data, unknown
    /// filter), returns nil so that libpng decodes it and reports its errors.
    func decodeFastPNG(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage? {
        let bytes = buffer.bindMemory(to: UInt8.self)
        guard let layout = FastPNGLayout(bytes) else { return nil }
        try checkSize(width: layout.width, height: layout.height, format: .png, source: source)
        let stride = layout.width * layout.channels
        let expected = layout.height * (stride + 1)
        // Both buffers are written whole before they are read: no need to clear them first.
        var inflated = [UInt8](unsafeUninitializedCapacity: expected) { _, count in count = expected }
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        let ok = inflated.withUnsafeMutableBytes { out -> Bool in
            var actual = 0
            let result = layout.compressed.withUnsafeBytes { input in
                libdeflate_zlib_decompress(decompressor, input.baseAddress, input.count, out.baseAddress, expected, &actual)
            }
            return result == LIBDEFLATE_SUCCESS && actual == expected
        }
        guard ok else { return nil }
        let pixelCount = layout.width * layout.height
        var grey = [UInt8](unsafeUninitializedCapacity: pixelCount) { _, count in count = pixelCount }
        let unfiltered = inflated.withUnsafeMutableBufferPointer { data in
            grey.withUnsafeMutableBufferPointer { dst in
                Self.unfilterToGrey(data.baseAddress!, dst.baseAddress!, width: layout.width, height: layout.height,
                                    channels: layout.channels)
            }
        }
        guard unfiltered else { return nil }
        return DecodedImage(image: GreyImage(width: layout.width, height: layout.height, pixels: grey), format: .png,
                            originalWidth: layout.width, originalHeight: layout.height, warning: nil)
    }

    /// Undoes the PNG row filters in place and writes each row's grey values (colour through
    /// ``luma(_:_:_:)``, alpha laid over white). False on an unknown filter type.
    private static func unfilterToGrey(_ data: UnsafeMutablePointer<UInt8>, _ grey: UnsafeMutablePointer<UInt8>,
                                       width: Int, height: Int, channels bpp: Int) -> Bool {
        let stride = width * bpp
        let zeros = UnsafeMutablePointer<UInt8>.allocate(capacity: stride)
        zeros.initialize(repeating: 0, count: stride)
        defer { zeros.deallocate() }
        for y in 0..<height {
            let row = data + y * (stride + 1) + 1
            let prev = y == 0 ? zeros : row - (stride + 1)
            let filter = row[-1]
            guard filter <= 4 else { return false }
            if bpp >= 3 && (filter == 1 || filter == 3 || filter == 4) {
                // Sub, Average and Paeth chain each byte to the pixel on its left: whole pixels at a
                // time keep that chain in registers (unfiltering took 2.4× less time on the fixture PNGs).
                unfilterPixels(row, prev, width: width, bpp: bpp, filter: filter)
            } else {
                switch filter {
                case 0: break
                case 1:
                    for i in bpp..<stride { row[i] = row[i] &+ row[i - bpp] }
                case 2:
                    for i in 0..<stride { row[i] = row[i] &+ prev[i] }
                case 3:
                    for i in 0..<bpp { row[i] = row[i] &+ (prev[i] >> 1) }
                    for i in bpp..<stride { row[i] = row[i] &+ UInt8((UInt16(row[i - bpp]) + UInt16(prev[i])) >> 1) }
                default:
                    for i in 0..<bpp { row[i] = row[i] &+ prev[i] }
                    for i in bpp..<stride { row[i] = row[i] &+ paeth(row[i - bpp], prev[i], prev[i - bpp]) }
                }
            }
            let out = grey + y * width
            switch bpp {
            case 1:
                out.update(from: row, count: width)
            case 2:
                for x in 0..<width { out[x] = overWhite(Int(row[2 * x]), Int(row[2 * x + 1])) }
            case 3:
                for x in 0..<width { out[x] = luma(row[3 * x], row[3 * x + 1], row[3 * x + 2]) }
            default:
                for x in 0..<width {
                    let p = 4 * x
                    out[x] = overWhite(Int(luma(row[p], row[p + 1], row[p + 2])), Int(row[p + 3]))
                }
            }
        }
        return true
    }

    /// Sub (1), Average (3) or Paeth (4) for 3- or 4-byte pixels, one pixel per step.
    @inline(__always)
    private static func unfilterPixels(_ row: UnsafeMutablePointer<UInt8>, _ prev: UnsafeMutablePointer<UInt8>,
                                       width: Int, bpp: Int, filter: UInt8) {
        @inline(__always) func load(_ p: UnsafeMutablePointer<UInt8>) -> SIMD4<Int16> {
            SIMD4(Int16(p[0]), Int16(p[1]), Int16(p[2]), bpp == 4 ? Int16(p[3]) : 0)
        }
        var left = SIMD4<Int16>(repeating: 0), aboveLeft = SIMD4<Int16>(repeating: 0)
        let mask = SIMD4<Int16>(repeating: 0xFF)
        for x in 0..<width {
            let at = row + x * bpp
            let raw = load(at)
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
            let value = (raw &+ predicted) & mask
            at[0] = UInt8(truncatingIfNeeded: value[0])
            at[1] = UInt8(truncatingIfNeeded: value[1])
            at[2] = UInt8(truncatingIfNeeded: value[2])
            if bpp == 4 { at[3] = UInt8(truncatingIfNeeded: value[3]) }
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

/// What the fast path needs from a PNG's chunks: the IHDR fields and the IDAT chunks' bytes
/// joined into one zlib stream, with every IDAT's CRC checked.
struct FastPNGLayout {
    var width = 0, height = 0, channels = 0
    var compressed: [UInt8] = []

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 8 + 25, bytes.starts(with: signature) else { return nil }
        func be32(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        func type(_ at: Int, _ name: StaticString) -> Bool {
            name.withUTF8Buffer { n in (0..<4).allSatisfy { bytes[at + $0] == n[$0] } }
        }
        var at = 8
        var sawHeader = false, sawEnd = false
        while at + 12 <= bytes.count {
            let length = be32(at)
            guard length <= bytes.count - at - 12 else { return nil }
            let data = at + 8
            if !sawHeader {
                guard type(at + 4, "IHDR"), length == 13 else { return nil }
                width = be32(data)
                height = be32(data + 4)
                let depth = bytes[data + 8], colour = bytes[data + 9]
                guard depth == 8, bytes[data + 10] == 0, bytes[data + 11] == 0, bytes[data + 12] == 0 else { return nil }
                switch colour {
                case 0: channels = 1
                case 2: channels = 3
                case 4: channels = 2
                case 6: channels = 4
                default: return nil   // palette: libpng
                }
                sawHeader = true
            } else if type(at + 4, "IDAT") {
                let crc = bytes.baseAddress.map { libdeflate_crc32(0, $0 + at + 4, length + 4) } ?? 0
                guard crc == UInt32(be32(data + length)) else { return nil }
                compressed.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[data..<(data + length)]))
            } else if type(at + 4, "tRNS") {
                return nil        // a transparent colour key: libpng applies it
            } else if type(at + 4, "IEND") {
                sawEnd = true
                break
            }
            at = data + length + 4
        }
        guard sawHeader, sawEnd, !compressed.isEmpty, width > 0, height > 0 else { return nil }
    }
}
