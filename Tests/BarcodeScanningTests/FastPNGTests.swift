@testable import BarcodeScanning
import CISAL
import CPNG
import Testing

/// The ISA-L PNG path must give exactly the pixels libpng gives, for every layout it
/// takes, and hand everything doubtful to libpng.
struct FastPNGTests {
    /// A noisy gradient with a few hard edges, so that libpng's encoder picks every row filter.
    static func samples(width: Int, height: Int, channels: Int) -> [UInt8] {
        var state: UInt32 = 12345
        var out: [UInt8] = []
        out.reserveCapacity(width * height * channels)
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<channels {
                    state = state &* 1_103_515_245 &+ 12345
                    let noise = Int(state >> 28)
                    let bar = (x / 7) % 2 == 0 ? 0 : 90
                    out.append(UInt8(clamping: (x * 3 + y * 2 + c * 40 + bar + noise) % 256))
                }
            }
        }
        return out
    }

    /// Encodes with libpng's simplified writer (adaptive row filters).
    static func png(width: Int, height: Int, format: UInt32, channels: Int) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = format
        let pixels = samples(width: width, height: height, channels: channels)
        var size = 0
        _ = png_image_write_to_memory(&image, nil, &size, 0, pixels, Int32(width * channels), nil)
        var out = [UInt8](repeating: 0, count: size)
        let ok = png_image_write_to_memory(&image, &out, &size, 0, pixels, Int32(width * channels), nil)
        precondition(ok != 0, "libpng could not write the test PNG")
        return Array(out.prefix(size))
    }

    static let layouts: [(name: String, format: UInt32, channels: Int)] = [
        ("grey", 0, 1),
        ("grey+alpha", UInt32(PNG_FORMAT_FLAG_ALPHA), 2),
        ("RGB", UInt32(PNG_FORMAT_FLAG_COLOR), 3),
        ("RGBA", UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA), 4),
    ]

    @Test(arguments: [(61, 37), (640, 480), (1, 5)])
    func fastPathMatchesLibpng(size: (Int, Int)) throws {
        let decoder = ImageDecoder()
        for layout in Self.layouts {
            let bytes = Self.png(width: size.0, height: size.1, format: layout.format, channels: layout.channels)
            let fast = try bytes.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") }
            let reference = try bytes.withUnsafeBytes { try decoder.decodePNGWithLibpng($0, source: "x") }
            let image = try #require(fast, "\(layout.name) \(size) should take the fast path")
            #expect(image.image.width == size.0 && image.image.height == size.1)
            #expect(image.image.pixels == reference.image.pixels, "\(layout.name) \(size)")
        }
    }

    /// The filtered rows of ``samples(width:height:channels:)`` as a PNG encoder would write
    /// them, with a chosen filter per row (libpng's encoder picks its own, so a filter/layout
    /// pair could otherwise go untested).
    static func filteredRows(width: Int, height: Int, channels: Int, filters: [UInt8]) -> [UInt8] {
        let pixels = samples(width: width, height: height, channels: channels)
        let stride = width * channels
        var raw: [UInt8] = []
        for y in 0..<height {
            let filter = filters[y % filters.count]
            raw.append(filter)
            for i in 0..<stride {
                let x = Int(pixels[y * stride + i])
                let a = i >= channels ? Int(pixels[y * stride + i - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * stride + i]) : 0
                let c = (y > 0 && i >= channels) ? Int(pixels[(y - 1) * stride + i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                default:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                }
                raw.append(UInt8(truncatingIfNeeded: x - predictor))
            }
        }
        return raw
    }

    /// A zlib stream (ISA-L's deflate at its fastest level, back-references included).
    static func zlib(_ raw: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<isal_zstream>.allocate(capacity: 1)
        defer { stream.deallocate() }
        isal_deflate_stateless_init(stream)
        var input = raw
        var out = [UInt8](repeating: 0, count: raw.count + raw.count / 2 + 1024)
        let status = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { dst in
                stream.pointee.next_in = inp.baseAddress
                stream.pointee.avail_in = UInt32(inp.count)
                stream.pointee.next_out = dst.baseAddress
                stream.pointee.avail_out = UInt32(dst.count)
                stream.pointee.end_of_stream = 1
                stream.pointee.flush = UInt16(NO_FLUSH)
                stream.pointee.gzip_flag = UInt16(IGZIP_ZLIB)
                stream.pointee.level = 0
                return isal_deflate_stateless(stream)
            }
        }
        precondition(status == COMP_OK, "ISA-L could not compress the test rows")
        return Array(out.prefix(Int(stream.pointee.total_out)))
    }

    /// A PNG around `zlib`, its data split into IDAT chunks of `idatSizes` bytes (the last
    /// chunk takes the rest; a 0 makes an empty chunk).
    static func png(width: Int, height: Int, channels: Int, zlib: [UInt8], idatSizes: [Int] = []) -> [UInt8] {
        let colourType: UInt8 = [1: 0, 2: 4, 3: 2, 4: 6][channels]!
        func chunk(_ type: String, _ data: ArraySlice<UInt8>) -> [UInt8] {
            let body = Array(type.utf8) + data
            let crc = crc32_gzip_refl(0, body, UInt64(body.count))
            return be32(data.count) + body + be32(Int(crc))
        }
        func be32(_ v: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) } }
        let header = be32(width) + be32(height) + [8, colourType, 0, 0, 0]
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header[...])
        var at = 0
        for size in idatSizes where at < zlib.count {
            let end = min(zlib.count, at + size)
            out += chunk("IDAT", zlib[at..<end])
            at = end
        }
        return out + chunk("IDAT", zlib[at...]) + chunk("IEND", [])
    }

    static func png(width: Int, height: Int, channels: Int, filters: [UInt8]) -> [UInt8] {
        png(width: width, height: height, channels: channels,
            zlib: zlib(filteredRows(width: width, height: height, channels: channels, filters: filters)))
    }

    @Test("every row filter in every layout: fast path = libpng", arguments: [[UInt8(0)], [1], [2], [3], [4], [4, 0, 1, 3, 2]])
    func everyFilterInEveryLayout(filters: [UInt8]) throws {
        let decoder = ImageDecoder()
        for channels in 1...4 {
            let bytes = Self.png(width: 37, height: 11, channels: channels, filters: filters)
            let fast = try bytes.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") }
            let reference = try bytes.withUnsafeBytes { try decoder.decodePNGWithLibpng($0, source: "x") }
            let image = try #require(fast, "\(channels) channels, filters \(filters) should take the fast path")
            #expect(image.image.pixels == reference.image.pixels, "\(channels) channels, filters \(filters)")
        }
    }

    @Test func paletteAndCorruptPNGsGoToLibpng() throws {
        let decoder = ImageDecoder()
        // A palette PNG (the zint renders are 1-bit or palette): not taken, still decoded.
        let palette = try TestImages.bytes("upce.png")
        #expect(try palette.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") } == nil)
        #expect(try decoder.decode(palette, source: "x").image.pixelCount > 0)
        // One flipped byte inside the compressed data: the CRC no longer matches, so the fast path
        // declines and libpng reports the file as corrupt instead of returning wrong pixels.
        var damaged = Self.png(width: 64, height: 32, format: UInt32(PNG_FORMAT_FLAG_COLOR), channels: 3)
        let idat = try #require(Self.range(of: Array("IDAT".utf8), in: damaged))
        damaged[idat + 20] ^= 0x55
        #expect(try damaged.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") } == nil)
        #expect(throws: ScanError.self) { try decoder.decode(damaged, source: "damaged.png") }
    }

    /// Decoders with the two-thread PNG path on and off.
    static let decoders: [(name: String, decoder: ImageDecoder)] = [true, false].map { concurrent in
        var options = ImageDecodingOptions()
        options.concurrent = concurrent
        return (concurrent ? "two threads" : "one thread", ImageDecoder(options: options))
    }

    /// Large enough for the two-thread path (inflated rows ≥ 128 KB), every filter, 1–4 channels;
    /// all Paeth too (rows unfiltered in pairs, pairs split where the inflater's chunks end).
    @Test(arguments: [[UInt8(4), 0, 1, 3, 2, 4, 4], [4]])
    func largeImagesOnOneAndTwoThreads(filters: [UInt8]) throws {
        for channels in 1...4 {
            let width = 400, height = 1 + ImageDecoder.concurrentPNGBytes / (width * channels)
            let bytes = Self.png(width: width, height: height, channels: channels, filters: filters)
            let reference = try bytes.withUnsafeBytes { try ImageDecoder().decodePNGWithLibpng($0, source: "x") }
            for (name, decoder) in Self.decoders {
                let image = try #require(try bytes.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") },
                                         "\(channels) channels on \(name) should take the fast path")
                #expect(image.image.pixels == reference.image.pixels, "\(channels) channels on \(name)")
            }
        }
    }

    /// The zlib stream split over many IDAT chunks, some of one byte, one empty, as encoders
    /// that write fixed-size chunks do (and with boundaries inside the zlib header).
    @Test func streamSplitOverManyChunks() throws {
        let width = 300, height = 200, channels = 3
        let zlib = Self.zlib(Self.filteredRows(width: width, height: height, channels: channels, filters: [4, 1, 2]))
        let sizes = [1, 1, 0, 7, 1000] + Array(repeating: 8192, count: 20)
        let bytes = Self.png(width: width, height: height, channels: channels, zlib: zlib, idatSizes: sizes)
        let reference = try bytes.withUnsafeBytes { try ImageDecoder().decodePNGWithLibpng($0, source: "x") }
        for (name, decoder) in Self.decoders {
            let image = try #require(try bytes.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") }, "\(name)")
            #expect(image.image.pixels == reference.image.pixels, "\(name)")
        }
    }

    /// Streams whose chunks' CRCs are right but whose data is not: cut short, longer than the
    /// header's rows, a flipped byte (caught by the stream's Adler-32), an unknown row filter.
    /// Each goes to libpng (which reports it) on one thread and on two, without hanging.
    @Test func badStreamsGoToLibpng() throws {
        let width = 400, height = 120, channels = 3
        let rows = Self.filteredRows(width: width, height: height, channels: channels, filters: [4, 1])
        let zlib = Self.zlib(rows)
        var flipped = zlib
        flipped[zlib.count / 2] ^= 0x10
        var unknownFilter = rows
        unknownFilter[(height - 3) * (width * channels + 1)] = 5
        let cases: [(String, [UInt8], Int)] = [
            ("cut short", Array(zlib.prefix(zlib.count - 100)), height),
            ("no Adler-32", Array(zlib.prefix(zlib.count - 4)), height),
            ("a row too many", zlib, height - 1),
            ("flipped byte", flipped, height),
            ("filter 5", Self.zlib(unknownFilter), height),
        ]
        for (name, stream, declaredHeight) in cases {
            let bytes = Self.png(width: width, height: declaredHeight, channels: channels, zlib: stream, idatSizes: [5000])
            for (threads, decoder) in Self.decoders {
                #expect(try bytes.withUnsafeBytes { try decoder.decodeFastPNG($0, source: "x") } == nil, "\(name) on \(threads)")
            }
        }
    }

    static func range(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
