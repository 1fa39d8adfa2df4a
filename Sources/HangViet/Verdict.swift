import GS1
import OriginRegistry

/// The answer for one input: an ``Outcome``, the ``Evidence`` it rests on and the
/// ``Caveat``s that limit it. Texts come in Vietnamese or English.
///
/// ```swift
/// let verdict = VerdictEngine().verdict(for: "8934563138165")
/// verdict.outcome                 // .vietnameseRegistrant
/// verdict.summary(.vi)            // "Doanh nghiệp đăng ký mã tại Việt Nam: …"
/// verdict.caveats.first?.message(.en) // "Prefix 893 means the company licensed …"
/// ```
public struct Verdict: Sendable, Hashable {
    /// Why an outcome is `notApplicable` or `unknown`.
    public enum Reason: String, Sendable, Hashable {
        case restrictedCirculation = "restricted-circulation"
        case coupon
        case refundReceipt = "refund-receipt"
        case serialPublication = "serial-publication"
        case sheetMusic = "sheet-music"
        case demonstration
        case generalManagerNumber = "general-manager-number"
        case globalOffice = "global-office"
        case unassignedPrefix = "unassigned-prefix"
        case gtin8OnlyPrefix = "gtin8-only-prefix"
        case noGTIN = "no-gtin"
        case link
        case text
    }

    /// The input as given (a typed code, a line, a scanned symbol's text).
    public let input: String
    public let outcome: Outcome
    public let reason: Reason?
    public let evidence: [Evidence]
    public let caveats: [Caveat]

    public init(input: String, outcome: Outcome, reason: Reason? = nil, evidence: [Evidence], caveats: [Caveat]) {
        self.input = input
        self.outcome = outcome
        self.reason = reason
        self.evidence = evidence
        self.caveats = caveats
    }

    /// The normalised number, if there is one.
    public var gtin: GTIN? {
        for case .gtin(let gtin) in evidence { return gtin }
        return nil
    }
    /// The GS1 prefix range.
    public var prefix: GS1PrefixRange? {
        for case .prefix(let range) in evidence { return range }
        return nil
    }
    /// The 893 company-prefix split.
    public var companyPrefix: VietnameseCompanyPrefix.Split? {
        for case .companyPrefix(let split) in evidence { return split }
        return nil
    }
    /// The Vietnamese ISBN analysis.
    public var isbn: VietnameseISBN.Analysis? {
        for case .isbn(let analysis) in evidence { return analysis }
        return nil
    }
    /// AI 422.
    public var countryOfOrigin: (code: Int, country: Country?)? {
        for case .countryOfOrigin(let code, let country) in evidence { return (code, country) }
        return nil
    }
    /// The error, for invalid inputs.
    public var error: GS1Error? {
        for case .error(let error) in evidence { return error }
        return nil
    }
    /// Registry facts.
    public var registryFacts: [RegistryFact] {
        evidence.compactMap { if case .registry(let fact) = $0 { return fact } else { return nil } }
    }
    /// Other GS1 data (batch, expiry …).
    public var elements: [ElementValue] {
        evidence.compactMap { if case .element(let value) = $0 { return value } else { return nil } }
    }

    /// Country name for display: Vietnamese for Viet Nam, else the ISO English short name.
    static func countryName(_ country: Country?, code: String?, _ language: Language) -> String {
        if country?.alpha2 == "VN" || code == "VN" { return language == .vi ? "Việt Nam" : "Viet Nam" }
        if let country { return country.name }
        guard let code else { return language == .vi ? "không rõ nước" : "country not given" }
        return code.split(separator: ";").map { Country(alpha2: String($0))?.name ?? String($0) }.joined(separator: " & ")
    }
}
