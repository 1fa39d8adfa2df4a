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
        Verdict(input: input, outcome: .invalid, evidence: [.error(error)], caveats: [])
    }

    /// The verdict for a classified payload.
    public func verdict(for payload: Payload, input: String) -> Verdict {
        switch payload {
        case .gtin(let gtin):
            return verdict(for: gtin, input: input)
        case .elementString(let elementString):
            return verdict(for: elementString, input: input, prefixEvidence: [], extraCaveats: [])
        case .digitalLink(let link):
            return verdict(for: link.elementString, input: input,
                           prefixEvidence: [.digitalLink(host: link.host, uri: link.uri)],
                           extraCaveats: [.digitalLinkNotFetched])
        case .url(let url):
            return Verdict(input: input, outcome: .unknown, reason: .link, evidence: [.link(url)], caveats: [.untrustedLink])
        case .text(let text):
            return Verdict(input: input, outcome: .unknown, reason: .text, evidence: [.text(text)], caveats: [])
        }
    }

    /// The verdict for a GTIN (EAN/UPC/ISBN/ISSN).
    public func verdict(for gtin: GTIN, input: String) -> Verdict {
        var evidence: [Evidence] = []
        evidence.reserveCapacity(4)
        evidence.append(.gtin(gtin))
        var caveats: [Caveat] = []
        caveats.reserveCapacity(3)
        let outcome: Outcome
        var reason: Verdict.Reason?
        let range = GS1PrefixTable.lookup(gtin)
        if let range { evidence.append(.prefix(range)) }
        if gtin.format == .upcE, (try? GTIN.parse(gtin.printedForm, as: .ean8)) != nil { caveats.append(.alsoValidEAN8) }
        switch range?.kind {
        case .memberOrganisation?:
            if range!.start == 893 && range!.length == 3 {
                outcome = .vietnameseRegistrant
                caveats.append(.prefixIsNotOrigin)
                if gtin.isGTIN8 {
                    caveats.append(.vietnameseEAN8)
                } else {
                    let split = VietnameseCompanyPrefix.split(gtin)
                    evidence.append(.companyPrefix(split))
                    if case .unknownLength(let block) = split { caveats.append(.companyPrefixLengthUnknown(block: block)) }
                }
            } else {
                outcome = .foreignRegistrant
                caveats.append(.foreignPrefixIsNotOrigin)
            }
            if let other = range!.disputedReading { caveats.append(.disputedPrefix(otherReading: other)) }
        case .gtin8Allocation?:
            if gtin.isGTIN8 && !range!.name.contains("Global Office") {
                outcome = .foreignRegistrant
                caveats.append(.foreignPrefixIsNotOrigin)
            } else if gtin.isGTIN8 {
                outcome = .unknown
                reason = .globalOffice
            } else {
                outcome = .unknown
                reason = .gtin8OnlyPrefix
                caveats.append(.unassignedPrefix)
            }
        case .bookland?:
            if gtin.leadingDigits13(4) == 9790 {
                outcome = .notApplicable
                reason = .sheetMusic
            } else if let analysis = VietnameseISBN.analyse(gtin) {
                outcome = .vietnameseBook
                evidence.append(.isbn(analysis))
                caveats.append(.isbnGroupIsRegistration)
                if analysis.registrant == nil { caveats.append(.isbnRegistrantUnlisted) }
            } else {
                outcome = .foreignBook
            }
        case .issn?:
            outcome = .notApplicable
            reason = .serialPublication
            if let issn = gtin.issn { evidence.append(.issn(issn)) }
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
            caveats.append(.unassignedPrefix)
        }
        if let provider = evidenceProvider {
            for fact in provider.facts(for: gtin) {
                evidence.append(.registry(fact))
                switch fact.ownership {
                case .foreignGroup?: caveats.append(.foreignGroupBrand(fact))
                case .unverified?: caveats.append(.ownershipUnverified(fact))
                default: break
                }
                if let status = fact.ocop, !status.validity.isCurrent { caveats.append(.ocopNotCurrent(fact)) }
                if fact.kind == .geographicalIndication, let country = fact[attribute: "country"], country != "VN" {
                    caveats.append(.foreignGeographicalIndication(fact))
                }
            }
        }
        if outcome != .notApplicable { caveats.append(.codesCanBeCopied) }
        return Verdict(input: input, outcome: outcome, reason: reason, evidence: evidence, caveats: caveats)
    }

    private func verdict(for elementString: ElementString, input: String, prefixEvidence: [Evidence],
                         extraCaveats: [Caveat]) -> Verdict {
        var base: Verdict
        if let gtin = elementString.gtin {
            base = verdict(for: gtin, input: input)
        } else {
            base = Verdict(input: input, outcome: .unknown, reason: .noGTIN, evidence: [], caveats: [])
        }
        var evidence = prefixEvidence + base.evidence
        var caveats = extraCaveats + base.caveats
        var outcome = base.outcome
        var reason = base.reason
        for element in elementString.elements where element.code != "01" && element.code != "02" {
            if element.code == "422", case .country(let code, let country) = element.interpretation {
                evidence.append(.countryOfOrigin(code: code, country: country))
                outcome = code == Country.vietnamNumeric ? .declaredVietnameseOrigin : .declaredForeignOrigin
                reason = nil
                caveats.insert(.declaredOriginIsAClaim, at: 0)
            } else {
                evidence.append(.element(element))
            }
        }
        return Verdict(input: input, outcome: outcome, reason: reason, evidence: evidence, caveats: caveats)
    }
}
