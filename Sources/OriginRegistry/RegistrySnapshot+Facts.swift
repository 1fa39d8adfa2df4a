/// How registry entries become facts for verdicts.
extension RegistrySnapshot {
    static func fact(_ product: GTINRecord, _ source: RegistrySource) -> RegistryFact {
        var attributes = [RegistryFact.Attribute("gtin", product.gtin)]
        if let brand = product.brand { attributes.append(.init("brand", brand)) }
        return RegistryFact(id: "product:\(product.id ?? 0)", kind: .product, name: product.name,
                            attributes: attributes, source: source)
    }

    static func fact(_ brands: [BrandRecord], _ sources: [RegistrySource]) -> RegistryFact {
        let first = brands[0]
        var attributes = [RegistryFact.Attribute("company prefix", first.companyPrefix ?? "")]
        let names = brands.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        attributes.append(.init("brands", names.joined(separator: ", ")))
        if let category = first.category { attributes.append(.init("category", category)) }
        let note = brands.first { $0.ownershipNote != nil }.map { LocalizedNote(en: $0.ownershipNote!, vi: $0.ownershipNoteVi) }
        var addresses: [String] = []
        for source in sources {
            for address in source.addresses where !addresses.contains(address) { addresses.append(address) }
        }
        let licences = Set(sources.compactMap(\.licence)).sorted()
        let source = sources.count == 1 ? sources[0]
            : RegistrySource(address: addresses.joined(separator: " ; "), title: sources.first?.title,
                             licence: licences.isEmpty ? nil : licences.joined(separator: ", "))
        return RegistryFact(id: "brand:\(first.id ?? 0)", kind: .brand, name: first.company ?? first.name, note: note,
                            ownership: first.ownership, attributes: attributes, source: source, isBrandTag: first.company == nil && first.ownership == .unverified)
    }

    static func fact(_ ocop: OCOPRecord, _ source: RegistrySource, asOf: CalendarDate) -> RegistryFact {
        let status = OCOPStatus(stars: ocop.stars, province: ocop.province, year: ocop.year,
                                certifiedOn: ocop.certifiedOn.flatMap(CalendarDate.init(parsing:)),
                                expiresOn: ocop.expiresOn.flatMap(CalendarDate.init(parsing:)),
                                revoked: ocop.revoked, asOf: asOf)
        var attributes: [RegistryFact.Attribute] = []
        if let producer = ocop.producer { attributes.append(.init("producer", producer)) }
        if let decision = ocop.decision { attributes.append(.init("decision", decision)) }
        if let history = ocop.history { attributes.append(.init("history", history)) }
        // A rating researched on a known day carries that day (shown with the fact).
        if let retrieved = ocop.retrieved { attributes.append(.init("retrieved", retrieved)) }
        return RegistryFact(id: "ocop:\(ocop.id ?? 0)", kind: .ocop, name: ocop.name, ocop: status,
                            attributes: attributes, source: source)
    }

    static func fact(_ gi: GeographicalIndicationRecord, _ source: RegistrySource) -> RegistryFact {
        var attributes = [RegistryFact.Attribute("product", gi.product), .init("country", gi.originCountry)]
        if let number = gi.registrationNumber { attributes.append(.init("registration", number)) }
        if let province = gi.province { attributes.append(.init("province", province)) }
        if let granted = gi.granted { attributes.append(.init("granted", granted)) }
        let note = gi.holder.map { LocalizedNote(en: "Managed by \($0)", vi: "Tổ chức quản lý: \($0)") }
        return RegistryFact(id: "gi:\(gi.id ?? 0)", kind: .geographicalIndication, name: gi.name ?? gi.product, note: note,
                            attributes: attributes, source: source)
    }
}

extension RegistrySnapshot {
    /// How a brand-ownership fact was found: which text named the brand.
    public enum OwnershipMatch: String, Sendable {
        /// The registry's product record for this exact GTIN names it.
        case productName = "product-name"
        /// The company behind the company prefix lists it among its brands.
        case companyPrefix = "company-prefix"
        /// An inventory row's item name (weaker: typed by whoever made the list).
        case itemName = "item-name"
    }

    static func fact(_ owner: BrandOwnershipRecord, _ source: RegistrySource, matchedBy: OwnershipMatch?, alias: String?,
                     asOf: CalendarDate) -> RegistryFact {
        var attributes = [RegistryFact.Attribute("status", owner.status.rawValue)]
        if let group = owner.controllingGroup { attributes.append(.init("group", group)) }
        if let country = owner.groupCountry { attributes.append(.init("country", country)) }
        if let year = owner.changeYear { attributes.append(.init("since", String(year))) }
        // Sources describing a state of affairs more than five years old say so.
        if let year = owner.asOf, year < asOf.year - 5 { attributes.append(.init("as of", String(year))) }
        if let company = owner.company { attributes.append(.init("company", company)) }
        if let category = owner.category { attributes.append(.init("category", category)) }
        if let matchedBy { attributes.append(.init("matched by", matchedBy.rawValue)) }
        if let alias { attributes.append(.init("matched", alias)) }
        let ownership: RegistryFact.Ownership
        switch owner.status {
        case .vietnamese: ownership = .vietnamese
        case .foreignGroup: ownership = .foreignGroup
        case .mixed, .changing, .notStated: ownership = .unverified
        }
        // The snapshot gives sources already dated (see ``dated(_:retrieved:)``), made once per owner.
        return RegistryFact(id: "ownership:\(owner.id ?? 0)", kind: .brandOwnership, name: owner.name,
                            note: owner.note.map { LocalizedNote(en: $0, vi: owner.noteVi) }, ownership: ownership,
                            attributes: attributes, source: dated(source, retrieved: owner.retrieved),
                            originWarning: owner.originWarning.map { LocalizedNote(en: $0, vi: owner.originWarningVi) })
    }

    /// An award as a fact; `namedAs` is the brand name by which a list of several enterprises names
    /// the one a verdict is about.
    static func fact(_ award: RecognitionRecord, _ source: RegistrySource, namedAs: String? = nil) -> RegistryFact {
        var attributes = [RegistryFact.Attribute("enterprise", award.enterprise), .init("status", award.status.rawValue)]
        if let namedAs { attributes.append(.init("named as", namedAs)) }
        if let year = award.year { attributes.append(.init("year", String(year))) }
        if let decision = award.decision { attributes.append(.init("decision", decision)) }
        if let products = award.products { attributes.append(.init("products", products)) }
        return RegistryFact(id: "recognition:\(award.id ?? 0)", kind: .recognition, name: award.program,
                            note: award.notes.map { LocalizedNote(en: $0) }, attributes: attributes,
                            source: dated(source, retrieved: award.retrieved))
    }

    /// The source with the row's own retrieved date; the same value when it already has it (no
    /// second split of its addresses).
    static func dated(_ source: RegistrySource, retrieved: String?) -> RegistrySource {
        guard let retrieved, source.retrieved != retrieved else { return source }
        return RegistrySource(address: source.address, title: source.title, retrieved: retrieved, licence: source.licence)
    }

    /// Brand-ownership facts for the owners a text names (see ``BrandNameIndex``).
    static func ownershipFacts(_ index: BrandNameIndex, in texts: [String], matchedBy: OwnershipMatch, asOf: CalendarDate,
                               skipping known: [RegistryFact] = []) -> [RegistryFact] {
        var facts: [RegistryFact] = []
        for text in texts {
            for match in index.matches(in: text) {
                let (owner, source) = index.owners[match.owner]
                let id = "ownership:\(owner.id ?? 0)"
                guard !facts.contains(where: { $0.id == id }), !known.contains(where: { $0.id == id }) else { continue }
                facts.append(fact(owner, source, matchedBy: matchedBy, alias: match.alias, asOf: asOf))
            }
        }
        return facts
    }

    /// The fact a verdict would show for an entry (OCOP validity as of ``asOf``).
    public func fact(for entry: RegistryEntry, source: RegistrySource) -> RegistryFact {
        switch entry {
        case .brand(let brand): return Self.fact([brand], [source])
        case .gtin(let product): return Self.fact(product, source)
        case .ocop(let ocop): return Self.fact(ocop, source, asOf: asOf)
        case .geographicalIndication(let gi): return Self.fact(gi, source)
        case .ownership(let owner): return Self.fact(owner, source, matchedBy: nil, alias: nil, asOf: asOf)
        case .recognition(let award): return Self.fact(award, source)
        case .hotline(let line):
            return RegistryFact(id: "hotline:\(line.id ?? 0)", kind: .hotline, name: line.agency,
                                note: line.statusNote.map { LocalizedNote(en: $0) },
                                attributes: [.init("number or channel", line.numberOrChannel), .init("scope", line.scope),
                                             .init("as of", line.asOf)],
                                source: Self.dated(source, retrieved: line.retrieved))
        }
    }
}
