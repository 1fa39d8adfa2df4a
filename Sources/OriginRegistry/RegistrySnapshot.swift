import Foundation
import GS1

/// An immutable, in-memory view of the registry for the verdict hot path: an exact-GTIN table
/// and a company-prefix table, built once from SQLite (or from the bundled seed) and shared
/// by all threads. Replace it after an import; never query SQLite per code.
///
/// ```swift
/// let snapshot = try RegistrySnapshot.load(path: nil)       // the bundled seed
/// snapshot.facts(for: try GTIN.parse("8934563138165")).map(\.kind)  // [.product, .brand, …]
/// ```
public final class RegistrySnapshot: Sendable {
    /// Facts for exact GTINs (products, OCOP barcodes, GIs named by a product), by 14-digit value.
    let byGTIN: [UInt64: [RegistryFact]]
    /// Brand facts by company prefix, keyed by `length << 48 | prefix value`.
    let byCompanyPrefix: [UInt64: [RegistryFact]]
    /// Prefix lengths used by prefixes that GS1's 893 table cannot place (non-893 prefixes, or
    /// 893 blocks without a published length), longest first: matched longest first.
    let assertedPrefixLengths: [Int]
    /// Counts by kind.
    public var counts: [RegistryKind: Int] {
        guard storedHotlines == nil else { return storedCounts }
        return storedCounts.merging([.hotlines: hotlines.count]) { $1 }
    }
    private let storedCounts: [RegistryKind: Int]
    /// The day OCOP validity was computed for.
    public let asOf: CalendarDate
    /// Lines that take reports of suspect goods, national ones first (`registry hotlines`, `GET /v1/hotlines`).
    public var hotlines: [Hotline] { storedHotlines ?? ((try? Hotline.seed()) ?? []) }
    /// The registry's lines; nil for the bundled seed's snapshot, which reads them on demand
    /// (a `check` never needs them).
    private let storedHotlines: [Hotline]?
    /// Owned brands by name, to match product and item names.
    public let brandNames: BrandNameIndex
    /// One fact per name of ``brandNames`` (by ``BrandNameIndex/Match/name``), matched by an
    /// inventory's item name: made on first use (a `check` never needs them) and then shared, so
    /// checking a row allocates no fact.
    private let itemNameFacts: LazyFacts

    /// An empty registry (no facts).
    public static let empty = RegistrySnapshot(entries: [], sources: [:], asOf: .today())

    /// Builds the tables from visible entries and their sources.
    package init(entries: [RegistryEntry], sources: [Int64: RegistrySource], asOf: CalendarDate, bundledHotlines: Bool = false) {
        self.asOf = asOf
        var byGTIN: [UInt64: [RegistryFact]] = [:]
        var byPrefix: [UInt64: [RegistryFact]] = [:]
        var asserted = Set<Int>()
        var counts: [RegistryKind: Int] = [:]
        var parsed: [UInt64: GTIN] = [:]
        var giByKey: [String: (GeographicalIndicationRecord, RegistrySource)] = [:]
        for case .geographicalIndication(let gi) in entries {
            let source = sources[gi.sourceID] ?? RegistrySource(address: "unknown")
            if let number = gi.registrationNumber { giByKey["no:" + TextFolding.fold(number)] = (gi, source) }
            if let name = gi.name {
                giByKey[TextFolding.fold(name)] = (gi, source)
                giByKey[TextFolding.fold(name + " " + gi.product)] = (gi, source)
            }
        }
        var hotlines: [Hotline] = []
        var owners: [(record: BrandOwnershipRecord, source: RegistrySource)] = []
        for case .ownership(let owner) in entries {
            owners.append((owner, Self.dated(sources[owner.sourceID] ?? RegistrySource(address: "unknown"), retrieved: owner.retrieved)))
        }
        let brandNames = BrandNameIndex(owners: owners)
        // Awards whose enterprise or products name an owned brand, by the owner's fact ID.
        var awards: [String: [RegistryFact]] = [:]
        for case .recognition(let award) in entries {
            let source = sources[award.sourceID] ?? RegistrySource(address: "unknown")
            for match in brandNames.matches(in: award.enterprise + " | " + (award.products ?? "")) {
                let fact = Self.fact(award, source, namedAs: award.enterprise.contains(";") ? match.alias : nil)
                awards["ownership:\(brandNames.owners[match.owner].record.id ?? 0)", default: []].append(fact)
            }
        }
        /// Brand-ownership facts found in the product records' names, by GTIN.
        var namedOwners: [UInt64: [RegistryFact]] = [:]
        // Brands that share a company prefix and company are one fact listing all the brand names.
        var brandGroups: [String: [BrandRecord]] = [:]
        var groupOrder: [String] = []
        for entry in entries {
            counts[entry.kind, default: 0] += 1
            let source = sources[entry.sourceID] ?? RegistrySource(address: "unknown")
            switch entry {
            case .brand(let brand):
                guard let prefix = brand.companyPrefix else { continue }
                let group = "\(prefix)|\(brand.company.map(TextFolding.fold) ?? "brand:" + brand.key)|\(brand.ownership.rawValue)"
                if brandGroups[group] == nil { groupOrder.append(group) }
                brandGroups[group, default: []].append(brand)
            case .gtin(let product):
                guard let gtin = try? GTIN.parse(product.gtin) else { continue }
                parsed[gtin.value] = gtin
                byGTIN[gtin.value, default: []].append(Self.fact(product, source))
                let named = Self.ownershipFacts(brandNames, in: [product.name] + (product.brand.map { [$0] } ?? []),
                                                matchedBy: .productName, asOf: asOf, skipping: namedOwners[gtin.value] ?? [])
                if !named.isEmpty { namedOwners[gtin.value, default: []] += named }
                if let named = product.geographicalIndication,
                   let (gi, giSource) = giByKey["no:" + TextFolding.fold(named)] ?? giByKey[TextFolding.fold(named)] {
                    byGTIN[gtin.value, default: []].append(Self.fact(gi, giSource))
                }
            case .ocop(let ocop):
                guard let code = ocop.gtin, let gtin = try? GTIN.parse(code) else { continue }
                parsed[gtin.value] = gtin
                byGTIN[gtin.value, default: []].append(Self.fact(ocop, source, asOf: asOf))
            case .geographicalIndication, .ownership, .recognition:
                break
            case .hotline(let line):
                hotlines.append(line.hotline(source: source))
            }
        }
        for group in groupOrder {
            let brands = brandGroups[group]!
            let prefix = brands[0].companyPrefix!
            let key = UInt64(prefix.count) << 48 | UInt64(prefix)!
            let addresses = brands.compactMap { sources[$0.sourceID] }
            let fact = Self.fact(brands, addresses)
            byPrefix[key, default: []].append(fact)
            if !fact.isBrandTag {
                // A sourced company's brands (never crowd-sourced tags) may name an owned brand.
                let named = Self.ownershipFacts(brandNames, in: brands.map(\.name) + (brands[0].company.map { [$0] } ?? []),
                                                matchedBy: .companyPrefix, asOf: asOf, skipping: byPrefix[key] ?? [])
                byPrefix[key, default: []] += named
            }
            if !prefix.hasPrefix("893") || RowValidator.companyPrefixLengthIsPublished(prefix) == false {
                asserted.insert(prefix.count)
            }
        }
        // Brand owners first, then companies named by a source, then brand tags (crowd-sourced): a tag
        // never outranks a company.
        for (key, facts) in byPrefix {
            let owners = facts.filter { $0.kind == .brandOwnership }
            guard !owners.isEmpty || facts.contains(where: \.isBrandTag) else { continue }
            byPrefix[key] = owners + facts.filter { $0.kind != .brandOwnership && !$0.isBrandTag } + facts.filter(\.isBrandTag)
        }
        let lengths = asserted.sorted(by: >)
        // Exact-GTIN entries carry their company's facts too, so a lookup never concatenates.
        // Order: the GTIN's own facts, the brand owners its product name gives, then the company's
        // (its brand owners first; an owner already found by name is not repeated).
        for (value, gtin) in parsed {
            let named = namedOwners[value] ?? []
            byGTIN[value]! += named
            if let company = Self.companyFacts(for: gtin, split: VietnameseCompanyPrefix.split(gtin), in: byPrefix, asserted: lengths) {
                byGTIN[value]! += named.isEmpty ? company : company.filter { fact in !named.contains { $0.id == fact.id } }
            }
        }
        // Each brand owner is followed by the awards its enterprise received.
        if !awards.isEmpty {
            func withAwards(_ facts: [RegistryFact]) -> [RegistryFact] {
                guard facts.contains(where: { $0.kind == .brandOwnership && awards[$0.id] != nil }) else { return facts }
                var out: [RegistryFact] = []
                for fact in facts {
                    out.append(fact)
                    if fact.kind == .brandOwnership, let list = awards[fact.id] { out += list }
                }
                return out
            }
            for (key, facts) in byGTIN { byGTIN[key] = withAwards(facts) }
            for (key, facts) in byPrefix { byPrefix[key] = withAwards(facts) }
        }
        self.byGTIN = byGTIN
        self.byCompanyPrefix = byPrefix
        self.assertedPrefixLengths = lengths
        self.storedCounts = counts
        self.brandNames = brandNames
        self.storedHotlines = bundledHotlines ? nil : hotlines.filter(\.isNational) + hotlines.filter { !$0.isNational }
        self.itemNameFacts = LazyFacts { [brandNames] in
            brandNames.allNames.map { name in
                let (owner, source) = brandNames.owners[name.owner]
                return Self.fact(owner, source, matchedBy: .itemName, alias: name.alias, asOf: asOf)
            }
        }
    }

    /// Brand owners an inventory's item name carries ("Sữa Vinamilk 180ml" → Vinamilk), each
    /// once, labelled `matched by: item-name`: weaker evidence than the registry's own records.
    public func ownershipFacts(forItemName name: String) -> [RegistryFact] {
        guard !brandNames.isEmpty else { return [] }
        let facts = itemNameFacts.value
        return brandNames.matches(in: name).map { facts[$0.name] }
    }

    /// ``ownershipFacts(forItemName:)`` for a name as UTF-8 bytes (an inventory cell): no
    /// allocation unless a brand is found.
    public func ownershipFacts(forItemNameUTF8 name: UnsafeBufferPointer<UInt8>) -> [RegistryFact] {
        guard !brandNames.isEmpty else { return [] }
        let matches = brandNames.matches(inUTF8: name)
        guard !matches.isEmpty else { return [] }
        let facts = itemNameFacts.value
        return matches.map { facts[$0.name] }
    }

    /// The registry's facts about a GTIN: exact-GTIN facts first, then the brand(s) behind its
    /// company prefix. For 893 numbers the prefix length comes from GS1's table; blocks without a
    /// published length, and other prefixes, match the longest prefix a user imported.
    public func facts(for gtin: GTIN) -> [RegistryFact] {
        facts(for: gtin, companyPrefix: VietnameseCompanyPrefix.split(gtin))
    }

    /// ``facts(for:)`` with the company-prefix split already made. No allocation: the arrays are
    /// the snapshot's own.
    public func facts(for gtin: GTIN, companyPrefix split: VietnameseCompanyPrefix.Split) -> [RegistryFact] {
        if let exact = byGTIN[gtin.value] { return exact }
        return Self.companyFacts(for: gtin, split: split, in: byCompanyPrefix, asserted: assertedPrefixLengths) ?? []
    }

    @inline(__always)
    static func companyFacts(for gtin: GTIN, split: VietnameseCompanyPrefix.Split, in byCompanyPrefix: [UInt64: [RegistryFact]],
                             asserted assertedPrefixLengths: [Int]) -> [RegistryFact]? {
        guard !byCompanyPrefix.isEmpty, !gtin.isGTIN8 else { return nil }
        let thirteen = gtin.value % 10_000_000_000_000
        if case .known(let split) = split {
            return byCompanyPrefix[UInt64(split.length) << 48 | Self.leading(thirteen, split.length)]
        }
        for length in assertedPrefixLengths {
            if let facts = byCompanyPrefix[UInt64(length) << 48 | Self.leading(thirteen, length)] { return facts }
        }
        return nil
    }

    @inline(__always)
    static func leading(_ thirteen: UInt64, _ digits: Int) -> UInt64 {
        var divisor: UInt64 = 1
        for _ in 0..<(13 - digits) { divisor &*= 10 }
        return thirteen / divisor
    }
}

/// Facts made on first use, once, by whichever thread asks first.
final class LazyFacts: @unchecked Sendable {   // `facts` is only touched holding `lock`
    private let lock = NSLock()
    private var facts: [RegistryFact]?
    private let make: @Sendable () -> [RegistryFact]

    init(_ make: @escaping @Sendable () -> [RegistryFact]) { self.make = make }

    var value: [RegistryFact] {
        lock.withLock {
            if let facts { return facts }
            let made = make()
            facts = made
            return made
        }
    }
}
