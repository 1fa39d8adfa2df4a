import BarcodeScanning
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OriginRegistry
import ServiceLifecycle
import Synchronization

/// Structured access log (swift-log) and request metrics; errors become JSON responses here so
/// that the log and the metrics see the real status.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = HangVietRequestContext
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let code: APIError.Code = error.status == .notFound ? .notFound : error.status == .contentTooLarge ? .bodyTooLarge : .malformedRequest
            let message = error.status == .notFound ? "no such endpoint: \(request.method) \(request.uri.path); see /openapi.yaml"
                : error.body ?? error.status.reasonPhrase
            response = try APIError(code, error.status, message).response(from: request, context: context)
        } catch let error as NIOTooManyBytesError {
            response = try APIError(.bodyTooLarge, .contentTooLarge, "the body is too large (\(error))").response(from: request, context: context)
        }
        let elapsed = seconds(since: started)
        let route = context.endpointPath ?? "unmatched"
        metrics.request(route: route, method: request.method.rawValue, status: response.status.code, seconds: elapsed)
        var metadata: Logger.Metadata = [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
            "ms": "\(Int(elapsed * 1000))",
        ]
        if let address = context.remoteAddress?.ipAddress { metadata["client"] = "\(address)" }
        logger.info("request", metadata: metadata)
        return response
    }
}

/// Headers on every answer: no MIME sniffing, no referrer sent to the sources the page links.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = HangVietRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}

/// 503 while shutting down, 429 past the per-client rate.
struct GuardMiddleware: RouterMiddleware {
    typealias Context = HangVietRequestContext
    let readiness: Readiness
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if readiness.isShuttingDown && path != "/healthz" {
            throw APIError(.shuttingDown, .serviceUnavailable, "the server is shutting down", retryAfter: 5)
        }
        if path != "/healthz" && path != "/readyz" && path != "/metrics" {
            let client = context.remoteAddress?.ipAddress ?? "local"
            guard limiter.allow(client) else {
                throw APIError(.rateLimited, .tooManyRequests, "more than \(limiter.perMinute) requests a minute from \(client)", retryAfter: 1)
            }
        }
        return try await next(request, context)
    }
}

extension APIError {
    /// The HTTP answer for an image that could not be read.
    init(scanError error: ScanError) {
        let status: HTTPResponse.Status
        let code: APIError.Code
        switch error.code {
        case .unsupportedFormat: (status, code) = (.unsupportedMediaType, .unsupportedMediaType)
        case .tooManyPixels, .inputTooLarge: (status, code) = (.contentTooLarge, .bodyTooLarge)
        default: (status, code) = (.unprocessableContent, .unreadableImage)
        }
        self.init(code, status, error.message)
    }

    init(registryError error: RegistryError) {
        if error.code == .badQuery { self.init(.malformedRequest, .badRequest, error.message) }
        else { self.init(.registry, .internalServerError, error.message) }
    }
}
