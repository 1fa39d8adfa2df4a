import Foundation

/// Buffered writes to a file descriptor, with write errors (closed pipe, full disk)
/// reported instead of killing the process.
final class BufferedOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private(set) var failed: String?

    init(fd: Int32, capacity: Int = 1 << 16) {
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    func write(_ text: String) throws(CLIError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    func write(bytes: [UInt8]) throws(CLIError) {
        if bytes.count >= capacity {
            // Large blocks go straight to the descriptor, without a copy into the buffer.
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Lets a caller append bytes straight into the buffer (no intermediate String).
    func appending(_ body: (inout [UInt8]) -> Void) throws(CLIError) {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws(CLIError) {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ buffer: [UInt8]) throws(CLIError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                self.buffer.removeAll(keepingCapacity: true)
                failed = reason
                throw CLIError(message: "cannot write output: \(reason)", exitCode: 2)
            }
            offset += written
        }
    }
}

enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
