import Foundation
import HTTPTypes
import Hummingbird
import HangViet

/// An error the API returns: a stable code, an HTTP status and a message, rendered as JSON.
///
/// ```json
/// {"error":{"code":"too-many-codes","status":413,"message":"1500 codes: at most 1000 per request"}}
/// ```
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let malformedRequest = Code(rawValue: "malformed-request")
        public static let notFound = Code(rawValue: "not-found")
        public static let bodyTooLarge = Code(rawValue: "body-too-large")
        public static let tooManyCodes = Code(rawValue: "too-many-codes")
        public static let unsupportedMediaType = Code(rawValue: "unsupported-media-type")
        public static let unreadableImage = Code(rawValue: "unreadable-image")
        /// An inventory that cannot be checked as a whole (no barcode column, no rows, a bad workbook).
        public static let unreadableInventory = Code(rawValue: "unreadable-inventory")
        public static let rateLimited = Code(rawValue: "rate-limited")
        public static let busy = Code(rawValue: "busy")
        public static let shuttingDown = Code(rawValue: "shutting-down")
        public static let timeout = Code(rawValue: "timeout")
        public static let registry = Code(rawValue: "registry-error")
    }

    public let code: Code
    public let status: HTTPResponse.Status
    public let message: String
    /// Seconds, for 429 and 503.
    public let retryAfter: Int?

    public init(_ code: Code, _ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "\(status.code) \(code.rawValue): \(message)" }

    public var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { fields[.retryAfter] = String(retryAfter) }
        return fields
    }

    public var jsonBytes: [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.beginObject("error")
        w.field("code", code.rawValue)
        w.field("status", status.code)
        w.field("message", message)
        w.endObject()
        w.endObject()
        return w.bytes
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: jsonBytes)))
    }
}
