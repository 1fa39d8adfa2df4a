import BarcodeScanning
import Foundation
import HangViet
import Hummingbird
import Logging
import NIOCore
import OriginRegistry

/// Builds the router: the /v1 API, health, readiness, metrics and the OpenAPI document, behind
/// middleware for access logs and metrics, shutdown, rate limits and JSON errors. Tests call
/// this with `app.test(.router)`; `hangviet serve` calls ``buildApplication(configuration:service:logger:)``.
public func buildRouter(configuration: ServerConfiguration, service: some VerificationService, metrics: ServerMetrics,
                        readiness: Readiness, logger: Logger) -> Router<HangVietRequestContext> {
    let router = Router(context: HangVietRequestContext.self)
    let cache = ResponseCache(capacity: configuration.cachedAnswers)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: AccessMiddleware(metrics: metrics, logger: logger))
    if let origin = configuration.corsOrigin { router.add(middleware: CORSMiddleware(allowOrigin: .custom(origin), allowMethods: [.get, .post, .options])) }
    router.add(middleware: GuardMiddleware(readiness: readiness, limiter: RateLimiter(perMinute: configuration.requestsPerMinutePerClient)))

    let page = WebPage()
    router.get("/") { request, _ in page.pageResponse(to: request) }
    router.get("/assets/app.js") { request, _ in page.script.response(to: request, cacheControl: "public, max-age=86400") }
    router.get("/assets/app.css") { request, _ in page.style.response(to: request, cacheControl: "public, max-age=86400") }

    router.get("/healthz") { _, _ in json(#"{"status":"ok"}"#) }
    router.get("/readyz") { _, _ -> Response in
        guard !readiness.isShuttingDown else { throw APIError(.shuttingDown, .serviceUnavailable, "the server is shutting down") }
        return json(readinessJSON(service.registryHealth))
    }
    router.get("/metrics") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: metrics.render(scansRunning: service.scansRunning)
                                                                + ServerMetrics.render(registry: service.registryHealth))))
    }
    router.get("/openapi.yaml") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
    }

    router.get("/v1/codes/:code") { request, context -> Response in
        guard let raw = context.parameters.get("code") else { throw APIError(.malformedRequest, .badRequest, "no code in the path") }
        let code = raw.utf8.contains(0x25) ? (raw.removingPercentEncoding ?? raw) : raw
        guard code.utf8.count <= 512 else {
            throw APIError(.malformedRequest, .badRequest, "the code is \(code.utf8.count) bytes; codes, element strings and links are at most 512")
        }
        metrics.codes(1)
        let language = Language(acceptLanguageHeader: request.headers[.acceptLanguage])
        // The generation is read before the verdict takes its snapshot: an answer is never cached
        // under a newer generation than the snapshot it came from.
        let generation = service.registryHealth?.generation ?? 0
        return json(cache.answer(for: code, language: language, snapshot: generation) { service.verdict(for: code, language: language) })
    }

    router.post("/v1/codes") { request, _ -> Response in
        let body = try await collect(request, limit: configuration.maximumJSONBytes)
        let codes = try decodeCodes(body, maximum: configuration.maximumCodesPerRequest)
        metrics.codes(codes.count)
        return json(service.verdicts(for: codes, language: Language(acceptLanguageHeader: request.headers[.acceptLanguage])))
    }

    router.post("/v1/scan") { request, _ -> Response in
        let contentType = request.headers[.contentType]?.lowercased() ?? "application/octet-stream"
        let body = try await collect(request, limit: configuration.maximumScanBytes)
        var image = body[...]
        if contentType.hasPrefix("multipart/form-data") {
            guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? ""),
                  let part = MultipartForm.firstPart(body, boundary: boundary) else {
                throw APIError(.malformedRequest, .badRequest, "a multipart/form-data body with a boundary and one image part was expected")
            }
            image = part
        } else if !(contentType.hasPrefix("image/") || contentType.hasPrefix("application/octet-stream")) {
            throw APIError(.unsupportedMediaType, .unsupportedMediaType,
                           "send the image as the raw body (Content-Type image/jpeg, image/png, image/webp, image/heic …) or as multipart/form-data")
        }
        let started = ContinuousClock.now
        let answer = try await service.scan(Array(image), name: "upload", language: Language(acceptLanguageHeader: request.headers[.acceptLanguage]))
        metrics.scan(status: answer.status, seconds: seconds(since: started))
        if let error = answer.error { throw APIError(scanError: error) }
        return json(answer.json)
    }

    router.post("/v1/inventory") { request, _ -> Response in
        let upload = try await inventoryUpload(request, limit: configuration.maximumInventoryBytes)
        let language = Language(acceptLanguageHeader: request.headers[.acceptLanguage])
        let answer: InventoryAnswer
        do {
            answer = try await service.inventory(upload, language: language)
        } catch let error as BatchError {
            throw APIError(.unreadableInventory, .unprocessableContent, "\(error.message.hasPrefix(upload.name) ? "" : upload.name + ": ")\(error.message)\(error.code == .noBarcodeColumn ? " Name it with ?column=NAME or ?column=N (1 = first column)." : "")")
        }
        metrics.codes(answer.summary.rows)
        let wantsCSV = (request.headers[.accept] ?? "").contains("text/csv") || request.uri.queryParameters.get("output") == "csv"
        if wantsCSV {
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: answer.checkedCSV)))
        }
        return json(answer.json(language))
    }

    router.get("/v1/hotlines") { _, _ -> Response in
        do {
            return json(try service.hotlines())
        } catch let error as RegistryError {
            throw APIError(registryError: error)
        }
    }

    router.get("/v1/registry/search") { request, _ -> Response in
        let query = request.uri.queryParameters.get("q").map { $0.removingPercentEncoding ?? $0 } ?? ""
        guard query.count <= 200 else { throw APIError(.malformedRequest, .badRequest, "q is longer than 200 characters") }
        let limitText = request.uri.queryParameters.get("limit")
        let limit = limitText.map { Int($0) ?? 0 } ?? 20
        guard (1...configuration.maximumSearchResults).contains(limit) else {
            throw APIError(.malformedRequest, .badRequest, "limit must be between 1 and \(configuration.maximumSearchResults)")
        }
        do {
            return json(try service.search(query, limit: limit))
        } catch let error as RegistryError {
            throw APIError(registryError: error)
        }
    }
    return router
}

/// Builds the application `hangviet serve` runs (HTTP/1.1, idle timeout, graceful shutdown).
public func buildApplication(configuration: ServerConfiguration, service: some VerificationService, logger: Logger,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let metrics = ServerMetrics()
    let readiness = Readiness()
    let router = buildRouter(configuration: configuration, service: service, metrics: metrics, readiness: readiness, logger: logger)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hangviet"),
        services: [ShutdownWatcher(readiness: readiness)],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

// MARK: Helpers

/// `/readyz`: ready once a snapshot is loaded (a server never starts without one); "degraded"
/// (still 200: the replica answers from its last snapshot) while a shared registry is away.
func readinessJSON(_ health: RegistryHealth?) -> String {
    guard let health else { return #"{"status":"ready"}"# }
    var w = JSONWriter()
    w.beginObject()
    w.field("status", health.connected ? "ready" : "degraded")
    w.beginObject("registry")
    w.field("generation", health.generation)
    w.field("version", health.version.map { Int($0) })
    w.field("ageSeconds", Int(Date().timeIntervalSince(health.loadedAt)))
    w.field("refreshFailures", health.refreshFailures)
    w.field("connected", health.connected)
    w.field("lastError", health.lastError)
    w.endObject()
    w.endObject()
    return w.text
}

func json(_ text: String) -> Response { json(Array(text.utf8)) }

func json(_ bytes: [UInt8]) -> Response {
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The body, refused with 413 past `limit` bytes (checked against Content-Length first).
func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
        throw APIError(.bodyTooLarge, .contentTooLarge, "the body is \(length) bytes; at most \(limit) are accepted")
    }
    do {
        let buffer = try await request.body.collect(upTo: limit)
        return Array(buffer.readableBytesView)
    } catch is NIOTooManyBytesError {
        throw APIError(.bodyTooLarge, .contentTooLarge, "the body is larger than \(limit) bytes")
    }
}

/// The inventory in a request: the raw body (CSV, TSV or .xlsx) or the first part of a
/// multipart form; `?name=` names it in messages, `?column=`, `?quantity=`, `?price=` choose columns.
func inventoryUpload(_ request: Request, limit: Int) async throws -> InventoryUpload {
    let contentType = request.headers[.contentType]?.lowercased() ?? "application/octet-stream"
    let accepted = ["text/csv", "text/tab-separated-values", "text/plain", "application/octet-stream", "application/csv",
                    "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data"]
    guard accepted.contains(where: { contentType.hasPrefix($0) }) else {
        throw APIError(.unsupportedMediaType, .unsupportedMediaType,
                       "send the inventory as CSV/TSV (Content-Type text/csv) or an Excel workbook (.xlsx), as the raw body or as multipart/form-data")
    }
    let body = try await collect(request, limit: limit)
    var bytes = body
    if contentType.hasPrefix("multipart/form-data") {
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? ""),
              let part = MultipartForm.firstPart(body, boundary: boundary) else {
            throw APIError(.malformedRequest, .badRequest, "a multipart/form-data body with a boundary and one file part was expected")
        }
        bytes = Array(part)
    }
    let query = request.uri.queryParameters
    func parameter(_ name: String) -> String? {
        query.get(name).map { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
    }
    return InventoryUpload(bytes: bytes, name: parameter("name") ?? "upload", barcodeColumn: parameter("column"),
                           quantityColumn: parameter("quantity"), priceColumn: parameter("price"))
}

/// `["8934563138165", …]` or `{"codes": [...]}`.
func decodeCodes(_ body: [UInt8], maximum: Int) throws -> [String] {
    let object: Any
    do {
        object = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    } catch {
        throw APIError(.malformedRequest, .badRequest, "the body is not JSON: send an array of codes, e.g. [\"8934563138165\"]")
    }
    let list = (object as? [Any]) ?? ((object as? [String: Any])?["codes"] as? [Any])
    guard let list else {
        throw APIError(.malformedRequest, .badRequest, "send a JSON array of codes (strings), e.g. [\"8934563138165\"], or {\"codes\": [...]}")
    }
    guard list.count <= maximum else {
        throw APIError(.tooManyCodes, .contentTooLarge, "\(list.count) codes: at most \(maximum) per request")
    }
    return try list.enumerated().map { index, item in
        guard let code = item as? String else {
            throw APIError(.malformedRequest, .badRequest, "item \(index) is not a string; codes are strings (leading zeros matter)")
        }
        return code
    }
}
