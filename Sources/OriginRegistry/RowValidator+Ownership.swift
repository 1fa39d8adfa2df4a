/// Checks for brand-ownership rows (kind `ownership`).
extension RowValidator {
    static func ownership(_ cells: RowCells, _ today: CalendarDate, _ reasons: inout [String]) -> BrandOwnershipRecord? {
        let name = required(cells, "brand", &reasons)
        var status = BrandOwnershipRecord.Status.notStated
        if let text = cells["ownership"] {
            if let parsed = parseOwnershipStatus(text) { status = parsed }
            else { reasons.append("ownership: “\(text)” is not vietnamese, foreign-group, mixed, changing or not-stated") }
        } else {
            reasons.append("ownership: empty (vietnamese, foreign-group, mixed, changing or not-stated)")
        }
        let group = cells["controlling_group"]
        if status == .foreignGroup && group == nil {
            reasons.append("controlling_group: empty — a foreign-group row must name the group")
        }
        var country: String?
        if let text = cells["group_country"] {
            let codes = text.split(separator: "/").map { String($0).trimmingWhitespace().uppercased() }
            if codes.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }) {
                country = codes.joined(separator: "/")
            } else {
                reasons.append("group_country: “\(text)” is not ISO 3166 two-letter codes (JP, or JP/US for two)")
            }
        }
        // A planned change (status `changing`) may name a year ahead; a done one may not.
        let latest = status == .changing ? today.year + 5 : today.year
        let year = self.year(cells, "change_year", latest: latest, &reasons)
        let asOf = self.year(cells, "as_of", latest: today.year, &reasons)
        let retrieved = retrievedDate(cells, &reasons)
        var aliases: String?
        if let text = cells["aliases"] {
            let names = text.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            if let bad = names.first(where: { BrandOwnershipRecord.foldName($0).isEmpty }) {
                reasons.append("aliases: “\(bad)” has no letters or digits")
            }
            aliases = names.joined(separator: "; ")
        }
        if !name.isEmpty && BrandOwnershipRecord.foldName(name).isEmpty { reasons.append("brand: “\(name)” has no letters or digits") }
        let warning = cells["origin_warning"]
        if warning == nil && cells["origin_warning_vi"] != nil {
            reasons.append("origin_warning: empty, but origin_warning_vi is set; give the English text too")
        }
        return BrandOwnershipRecord(id: nil, key: BrandOwnershipRecord.foldName(name), name: name, aliases: aliases,
                                    company: cells["company"], status: status, controllingGroup: group, groupCountry: country,
                                    changeYear: year, asOf: asOf, note: cells["ownership_note"], noteVi: cells["ownership_note_vi"],
                                    originWarning: warning, originWarningVi: cells["origin_warning_vi"],
                                    category: cells["category"], notes: cells["notes"], retrieved: retrieved,
                                    origin: .user, sourceID: 0)
    }

    private static func year(_ cells: RowCells, _ column: String, latest: Int, _ reasons: inout [String]) -> Int? {
        guard let text = cells[column] else { return nil }
        guard let value = Int(text), (1900...9999).contains(value) else {
            reasons.append("\(column): “\(text)” is not a year")
            return nil
        }
        guard value <= latest else {
            reasons.append("\(column): \(value) is in the future (a planned change is written with ownership “changing”)")
            return nil
        }
        return value
    }

    static func parseOwnershipStatus(_ text: String) -> BrandOwnershipRecord.Status? {
        switch TextFolding.fold(text) {
        case "vietnamese", "vn", "viet nam", "vietnam", "trong nuoc", "so huu viet nam": return .vietnamese
        case "foreign group", "foreign", "nuoc ngoai", "tap doan nuoc ngoai", "von nuoc ngoai": return .foreignGroup
        case "mixed", "hon hop", "viet nam va nuoc ngoai": return .mixed
        case "changing", "dang thay doi", "dang chuyen nhuong": return .changing
        case "not stated", "unknown", "khong neu", "khong ro", "chua ro": return .notStated
        default: return nil
        }
    }
}

extension ImportPlan {
    /// Rows of this plan (kind `ownership`) giving a brand name or alias that belongs to another
    /// brand in `existing` (entries the import does not replace): a name points at one owner only.
    package func aliasConflicts(with existing: [BrandOwnershipRecord]) -> [(index: Int, problem: RegistryError.RowProblem)] {
        guard kind == .ownership else { return [] }
        let replaced = Set(items.map(\.entry.key))
        var owners: [String: String] = [:]
        for record in existing where !replaced.contains(record.key) {
            for name in record.allNames { owners[BrandOwnershipRecord.foldName(name)] = record.name }
        }
        var conflicts: [(Int, RegistryError.RowProblem)] = []
        for (index, item) in items.enumerated() {
            guard case .ownership(let record) = item.entry else { continue }
            if let clash = record.allNames.first(where: { owners[BrandOwnershipRecord.foldName($0)] != nil }) {
                let owner = owners[BrandOwnershipRecord.foldName(clash)]!
                conflicts.append((index, .init(line: item.line, reason: "aliases: “\(clash)” is already a name of “\(owner)” in the registry; a name can belong to one brand only (import that brand's row with the name removed first)")))
            }
        }
        return conflicts
    }
}

/// Checks for recognition rows (kind `recognition`).
extension RowValidator {
    static func recognition(_ cells: RowCells, _ today: CalendarDate, _ reasons: inout [String]) -> RecognitionRecord? {
        let program = required(cells, "program", &reasons)
        let enterprise = required(cells, "enterprise", &reasons)
        var year: Int?
        if let text = cells["year"] {
            if let value = Int(text), (1990...today.year).contains(value) { year = value }
            else { reasons.append("year: “\(text)” is not a year from 1990 to \(today.year)") }
        }
        var status = RecognitionRecord.Status.awarded
        if let text = cells["status"] {
            switch TextFolding.fold(text) {
            case "awarded", "recognised", "recognized", "cong nhan", "dat": status = .awarded
            case "revoked", "withdrawn", "thu hoi", "da thu hoi": status = .revoked
            default: reasons.append("status: “\(text)” is not awarded or revoked (công nhận / thu hồi)")
            }
        }
        let retrieved = retrievedDate(cells, &reasons)
        let key = [program, year.map(String.init) ?? "", enterprise].map(TextFolding.fold).joined(separator: "|")
        return RecognitionRecord(id: nil, key: key, program: program, year: year, decision: cells["decision_or_event"],
                                 enterprise: enterprise, products: cells["products_or_brands"], province: cells["province"],
                                 status: status, notes: cells["notes"], retrieved: retrieved, origin: .user, sourceID: 0)
    }
}

extension RowValidator {
    /// The `retrieved` column as an ISO date. Not checked against today: a machine whose clock is
    /// behind must not lose the seed's rows.
    static func retrievedDate(_ cells: RowCells, _ reasons: inout [String]) -> String? {
        guard let text = cells["retrieved"] else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            reasons.append("retrieved: “\(text)” is not a date (use 2026-12-02 or 02/12/2026)")
            return nil
        }
        return date.description
    }
}

extension ImportPlan {
    /// The summary an import of this plan starts from; throws when bad rows reject the whole
    /// file (`skipInvalid` false). The same for every ``RegistryStore``.
    package func summary(skipInvalid: Bool, dryRun: Bool) throws(RegistryError) -> ImportSummary {
        if !problems.isEmpty && !skipInvalid {
            throw RegistryError(.invalidRows,
                                "\(fileName): \(problems.count) of \(rowCount) rows are invalid, so nothing was imported.",
                                remedy: .fixRowsOrSkipInvalid(goodRows: items.count), path: fileName, problems: problems)
        }
        var summary = ImportSummary(kind: kind, file: fileName, rows: rowCount)
        summary.duplicates = duplicates
        summary.rejected = skipInvalid ? problems : []
        summary.unknownColumns = unknownColumns
        summary.dryRun = dryRun
        return summary
    }

    /// The items to write, given the registry's visible ownership entries (`existing`): an
    /// alias that another brand already has rejects its row — the whole file unless
    /// `skipInvalid`, when the row is left out and listed in `summary.rejected`.
    package func itemsWithoutAliasConflicts(existing: [RegistryEntry], skipInvalid: Bool,
                                            summary: inout ImportSummary) throws(RegistryError) -> [Item] {
        guard kind == .ownership else { return items }
        let records = existing.compactMap { entry -> BrandOwnershipRecord? in
            if case .ownership(let record) = entry { return record } else { return nil }
        }
        let conflicts = aliasConflicts(with: records)
        guard !conflicts.isEmpty else { return items }
        let all = (problems + conflicts.map(\.problem)).sorted { $0.line < $1.line }
        guard skipInvalid else {
            throw RegistryError(.invalidRows,
                                "\(fileName): \(all.count) of \(rowCount) rows are invalid, so nothing was imported.",
                                remedy: .fixRowsOrSkipInvalid(goodRows: items.count - conflicts.count), path: fileName, problems: all)
        }
        let dropped = Set(conflicts.map(\.index))
        summary.rejected = all
        return items.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}
