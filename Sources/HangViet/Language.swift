/// The language of messages: Vietnamese (with diacritics) or English.
///
/// ```swift
/// Language.resolve(flag: nil, environment: ["LANG": "vi_VN.UTF-8"]) // .vi
/// ```
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Tiếng Việt.
    case vi
    /// English.
    case en

    /// The language from an explicit choice, else from `LANG` (`vi…` → Vietnamese), else English.
    public static func resolve(flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if let lang = environment["LANG"]?.lowercased(), lang.hasPrefix("vi") { return .vi }
        return .en
    }

    /// Parses an HTTP `Accept-Language` header or a `--lang` value ("vi", "vi-VN", "en-US,en;q=0.9").
    public init?(tag: String) {
        let first = tag.split(separator: ",").first.map { $0.split(separator: ";")[0] } ?? ""
        let primary = first.trimmingASCIISpaces().lowercased().split(separator: "-").first.map(String.init) ?? ""
        guard let language = Language(rawValue: primary.split(separator: "_").first.map(String.init) ?? primary) else { return nil }
        self = language
    }
}

extension StringProtocol {
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
