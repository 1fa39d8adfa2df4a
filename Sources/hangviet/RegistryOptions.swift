import ArgumentParser
import Foundation
import HangViet
import OriginRegistry

/// Where the registry is: shared by every command that reads it.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The registry file (default: $HANGVIET_REGISTRY, else $XDG_DATA_HOME/hangviet/registry.sqlite). Until the first import it does not exist and the bundled registry is used.",
        valueName: "path"))
    var registry: String?

    @Flag(name: .long, help: "Give verdicts from the GS1 number alone, without registry facts.")
    var noRegistry = false

    var resolvedPath: String { Registry.resolvePath(registry) }

    /// The snapshot for verdicts (fast: the compiled-in seed when there is no user file).
    func loadSnapshot() throws(CLIError) -> RegistrySnapshot? {
        if noRegistry { return nil }
        do {
            return try Registry.loadSnapshot(path: registry)
        } catch {
            // For check and scan an unusable registry is an I/O error (exit 2): their exit 3 means unreadable images.
            var failure = CLIError(registry: error)
            failure.exitCode = 2
            throw failure
        }
    }

    func open() throws(CLIError) -> Registry {
        do {
            return try Registry.open(path: registry)
        } catch {
            throw CLIError(registry: error)
        }
    }
}

extension CLIError {
    /// Registry errors: bad import files and unknown IDs exit 1, an unusable registry file 3,
    /// anything else 2.
    init(registry error: RegistryError) {
        let exit: Int32
        switch error.code {
        case .invalidRows, .wrongColumns, .badEncoding, .badCSV, .notFound, .badQuery: exit = 1
        case .notADatabase, .corruptDatabase, .newerSchema, .readOnly, .busy: exit = 3
        default: exit = 2
        }
        var message = error.message
        if let cause = error.cause { message += " (\(cause))" }
        self.init(message: message, exitCode: exit, code: error.code.rawValue)
    }
}
