import OriginRegistry

/// How one inventory row counts towards the share of Vietnamese goods. The categories keep
/// apart what the evidence shows and what it does not:
///
/// - ``confirmed``: evidence beyond the barcode prefix — GS1 AI 422 declares Viet Nam as the
///   country of origin, or the registry has a Vietnamese-owned brand (by the product's registry
///   name or its company, with no origin warning), a current OCOP rating or a Vietnamese
///   geographical indication for it.
/// - ``registrantOnly``: a GS1 Vietnam number (893) or a Vietnamese ISBN and nothing more.
///   Licensed in Viet Nam; not proof of where it was made.
/// - ``registrantForeignGroup``: an 893 number whose brand the registry says a foreign group controls
///   (the brand's owner decides before the company behind the prefix).
/// - ``other``: foreign registrants, declared foreign origin, foreign books, unassigned prefixes.
/// - ``notCounted``: invalid codes, empty cells and numbers that say nothing about origin
///   (in-store codes, coupons, ISSN); they are listed, not counted in the shares.
public enum ShareCategory: String, Sendable, Hashable, CaseIterable {
    case confirmed
    case registrantOnly = "registrant-only"
    case registrantForeignGroup = "registrant-foreign-group"
    case other
    case notCounted = "not-counted"

    public init(_ verdict: Verdict) {
        switch verdict.outcome {
        case .invalid, .notApplicable:
            self = .notCounted
            return
        case .declaredVietnameseOrigin:
            self = .confirmed
            return
        case .declaredForeignOrigin, .foreignRegistrant, .foreignBook, .unknown:
            self = .other
            return
        case .vietnameseRegistrant, .vietnameseBook:
            break
        }
        // The brand's owner (the best-ranked brand-ownership fact) decides before the company
        // behind the prefix; a current OCOP rating or a Vietnamese GI confirms either way.
        var owner: RegistryFact?, itemNameOwner: RegistryFact?
        var companyVietnamese = false, companyForeign = false
        for fact in verdict.registryFacts {
            if let status = fact.ocop, status.validity.isCurrent { self = .confirmed; return }
            if fact.kind == .geographicalIndication && fact[attribute: "country"] == "VN" { self = .confirmed; return }
            switch fact.kind {
            case .brandOwnership:
                if fact[attribute: "matched by"] == "item-name" {
                    if itemNameOwner == nil { itemNameOwner = fact }
                } else if owner == nil {
                    owner = fact
                }
            case .brand:
                if fact.ownership == .vietnamese { companyVietnamese = true }
                if fact.ownership == .foreignGroup { companyForeign = true }
            default: break
            }
        }
        if let owner {
            switch owner.ownership {
            case .foreignGroup?: self = .registrantForeignGroup
            // A brand with an origin warning does not confirm.
            case .vietnamese? where owner.originWarning == nil: self = .confirmed
            default: self = .registrantOnly
            }
            return
        }
        if companyVietnamese { self = .confirmed; return }
        if companyForeign { self = .registrantForeignGroup; return }
        // An inventory's item name is weaker: it may move a row to a foreign group's brand, but
        // never confirms Vietnamese goods alone.
        self = itemNameOwner?.ownership == .foreignGroup ? .registrantForeignGroup : .registrantOnly
    }

    /// The label in a language.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.confirmed, .en): return "Vietnamese, confirmed (declared origin or registry)"
        case (.confirmed, .vi): return "Hàng Việt, có xác nhận (khai báo xuất xứ hoặc sổ đăng ký)"
        case (.registrantOnly, .en): return "GS1 Vietnam number (893) only: not proof of origin"
        case (.registrantOnly, .vi): return "Chỉ có mã GS1 Việt Nam (893): chưa chứng minh xuất xứ"
        case (.registrantForeignGroup, .en): return "893 number of a foreign group's brand"
        case (.registrantForeignGroup, .vi): return "Mã 893 của nhãn hiệu thuộc tập đoàn nước ngoài"
        case (.other, .en): return "Foreign or unknown"
        case (.other, .vi): return "Nước ngoài hoặc không rõ"
        case (.notCounted, .en): return "Not counted (invalid, in-store codes, coupons …)"
        case (.notCounted, .vi): return "Không tính (mã lỗi, mã nội bộ, phiếu giảm giá …)"
        }
    }
}
