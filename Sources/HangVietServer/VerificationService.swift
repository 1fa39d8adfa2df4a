import BarcodeScanning
import Foundation
import HangViet
import OriginRegistry

/// What the HTTP endpoint does, independent of HTTP: verdicts, scans and registry search as
/// the same JSON the CLI prints with `--format json`. ``LocalVerificationService`` is the
/// default; tests can substitute their own.
public protocol VerificationService: Sendable {
    /// One verdict, as a JSON object.
    func verdict(for code: String, language: Language) -> [UInt8]
    /// Verdicts for several codes, as a JSON array.
    func verdicts(for codes: [String], language: Language) -> [UInt8]
    /// Decodes an image and gives each code's verdict, as a scan report JSON object.
    func scan(_ bytes: [UInt8], name: String, language: Language) async throws -> ScanAnswer
    /// Registry search, as a JSON array of entries with their sources.
    func search(_ text: String, limit: Int) throws -> [UInt8]
    /// Jobs decoding now (for metrics).
    var scansRunning: Int { get }
    /// Where to report suspect goods, as a JSON array of hotlines with their dates and sources.
    func hotlines() throws -> [UInt8]
    /// Checks an uploaded inventory (CSV/TSV, or an Excel workbook) as `hangviet batch` does.
    func inventory(_ upload: InventoryUpload, language: Language) async throws(BatchError) -> InventoryAnswer
    /// The registry snapshot's generation, version, age and refresh health (nil: never changes).
    var registryHealth: RegistryHealth? { get }
}

extension VerificationService {
    public var registryHealth: RegistryHealth? { nil }

    /// The bundled hotlines (national lines first); ``LocalVerificationService`` gives its registry's.
    public func hotlines() throws -> [UInt8] {
        HotlineDocument.jsonArray(try Hotline.seed().map(HotlineDocument.init))
    }
}

/// The default service: a verdict engine over the registry snapshot, a barcode scanner bounded
/// by a ``ScanLimiter``, and the registry opened read-only for search.
public struct LocalVerificationService: VerificationService {
    /// A verdict engine over the registry's current snapshot: each request takes one snapshot
    /// and keeps it, so a live refresh never mixes old and new facts in one answer.
    public var engine: VerdictEngine { VerdictEngine(evidenceProvider: registry.snapshot) }
    public let registry: Registry
    public let limiter: ScanLimiter
    let scanOptions: ScanOptions

    public init(configuration: ServerConfiguration, registryPath: String?) throws {
        // Read-only: no request can change the registry.
        try self.init(configuration: configuration, registry: try Registry.open(path: registryPath, readOnly: true))
    }

    /// Over an opened registry (a file, or a shared PostgreSQL registry); open it read-only.
    public init(configuration: ServerConfiguration, registry: Registry) throws {
        self.registry = registry
        limiter = ScanLimiter(concurrent: configuration.concurrentScans, queued: configuration.queuedScans)
        var scan = ScanOptions()
        scan.timeLimit = .milliseconds(configuration.scanTimeLimitMilliseconds)
        scan.decoding.maximumPixels = configuration.maximumPixels
        scan.decoding.maximumBytes = configuration.maximumScanBytes
        scanOptions = scan
    }

    public var scansRunning: Int { limiter.running }

    public var registryHealth: RegistryHealth? { registry.health }

    /// The registry's hotlines (the seed's and any imported), national lines first.
    public func hotlines() throws -> [UInt8] {
        HotlineDocument.jsonArray(registry.snapshot.hotlines.map(HotlineDocument.init))
    }

    public func verdict(for code: String, language: Language) -> [UInt8] {
        engine.verdict(for: code).jsonBytes(language)
    }

    public func verdicts(for codes: [String], language: Language) -> [UInt8] {
        JSONWriter.array(codes.lazy.map { engine.verdict(for: $0).jsonBytes(language) })
    }

    public func scan(_ bytes: [UInt8], name: String, language: Language) async throws -> ScanAnswer {
        let engine = self.engine
        let scanner = BarcodeScanner(options: scanOptions)
        return try await limiter.run {
            let report: ScanReport
            do throws(ScanError) {
                report = engine.report(scanning: try scanner.scan(bytes: bytes, source: name))
            } catch {
                report = engine.report(failing: error, source: name)
            }
            return ScanAnswer(json: report.jsonBytes(language), status: report.status, error: report.error)
        }
    }

    public func search(_ text: String, limit: Int) throws -> [UInt8] {
        RegistryEntryDocument.jsonArray(try registry.search(text, limit: limit).map { RegistryEntryDocument($0.entry, source: $0.source) })
    }
}
