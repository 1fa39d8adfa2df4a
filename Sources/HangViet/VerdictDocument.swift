import GS1
import OriginRegistry

/// A verdict on the wire, in one language: `check --format json`, `GET /v1/codes/{code}`, each
/// code of a scan report, each row of `batch --format ndjson|json` (with `line`). OpenAPI schema
/// `Verdict`. Absent facts are left out; `caveats` is always there.
///
/// ```swift
/// let document = VerdictDocument(engine.verdict(for: "8934563138165"), language: .vi)
/// document.outcome         // "vietnamese-registrant"
/// document.jsonBytes       // {"input":"8934563138165","outcome":"vietnamese-registrant",…}
/// ```
///
/// It is `Encodable`; ``jsonBytes`` writes the same JSON with the byte writer, keys in the
/// order declared here (a test proves the two agree). A new field is added here, in
/// ``init(_:language:line:)`` and in ``write(to:)``, and in the OpenAPI document (the contract
/// test fails until it is).
public struct VerdictDocument: Encodable, Sendable, Equatable {
    /// The input line or row, for batch and multi-code output.
    public var line: Int?
    public var input: String
    public var outcome: String
    /// How the code counts towards the share of Vietnamese goods (``ShareCategory``):
    /// `confirmed` only with evidence beyond the 893 prefix.
    public var shareCategory: String
    /// False for an invalid code (bad check digit, malformed GS1 data).
    public var valid: Bool
    public var reason: String?
    public var summary: String
    public var code: Code?
    public var issuer: Issuer?
    public var companyPrefix: CompanyPrefix?
    public var isbn: ISBN?
    public var issn: String?
    public var countryOfOrigin: CountryOfOrigin?
    public var elements: [Element]?
    public var digitalLink: DigitalLink?
    public var link: String?
    public var text: String?
    public var registry: [RegistryFactDocument]?
    public var error: ErrorDetail?
    public var caveats: [CaveatDocument]

    public struct Code: Encodable, Sendable, Equatable {
        public var format: String
        public var digits: String
        public var gtin14: String
        /// As printed under the bars, for UPC-E and ISBN-10.
        public var printed: String?
    }

    /// The GS1 member organisation (or other range) the prefix belongs to.
    public struct Issuer: Encodable, Sendable, Equatable {
        public var prefix: String
        public var kind: String
        public var name: String
        public var country: String?
        public var note: String?
        public var disputedReading: String?
        public var source: String?
    }

    public struct CompanyPrefix: Encodable, Sendable, Equatable {
        /// known, unknown-length or not-applicable.
        public var status: String
        public var prefix: String?
        public var itemReference: String?
        public var length: Int?
        public var rule: String?
        public var source: String?
        public var block: String?
    }

    public struct ISBN: Encodable, Sendable, Equatable {
        public var group: String
        public var registrant: String?
        public var hyphenated: String?
        public var publisher: String?
        public var source: String?
    }

    /// GS1 AI 422: the brand owner's declaration of the country of origin.
    public struct CountryOfOrigin: Encodable, Sendable, Equatable {
        public var ai = "422"
        /// The ISO 3166-1 numeric code as declared.
        public var numeric: Int
        public var alpha2: String?
        public var name: String?
    }

    public struct Element: Encodable, Sendable, Equatable {
        public var ai: String
        public var title: String
        public var value: String
        public var interpreted: String?
    }

    public struct DigitalLink: Encodable, Sendable, Equatable {
        public var host: String
        public var uri: String
    }

    public struct ErrorDetail: Encodable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var position: Int?
        public var expectedCheckDigit: String?
        public var foundCheckDigit: String?
        public var ai: String?
    }

    public struct CaveatDocument: Encodable, Sendable, Equatable {
        public var code: String
        public var message: String
    }

    public init(_ verdict: Verdict, language: Language, line: Int? = nil) {
        self.line = line
        input = verdict.input
        outcome = verdict.outcome.rawValue
        shareCategory = ShareCategory(verdict).rawValue
        valid = verdict.outcome.isWellFormed
        reason = verdict.reason?.rawValue
        summary = verdict.summary(language)
        code = verdict.gtin.map { gtin in
            Code(format: gtin.format.rawValue, digits: gtin.digits, gtin14: gtin.gtin14,
                 printed: gtin.format == .upcE || gtin.format == .isbn10 ? gtin.printedForm : nil)
        }
        issuer = verdict.prefix.map { prefix in
            Issuer(prefix: prefix.rangeText, kind: prefix.kind.rawValue, name: prefix.name, country: prefix.isoCountryCodes,
                   note: prefix.note, disputedReading: prefix.disputedReading, source: prefix.source)
        }
        companyPrefix = verdict.companyPrefix.map { split in
            switch split {
            case .known(let company):
                CompanyPrefix(status: "known", prefix: company.prefix, itemReference: company.itemReference, length: company.length,
                              rule: company.rule.prefix, source: company.rule.source)
            case .unknownLength(let block): CompanyPrefix(status: "unknown-length", block: block)
            case .notApplicable: CompanyPrefix(status: "not-applicable")
            }
        }
        isbn = verdict.isbn.map { isbn in
            ISBN(group: "978-" + isbn.group, registrant: isbn.registrant, hyphenated: isbn.hyphenated,
                 publisher: isbn.publisher?.name, source: isbn.range?.source)
        }
        for item in verdict.details {   // ISSN, links and text are details: no need to build `evidence`
            switch item {
            case .issn(let issn): if self.issn == nil { self.issn = issn }
            case .digitalLink(let host, let uri): if digitalLink == nil { digitalLink = DigitalLink(host: host, uri: uri) }
            case .link(let url): if link == nil { link = url }
            case .text(let text): if self.text == nil { self.text = text }
            default: break
            }
        }
        countryOfOrigin = verdict.countryOfOrigin.map { origin in
            CountryOfOrigin(numeric: origin.code, alpha2: origin.country?.alpha2,
                            name: origin.country.map { Verdict.countryName($0, code: nil, language) })
        }
        var elements: [Element] = []
        for case .element(let element) in verdict.details {
            elements.append(Element(ai: element.code, title: element.identifier.title, value: element.value,
                                    interpreted: element.interpretationText))
        }
        self.elements = elements.isEmpty ? nil : elements
        let facts = verdict.registryFacts
        registry = facts.isEmpty ? nil : facts.map { RegistryFactDocument($0, language: language) }
        error = verdict.error.map { error in
            ErrorDetail(code: error.code.rawValue, message: error.localizedMessage(language), position: error.position,
                        expectedCheckDigit: error.expectedCheckDigit.map(String.init),
                        foundCheckDigit: error.foundCheckDigit.map(String.init), ai: error.applicationIdentifier)
        }
        var caveats: [CaveatDocument] = []
        caveats.reserveCapacity(4)
        verdict.forEachCaveat { caveats.append(CaveatDocument(code: $0.code, message: $0.message(language))) }
        self.caveats = caveats
    }
}

extension VerdictDocument.CompanyPrefix {
    init(status: String, block: String? = nil) {
        self.init(status: status, prefix: nil, itemReference: nil, length: nil, rule: nil, source: nil, block: block)
    }
}
