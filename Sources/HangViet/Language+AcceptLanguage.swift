import Foundation

/// Choosing the language of an answer from an HTTP `Accept-Language` header: the server's API
/// (English unless asked) and its web page (Vietnamese unless asked).
///
/// ```swift
/// Language(acceptLanguageHeader: "en-US,en;q=0.9,vi;q=0.8")          // .en
/// Language(acceptLanguageHeader: "fr-FR", default: .vi)               // .vi
/// ```
extension Language {
    /// The language an `Accept-Language` header prefers among vi and en; `fallback` when it
    /// names neither (English for the API, Vietnamese for the page).
    public init(acceptLanguageHeader header: String?, default fallback: Language) {
        guard let header, !header.isEmpty else { self = fallback; return }
        var best: (Language, Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let first = parts.first else { continue }
            let tag = first.trimmingCharacters(in: .whitespaces).lowercased()
            let quality = parts.dropFirst().compactMap { part -> Double? in
                let pair = part.split(separator: "=")
                return pair.count == 2 && pair[0].trimmingCharacters(in: .whitespaces) == "q" ? Double(pair[1]) : nil
            }.first ?? 1
            let language: Language? = tag.hasPrefix("vi") ? .vi : tag.hasPrefix("en") ? .en : nil
            if let language, quality > 0, quality > (best?.1 ?? -1) { best = (language, quality) }
        }
        self = best?.0 ?? fallback
    }

    /// The language an `Accept-Language` header prefers among vi and en (en by default).
    public init(acceptLanguageHeader header: String?) {
        self.init(acceptLanguageHeader: header, default: .en)
    }
}
