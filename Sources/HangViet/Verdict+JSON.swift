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

    /// ``json(_:line:)`` as UTF-8 bytes, for writers that stream bytes: ``VerdictDocument``'s JSON.
    public func jsonBytes(_ language: Language, line: Int? = nil) -> [UInt8] {
        VerdictDocument(self, language: language, line: line).jsonBytes
    }

    /// The verdict's wire form in one language (see ``VerdictDocument``).
    public func document(_ language: Language, line: Int? = nil) -> VerdictDocument {
        VerdictDocument(self, language: language, line: line)
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
