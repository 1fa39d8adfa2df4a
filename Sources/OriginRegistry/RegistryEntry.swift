/// One entry of any kind, as validated from a CSV row or read from the database.
public enum RegistryEntry: Sendable, Hashable {
    case brand(BrandRecord)
    case gtin(GTINRecord)
    case ocop(OCOPRecord)
    case geographicalIndication(GeographicalIndicationRecord)
    // Boxed: the largest records, kept out of line so every entry stays the size of the common ones.
    indirect case ownership(BrandOwnershipRecord)
    indirect case recognition(RecognitionRecord)
    indirect case hotline(HotlineRecord)

    public var kind: RegistryKind {
        switch self {
        case .brand: return .brands
        case .gtin: return .gtins
        case .ocop: return .ocop
        case .geographicalIndication: return .gi
        case .ownership: return .ownership
        case .recognition: return .recognition
        case .hotline: return .hotlines
        }
    }

    /// The identity used to detect duplicates (see ``Registry`` for the merge rule).
    public var key: String {
        switch self {
        case .brand(let r): return r.key
        case .gtin(let r): return r.key
        case .ocop(let r): return r.key
        case .geographicalIndication(let r): return r.key
        case .ownership(let r): return r.key
        case .recognition(let r): return r.key
        case .hotline(let r): return r.key
        }
    }

    public var databaseID: Int64? {
        switch self {
        case .brand(let r): return r.id
        case .gtin(let r): return r.id
        case .ocop(let r): return r.id
        case .geographicalIndication(let r): return r.id
        case .ownership(let r): return r.id
        case .recognition(let r): return r.id
        case .hotline(let r): return r.id
        }
    }

    /// "brand:12", "ocop:3" …
    public var id: String { "\(kind.idPrefix):\(databaseID.map(String.init) ?? "new")" }

    public var name: String {
        switch self {
        case .brand(let r): return r.name
        case .gtin(let r): return r.name
        case .ocop(let r): return r.name
        case .geographicalIndication(let r): return r.name.map { "\($0): \(r.product)" } ?? r.product
        case .ownership(let r): return r.name
        case .recognition(let r): return "\(r.program)\(r.year.map { " \($0)" } ?? ""): \(r.enterprise)"
        case .hotline(let r): return "\(r.agency): \(r.numberOrChannel)"
        }
    }

    package var sourceID: Int64 {
        switch self {
        case .brand(let r): return r.sourceID
        case .gtin(let r): return r.sourceID
        case .ocop(let r): return r.sourceID
        case .geographicalIndication(let r): return r.sourceID
        case .ownership(let r): return r.sourceID
        case .recognition(let r): return r.sourceID
        case .hotline(let r): return r.sourceID
        }
    }

    package mutating func setSource(_ id: Int64, origin: EntryOrigin) {
        switch self {
        case .brand(var r): r.sourceID = id; r.origin = origin; self = .brand(r)
        case .gtin(var r): r.sourceID = id; r.origin = origin; self = .gtin(r)
        case .ocop(var r): r.sourceID = id; r.origin = origin; self = .ocop(r)
        case .geographicalIndication(var r): r.sourceID = id; r.origin = origin; self = .geographicalIndication(r)
        case .ownership(var r): r.sourceID = id; r.origin = origin; self = .ownership(r)
        case .recognition(var r): r.sourceID = id; r.origin = origin; self = .recognition(r)
        case .hotline(var r): r.sourceID = id; r.origin = origin; self = .hotline(r)
        }
    }

    /// The entry as the import/export columns (canonical names), without `source`.
    public var fields: [(column: String, value: String)] {
        func s(_ v: String?) -> String { v ?? "" }
        switch self {
        case .brand(let r):
            return [("brand", r.name), ("company", s(r.company)), ("company_prefix", s(r.companyPrefix)),
                    ("prefix7_seen_in_off", s(r.prefixSeen)), ("ownership", r.ownership.rawValue),
                    ("ownership_note", s(r.ownershipNote)), ("ownership_note_vi", s(r.ownershipNoteVi)),
                    ("category", s(r.category)), ("example_gtin", s(r.exampleGTIN)), ("notes", s(r.notes))]
        case .gtin(let r):
            return [("gtin", r.gtin), ("product_name", r.name), ("brand", s(r.brand)),
                    ("geographical_indication", s(r.geographicalIndication)), ("notes", s(r.notes))]
        case .ocop(let r):
            return [("product_name", r.name), ("producer", s(r.producer)), ("province", r.province),
                    ("stars", r.stars.map(String.init) ?? ""), ("year_recognised", r.year.map(String.init) ?? ""),
                    ("level_or_decision", s(r.decision)), ("certificate_date", s(r.certifiedOn)),
                    ("expiry_date", s(r.expiresOn)), ("revoked", r.revoked ? "yes" : ""),
                    ("barcode", r.gtin ?? ""), ("notes", s(r.notes)), ("retrieved", s(r.retrieved)), ("history", s(r.history))]
        case .geographicalIndication(let r):
            return [("gi_name", s(r.name)), ("product", r.product), ("registration_no", s(r.registrationNumber)),
                    ("application_no", s(r.applicationNumber)), ("grant_date_or_year", s(r.granted)),
                    ("decision", s(r.decision)), ("holder_or_manager", s(r.holder)), ("province", s(r.province)),
                    ("origin_country", r.originCountry), ("notes", s(r.notes))]
        case .ownership(let r):
            return [("brand", r.name), ("aliases", s(r.aliases)), ("company", s(r.company)), ("ownership", r.status.rawValue),
                    ("controlling_group", s(r.controllingGroup)), ("group_country", s(r.groupCountry)),
                    ("change_year", r.changeYear.map(String.init) ?? ""), ("as_of", r.asOf.map(String.init) ?? ""),
                    ("ownership_note", s(r.note)), ("ownership_note_vi", s(r.noteVi)), ("origin_warning", s(r.originWarning)),
                    ("origin_warning_vi", s(r.originWarningVi)), ("category", s(r.category)), ("notes", s(r.notes)),
                    ("retrieved", s(r.retrieved))]
        case .recognition(let r):
            return [("program", r.program), ("year", r.year.map(String.init) ?? ""), ("decision_or_event", s(r.decision)),
                    ("enterprise", r.enterprise), ("products_or_brands", s(r.products)), ("province", s(r.province)),
                    ("notes", s(r.notes)), ("retrieved", s(r.retrieved)), ("status", r.status.rawValue)]
        case .hotline(let r):
            return [("agency", r.agency), ("parent_body", s(r.parentBody)), ("number_or_channel", r.numberOrChannel),
                    ("channel_type", s(r.channelType)), ("takes", s(r.takes)), ("scope", r.scope), ("as_of", r.asOf),
                    ("status_note", s(r.statusNote)), ("retrieved", s(r.retrieved))]
        }
    }

    /// Text indexed for search (names, places, companies; not the long notes).
    package var searchText: String {
        switch self {
        case .brand(let r):
            return [r.name, r.company, r.category, r.companyPrefix, r.prefixSeen].compactMap { $0 }.joined(separator: " ")
        case .gtin(let r):
            return [r.name, r.brand, r.gtin, r.geographicalIndication].compactMap { $0 }.joined(separator: " ")
        case .ocop(let r):
            return [r.name, r.producer, r.province, r.stars.map { "\($0) sao \($0) stars" }, r.gtin]
                .compactMap { $0 }.joined(separator: " ")
        case .geographicalIndication(let r):
            return [r.name, r.product, r.holder, r.province, r.registrationNumber].compactMap { $0 }.joined(separator: " ")
        case .ownership(let r):
            return ([r.aliases?.replacingApostrophes, r.company, r.controllingGroup, r.category] + [r.name.replacingApostrophes])
                .compactMap { $0 }.joined(separator: " ")
        case .recognition(let r):
            return [r.program, r.year.map(String.init), r.enterprise, r.products, r.province].compactMap { $0 }.joined(separator: " ")
        case .hotline(let r):
            return [r.agency, r.parentBody, r.numberOrChannel, r.takes, r.scope].compactMap { $0 }.joined(separator: " ")
        }
    }
}
