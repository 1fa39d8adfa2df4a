import Foundation

/// The real `hangviet` binary, run as users and scripts run it (tests of the CLI and of the
/// contract between the CLI, the server and the OpenAPI document).
public enum HangVietBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static var url: URL {
        // Tests run from the build products folder, where SwiftPM puts the executable too.
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("hangviet")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("hangviet")
    }

    /// A registry path that never exists, so tests see the bundled registry and not the developer's own file.
    public static let absentRegistry = FileManager.default.temporaryDirectory
        .appendingPathComponent("hangviet-tests-no-registry/registry.sqlite").path

    /// The repository's root folder (for Resources/ and test images).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = environment
        if environment["HANGVIET_REGISTRY"] == nil { environment["HANGVIET_REGISTRY"] = absentRegistry }
        // Under Scripts/sanitizers.sh the binary is sanitized too: it gets the same options.
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS"] where environment[name] == nil {
            environment[name] = ProcessInfo.processInfo.environment[name]
        }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Write stdin on another thread so a large input cannot deadlock against full output pipes.
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
