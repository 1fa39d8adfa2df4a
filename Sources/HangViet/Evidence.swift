import GS1
import OriginRegistry

/// One fact a verdict rests on. Facts from GS1 numbers come from the tables compiled into
/// the `GS1` module; facts from the registry (brands, OCOP products, geographical
/// indications) arrive as ``RegistryFact`` and always name their source.
public enum Evidence: Sendable, Hashable {
    /// The number, normalised.
    case gtin(GTIN)
    /// The GS1 prefix range the number falls in (issuing organisation or special use).
    case prefix(GS1PrefixRange)
    /// For 893 numbers: the company prefix by GS1's length rules, or why it is unknown.
    case companyPrefix(VietnameseCompanyPrefix.Split)
    /// A Vietnamese ISBN's group, registrant and hyphenation.
    indirect case isbn(VietnameseISBN.Analysis)
    /// The ISSN of a 977 EAN.
    case issn(String)
    /// GS1 AI 422: declared country of origin (ISO 3166 numeric).
    case countryOfOrigin(code: Int, country: Country?)
    /// Other GS1 data carried with the code (batch, expiry, processing countries …).
    indirect case element(ElementValue)
    /// A GS1 Digital Link's host (the link itself is never fetched).
    indirect case digitalLink(host: String, uri: String)
    /// A web address that is not a Digital Link: untrusted, never fetched.
    case link(String)
    /// Free text from a scanned symbol.
    case text(String)
    /// Why the input is invalid.
    indirect case error(GS1Error)
    /// A fact from the local registry, with its source.
    case registry(RegistryFact)
}

/// Supplies registry evidence for a GTIN. The registry module implements it; the verdict
/// engine asks it once per code, so implementations answer from memory.
public protocol EvidenceProvider: Sendable {
    func facts(for gtin: GTIN) -> [RegistryFact]
    /// The same, given the company-prefix split the verdict engine has already made (so it is
    /// not made twice per code). The default calls ``facts(for:)``.
    func facts(for gtin: GTIN, companyPrefix: VietnameseCompanyPrefix.Split) -> [RegistryFact]
    /// Brand-ownership facts for the brands an inventory's item name carries (weaker evidence:
    /// typed by whoever made the list). The default finds none.
    func ownershipFacts(forItemNameUTF8 name: UnsafeBufferPointer<UInt8>) -> [RegistryFact]
}

extension EvidenceProvider {
    public func facts(for gtin: GTIN, companyPrefix: VietnameseCompanyPrefix.Split) -> [RegistryFact] { facts(for: gtin) }
    public func ownershipFacts(forItemNameUTF8 name: UnsafeBufferPointer<UInt8>) -> [RegistryFact] { [] }
}

/// The registry's in-memory snapshot is the usual provider.
extension RegistrySnapshot: EvidenceProvider {}
