import OriginRegistry

/// A registry entry on the wire: `registry search|show|export --format json` and
/// `GET /v1/registry/search` write this one shape (OpenAPI schema `RegistryEntry`).
///
/// ```json
/// {"id":"gi:1","kind":"gi","name":"Nước mắm Phú Quốc","origin":"seed",
///  "fields":{"name":"Nước mắm Phú Quốc",…},"source":{"addresses":["https://…"],"title":"…"}}
/// ```
///
/// It is `Encodable`; ``jsonBytes`` writes the same JSON with the byte writer, in this order
/// (a test proves the two agree).
public struct RegistryEntryDocument: Encodable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var name: String
    public var origin: String
    /// The entry's columns as imported, empty ones left out, in the kind's column order.
    public var fields: Fields
    public var source: SourceDocument

    public init(_ entry: RegistryEntry, source: RegistrySource) {
        id = entry.id
        kind = entry.kind.rawValue
        name = entry.name
        origin = entry.origin.rawValue
        fields = Fields(pairs: entry.fields.filter { !$0.value.isEmpty }.map { ($0.column, $0.value) })
        self.source = SourceDocument(source)
    }

    /// Column → value, kept in order (JSON objects built by `JSONEncoder` are not).
    public struct Fields: Encodable, Sendable, Hashable {
        public var pairs: [(column: String, value: String)]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            for (column, value) in pairs { try container.encode(value, forKey: DynamicKey(column)) }
        }

        public static func == (a: Fields, b: Fields) -> Bool {
            a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.column == $1.column && $0.value == $1.value }
        }
        public func hash(into hasher: inout Hasher) {
            for (column, value) in pairs { hasher.combine(column); hasher.combine(value) }
        }
    }

    /// The entry as one JSON object (UTF-8).
    public var jsonBytes: [UInt8] {
        var w = JSONWriter(capacity: 512)
        write(to: &w)
        return w.bytes
    }

    /// Appends the entry as one JSON object (an array element, or under `key`).
    public func write(to w: inout JSONWriter, key: String? = nil) {
        w.beginObject(key)
        w.field("id", id)
        w.field("kind", kind)
        w.field("name", name)
        w.field("origin", origin)
        w.beginObject("fields")
        for (column, value) in fields.pairs { w.field(column, value) }
        w.endObject()
        source.write(to: &w)
        w.endObject()
    }

    /// Entries as one JSON array: `[{…},{…}]`, or with `lineBreaks` one entry per line
    /// (`[\n{…},\n{…}\n]`, the export file).
    public static func jsonArray(_ documents: [RegistryEntryDocument], lineBreaks: Bool = false) -> [UInt8] {
        JSONWriter.array(documents.lazy.map(\.jsonBytes), lineBreaks: lineBreaks)
    }
}

/// Where a registry fact comes from, on the wire: `{"addresses":[…],"title":…,"retrieved":…,"licence":…}`.
public struct SourceDocument: Encodable, Sendable, Hashable {
    public var addresses: [String]
    public var title: String?
    public var retrieved: String?
    public var licence: String?

    public init(_ source: RegistrySource) {
        addresses = source.addresses
        title = source.title
        retrieved = source.retrieved
        licence = source.licence
    }

    /// Appends `"source": {…}` (or under `key`) inside an object.
    public func write(to w: inout JSONWriter, key: String = "source") {
        w.beginObject(key)
        w.beginArray("addresses")
        for address in addresses { w.element(address) }
        w.endArray()
        w.field("title", title)
        w.field("retrieved", retrieved)
        w.field("licence", licence)
        w.endObject()
    }
}

/// A JSON object key known only at run time (registry columns).
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
