import ArgumentParser
import Foundation
import HangViet

/// `hangviet`: is this Vietnamese goods? Checks barcodes offline and says what the evidence shows.
@main
struct HangVietCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hangviet",
        abstract: "Is this Vietnamese goods? Offline, honest answers from barcodes. / Đây có phải hàng Việt Nam không?",
        discussion: """
            A verdict never claims more than its evidence: prefix 893 means a number licensed through GS1 Vietnam, not goods made in Viet Nam; only GS1 AI 422 declares a country of origin; and a valid barcode does not prove a genuine product.

            Registry facts (brands and their owners, OCOP ratings, geographical indications) come from a local registry that names a source for every entry; see 'hangviet registry --help'.

            COMMANDS
              check     verdicts for typed codes (arguments or standard input)
              scan      read the barcodes in photos, with their verdicts
              batch     check an inventory file; the share of Vietnamese goods
              registry  the local registry: stats, search, show, import, export
              serve     the HTTP endpoint for apps
            Each command's --help lists its exit codes (0 means success; 2 a usage or I/O error).

            EXAMPLES
              hangviet check 8934563138165
              hangviet check --lang vi 8934563138165 9786045823453
              hangviet scan photo.jpg
              hangviet batch inventory.csv --quantity SL > checked.csv
              hangviet registry search "nuoc mam phu quoc"
              hangviet serve --port 8080
            """,
        version: version,
        subcommands: [Check.self, Scan.self, Batch.self, RegistryCommand.self, Serve.self]
    )

    /// Runs the command and maps errors to the documented exit codes: usage errors are 2
    /// (ArgumentParser's default would be 64).
    static func main() async {
        prefetchRegistrySeed(CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let error as CLIError {
            StandardError.write("hangviet: \(error.message)\n")
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            StandardError.write(fullMessage(for: error) + "\n")
            StandardError.write("Run 'hangviet --help' for usage.\n")
            Foundation.exit(2)
        }
    }
}

/// An error the CLI reports itself: a message naming the input, and the exit code.
struct CLIError: Error {
    var message: String
    var exitCode: Int32 = 2
    /// The underlying error's stable code (a ``BatchError``, ``RegistryError`` or ``ScanError`` code), when there is one.
    var code: String? = nil
}
