import Foundation

/// A file written under a temporary name beside it (`PATH.partial`) and renamed into place
/// only when complete, so that a failed or interrupted write leaves nothing half-written and
/// an existing file untouched. The one way HangViet writes output files.
///
/// ```swift
/// let file = try AtomicFile(path: "checked.csv")
/// try file.write(Array("line,outcome\n".utf8))
/// try file.commit()          // or file.abandon()
/// try AtomicFile.write(Array(report.utf8), to: "report.html")   // all at once
/// ```
public final class AtomicFile {
    public let path: String
    /// The descriptor to write to (the temporary file).
    public let descriptor: Int32
    private let temporary: String
    private var open = true

    public init(path: String) throws(AtomicFileError) {
        self.path = path
        temporary = path + ".partial"
        let fd = Foundation.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
    }

    deinit { abandon() }

    /// Writes all of `bytes` (retrying short writes and interrupted calls).
    public func write(_ bytes: [UInt8]) throws(AtomicFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws(AtomicFileError) {
        guard open else { return }
        open = false
        if fsync(descriptor) != 0 || close(descriptor) != 0 || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFileError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file; the path is left as it was.
    public func abandon() {
        guard open else { return }
        open = false
        close(descriptor)
        unlink(temporary)
    }

    /// Writes a whole file at once, atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }
}

/// A file that could not be written, and why (the system's words).
public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
