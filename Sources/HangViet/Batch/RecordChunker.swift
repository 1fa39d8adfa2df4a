/// Cuts a CSV stream into pieces of about ``targetBytes`` that end at record boundaries, so the
/// pieces can be parsed and checked on several cores and written back in order.
///
/// A line end is a record boundary when the quotes before it (since the piece began) are
/// balanced: CSV doubles quotes inside quoted fields, so the count's parity tells. A quote
/// that is never closed would make a piece grow without bound; past ``maximumBytes`` the piece
/// is cut at its last line end anyway, and the parser reports the broken row.
///
/// ```swift
/// var chunker = RecordChunker(source: FileDescriptorSource(fd: fd, name: path))
/// while let piece = try chunker.next() { … piece.bytes, piece.firstLine … }
/// ```
public struct RecordChunker {
    public struct Piece: Sendable {
        public let bytes: [UInt8]
        /// The line number of the piece's first byte in the whole input.
        public let firstLine: Int
        public init(bytes: [UInt8], firstLine: Int) {
            self.bytes = bytes
            self.firstLine = firstLine
        }
    }

    public static let targetBytes = 1 << 19
    public static let maximumBytes = 16 << 20

    private var source: any ByteSource
    private var pending: [UInt8] = []
    private var readBuffer: [UInt8] = []
    private var eof = false
    private var line = 1
    /// Bytes handed out so far.
    public private(set) var bytesRead = 0

    public init(source: any ByteSource) {
        self.source = source
    }

    /// The next piece, or nil at the end.
    public mutating func next() throws(ByteSourceError) -> Piece? {
        while true {
            if pending.count >= Self.targetBytes || eof {
                if pending.isEmpty { return nil }
                if eof { return take(pending.count, lineEnds: Self.lineEnds(in: pending)) }
                if let cut = boundary(limit: pending.count >= Self.maximumBytes) { return take(cut.end, lineEnds: cut.lineEnds) }
            }
            // Read into one buffer kept for the chunker's life, then copy what came: no
            // 512 KB of zeros appended and taken off again for every read.
            if readBuffer.isEmpty { readBuffer = [UInt8](repeating: 0, count: Self.targetBytes) }
            var failure: ByteSourceError?
            var count = 0
            readBuffer.withUnsafeMutableBytes { pointer in
                do { count = try source.read(into: pointer) } catch { failure = error as? ByteSourceError }
            }
            if let failure { throw failure }
            if count == 0 { eof = true } else { pending.append(contentsOf: readBuffer[..<count]) }
        }
    }

    private mutating func take(_ count: Int, lineEnds: Int) -> Piece {
        var bytes = pending
        if count < pending.count {
            pending = Array(bytes[count...])
            bytes.removeSubrange(count...)
        } else {
            pending = []
        }
        let piece = Piece(bytes: bytes, firstLine: line)
        line += lineEnds
        bytesRead += count
        return piece
    }

    /// The end (exclusive) of the last complete record in `pending`, or nil when there is none
    /// yet; with `force`, the last line end whatever the quotes say.
    private func boundary(limit force: Bool) -> (end: Int, lineEnds: Int)? {
        pending.withUnsafeBufferPointer { bytes -> (end: Int, lineEnds: Int)? in
            var quotes = 0
            var lines = 0
            var last: (end: Int, lineEnds: Int)?
            var lastAny: (end: Int, lineEnds: Int)?
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x22 {
                    quotes += 1
                } else if byte == 0x0A || byte == 0x0D {
                    var after = index + 1
                    if byte == 0x0D {
                        if after >= count { break }      // might be CR LF split across reads
                        if bytes[after] == 0x0A { after += 1 }
                    }
                    lines += 1
                    lastAny = (after, lines)
                    if quotes & 1 == 0 { last = (after, lines) }
                    index = after
                    continue
                }
                index += 1
            }
            return last ?? (force ? lastAny : nil)
        }
    }

    /// Line ends as the record reader counts them (LF, CR LF, or a lone CR).
    public static func lineEnds(in bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { count += 1 } else if byte == 0x0D {
                count += 1
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return count
    }
}
