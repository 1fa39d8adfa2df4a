import GS1
import OriginRegistry

/// Turns codes into verdicts: GS1 facts first, then registry facts when a provider is set.
///
/// ```swift
/// let engine = VerdictEngine()
/// engine.verdict(for: "8934563138165").outcome          // .vietnameseRegistrant
/// engine.verdict(for: "9786045823453").outcome          // .vietnameseBook
/// engine.verdict(for: "(01)08934563138165(422)704").outcome // .declaredVietnameseOrigin
/// engine.verdict(for: "8934563138166").outcome          // .invalid (expected check digit 5)
/// ```
public struct VerdictEngine: Sendable {
    /// Registry facts (brands, OCOP, geographical indications), when a registry is loaded.
    public var evidenceProvider: (any EvidenceProvider)?

    public init(evidenceProvider: (any EvidenceProvider)? = nil) {
        self.evidenceProvider = evidenceProvider
    }

    /// The verdict for a typed or scanned code's text. Never throws: bad input is an `.invalid` verdict.
    public func verdict(for input: String, origin: Payload.Origin = .typed, hint: GTIN.Format? = nil) -> Verdict {
        do {
            return verdict(for: try Payload.classify(input, origin: origin, hint: hint), input: input)
        } catch {
            return invalid(input: input, error: error)
        }
    }

    /// The verdict for an input that could not be read at all (bad encoding, say).
    public func invalid(input: String, error: GS1Error) -> Verdict {
        Verdict(input: input, outcome: .invalid, details: [.error(error)])
    }

    /// The verdict for a classified payload.
    public func verdict(for payload: Payload, input: String) -> Verdict {
        switch payload {
        case .gtin(let gtin):
            return verdict(for: gtin, input: input)
        case .elementString(let elementString):
            return verdict(for: elementString, input: input, leading: [], flags: [])
        case .digitalLink(let link):
            return verdict(for: link.elementString, input: input,
                           leading: [.digitalLink(host: link.host, uri: link.uri)], flags: .digitalLinkNotFetched)
        case .url(let url):
            return Verdict(input: input, outcome: .unknown, reason: .link, details: [.link(url)], flags: .untrustedLink)
        case .text(let text):
            return Verdict(input: input, outcome: .unknown, reason: .text, details: [.text(text)])
        }
    }

    /// The verdict for a GTIN (EAN/UPC/ISBN/ISSN).
    public func verdict(for gtin: GTIN, input: String) -> Verdict {
        var flags: CaveatFlags = []
        var details: [Evidence] = []
        var split: VietnameseCompanyPrefix.Split?
        let outcome: Outcome
        var reason: Verdict.Reason?
        let range = GS1PrefixTable.lookup(gtin)
        if gtin.format == .upcE, (try? GTIN.parse(gtin.printedForm, as: .ean8)) != nil { flags.insert(.alsoValidEAN8) }
        switch range?.kind {
        case .memberOrganisation?:
            if range!.start == 893 && range!.length == 3 {
                outcome = .vietnameseRegistrant
                flags.insert(.prefixIsNotOrigin)
                if gtin.isGTIN8 {
                    flags.insert(.vietnameseEAN8)
                } else {
                    let companyPrefix = VietnameseCompanyPrefix.split(gtin)
                    split = companyPrefix
                    if case .unknownLength = companyPrefix { flags.insert(.companyPrefixLengthUnknown) }
                }
            } else {
                outcome = .foreignRegistrant
                flags.insert(.foreignPrefixIsNotOrigin)
            }
            if range!.disputedReading != nil { flags.insert(.disputedPrefix) }
        case .gtin8Allocation?:
            if gtin.isGTIN8 && !range!.isGlobalOffice {
                outcome = .foreignRegistrant
                flags.insert(.foreignPrefixIsNotOrigin)
            } else if gtin.isGTIN8 {
                outcome = .unknown
                reason = .globalOffice
            } else {
                outcome = .unknown
                reason = .gtin8OnlyPrefix
                flags.insert(.unassignedPrefix)
            }
        case .bookland?:
            if gtin.leadingDigits13(4) == 9790 {
                outcome = .notApplicable
                reason = .sheetMusic
            } else if let analysis = VietnameseISBN.analyse(gtin) {
                outcome = .vietnameseBook
                details = [.isbn(analysis)]
                flags.insert(.isbnGroupIsRegistration)
                if analysis.registrant == nil { flags.insert(.isbnRegistrantUnlisted) }
            } else {
                outcome = .foreignBook
            }
        case .issn?:
            outcome = .notApplicable
            reason = .serialPublication
            if let issn = gtin.issn { details = [.issn(issn)] }
        case .restrictedCirculation?:
            outcome = .notApplicable
            reason = .restrictedCirculation
        case .coupon?:
            outcome = .notApplicable
            reason = .coupon
        case .refundReceipt?:
            outcome = .notApplicable
            reason = .refundReceipt
        case .demonstration?:
            outcome = .notApplicable
            reason = .demonstration
        case .generalManagerNumber?:
            outcome = .notApplicable
            reason = .generalManagerNumber
        case .globalOffice?:
            outcome = .unknown
            reason = .globalOffice
        case .unassigned?, .gtin8Padding?, nil:
            outcome = .unknown
            reason = .unassignedPrefix
            flags.insert(.unassignedPrefix)
        }
        let facts = evidenceProvider?.facts(for: gtin, companyPrefix: split ?? .notApplicable) ?? []
        if outcome != .notApplicable { flags.insert(.codesCanBeCopied) }
        return Verdict(input: input, outcome: outcome, reason: reason, gtin: gtin, prefix: range, companyPrefix: split,
                       registryFacts: facts, details: details, flags: flags)
    }

    private func verdict(for elementString: ElementString, input: String, leading: [Evidence], flags extra: CaveatFlags) -> Verdict {
        let base = elementString.gtin.map { verdict(for: $0, input: input) }
            ?? Verdict(input: input, outcome: .unknown, reason: .noGTIN)
        var details = leading + base.details
        var flags = base.flags.union(extra)
        var outcome = base.outcome
        var reason = base.reason
        for element in elementString.elements where element.code != "01" && element.code != "02" {
            if element.code == "422", case .country(let code, let country) = element.interpretation {
                details.append(.countryOfOrigin(code: code, country: country))
                outcome = code == Country.vietnamNumeric ? .declaredVietnameseOrigin : .declaredForeignOrigin
                reason = nil
                flags.insert(.declaredOriginIsAClaim)
            } else {
                details.append(.element(element))
            }
        }
        return Verdict(input: input, outcome: outcome, reason: reason, gtin: base.gtin, prefix: base.prefix,
                       companyPrefix: base.companyPrefix, registryFacts: base.registryFacts, details: details, flags: flags)
    }
}
