import ArgumentParser
import Foundation
import GS1
import HangViet

extension HangVietCommand {
    /// `hangviet check CODE…`: one verdict per code, from the arguments or standard input.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check barcodes: EAN/UPC/GTIN/ISBN numbers, GS1 element strings or Digital Links.",
            discussion: """
                Codes come from the arguments, or from standard input (one per line) when there
                are none or the only argument is '-'. Spaces and hyphens inside a number are ignored.
                On standard input, blank lines and '#' comments are skipped; every other line gets
                a verdict, reported with its line number.

                EXAMPLES
                  hangviet check 8934563138165
                  hangviet check 978-604-58-2345-3 --lang vi
                  hangviet check "https://id.example.com/01/08934563138165?422=704"
                  hangviet check - < codes.txt --format csv > verdicts.csv

                EXIT CODES
                  0  every input was a well-formed code
                  1  some input was invalid (bad check digit, malformed); the others are still reported
                  2  usage or I/O error (including a registry file that cannot be used)
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        @Argument(help: "Codes to check; '-' or none to read standard input, one code per line.")
        var codes: [String] = []

        var readsStandardInput: Bool { codes.isEmpty || codes == ["-"] }

        func validate() throws {
            if codes.count > 1 && codes.contains("-") {
                throw ValidationError("'-' (standard input) cannot be mixed with codes in the arguments.")
            }
            if codes.isEmpty && Terminal.isTTY(STDIN_FILENO) {
                throw ValidationError("No codes given. Pass codes as arguments, or pipe them in one per line (e.g. 'hangviet check - < codes.txt').")
            }
        }

        func run() async throws {
            let engine = VerdictEngine(evidenceProvider: try registry.loadSnapshot())
            let printer = VerdictPrinter(format: options.outputFormat, language: options.language,
                                         output: BufferedOutput(fd: STDOUT_FILENO))
            try printer.begin()
            if readsStandardInput {
                var reader = LineReader(fd: STDIN_FILENO)
                var checked = 0
                while var line = try reader.next() {
                    if !line.truncated {
                        line.bytes = Self.stripComment(line.bytes)
                        line.fullLength = line.bytes.count
                    }
                    if line.bytes.isEmpty && !line.truncated { continue }
                    try printer.print(Self.verdict(for: line, engine: engine), line: line.number)
                    checked += 1
                }
                if checked == 0 {
                    try printer.end()
                    throw CLIError(message: "standard input held no codes (only blank or '#' comment lines); give one code per line")
                }
            } else {
                for code in codes { try printer.print(engine.verdict(for: code), line: nil) }
            }
            try printer.end()
            if printer.invalidCount > 0 { throw ExitCode(1) }
        }

        /// The verdict for one line of standard input, including the line-level errors
        /// (too long, not UTF-8) that a String can no longer show.
        static func verdict(for line: LineReader.Line, engine: VerdictEngine) -> Verdict {
            if line.truncated {
                let shown = String(decoding: line.bytes.prefix(24), as: UTF8.self) + "…"
                return engine.invalid(input: shown, error: GS1Error(
                    .tooLong, "line of \(line.fullLength) bytes", length: line.fullLength))
            }
            guard let text = String(validating: line.bytes, as: UTF8.self) else {
                let offset = invalidUTF8Offset(line.bytes)
                return engine.invalid(input: String(decoding: line.bytes, as: UTF8.self), error: GS1Error(
                    .invalidEncoding, "byte \(offset) of the line is not valid UTF-8", position: offset))
            }
            return engine.verdict(for: text)
        }

        /// Drops a `#` comment (a line starting with `#`, or whitespace then `#`) and the
        /// spaces around the code, so that sample files can explain themselves.
        static func stripComment(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var end = bytes.endIndex
            var previousIsSpace = true
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == UInt8(ascii: "#") && previousIsSpace { end = index; break }
                previousIsSpace = byte == 0x20 || byte == 0x09
            }
            var slice = bytes[bytes.startIndex..<end]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return slice
        }

        /// 1-based offset of the first byte that breaks UTF-8.
        static func invalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
            var iterator = bytes.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): offset += encoded.count
                case .error: return offset + 1
                case .emptyInput: return offset + 1
                }
            }
        }
    }
}
