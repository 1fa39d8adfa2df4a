/// What an ``XMLScanner`` reports, in document order.
protocol XMLEventHandler: AnyObject {
    /// A start tag (also for an empty element, which then gets ``end(_:)`` at once). `name` is
    /// the local name ("c" for "x:c"); attribute names are as written ("r:id").
    func start(_ name: String, attributes: [String: String])
    func end(_ name: String)
    /// Character data with entities decoded (CDATA as it is).
    func text(_ text: String)
}

extension XMLEventHandler {
    func end(_ name: String) {}
    func text(_ text: String) {}
}

/// The small part of XML that workbook parts are made of, read in Swift instead of through
/// FoundationXML/libxml2: fuzzing found FoundationXML trapping on damaged workbooks three ways
/// (a processing instruction without data, an element's namespaces, a CFString leak per
/// error). Elements, attributes, text, the five named entities and character references,
/// CDATA and comments; processing instructions are skipped; a document type declaration is
/// refused (no entity is ever expanded, so no entity bomb). Lenient about what does not
/// matter to a spreadsheet (mismatched end tags), strict about what would lose data
/// (unterminated tags, comments, CDATA or attribute values).
///
/// ```swift
/// try XMLScanner.scan(Array(#"<row><c r="A1" t="s"><v>0</v></c></row>"#.utf8), into: handler)
/// ```
enum XMLScanner {
    struct Failure: Error, Equatable {
        let line: Int
        let reason: String
    }

    static func scan(_ bytes: [UInt8], into handler: XMLEventHandler) throws(Failure) {
        var index = 0
        var line = 1
        let count = bytes.count
        func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard pattern.count <= count else { return nil }
            var at = start
            while at + pattern.count <= count {
                if bytes[at] == pattern[0] && bytes[at..<(at + pattern.count)].elementsEqual(pattern) { return at }
                at += 1
            }
            return nil
        }
        func lines(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        while index < count {
            if bytes[index] != 0x3C {   // text up to the next "<"
                var end = index
                while end < count && bytes[end] != 0x3C { end += 1 }
                line += lines(index..<end)
                handler.text(decode(bytes[index..<end]))
                index = end
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            if next == 0x3F {   // <? … ?>
                guard let end = find([0x3F, 0x3E], from: index + 2) else { throw fail("an unterminated processing instruction") }
                line += lines(index..<end)
                index = end + 2
            } else if next == 0x21 {   // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
                if bytes[index...].starts(with: Array("<!--".utf8)) {
                    guard let end = find(Array("-->".utf8), from: index + 4) else { throw fail("an unterminated comment") }
                    line += lines(index..<end)
                    index = end + 3
                } else if bytes[index...].starts(with: Array("<![CDATA[".utf8)) {
                    guard let end = find(Array("]]>".utf8), from: index + 9) else { throw fail("an unterminated CDATA section") }
                    line += lines(index..<end)
                    handler.text(String(decoding: bytes[(index + 9)..<end], as: UTF8.self))
                    index = end + 3
                } else {
                    throw fail("a document type declaration, which Excel never writes")
                }
            } else {
                guard let end = tagEnd(bytes, from: index + 1) else { throw fail("an unterminated tag") }
                line += lines(index..<end)
                try tag(bytes[(index + 1)..<end], line: line, into: handler)
                index = end + 1
            }
        }
    }

    /// The ">" closing the tag that starts at `start`, past quoted attribute values.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var at = start
        var quote: UInt8 = 0
        while at < bytes.count {
            let byte = bytes[at]
            if quote != 0 { if byte == quote { quote = 0 } }
            else if byte == 0x22 || byte == 0x27 { quote = byte }
            else if byte == 0x3E { return at }
            at += 1
        }
        return nil
    }

    /// One tag's inside: "/name", "name attr='v' …" or "name …/".
    private static func tag(_ inside: ArraySlice<UInt8>, line: Int, into handler: XMLEventHandler) throws(Failure) {
        var body = inside
        if body.first == 0x2F {   // end tag
            handler.end(localName(body.dropFirst().prefix { !isSpace($0) }))
            return
        }
        let empty = body.last == 0x2F
        if empty { body = body.dropLast() }
        let name = body.prefix { !isSpace($0) }
        guard !name.isEmpty else { throw Failure(line: line, reason: "a tag without a name") }
        var attributes: [String: String] = [:]
        var at = name.endIndex
        while at < body.endIndex {
            while at < body.endIndex && isSpace(body[at]) { at += 1 }
            guard at < body.endIndex else { break }
            let nameStart = at
            while at < body.endIndex && body[at] != 0x3D && !isSpace(body[at]) { at += 1 }
            let attribute = String(decoding: body[nameStart..<at], as: UTF8.self)
            while at < body.endIndex && isSpace(body[at]) { at += 1 }
            guard at < body.endIndex, body[at] == 0x3D else { throw Failure(line: line, reason: "attribute \(attribute) has no value") }
            at += 1
            while at < body.endIndex && isSpace(body[at]) { at += 1 }
            guard at < body.endIndex, body[at] == 0x22 || body[at] == 0x27 else {
                throw Failure(line: line, reason: "attribute \(attribute) has an unquoted value")
            }
            let quote = body[at]
            at += 1
            let valueStart = at
            while at < body.endIndex && body[at] != quote { at += 1 }
            guard at < body.endIndex else { throw Failure(line: line, reason: "attribute \(attribute) is not closed") }
            attributes[attribute] = decode(body[valueStart..<at])
            at += 1
        }
        let local = localName(name)
        handler.start(local, attributes: attributes)
        if empty { handler.end(local) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func localName(_ name: ArraySlice<UInt8>) -> String {
        let colon = name.lastIndex(of: 0x3A)
        return String(decoding: colon.map { name[($0 + 1)...] } ?? name, as: UTF8.self)
    }

    /// Text with `&lt; &gt; &amp; &quot; &apos;` and `&#…;` decoded; anything else kept as written.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = bytes.startIndex
        while at < bytes.endIndex {
            let byte = bytes[at]
            guard byte == 0x26, let semicolon = bytes[at...].prefix(12).firstIndex(of: 0x3B) else {
                out.append(byte)
                at += 1
                continue
            }
            let entity = String(decoding: bytes[(at + 1)..<semicolon], as: UTF8.self)
            var replacement: String?
            switch entity {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).map { String(Unicode.Scalar($0).map(Character.init) ?? "\u{FFFD}") }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst(), radix: 10).map { String(Unicode.Scalar($0).map(Character.init) ?? "\u{FFFD}") }
                }
            }
            if let replacement {
                out.append(contentsOf: replacement.utf8)
                at = semicolon + 1
            } else {
                out.append(byte)
                at += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
