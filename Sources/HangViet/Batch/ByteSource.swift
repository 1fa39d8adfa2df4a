import Foundation

/// Where a reader's bytes come from.
public protocol ByteSource {
    /// Fills the front of `buffer`; returns the count read, 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int
}

public struct ByteSourceError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Bytes already in memory (tests, small inputs).
public struct MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes from a file descriptor (a file, a pipe, standard input).
public struct FileDescriptorSource: ByteSource {
    public let fd: Int32
    public let name: String
    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        while true {
            let count = systemRead(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw ByteSourceError("cannot read \(name): \(String(cString: strerror(errno)))")
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
