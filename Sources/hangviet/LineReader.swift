import Foundation

/// Reads lines from a file descriptor in constant memory: a million codes on standard
/// input are never held at once, and a huge line is cut off (its length still counted).
struct LineReader {
    /// One line: its number, its bytes (at most `maximumLineBytes`), and its full length.
    struct Line {
        var number: Int
        var bytes: ArraySlice<UInt8>
        var fullLength: Int
        var truncated: Bool { fullLength > bytes.count }
    }

    let fd: Int32
    let maximumLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var lineNumber = 0
    private var pending: [UInt8] = []
    private var pendingLength = 0

    init(fd: Int32, maximumLineBytes: Int = 8192, chunkSize: Int = 1 << 16) {
        self.fd = fd
        self.maximumLineBytes = maximumLineBytes
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The next line without its LF/CRLF, or nil at the end of input.
    mutating func next() throws(CLIError) -> Line? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                var slice = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                if pendingLength > 0 || !pending.isEmpty {
                    append(slice)
                    slice = pending[...]
                    let length = pendingLength
                    pending = []
                    pendingLength = 0
                    return Self.trimCR(Line(number: lineNumber, bytes: slice, fullLength: length))
                }
                let length = slice.count
                if slice.count > maximumLineBytes { slice = slice.prefix(maximumLineBytes) }
                return Self.trimCR(Line(number: lineNumber, bytes: slice, fullLength: length))
            }
            if eof {
                guard start < end || pendingLength > 0 else { return nil }
                append(buffer[start..<end])
                start = end
                lineNumber += 1
                let line = Line(number: lineNumber, bytes: pending[...], fullLength: pendingLength)
                pending = []
                pendingLength = 0
                return Self.trimCR(line)
            }
            if start < end { append(buffer[start..<end]) }
            start = 0
            end = 0
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError(message: "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if count == 0 { eof = true } else { end = count }
        }
    }

    private mutating func append(_ slice: ArraySlice<UInt8>) {
        pendingLength += slice.count
        let room = maximumLineBytes - pending.count
        if room > 0 { pending.append(contentsOf: slice.prefix(room)) }
    }

    private static func trimCR(_ line: Line) -> Line {
        var line = line
        if line.bytes.last == 0x0D, !line.truncated {
            line.bytes = line.bytes.dropLast()
            line.fullLength -= 1
        }
        return line
    }
}
