import BarcodeScanning
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
///
/// A verdict is compact: the common evidence (number, prefix range, company prefix, registry
/// facts shared with the registry snapshot) and the caveats (a set of flags) are stored without
/// building arrays, so millions of verdicts a second cost almost no allocation. ``evidence``
/// and ``caveats`` assemble the full lists when asked.
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
    /// The normalised number, if there is one.
    public let gtin: GTIN?
    /// The GS1 prefix range.
    public let prefix: GS1PrefixRange?
    /// The 893 company-prefix split.
    public let companyPrefix: VietnameseCompanyPrefix.Split?
    /// Registry facts (shared with the registry snapshot), each with its source.
    public private(set) var registryFacts: [RegistryFact]
    /// Other evidence, in order: ISBN, ISSN, AI 422, other GS1 data, links, text, errors.
    let details: [Evidence]
    /// The caveats that do not come from registry facts.
    let flags: CaveatFlags
    /// For a code read from a photo: how sure the read is (nil for typed codes).
    public private(set) var readConfidence: ReadConfidence?

    /// True when the code came from a photo whose read was not verified: the verdict then says
    /// so, and an invalid code is not called a possible forgery (the photo may be misread).
    public var isFromDoubtfulRead: Bool { readConfidence?.isDoubtful ?? false }

    /// This verdict with more registry facts after its own (an inventory row's item-name matches).
    func adding(_ facts: [RegistryFact]) -> Verdict {
        var verdict = self
        verdict.registryFacts += facts
        return verdict
    }

    /// This verdict for a code read from a photo with `confidence`.
    public func read(with confidence: ReadConfidence) -> Verdict {
        var verdict = self
        verdict.readConfidence = confidence
        return verdict
    }

    init(input: String, outcome: Outcome, reason: Reason? = nil, gtin: GTIN? = nil, prefix: GS1PrefixRange? = nil,
         companyPrefix: VietnameseCompanyPrefix.Split? = nil, registryFacts: [RegistryFact] = [],
         details: [Evidence] = [], flags: CaveatFlags = []) {
        self.input = input
        self.outcome = outcome
        self.reason = reason
        self.gtin = gtin
        self.prefix = prefix
        self.companyPrefix = companyPrefix
        self.registryFacts = registryFacts
        self.details = details
        self.flags = flags
    }

    /// All the evidence, in order: number, prefix, company prefix, other data, registry facts.
    public var evidence: [Evidence] {
        var all: [Evidence] = []
        all.reserveCapacity(3 + details.count + registryFacts.count)
        if let gtin { all.append(.gtin(gtin)) }
        if let prefix { all.append(.prefix(prefix)) }
        if let companyPrefix { all.append(.companyPrefix(companyPrefix)) }
        all += details
        for fact in registryFacts { all.append(.registry(fact)) }
        return all
    }

    /// The caveats, in a fixed order: claims about the code first, registry caveats next, then
    /// "codes can be copied", and where to report a suspect product when there is reason to.
    public var caveats: [Caveat] {
        var all: [Caveat] = []
        forEachCaveat { all.append($0) }
        return all
    }

    /// The caveats in ``caveats``' order, without building the list.
    func forEachCaveat(_ body: (Caveat) -> Void) {
        var flags = flags
        if let readConfidence, readConfidence.isDoubtful {
            // Misread digits, not a forged label, are the likelier cause: say that instead.
            body(.doubtfulRead(readConfidence))
            flags.remove([.possibleMisprintOrForgery, .unassignedPrefix])
        }
        for (flag, caveat) in CaveatFlags.ordered where flags.contains(flag) {
            switch flag {
            case .companyPrefixLengthUnknown:
                if case .unknownLength(let block)? = companyPrefix { body(.companyPrefixLengthUnknown(block: block)) }
            case .disputedPrefix:
                if let other = prefix?.disputedReading { body(.disputedPrefix(otherReading: other)) }
            default:
                if let caveat { body(caveat) }
            }
        }
        Caveat.forEachRegistryCaveat(registryFacts, body)
        if flags.contains(.codesCanBeCopied) { body(.codesCanBeCopied) }
        // A code that may be forged (a wrong check digit not read from a doubtful photo, an
        // unassigned prefix), or a brand caught mislabelling origin: say where to report.
        let doubtful = readConfidence?.isDoubtful == true
        if (!doubtful && (error?.code == .checkDigitMismatch || flags.contains(.unassignedPrefix)))
            || registryFacts.contains(where: { $0.originWarning != nil }) {
            body(.whereToReport)
        }
    }

    /// The Vietnamese ISBN analysis.
    public var isbn: VietnameseISBN.Analysis? {
        for case .isbn(let analysis) in details { return analysis }
        return nil
    }
    /// AI 422.
    public var countryOfOrigin: (code: Int, country: Country?)? {
        for case .countryOfOrigin(let code, let country) in details { return (code, country) }
        return nil
    }
    /// The error, for invalid inputs.
    public var error: GS1Error? {
        for case .error(let error) in details { return error }
        return nil
    }
    /// Other GS1 data (batch, expiry …).
    public var elements: [ElementValue] {
        details.compactMap { if case .element(let value) = $0 { return value } else { return nil } }
    }

    /// Country name for display: Vietnamese for Viet Nam, else the ISO English short name.
    static func countryName(_ country: Country?, code: String?, _ language: Language) -> String {
        if country?.alpha2 == "VN" || code == "VN" { return LocalizedText(en: "Viet Nam", vi: "Việt Nam")[language] }
        if let country { return country.name }
        guard let code else { return LocalizedText(en: "country not given", vi: "không rõ nước")[language] }
        return code.split(separator: ";").map { Country(alpha2: String($0))?.name ?? String($0) }.joined(separator: " & ")
    }
}

/// The caveats a verdict can carry without a registry fact, as bits.
struct CaveatFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt16
    static let declaredOriginIsAClaim = CaveatFlags(rawValue: 1 << 0)
    static let digitalLinkNotFetched = CaveatFlags(rawValue: 1 << 1)
    static let untrustedLink = CaveatFlags(rawValue: 1 << 2)
    static let alsoValidEAN8 = CaveatFlags(rawValue: 1 << 3)
    static let prefixIsNotOrigin = CaveatFlags(rawValue: 1 << 4)
    static let vietnameseEAN8 = CaveatFlags(rawValue: 1 << 5)
    /// The block comes from the verdict's company-prefix split.
    static let companyPrefixLengthUnknown = CaveatFlags(rawValue: 1 << 6)
    static let foreignPrefixIsNotOrigin = CaveatFlags(rawValue: 1 << 7)
    /// The other reading comes from the verdict's prefix range.
    static let disputedPrefix = CaveatFlags(rawValue: 1 << 8)
    static let unassignedPrefix = CaveatFlags(rawValue: 1 << 9)
    static let isbnGroupIsRegistration = CaveatFlags(rawValue: 1 << 10)
    static let isbnRegistrantUnlisted = CaveatFlags(rawValue: 1 << 11)
    static let possibleMisprintOrForgery = CaveatFlags(rawValue: 1 << 12)
    static let codesCanBeCopied = CaveatFlags(rawValue: 1 << 13)

    /// Display order (``codesCanBeCopied`` comes after the registry caveats).
    static let ordered: [(CaveatFlags, Caveat?)] = [
        (.declaredOriginIsAClaim, .declaredOriginIsAClaim), (.digitalLinkNotFetched, .digitalLinkNotFetched),
        (.untrustedLink, .untrustedLink), (.alsoValidEAN8, .alsoValidEAN8), (.prefixIsNotOrigin, .prefixIsNotOrigin),
        (.vietnameseEAN8, .vietnameseEAN8), (.companyPrefixLengthUnknown, nil),
        (.foreignPrefixIsNotOrigin, .foreignPrefixIsNotOrigin), (.disputedPrefix, nil),
        (.unassignedPrefix, .unassignedPrefix), (.isbnGroupIsRegistration, .isbnGroupIsRegistration),
        (.isbnRegistrantUnlisted, .isbnRegistrantUnlisted), (.possibleMisprintOrForgery, .possibleMisprintOrForgery),
    ]
}

extension Caveat {
    /// The caveats registry facts bring (foreign or unverified owners, origin warnings, awards,
    /// OCOP certificates that are not current, foreign geographical indications), in the facts'
    /// order. A brand owner the sources settle
    /// (Vietnamese or a foreign group) silences a company's "not verified"; a foreign owner is
    /// said once, by the company fact when it says it too. Crowd-sourced brand tags share one caveat.
    static func forEachRegistryCaveat(_ facts: [RegistryFact], _ body: (Caveat) -> Void) {
        var settledOwner = false, companySaysForeign = false
        for fact in facts {
            // An inventory's item name is too weak to settle anything.
            if fact.kind == .brandOwnership && (fact.ownership == .vietnamese || fact.ownership == .foreignGroup)
                && fact[attribute: "matched by"] != "item-name" { settledOwner = true }
            if fact.kind == .brand && fact.ownership == .foreignGroup { companySaysForeign = true }
        }
        var tags: [String] = []
        var recognition = false
        for fact in facts {
            if fact.isBrandTag { tags.append(fact.name); continue }
            if fact.kind == .recognition { recognition = true; continue }
            if fact.kind == .brandOwnership {
                if let _ = fact.originWarning { body(.originWarning(fact)) }
                switch fact.ownership {
                case .foreignGroup? where !companySaysForeign: body(.foreignOwnedBrand(fact))
                case .unverified?: body(.ownershipUnverified(fact))
                default: break
                }
                continue
            }
            if fact.ownership == .unverified && settledOwner { continue }
            forEachRegistryCaveat(of: fact, body)
        }
        if !tags.isEmpty { body(.brandTagsOnly(tags)) }
        if recognition { body(.recognitionIsNotOrigin) }
    }

    static func forEachRegistryCaveat(of fact: RegistryFact, _ body: (Caveat) -> Void) {
        switch fact.ownership {
        case .foreignGroup?: body(.foreignGroupBrand(fact))
        case .unverified?: body(.ownershipUnverified(fact))
        default: break
        }
        if let status = fact.ocop, !status.validity.isCurrent { body(.ocopNotCurrent(fact)) }
        if fact.kind == .geographicalIndication, let country = fact[attribute: "country"], country != "VN" {
            body(.foreignGeographicalIndication(fact))
        }
    }
}
