import OriginRegistry

/// A hotline on the wire: `hangviet registry hotlines --format json` and `GET /v1/hotlines`
/// (OpenAPI schema `Hotline`).
///
/// ```json
/// {"agency":"Tổng đài tư vấn, hỗ trợ người tiêu dùng","numberOrChannel":"1800 6838","scope":"national",
///  "asOf":"2024 (…)","source":{"addresses":["https://…"],"retrieved":"2026-12-02"}}
/// ```
///
/// It is `Encodable`; ``jsonBytes`` writes the same JSON with the byte writer (a test proves it).
public struct HotlineDocument: Encodable, Sendable, Equatable {
    public var agency: String
    public var parentBody: String?
    public var numberOrChannel: String
    public var channelType: String?
    public var takes: String?
    public var scope: String
    public var asOf: String
    public var statusNote: String?
    public var source: SourceDocument

    public init(_ hotline: Hotline) {
        agency = hotline.agency
        parentBody = hotline.parentBody
        numberOrChannel = hotline.numberOrChannel
        channelType = hotline.channelType
        takes = hotline.takes
        scope = hotline.scope
        asOf = hotline.asOf
        statusNote = hotline.statusNote
        source = SourceDocument(RegistrySource(address: hotline.source, title: "HangViet seed: Resources/registry/hotlines.csv",
                                               retrieved: hotline.retrieved))
    }

    /// The hotline as one JSON object (UTF-8).
    public var jsonBytes: [UInt8] {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.field("agency", agency)
        w.field("parentBody", parentBody)
        w.field("numberOrChannel", numberOrChannel)
        w.field("channelType", channelType)
        w.field("takes", takes)
        w.field("scope", scope)
        w.field("asOf", asOf)
        w.field("statusNote", statusNote)
        source.write(to: &w)
        w.endObject()
        return w.bytes
    }

    /// Hotlines as one JSON array.
    public static func jsonArray(_ documents: [HotlineDocument]) -> [UInt8] {
        JSONWriter.array(documents.lazy.map(\.jsonBytes))
    }

    /// One line of text: the number, the agency, its scope and date ("as of 2018"), in `language`.
    public func textLine(_ language: Language) -> String {
        let when = LocalizedText(en: "as of \(asOf)", vi: "theo nguồn năm \(asOf)")[language]
        // Provinces are named as written; the national scope is a word of the language asked.
        let area = scope.lowercased() == "national" ? LocalizedText(en: "national", vi: "toàn quốc")[language] : scope
        return "\(numberOrChannel) — \(agency) (\(area); \(when))"
    }
}
