import OriginRegistry

/// A registry fact inside a verdict (its `registry` array), in one language: the brand, GTIN,
/// OCOP product or geographical indication that matched, with its source.
///
/// ```json
/// {"id":"brand:3","kind":"brand","name":"Acecook Việt Nam","ownership":"foreign-group",
///  "source":{"addresses":["https://…"],"title":"…"}}
/// ```
public struct RegistryFactDocument: Encodable, Sendable, Equatable {
    public var id: String
    public var kind: String
    public var name: String
    public var note: String?
    public var ownership: String?
    public var ocop: OCOP?
    public var attributes: RegistryEntryDocument.Fields?
    public var source: SourceDocument
    /// True for a brand tag (crowd-sourced brand seen with the prefix, not a company); left out otherwise.
    public var brandTag: Bool?
    /// For a brand owner: the sourced warning that the brand sold foreign-made goods as Vietnamese.
    public var originWarning: String?

    /// An OCOP rating and whether it is current (certificates last 36 months).
    public struct OCOP: Encodable, Sendable, Equatable {
        public var stars: Int?
        public var province: String?
        public var year: Int?
        public var certifiedOn: String?
        public var expiresOn: String?
        public var validity: String
        public var current: Bool
    }

    public init(_ fact: RegistryFact, language: Language) {
        id = fact.id
        kind = fact.kind.rawValue
        name = fact.name
        note = fact.note?.text(language)
        ownership = fact.ownership?.rawValue
        ocop = fact.ocop.map { status in
            OCOP(stars: status.stars, province: status.province, year: status.year, certifiedOn: status.certifiedOn?.description,
                 expiresOn: status.expiresOn?.description, validity: status.validity.code, current: status.validity.isCurrent)
        }
        attributes = fact.attributes.isEmpty ? nil : RegistryEntryDocument.Fields(pairs: fact.attributes.map { ($0.key, $0.value) })
        source = SourceDocument(fact.source)
        brandTag = fact.isBrandTag ? true : nil
        originWarning = fact.originWarning?.text(language)
    }

    /// Appends the fact as one JSON object.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("kind", kind)
        w.field("name", name)
        w.field("note", note)
        w.field("ownership", ownership)
        if let ocop {
            w.beginObject("ocop")
            w.field("stars", ocop.stars)
            w.field("province", ocop.province)
            w.field("year", ocop.year)
            w.field("certifiedOn", ocop.certifiedOn)
            w.field("expiresOn", ocop.expiresOn)
            w.field("validity", ocop.validity)
            w.field("current", ocop.current)
            w.endObject()
        }
        if let attributes {
            w.beginObject("attributes")
            for (key, value) in attributes.pairs { w.field(key, value) }
            w.endObject()
        }
        source.write(to: &w)
        w.field("brandTag", brandTag)
        w.field("originWarning", originWarning)
        w.endObject()
    }
}
