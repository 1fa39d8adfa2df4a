extension VerdictDocument {
    /// The document as one JSON object (UTF-8), written with the byte writer: millions of
    /// verdicts a minute in batch output and the HTTP endpoint, which `JSONEncoder` cannot keep up with.
    public var jsonBytes: [UInt8] {
        var w = JSONWriter()
        write(to: &w)
        return w.bytes
    }

    /// Appends the document as one JSON object (an array element, or under `key`).
    public func write(to w: inout JSONWriter, key: String? = nil) {
        w.beginObject(key)
        w.field("line", line)
        w.field("input", input)
        w.field("outcome", outcome)
        w.field("shareCategory", shareCategory)
        w.field("valid", valid)
        w.field("reason", reason)
        w.field("summary", summary)
        if let code {
            w.beginObject("code")
            w.field("format", code.format)
            w.field("digits", code.digits)
            w.field("gtin14", code.gtin14)
            w.field("printed", code.printed)
            w.endObject()
        }
        if let issuer {
            w.beginObject("issuer")
            w.field("prefix", issuer.prefix)
            w.field("kind", issuer.kind)
            w.field("name", issuer.name)
            w.field("country", issuer.country)
            w.field("note", issuer.note)
            w.field("disputedReading", issuer.disputedReading)
            w.field("source", issuer.source)
            w.endObject()
        }
        if let companyPrefix {
            w.beginObject("companyPrefix")
            w.field("status", companyPrefix.status)
            w.field("prefix", companyPrefix.prefix)
            w.field("itemReference", companyPrefix.itemReference)
            w.field("length", companyPrefix.length)
            w.field("rule", companyPrefix.rule)
            w.field("source", companyPrefix.source)
            w.field("block", companyPrefix.block)
            w.endObject()
        }
        if let isbn {
            w.beginObject("isbn")
            w.field("group", isbn.group)
            w.field("registrant", isbn.registrant)
            w.field("hyphenated", isbn.hyphenated)
            w.field("publisher", isbn.publisher)
            w.field("source", isbn.source)
            w.endObject()
        }
        w.field("issn", issn)
        if let countryOfOrigin {
            w.beginObject("countryOfOrigin")
            w.field("ai", countryOfOrigin.ai)
            w.field("numeric", countryOfOrigin.numeric)
            w.field("alpha2", countryOfOrigin.alpha2)
            w.field("name", countryOfOrigin.name)
            w.endObject()
        }
        if let elements {
            w.beginArray("elements")
            for element in elements {
                w.beginObject()
                w.field("ai", element.ai)
                w.field("title", element.title)
                w.field("value", element.value)
                w.field("interpreted", element.interpreted)
                w.endObject()
            }
            w.endArray()
        }
        if let digitalLink {
            w.beginObject("digitalLink"); w.field("host", digitalLink.host); w.field("uri", digitalLink.uri); w.endObject()
        }
        w.field("link", link)
        w.field("text", text)
        if let registry {
            w.beginArray("registry")
            for fact in registry { fact.write(to: &w) }
            w.endArray()
        }
        if let error {
            w.beginObject("error")
            w.field("code", error.code)
            w.field("message", error.message)
            w.field("position", error.position)
            w.field("expectedCheckDigit", error.expectedCheckDigit)
            w.field("foundCheckDigit", error.foundCheckDigit)
            w.field("ai", error.ai)
            w.endObject()
        }
        w.beginArray("caveats")
        for caveat in caveats {
            w.beginObject()
            w.field("code", caveat.code)
            w.field("message", caveat.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
