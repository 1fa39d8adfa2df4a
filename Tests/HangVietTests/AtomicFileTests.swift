import Foundation
import Testing
@testable import HangViet

/// Output files: written whole or not at all, and what already stands at the path respected.
/// Found by a benchmark: `hangviet batch … -o /dev/null`, run as root, renamed its output over
/// /dev/null and left the machine with a regular file there.
@Suite("Atomic output files")
struct AtomicFileTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "hangviet-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test("a new file appears only on commit; abandoning leaves nothing; an existing file keeps its permissions")
    func regularFiles() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.csv"
        let file = try AtomicFile(path: path)
        try file.write(Array("a,b\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))

        chmod(path, 0o600)
        let abandoned = try AtomicFile(path: path)
        try abandoned.write(Array("half".utf8))
        abandoned.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))

        try AtomicFile.write(Array("c\n".utf8), to: path)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "c\n")
    }

    @Test("a symbolic link stays a link; the file it names is replaced")
    func symbolicLink() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report.html", link = dir + "/latest.html"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        #expect(symlink(target, link) == 0)
        try AtomicFile.write(Array("new".utf8), to: link)
        #expect(fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test("a symbolic link to a file not made yet (relative, through a second link): the file is created where it points, the links stay")
    func danglingLink() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/reports", withIntermediateDirectories: true)
        let link = dir + "/latest.csv", hop = dir + "/reports/current.csv"
        #expect(symlink("reports/current.csv", link) == 0)
        #expect(symlink("2026-12-06.csv", hop) == 0)
        try AtomicFile.write(Array("gtin\n".utf8), to: link)
        #expect(fileType(link) == S_IFLNK && fileType(hop) == S_IFLNK)
        #expect(try String(contentsOfFile: dir + "/reports/2026-12-06.csv", encoding: .utf8) == "gtin\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/reports/2026-12-06.csv.partial"))

        // Two links naming each other: an error that says so, and both links left as they were.
        let a = dir + "/a.csv", b = dir + "/b.csv"
        #expect(symlink("b.csv", a) == 0 && symlink("a.csv", b) == 0)
        #expect(throws: AtomicFileError.self) { try AtomicFile.write(Array("x".utf8), to: a) }
        do { try AtomicFile.write(Array("x".utf8), to: a) } catch { #expect("\(error)".contains("symbolic links") && "\(error)".contains("loop")) }
        #expect(fileType(a) == S_IFLNK && fileType(b) == S_IFLNK)
    }

    @Test("a link's relative target is relative to the link's folder, which may be the current one")
    func linkTargets() {
        #expect(AtomicFile.resolve("out/today.csv", from: "latest.csv") == "out/today.csv")
        #expect(AtomicFile.resolve("today.csv", from: "reports/latest.csv") == "reports/today.csv")
        #expect(AtomicFile.resolve("today.csv", from: "/srv/latest.csv") == "/srv/today.csv")
        #expect(AtomicFile.resolve("/tmp/today.csv", from: "reports/latest.csv") == "/tmp/today.csv")
        #expect(AtomicFile.resolve("today.csv", from: "/latest.csv") == "/today.csv")
    }

    @Test("a pipe is written in place, not replaced by a file (as /dev/null must be; not tried here, since a regression would replace it)")
    func pipe() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)   // so that opening for writing does not wait
        #expect(reader >= 0)
        defer { close(reader) }
        let file = try AtomicFile(path: path)
        try file.write(Array("8934563138165\n".utf8))
        try file.commit()
        #expect(fileType(path) == S_IFIFO)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count == 14 && String(decoding: buffer[..<14], as: UTF8.self) == "8934563138165\n")
    }

    @Test("a path that cannot be written is named, with the reason and what to do")
    func unwritable() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/missing/out.csv"
        do {
            _ = try AtomicFile(path: path)
            Issue.record("a file in a missing folder was opened")
        } catch {
            #expect(error.description == "cannot write \(path): No such file or directory; create its folder first, or give another path")
        }
        #expect(throws: AtomicFileError.self) { try AtomicFile.write([1], to: dir) }   // a folder
    }
}
