/// What `hangviet serve` is allowed to do, and how much.
///
/// ```swift
/// var configuration = ServerConfiguration()
/// configuration.port = 8080
/// configuration.maximumCodesPerRequest = 500
/// ```
public struct ServerConfiguration: Sendable {
    /// Loopback unless told otherwise: the server is not exposed by accident.
    public var host = "127.0.0.1"
    /// 0 picks a free port (the chosen one is reported when the server starts).
    public var port = 8080
    /// Largest image accepted by `POST /v1/scan`, in bytes.
    public var maximumScanBytes = 10 * 1024 * 1024
    /// Largest inventory file accepted by `POST /v1/inventory` (CSV, TSV or .xlsx), in bytes.
    public var maximumInventoryBytes = 20 * 1024 * 1024
    /// Largest JSON body accepted by `POST /v1/codes`, in bytes.
    public var maximumJSONBytes = 1024 * 1024
    /// Codes per `POST /v1/codes` request.
    public var maximumCodesPerRequest = 1000
    /// Pixels an image may declare before it is refused (decompression bombs).
    public var maximumPixels = 100_000_000
    /// Time one scan may take, in milliseconds.
    public var scanTimeLimitMilliseconds = 3000
    /// Scans decoded at once (decoding is CPU-bound), and how many more may wait.
    public var concurrentScans = 2
    public var queuedScans = 16
    /// Requests per minute per client address; 0 turns the limit off.
    public var requestsPerMinutePerClient = 6000
    /// Seconds an idle keep-alive connection (or a slow client) is kept.
    public var idleTimeoutSeconds = 30
    /// An origin allowed by CORS (e.g. "https://app.example"); nil: no CORS headers at all.
    public var corsOrigin: String?
    /// Verdict answers kept for repeated `GET /v1/codes/{code}` questions (0: none). The
    /// registry snapshot does not change while the server runs, so cached answers stay right.
    public var cachedAnswers = 8192
    /// Results per registry search.
    public var maximumSearchResults = 50

    public init() {}
}
