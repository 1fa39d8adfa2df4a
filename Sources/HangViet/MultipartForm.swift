import Foundation

/// The first file (or any part) of a multipart/form-data body: enough for an app that uploads
/// one photo as a form field. Only the boundary search is done; the part's bytes are returned
/// untouched. It lives beside the inventory readers, not in the server, so that it can be fuzzed
/// (and reused) without an HTTP stack.
///
/// ```swift
/// let boundary = MultipartForm.boundary(contentType: "multipart/form-data; boundary=XyZ")  // "XyZ"
/// let image = try MultipartForm.firstPart(body, boundary: "XyZ")
/// ```
public enum MultipartForm {
    /// The boundary parameter of a multipart content type, unquoted.
    public static func boundary(contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    /// The body of the first part that has a `filename` (else the first part), or nil when
    /// the body is not well-formed multipart.
    public static func firstPart(_ body: [UInt8], boundary: String) -> ArraySlice<UInt8>? {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [(headers: ArraySlice<UInt8>, content: ArraySlice<UInt8>)] = []
        guard var position = find(delimiter, in: body, from: 0) else { return nil }
        while true {
            var start = position + delimiter.count
            if body.count >= start + 2 && body[start] == 0x2D && body[start + 1] == 0x2D { break } // closing "--"
            guard let lineEnd = find([0x0D, 0x0A], in: body, from: start) else { return nil }
            start = lineEnd + 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: start) else { return nil }
            let headers = body[start..<headerEnd]
            let contentStart = headerEnd + 4
            guard let next = find([0x0D, 0x0A] + delimiter, in: body, from: contentStart) else { return nil }
            parts.append((headers, body[contentStart..<next]))
            position = next + 2
        }
        guard !parts.isEmpty else { return nil }
        let withFile = parts.first { String(decoding: $0.headers, as: UTF8.self).lowercased().contains("filename=") }
        return (withFile ?? parts[0]).content
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] { matched = false; break }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
