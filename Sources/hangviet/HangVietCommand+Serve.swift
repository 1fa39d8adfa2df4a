import ArgumentParser
import Foundation
import HangVietServer
import Hummingbird
import Logging
import OriginRegistry
import OriginRegistryPostgres

extension HangVietCommand {
    /// `hangviet serve`: the HTTP endpoint for apps.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve verdicts, photo scans and registry search over HTTP (JSON).",
            discussion: """
                Endpoints: GET /v1/codes/{code}, POST /v1/codes (JSON array), POST /v1/scan (image
                body or multipart/form-data), GET /v1/registry/search?q=, GET /healthz, /readyz,
                /metrics (Prometheus), /openapi.yaml. Accept-Language: vi|en picks the language.

                Safe by default: listens on 127.0.0.1 only; the registry is opened read-only and no
                endpoint writes anything; CORS is off unless --cors-origin is given. SIGTERM or
                SIGINT stops taking requests (503) and lets the ones in flight finish.

                EXAMPLES
                  hangviet serve
                  hangviet serve --port 0                    # a free port, printed at start
                  curl -s localhost:8080/v1/codes/8934563138165 -H 'Accept-Language: vi'
                  curl -s --data-binary @photo.jpg -H 'Content-Type: image/jpeg' localhost:8080/v1/scan
                """)

        @OptionGroup var registry: RegistryOptions

        @Option(help: "Address to listen on (default 127.0.0.1: this machine only).")
        var host = "127.0.0.1"

        @Option(help: "Port (0: any free port, printed when the server starts).")
        var port = 8080

        @Option(help: "Largest image for /v1/scan, in megabytes.")
        var maxScanMB = 10

        @Option(help: "Largest inventory file for POST /v1/inventory (CSV, TSV or .xlsx), in megabytes.")
        var maxInventoryMB = 20

        @Option(help: "Codes per POST /v1/codes request.")
        var maxCodes = 1000

        @Option(help: "Pixels an image may declare (decompression bombs are refused before decoding).")
        var maxPixels = 100_000_000

        @Option(help: "Images decoded at once, and how many more may wait (beyond: 503).")
        var scans = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @Option(help: "Images waiting for a decoder before new ones are refused.")
        var scanQueue = 16

        @Option(help: "Requests per minute per client address (0: no limit).")
        var rateLimit = 6000

        @Option(help: "Seconds an idle or slow connection is kept.")
        var idleTimeout = 30

        @Option(help: "Verdict answers kept for repeated GET /v1/codes questions (0: no cache).")
        var cache = 8192

        @Option(help: "Allow this origin to call the API from a browser (CORS); off by default.")
        var corsOrigin: String?

        @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
        var logLevel = "info"

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port)).") }
            guard maxScanMB >= 1 && maxScanMB <= 200 else { throw ValidationError("--max-scan-mb must be between 1 and 200.") }
            guard maxInventoryMB >= 1 && maxInventoryMB <= 1000 else { throw ValidationError("--max-inventory-mb must be between 1 and 1000.") }
            guard maxCodes >= 1 && maxCodes <= 100_000 else { throw ValidationError("--max-codes must be between 1 and 100000.") }
            guard scans >= 1 && scanQueue >= 0 else { throw ValidationError("--scans must be at least 1 and --scan-queue at least 0.") }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level \(logLevel) is not a log level.") }
        }

        func run() async throws {
            var configuration = ServerConfiguration()
            configuration.host = host
            configuration.port = port
            configuration.maximumScanBytes = maxScanMB * 1024 * 1024
            configuration.maximumInventoryBytes = maxInventoryMB * 1024 * 1024
            configuration.maximumCodesPerRequest = maxCodes
            configuration.maximumPixels = maxPixels
            configuration.concurrentScans = scans
            configuration.queuedScans = scanQueue
            configuration.requestsPerMinutePerClient = rateLimit
            configuration.idleTimeoutSeconds = idleTimeout
            configuration.corsOrigin = corsOrigin
            configuration.cachedAnswers = max(0, cache)
            var logger = Logger(label: "hangviet")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let service: LocalVerificationService
            var listener: PostgresRegistryListener?
            do {
                let opened = try registry.open(readOnly: true)
                service = try LocalVerificationService(configuration: configuration, registry: opened)
                if let store = opened.store as? PostgresRegistryStore {
                    // A shared registry: reload whenever an import changes it (LISTEN/NOTIFY).
                    listener = PostgresRegistryListener(store: store, registry: opened, logger: logger)
                    listener?.start()
                }
            } catch {
                throw CLIError(message: "cannot open the registry: \(error)", exitCode: 2)
            }
            defer { listener?.stop() }
            let host = self.host
            let app = buildApplication(configuration: configuration, service: service, logger: logger) { port in
                StandardError.write("hangviet: listening on http://\(host):\(port)\n")
            }
            do {
                try await app.runService()
            } catch {
                throw CLIError(message: "the server stopped: \(error)", exitCode: 2)
            }
        }
    }
}
