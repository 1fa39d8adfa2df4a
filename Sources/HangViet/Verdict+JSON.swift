import Foundation
import GS1

extension Verdict {
    /// The verdict as one JSON object: the shape of `hangviet check --format json` and of the
    /// HTTP endpoint's responses. `extra` fields (e.g. a line number) come first.
    ///
    /// ```json
    /// {"input":"8934563138165","outcome":"vietnamese-registrant","valid":true,
    ///  "summary":"Vietnamese registrant: …","code":{"format":"EAN-13","digits":"8934563138165",…},
    ///  "issuer":{…},"companyPrefix":{…},"caveats":[{"code":"prefix-is-not-origin","message":"…"}]}
    /// ```
    public func json(_ language: Language, line: Int? = nil) -> String {
        String(decoding: jsonBytes(language, line: line), as: UTF8.self)
    }

    /// ``json(_:line:)`` as UTF-8 bytes, for writers that stream bytes.
    public func jsonBytes(_ language: Language, line: Int? = nil) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("line", line)
        w.field("input", input)
        w.field("outcome", outcome.rawValue)
        w.field("valid", outcome.isWellFormed)
        w.field("reason", reason?.rawValue)
        w.field("summary", summary(language))
        if let gtin {
            w.beginObject("code")
            w.field("format", gtin.format.rawValue)
            w.field("digits", gtin.digits)
            w.field("gtin14", gtin.gtin14)
            if gtin.format == .upcE || gtin.format == .isbn10 { w.field("printed", gtin.printedForm) }
            w.endObject()
        }
        if let prefix {
            w.beginObject("issuer")
            w.field("prefix", prefix.rangeText)
            w.field("kind", prefix.kind.rawValue)
            w.field("name", prefix.name)
            w.field("country", prefix.isoCountryCodes)
            w.field("note", prefix.note)
            w.field("disputedReading", prefix.disputedReading)
            w.field("source", prefix.source)
            w.endObject()
        }
        if let split = companyPrefix {
            w.beginObject("companyPrefix")
            switch split {
            case .known(let company):
                w.field("status", "known")
                w.field("prefix", company.prefix)
                w.field("itemReference", company.itemReference)
                w.field("length", company.length)
                w.field("rule", company.rule.prefix)
                w.field("source", company.rule.source)
            case .unknownLength(let block):
                w.field("status", "unknown-length")
                w.field("block", block)
            case .notApplicable:
                w.field("status", "not-applicable")
            }
            w.endObject()
        }
        if let isbn {
            w.beginObject("isbn")
            w.field("group", "978-" + isbn.group)
            w.field("registrant", isbn.registrant)
            w.field("hyphenated", isbn.hyphenated)
            w.field("publisher", isbn.publisher?.name)
            w.field("source", isbn.range?.source)
            w.endObject()
        }
        for case .issn(let issn) in evidence { w.field("issn", issn) }
        if let origin = countryOfOrigin {
            w.beginObject("countryOfOrigin")
            w.field("ai", "422")
            w.field("numeric", origin.code)
            w.field("alpha2", origin.country?.alpha2)
            w.field("name", origin.country.map { Self.countryName($0, code: nil, language) })
            w.endObject()
        }
        let elements = self.elements
        if !elements.isEmpty {
            w.beginArray("elements")
            for element in elements {
                w.beginObject()
                w.field("ai", element.code)
                w.field("title", element.identifier.title)
                w.field("value", element.value)
                w.field("interpreted", element.interpretationText)
                w.endObject()
            }
            w.endArray()
        }
        for item in evidence {
            switch item {
            case .digitalLink(let host, let uri):
                w.beginObject("digitalLink"); w.field("host", host); w.field("uri", uri); w.endObject()
            case .link(let url): w.field("link", url)
            case .text(let text): w.field("text", text)
            default: break
            }
        }
        let facts = registryFacts
        if !facts.isEmpty {
            w.beginArray("registry")
            for fact in facts { fact.writeJSON(to: &w, language) }
            w.endArray()
        }
        if let error {
            w.beginObject("error")
            w.field("code", error.code.rawValue)
            w.field("message", error.localizedMessage(language))
            w.field("position", error.position)
            w.field("expectedCheckDigit", error.expectedCheckDigit.map(String.init))
            w.field("foundCheckDigit", error.foundCheckDigit.map(String.init))
            w.field("ai", error.applicationIdentifier)
            w.endObject()
        }
        w.beginArray("caveats")
        for caveat in caveats {
            w.beginObject()
            w.field("code", caveat.code)
            w.field("message", caveat.message(language))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}

extension ElementValue {
    /// A readable rendering of the interpreted value ("2026-12-31", "1.250", "Viet Nam").
    public var interpretationText: String? {
        switch interpretation {
        case .gtin(let gtin): return gtin.digits
        case .date(let year, let month, let day):
            let mm = month < 10 ? "0\(month)" : "\(month)"
            let dd = day == 0 ? "end of month" : (day < 10 ? "0\(day)" : "\(day)")
            return "\(GS1Date.fullYear(twoDigitYear: year))-\(mm)-\(dd)"
        case .decimal(let text): return text
        case .country(let code, let country): return country?.name ?? "ISO \(code)"
        case .countries(let codes): return codes.map { Country(numericCode: $0)?.name ?? "ISO \($0)" }.joined(separator: ", ")
        case .text: return nil
        }
    }
}
