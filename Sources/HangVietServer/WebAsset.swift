import CGzip
import HTTPTypes
import Hummingbird
import NIOCore

/// One file the web page is made of, prepared once when the server starts: its bytes, the same
/// bytes gzip-compressed, and a strong `ETag` of its content. Answers conditional requests with
/// 304 and clients that accept gzip with the compressed bytes.
///
/// ```swift
/// let style = WebAsset(Array("body{margin:0}".utf8), contentType: "text/css; charset=utf-8")
/// style.response(to: request, cacheControl: "public, max-age=86400")   // 200, or 304 on a matching If-None-Match
/// ```
struct WebAsset: Sendable {
    let bytes: [UInt8]
    let gzipped: [UInt8]
    let etag: String
    let contentType: String

    init(_ bytes: [UInt8], contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
        gzipped = Self.gzip(bytes) ?? []
        etag = "\"" + Self.fnv1a64Hex(bytes) + "\""
    }

    /// The short content hash used in asset addresses (`/assets/app.js?v=…`), so that a new
    /// build's page never pairs with an old cached script.
    var version: String { String(etag.dropFirst().prefix(12)) }

    /// The answer to a GET: 304 when `If-None-Match` names this version, otherwise the bytes
    /// (gzip-compressed when the client accepts it and it is smaller).
    func response(to request: Request, cacheControl: String, extraHeaders: HTTPFields = [:]) -> Response {
        var headers = extraHeaders
        headers[.eTag] = etag
        headers[.cacheControl] = cacheControl
        headers[.vary] = [extraHeaders[.vary], "Accept-Encoding"].compactMap { $0 }.joined(separator: ", ")
        if let tags = request.headers[.ifNoneMatch], tags.split(separator: ",").contains(where: {
            let tag = $0.trimmingCharacters(in: .whitespaces)
            return tag == etag || tag == "W/" + etag || tag == "*"
        }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        let acceptsGzip = request.headers[values: .acceptEncoding].contains { value in
            value.split(separator: ",").contains { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() == "gzip" }
        }
        if acceptsGzip && !gzipped.isEmpty && gzipped.count < bytes.count {
            headers[.contentEncoding] = "gzip"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: gzipped)))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// gzip (RFC 1952) at the best compression; nil if zlib fails.
    static func gzip(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        guard deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
