import Foundation

/// A file written under a temporary name beside it (`PATH.partial`) and renamed into place
/// only when complete, so that a failed or interrupted write leaves nothing half-written and
/// an existing file untouched. The one way HangViet writes output files.
///
/// What is already at the path is respected:
/// - a device, a pipe or a socket (`-o /dev/null`, a FIFO, `-o /dev/stdout` on a terminal or a
///   pipe) is written in place: there is nothing to rename, and renaming over it would replace
///   the device with a file;
/// - a symbolic link is followed (`-o /dev/stdout` redirected to a file is one): the file it
///   names is replaced, or created when it does not exist yet, and the link stays;
/// - an existing file keeps its permissions.
///
/// ```swift
/// let file = try AtomicFile(path: "checked.csv")
/// try file.write(Array("line,outcome\n".utf8))
/// try file.commit()          // or file.abandon()
/// try AtomicFile.write(Array(report.utf8), to: "report.html")   // all at once
/// ```
public final class AtomicFile {
    public let path: String
    /// The descriptor to write to (the temporary file, or the path itself when it is written in place).
    public let descriptor: Int32
    /// The temporary file and the file it replaces; nil when the path is written in place.
    private let replacement: (temporary: String, destination: String)?
    private var open = true

    public init(path: String) throws(AtomicFileError) {
        self.path = path
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            replacement = nil
            descriptor = Foundation.open(path, O_WRONLY)
        } else {
            var destination = path
            if exists, let resolved = realpath(path, nil) {
                destination = String(cString: resolved)
                free(resolved)
            } else if !exists, Self.isLink(path) {
                // A link whose file is not made yet: made where it points. A loop of links is
                // named as one rather than replaced.
                guard let target = Self.danglingLinkTarget(path) else { throw AtomicFileError(path: path, errno: ELOOP) }
                destination = target
            }
            replacement = (destination + ".partial", destination)
            descriptor = Foundation.open(destination + ".partial", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if exists && descriptor >= 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
        }
        guard descriptor >= 0 else { throw AtomicFileError(path: path, errno: errno) }
    }

    deinit { abandon() }

    /// Where a symbolic link that names no file yet points (followed through further links, up
    /// to 40), so that the file is created there and the link stays, as a shell's `>` does; nil
    /// when the links go round in a loop (or further than 40).
    static func danglingLinkTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            guard isLink(current) else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return nil }
            current = resolve(String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self), from: current)
        }
        return nil
    }

    /// A link's target as a path: relative targets are relative to the link's folder.
    ///
    /// ```swift
    /// AtomicFile.resolve("out/today.csv", from: "latest.csv")       // "out/today.csv"
    /// AtomicFile.resolve("today.csv", from: "/srv/latest.csv")      // "/srv/today.csv"
    /// ```
    static func resolve(_ target: String, from link: String) -> String {
        let folder = (link as NSString).deletingLastPathComponent
        return target.hasPrefix("/") || folder.isEmpty ? target : (folder as NSString).appendingPathComponent(target)
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Writes all of `bytes` (retrying short writes and interrupted calls).
    public func write(_ bytes: [UInt8]) throws(AtomicFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: path, errno: errno)
            }
            offset += written
        }
    }

    /// Flushes the file to disk and renames it into place (a path written in place is closed).
    public func commit() throws(AtomicFileError) {
        guard open else { return }
        open = false
        guard let (temporary, destination) = replacement else {
            if close(descriptor) != 0 { throw AtomicFileError(path: path, errno: errno) }
            return
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 || rename(temporary, destination) != 0 {
            let error = AtomicFileError(path: path, errno: errno)
            unlink(temporary)
            throw error
        }
    }

    /// Removes the temporary file; the path is left as it was (a device or pipe written in
    /// place keeps what it was given).
    public func abandon() {
        guard open else { return }
        open = false
        close(descriptor)
        if let (temporary, _) = replacement { unlink(temporary) }
    }

    /// Writes a whole file at once, atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }
}

/// A file that could not be written: why (the system's words), and what to do.
public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// What the user can do about it.
    public let remedy: String

    init(path: String, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR: remedy = "create its folder first, or give another path"
        case EACCES, EPERM, EROFS: remedy = "give a path in a folder you may write to"
        case ENOSPC, EDQUOT: remedy = "free some disk space, or write elsewhere"
        case EISDIR: remedy = "give a file name, not a folder"
        case ELOOP: remedy = "its symbolic links lead round in a loop: point one of them at a file"
        default: remedy = "check the path"
        }
    }

    public var description: String { "cannot write \(path): \(reason); \(remedy)" }
}
