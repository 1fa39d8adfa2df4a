extension ImageDecoder {
    /// Binary Netpbm: P5 (greymap) and P6 (pixmap), 8 or 16 bits per sample.
    func decodePNM(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        let bytes = buffer.bindMemory(to: UInt8.self)
        let isColour = bytes[1] == UInt8(ascii: "6")
        var index = 2
        func nextNumber() -> Int? {
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                    index += 1
                } else { break }
            }
            var value = 0, digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, digits < 9 {
                value = value * 10 + Int(bytes[index] - 48); index += 1; digits += 1
            }
            return digits > 0 ? value : nil
        }
        guard let width = nextNumber(), let height = nextNumber(), let maxValue = nextNumber(),
              maxValue > 0, maxValue < 65536, index < bytes.count else {
            throw corrupt(.pnm, source, cause: "bad header")
        }
        index += 1  // the single whitespace byte after maxval
        try checkSize(width: width, height: height, format: .pnm, source: source)
        let sampleBytes = maxValue > 255 ? 2 : 1
        let channels = isColour ? 3 : 1
        let needed = width * height * channels * sampleBytes
        guard bytes.count - index >= needed else {
            throw corrupt(.pnm, source, cause: "\(needed) bytes of pixels expected, \(bytes.count - index) present")
        }
        var pixels = [UInt8](repeating: 0, count: width * height)
        func sample(_ i: Int) -> Int {
            let p = index + i * sampleBytes
            let raw = sampleBytes == 2 ? Int(bytes[p]) << 8 | Int(bytes[p + 1]) : Int(bytes[p])
            return min(255, raw * 255 / maxValue)
        }
        for i in 0..<(width * height) {
            pixels[i] = isColour
                ? luma(UInt8(sample(3 * i)), UInt8(sample(3 * i + 1)), UInt8(sample(3 * i + 2)))
                : UInt8(sample(i))
        }
        return DecodedImage(image: GreyImage(width: width, height: height, pixels: pixels), format: .pnm,
                            originalWidth: width, originalHeight: height, warning: nil)
    }
}
