import Foundation
import HTTPTypes
import HangViet
import Hummingbird

/// The web page `hangviet serve` shows at `GET /`: one HTML page per language, one script and
/// one style sheet, all made once at start-up, self-contained (no CDN, fonts or third-party
/// origins) and served with a strict Content-Security-Policy, `ETag` and gzip.
///
/// ```swift
/// let page = WebPage()
/// page.language(for: request)              // ?lang=, then the hv_lang cookie, then Accept-Language (Vietnamese by default)
/// page.html[.vi]!.bytes.count              // the Vietnamese page
/// ```
struct WebPage: Sendable {
    let html: [Language: WebAsset]
    let script: WebAsset
    let style: WebAsset

    /// Only this server's own files; images from the camera or a chosen file are `blob:` URLs.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
        + "media-src 'self' blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    static let languageCookie = "hv_lang"

    init() {
        script = WebAsset(Array(Self.script.utf8), contentType: "text/javascript; charset=utf-8")
        style = WebAsset(Array(Self.style.utf8), contentType: "text/css; charset=utf-8")
        var pages: [Language: WebAsset] = [:]
        for language in [Language.vi, .en] {
            pages[language] = WebAsset(Array(Self.page(language, scriptVersion: script.version, styleVersion: style.version).utf8),
                                       contentType: "text/html; charset=utf-8")
        }
        html = pages
    }

    /// `?lang=vi|en` (the switch, remembered in a cookie on the device), then that cookie, then
    /// the browser's `Accept-Language`; Vietnamese unless English is preferred.
    func language(for request: Request) -> (Language, remember: Bool) {
        if let asked = request.uri.queryParameters.get("lang"), let language = Language(rawValue: asked) { return (language, true) }
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let pair = cookie.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == Self.languageCookie, let language = Language(rawValue: pair[1]) { return (language, false) }
        }
        return (Language(acceptLanguageHeader: request.headers[.acceptLanguage], default: .vi), false)
    }

    /// The page in the language the request asks for.
    func pageResponse(to request: Request) -> Response {
        let (language, remember) = language(for: request)
        var headers: HTTPFields = [:]
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[.vary] = "Accept-Language, Cookie"
        if remember {
            headers[.setCookie] = "\(Self.languageCookie)=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
        }
        return html[language]!.response(to: request, cacheControl: "no-cache", extraHeaders: headers)
    }

    /// The texts for the script as JSON, safe inside a `<script type="application/json">` block.
    static func textsJSON(_ language: Language) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        for text in texts { writer.field(text.key, language == .vi ? text.vi : text.en) }
        writer.endObject()
        return writer.text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    }

    /// The HTML template with every `{{key}}` replaced by its escaped text.
    static func page(_ language: Language, scriptVersion: String, styleVersion: String) -> String {
        var page = template
            .replacingOccurrences(of: "{{lang}}", with: language.rawValue)
            .replacingOccurrences(of: "{{scriptVersion}}", with: scriptVersion)
            .replacingOccurrences(of: "{{styleVersion}}", with: styleVersion)
            .replacingOccurrences(of: "{{textsJSON}}", with: textsJSON(language))
            .replacingOccurrences(of: "{{viCurrent}}", with: language == .vi ? " aria-current=\"true\"" : "")
            .replacingOccurrences(of: "{{enCurrent}}", with: language == .en ? " aria-current=\"true\"" : "")
        for text in texts { page = page.replacingOccurrences(of: "{{\(text.key)}}", with: (language == .vi ? text.vi : text.en).htmlEscaped) }
        return page
    }
}
