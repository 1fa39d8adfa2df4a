/// A structured PNG mutator: it finds the chunks, changes one (its data with libFuzzer's own
/// mutations, or the IHDR's width, height, bit depth, colour type or interlace byte, or its
/// length; or drops, duplicates or reorders a chunk), then writes every CRC again, so the
/// decoders see the mutation instead of a CRC error.
enum PNGMutator {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    struct Chunk {
        var type: [UInt8]
        var data: [UInt8]
    }

    static func isPNG(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.starts(with: signature) }

    /// The chunks, or nil when the chunk structure is broken (then plain mutation is used).
    static func chunks(_ bytes: UnsafeRawBufferPointer) -> [Chunk]? {
        var chunks: [Chunk] = []
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard length <= bytes.count - at - 12 else { return nil }
            chunks.append(Chunk(type: Array(bytes[(at + 4)..<(at + 8)]), data: Array(bytes[(at + 8)..<(at + 8 + length)])))
            at += 12 + length
        }
        return chunks.isEmpty ? nil : chunks
    }

    static func serialize(_ chunks: [Chunk]) -> [UInt8] {
        var out = signature
        for chunk in chunks {
            let length = UInt32(chunk.data.count)
            out += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            out += chunk.type + chunk.data
            let crc = CRC32.checksum(chunk.type + chunk.data)
            out += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        return out
    }

    static func mutate(_ bytes: UnsafeRawBufferPointer, maxSize: Int, using generator: inout SplitMix) -> [UInt8]? {
        guard var chunks = chunks(bytes) else { return nil }
        let index = Int(generator.next() % UInt64(chunks.count))
        switch generator.next() % 8 {
        case 0 where chunks[index].type == Array("IHDR".utf8) && chunks[index].data.count == 13:
            // A header field: width/height bytes, bit depth, colour type, compression, filter, interlace.
            let field = Int(generator.next() % 13)
            let values: [UInt8] = [0, 1, 2, 3, 4, 6, 8, 16, 0x7F, 0xFF]
            chunks[index].data[field] = values[Int(generator.next() % UInt64(values.count))]
        case 1 where chunks.count > 2:
            chunks.remove(at: index)
        case 2:
            chunks.insert(chunks[index], at: index)
        case 3 where chunks.count > 2:
            chunks.swapAt(index, Int(generator.next() % UInt64(chunks.count)))
        case 4:
            chunks[index].data.removeLast(Int(generator.next() % UInt64(chunks[index].data.count + 1)))
        default:
            var data = chunks[index].data
            let room = max(data.count * 2, data.count + 64)
            data += [UInt8](repeating: 0, count: room - data.count)
            let size = data.withUnsafeMutableBufferPointer { LLVMFuzzerMutate($0.baseAddress!, chunks[index].data.count, room) }
            chunks[index].data = Array(data.prefix(size))
        }
        let out = serialize(chunks)
        return out.count <= maxSize ? out : nil
    }
}

/// CRC-32 (ISO 3309, as PNG uses it).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// A small seeded generator (SplitMix64) for the mutator's choices.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
