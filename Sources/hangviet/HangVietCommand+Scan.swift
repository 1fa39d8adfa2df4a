import ArgumentParser
import BarcodeScanning
import Foundation
import HangViet

extension HangVietCommand {
    /// `hangviet scan PHOTO…`: reads EAN/UPC/QR and other barcodes from photos and gives each
    /// code's verdict.
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Read barcodes from photos (JPEG, PNG, WebP, HEIC …) and check each code.",
            discussion: """
                Images come from files, directories (their image files; subdirectories with
                --recursive) or standard input ('-'). The format is read from the bytes, not the
                name. Many files are decoded in parallel and printed in the order given.

                EXAMPLES
                  hangviet scan Resources/samples/hao-hao-8934563138165.jpg
                  hangviet scan --lang vi photos/ --recursive --format csv > codes.csv
                  cat photo.heic | hangviet scan - --format json

                EXIT CODES
                  0  every image was read and at least one code was found
                  1  a code was read but is invalid (bad check digit, malformed GS1 data)
                  2  usage or output error, or a registry file that cannot be used
                  3  some input could not be read (missing, corrupt, not an image, too many pixels);
                     the others are still reported
                  4  no code was found in any image (like zbarimg)
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        @Argument(help: "Image files or directories; '-' reads one image from standard input.")
        var paths: [String] = []

        @Flag(name: .shortAndLong, help: "Look for images in subdirectories too.")
        var recursive = false

        @Option(name: .long, help: "Refuse images whose header declares more pixels than this (default 100000000).")
        var maxPixels: Int = 100_000_000

        @Option(name: .long, help: "Give up escalating on one image after this many milliseconds (default 3000).")
        var timeLimit: Int = 3000

        @Flag(name: .long, help: "Only the first look: fastest; reads fewer hard photos, and no Code 39, Code 93 or Codabar.")
        var fast = false

        @Flag(name: .long, help: "Try every pass, also the rotations and de-blurring that the directions of the photo's bars rule out (slower).")
        var exhaustive = false

        @Option(name: .shortAndLong, help: "Images decoded at once (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            if paths.isEmpty { throw ValidationError("No images given. Pass photo files or directories, or '-' to read one image from standard input.") }
            if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given only once.") }
            if maxPixels < 1 { throw ValidationError("--max-pixels must be at least 1.") }
            if timeLimit < 0 { throw ValidationError("--time-limit must not be negative.") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
            if fast && exhaustive { throw ValidationError("--fast and --exhaustive contradict each other; give one of them.") }
        }

        var scanOptions: ScanOptions {
            var scan = ScanOptions()
            scan.decoding.maximumPixels = maxPixels
            scan.timeLimit = .milliseconds(timeLimit)
            scan.escalate = !fast
            scan.exhaustive = exhaustive
            return scan
        }

        func run() async throws {
            let inputs = ImageInput.expand(paths, recursive: recursive)
            var scanning = scanOptions
            // Several photos already keep every core busy, one per photo.
            scanning.concurrentFirstPass = inputs.count < 2 || jobs < 2
            scanning.decoding.concurrent = scanning.concurrentFirstPass
            let scanner = BarcodeScanner(options: scanning)
            let engine = VerdictEngine(evidenceProvider: try registry.loadSnapshot())
            let printer = ScanPrinter(format: options.outputFormat, language: options.language,
                                      output: BufferedOutput(fd: STDOUT_FILENO))
            let progress = ProgressBar(total: inputs.count, label: LocalizedText(en: "images", vi: "ảnh")[options.language])
            try printer.begin()
            var done = 0
            var pending = inputs.makeIterator()
            try await OrderedWork.run(concurrency: jobs) { pending.next() } work: { input in
                Self.report(for: input, scanner: scanner, engine: engine)
            } handle: { report in
                try printer.print(report)
                done += 1
                progress.update(done)
            }
            progress.finish()
            try printer.end()
            if printer.errorCount > 0 { throw ExitCode(3) }
            if printer.codeCount == 0 { throw ExitCode(4) }
            if printer.invalidCount > 0 { throw ExitCode(1) }
        }

        static func report(for input: ImageInput, scanner: BarcodeScanner, engine: VerdictEngine) -> ScanReport {
            do throws(ScanError) {
                switch input {
                case .file(let path):
                    return engine.report(scanning: try scanner.scan(file: path))
                case .standardInput:
                    let bytes = try StandardInput.readAll(limit: scanner.options.decoding.maximumBytes)
                    return engine.report(scanning: try scanner.scan(bytes: bytes, source: "stdin"))
                case .problem(let source, let error):
                    return engine.report(failing: error, source: source)
                }
            } catch {
                return engine.report(failing: error, source: input.source)
            }
        }
    }
}

enum StandardInput {
    /// Reads all of standard input, refusing more than `limit` bytes.
    static func readAll(limit: Int) throws(ScanError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ScanError(.unreadable, "stdin: cannot be read (\(String(cString: strerror(errno))))", source: "stdin")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw ScanError(.inputTooLarge, "stdin: more than the limit of \(limit) bytes; resize the photo", source: "stdin")
            }
        }
    }
}
