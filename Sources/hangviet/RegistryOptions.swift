import ArgumentParser
import Foundation
import HangViet
import OriginRegistry
import OriginRegistryPostgres

/// Where the registry is: shared by every command that reads it.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The registry file (default: $HANGVIET_REGISTRY, else $XDG_DATA_HOME/hangviet/registry.sqlite). Until the first import it does not exist and the bundled registry is used. A shared registry: postgres://USER@HOST:PORT/DATABASE (password in PGPASSWORD).",
        valueName: "path-or-url"))
    var registry: String?

    @Flag(name: .long, help: "Give verdicts from the GS1 number alone, without registry facts.")
    var noRegistry = false

    var resolvedPath: String { Registry.resolvePath(registry) }

    /// The snapshot for verdicts (fast: the compiled-in seed when there is no user file).
    func loadSnapshot() throws(CLIError) -> RegistrySnapshot? {
        if noRegistry { return nil }
        do {
            if PostgresRegistryURL.isPostgres(resolvedPath) {
                return try PostgresRegistryStore.open(url: resolvedPath, readOnly: true).snapshot(asOf: .today())
            }
            return try Registry.loadSnapshot(path: registry)
        } catch {
            // For check and scan an unusable registry is an I/O error (exit 2): their exit 3 means unreadable images.
            var failure = CLIError(registry: error)
            failure.exitCode = 2
            throw failure
        }
    }

    /// The registry at `--registry` (a file, or a PostgreSQL URL).
    func open(readOnly: Bool = false) throws(CLIError) -> Registry {
        do {
            return try Self.open(resolvedPath, readOnly: readOnly)
        } catch {
            throw CLIError(registry: error)
        }
    }

    /// A registry file, or a PostgreSQL registry when `location` is a `postgres://` URL.
    static func open(_ location: String, readOnly: Bool = false) throws(RegistryError) -> Registry {
        if PostgresRegistryURL.isPostgres(location) {
            return try Registry(store: try PostgresRegistryStore.open(url: location, readOnly: readOnly), readOnly: readOnly)
        }
        return try Registry.open(path: location, readOnly: readOnly)
    }
}

extension CLIError {
    /// Registry errors: bad import files and unknown IDs exit 1, an unusable registry file 3,
    /// anything else 2.
    init(registry error: RegistryError) {
        let exit: Int32
        switch error.code {
        case .invalidRows, .wrongColumns, .badEncoding, .badCSV, .notFound, .badQuery: exit = 1
        case .notADatabase, .corruptDatabase, .newerSchema, .readOnly, .busy,
             .badLocation, .serverUnavailable, .accessDenied, .noSuchDatabase: exit = 3
        default: exit = 2
        }
        var message = error.remedy.map { error.problem + " " + Self.cliText($0) } ?? error.problem
        if let cause = error.cause { message += " (\(cause))" }
        self.init(message: message, exitCode: exit, code: error.code.rawValue)
    }

    /// The remedy with the CLI's options.
    static func cliText(_ remedy: RegistryError.Remedy) -> String {
        switch remedy {
        case .createByImportOrUseBundled: "Import a file to create it, or leave out --registry to use the bundled registry."
        case .fixPermissionsOrImportElsewhere: "Fix its permissions, or import into another file with --registry PATH."
        case .chooseAnotherPlace: "Choose another place with --registry PATH."
        case .updateOrUseAnotherFile: "Update HangViet, or use another file with --registry PATH."
        case .pointAtRegistryOrMoveAway: "Point --registry at a registry file, or move this file away to start a new registry."
        case .fixPermissionsOrUseAnotherFile: "Fix its permissions, or use another file with --registry PATH."
        case .fixRowsOrSkipInvalid(let good): "Fix them, or pass --skip-invalid to import the \(good) good rows and write the rejects to a file."
        case .addSourceColumnOrNameOne: "add a source column (an address or document number per row) or pass --source \"…\" for the whole file."
        case .exampleSearch: "e.g. hangviet registry search \"nuoc mam phu quoc\"."
        case .searchListsIDs: "`hangviet registry search TEXT` lists entries with their IDs."
        case .searchListsThem: "`hangviet registry search` lists them."
        }
    }
}
