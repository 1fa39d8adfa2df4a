import CGzip

/// The parts of a zip archive (an .xlsx workbook), read from bytes in memory with every size
/// checked against the bytes there are: stored and deflated parts, no ZIP64, no encryption.
/// Inflating stops at the part's declared size and at the caller's budget, so neither a
/// damaged archive nor a zip bomb can make it loop or allocate beyond that.
///
/// It replaced ZIPFoundation, in which fuzzing found a trap on a seek past the end (the
/// in-memory archive), a loop as long as a damaged part's declared size, and a leak per
/// archive opened.
///
/// ```swift
/// let zip = try ZipReader(bytes)
/// let sheet = try zip.contents(of: "xl/worksheets/sheet1.xml", budget: &budget)
/// ```
struct ZipReader {
    struct Entry {
        let name: String
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    /// Why an archive or a part cannot be read.
    enum Problem: Error, Equatable {
        case notAZip(String)
        case damaged(String)
        case unsupported(String)
        case tooLarge
    }

    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        // The end of central directory record: in the last 22 + 65 535 bytes.
        guard bytes.count >= 22 else { throw .notAZip("too short for a zip archive") }
        var end = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw .notAZip("no end of central directory record") }
        let count = Int(u16(end + 10))
        let directorySize = Int(u32(end + 12))
        let directoryOffset = Int(u32(end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw .unsupported("a ZIP64 archive") }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else { throw .damaged("the central directory lies outside the file") }
        var offset = directoryOffset
        for _ in 0..<count {
            guard offset + 46 <= end, u32(offset) == 0x0201_4B50 else { throw .damaged("a central directory entry is broken") }
            let flags = u16(offset + 8)
            let nameLength = Int(u16(offset + 28)), extraLength = Int(u16(offset + 30)), commentLength = Int(u16(offset + 32))
            guard offset + 46 + nameLength + extraLength + commentLength <= end else { throw .damaged("a central directory entry runs past its end") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            if flags & 1 != 0 { throw .unsupported("an encrypted part (\(name))") }
            let entry = Entry(name: name, method: u16(offset + 10), compressedSize: Int(u32(offset + 20)),
                              uncompressedSize: Int(u32(offset + 24)), localHeaderOffset: Int(u32(offset + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
                throw .unsupported("a ZIP64 part (\(name))")
            }
            if entries[name] == nil { entries[name] = entry }
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The unpacked bytes of the part `name` (nil when there is none). `budget` is what may
    /// still be unpacked; it is lowered by the part's size, and `Problem.tooLarge` is thrown
    /// past it.
    func contents(of name: String, budget: inout Int) throws(Problem) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - 30, u32(header) == 0x0403_4B50 else { throw .damaged("the local header of \(name) is missing") }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .damaged("\(name) declares \(entry.compressedSize) compressed bytes, more than the file holds")
        }
        guard entry.uncompressedSize <= budget else { throw .tooLarge }
        let data = bytes[start..<(start + entry.compressedSize)]
        switch entry.method {
        case 0:
            budget -= data.count
            return Array(data)
        case 8:
            let output = try Self.inflate(data, expected: entry.uncompressedSize, budget: budget, name: name)
            budget -= output.count
            return output
        default:
            throw .unsupported("compression method \(entry.method) for \(name)")
        }
    }

    /// Raw deflate → bytes, at most `budget` of them; the declared size is only a first guess.
    static func inflate(_ input: ArraySlice<UInt8>, expected: Int, budget: Int, name: String) throws(Problem) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("cannot start inflating \(name)")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(min(expected, budget, 64 << 20))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(input)
        let result: Problem? = input.withUnsafeMutableBufferPointer { source -> Problem? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CGzip.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > budget { return .tooLarge }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END: return nil
                case Z_OK: continue
                case Z_BUF_ERROR where produced > 0: continue
                default: return .damaged("\(name) cannot be unpacked (its compressed data is broken)")
                }
            }
        }
        if let result { throw result }
        return output
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}

extension ZipReader.Problem {
    /// The reason, for a message.
    var explanation: String {
        switch self {
        case .notAZip(let why), .damaged(let why): return why
        case .unsupported(let what): return "it uses \(what), which HangViet does not read"
        case .tooLarge: return "it unpacks to more than the limit"
        }
    }
}
