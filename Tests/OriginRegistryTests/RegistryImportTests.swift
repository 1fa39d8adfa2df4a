import Foundation
import GRDB
import GS1
import TestSupport
import Testing
@testable import OriginRegistry

/// Importing official lists end to end, and refusing bad ones with the registry unchanged.
@Suite("Registry import")
struct RegistryImportTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)

    /// A provincial OCOP list as an Excel "CSV UTF-8" export: BOM, semicolons, CRLF, Vietnamese
    /// headers, a serial-number column HangViet does not use, day-first dates, "4 sao" ratings.
    /// Product names are real Nghệ An OCOP products from the seed; the barcodes are in the
    /// restricted-circulation range 200 (store-internal numbers), so no real product number is made up.
    static let ngheAnList = "\u{FEFF}" + [
        "STT;Tên sản phẩm;Chủ thể;Tỉnh;Số sao;Năm;Quyết định;Ngày cấp;Mã vạch",
        "1;Nước mắm Cửa Lò (20°N, 30°N, 40°N);Công ty CP Thủy sản Nghệ An;Nghệ An;4 sao;2024;QĐ 279/QĐ-UBND (test list);15/03/2024;2001234567893",
        "2;\"Cam Vinh; loại 1\";HTX (test);Nghệ An;3;2021;QĐ (test);;2009876543213",
        "3;Chè xanh (test);HTX (test);Nghệ An;4★;;;01/12/2023;",
    ].joined(separator: "\r\n") + "\r\n"

    static let badList = [
        "Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Năm,Mã vạch",
        "Good row,HTX,Nghệ An,4,2024,",
        "Too many stars,HTX,Nghệ An,6,2024,",
        "Bad year,HTX,Nghệ An,4,1999,",
        "Bad barcode,HTX,Nghệ An,4,2024,2001234567890",
        ",HTX,Nghệ An,4,2024,",
    ].joined(separator: "\n") + "\n"

    @Test("a provincial OCOP list is imported: file created, snapshot replaced, facts and search see it")
    func ocopListEndToEnd() throws {
        let folder = try TemporaryFolder()
        let registryPath = folder.path("data/registry.sqlite")
        let registry = try Registry.open(path: registryPath, today: Self.today)
        #expect(!registry.hasUserFile)
        let before = registry.snapshot
        let listPath = try folder.write("nghe-an.csv", Self.ngheAnList)

        let (summary, plan) = try registry.importFile(at: listPath, kind: .ocop, source: "UBND tỉnh Nghệ An (test list)", today: Self.today)
        #expect(plan.problems.isEmpty)
        #expect(summary.rows == 3 && summary.inserted == 3 && summary.updated == 0)
        // Row 1 is the seed's "Nước mắm Cửa Lò" (same product, producer, province): the list's entry hides it.
        #expect(summary.overridingSeed == 1)
        #expect(summary.unknownColumns == ["STT"])
        #expect(FileManager.default.fileExists(atPath: registryPath))
        #expect(registry.hasUserFile)
        #expect(registry.snapshot !== before)

        // The barcode now brings the OCOP fact, valid until 36 months after its certificate date.
        let fact = try #require(registry.snapshot.facts(for: try GTIN.parse("2001234567893")).first { $0.kind == .ocop })
        #expect(fact.name == "Nước mắm Cửa Lò (20°N, 30°N, 40°N)")
        #expect(fact.ocop?.stars == 4 && fact.ocop?.province == "Nghệ An")
        #expect(fact.ocop?.validity == .current(until: CalendarDate(year: 2027, month: 3, day: 15)))
        #expect(fact.source.address == "UBND tỉnh Nghệ An (test list)")
        #expect(fact.source.retrieved == "2026-11-23")
        // 2021 with no date: more than 36 months ago, so reported as expired, never as current.
        let old = try #require(registry.snapshot.facts(for: try GTIN.parse("2009876543213")).first)
        #expect(old.name == "Cam Vinh; loại 1")
        #expect(old.ocop?.validity == .expired(since: nil))

        // Search finds the new entries without diacritics, alongside the seed.
        let hits = try registry.database.search("cam vinh loai")
        #expect(hits.first?.entry.name == "Cam Vinh; loại 1")
        #expect(hits.first?.source.address == "UBND tỉnh Nghệ An (test list)")

        // The seed is still there and unchanged in count; the user's entries come on top.
        let stats = try registry.database.stats(today: Self.today)
        let ocop = try #require(stats.counts.first { $0.kind == .ocop })
        #expect(ocop.user == 3 && ocop.seed == 371 && ocop.visible == 373)

        // Reopening the file gives the same answers (nothing lived only in memory).
        let reopened = try Registry.open(path: registryPath, today: Self.today)
        #expect(reopened.snapshot.facts(for: try GTIN.parse("2001234567893")).count == 1)

        // Importing the same list again updates, it does not duplicate.
        let again = try registry.importFile(at: listPath, kind: .ocop, source: "UBND tỉnh Nghệ An (test list)", today: Self.today)
        #expect(again.summary.inserted == 0 && again.summary.updated == 3)
        #expect(try registry.database.stats(today: Self.today).counts.first { $0.kind == .ocop }?.visible == 373)
    }

    @Test("a list with bad rows is rejected whole, every bad row named, and no file is created")
    func badListIsRejectedBeforeAnyFileExists() throws {
        let folder = try TemporaryFolder()
        let registryPath = folder.path("registry.sqlite")
        let registry = try Registry.open(path: registryPath, today: Self.today)
        let listPath = try folder.write("bad.csv", Self.badList)
        #expect {
            try registry.importFile(at: listPath, kind: .ocop, source: "test", today: Self.today)
        } throws: { error in
            let error = error as! RegistryError
            return error.code == .invalidRows && error.problems.map(\.line) == [3, 4, 5, 6]
                && error.problems[0].reason.contains("stars") && error.problems[1].reason.contains("year")
                && error.problems[2].reason.contains("check digit") && error.problems[3].reason.contains("product_name")
        }
        #expect(!FileManager.default.fileExists(atPath: registryPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["bad.csv"]) // no temp file left
    }

    @Test("a bad list leaves an existing registry byte-for-byte as it was")
    func badListLeavesRegistryUnchanged() throws {
        let folder = try TemporaryFolder()
        let registryPath = folder.path("registry.sqlite")
        let registry = try Registry.open(path: registryPath, today: Self.today)
        _ = try registry.importFile(at: try folder.write("good.csv", Self.ngheAnList), kind: .ocop, source: "test", today: Self.today)
        let snapshot = registry.snapshot
        let bytes = try #require(folder.bytes("registry.sqlite"))
        let stats = try registry.database.stats(today: Self.today)

        for (name, text) in [("bad.csv", Self.badList), ("wrong-columns.csv", "Name,Price\nx,1\n"),
                             ("not-utf8.csv", "Tên sản phẩm,Tỉnh\n"), ("quote.csv", "Tên sản phẩm,Tỉnh\n\"x,y\n")] {
            var data = Data(text.utf8)
            if name == "not-utf8.csv" { data.append(contentsOf: [0x4E, 0xE6, 0x63, 0x2C, 0x41, 0x0A]) }
            try data.write(to: URL(fileURLWithPath: folder.path(name)))
            #expect(throws: RegistryError.self) {
                try registry.importFile(at: folder.path(name), kind: .ocop, source: "test", today: Self.today)
            }
        }
        #expect(folder.bytes("registry.sqlite") == bytes)
        #expect(try registry.database.stats(today: Self.today) == stats)
        #expect(registry.snapshot === snapshot)
    }

    @Test("--skip-invalid imports the good rows and keeps the rejects with their reasons", arguments: RegistryBackend.available)
    func skipInvalid(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, name: "r", today: Self.today)
        let (summary, plan) = try registry.importFile(at: try folder.write("bad.csv", Self.badList), kind: .ocop, source: "test",
                                                      skipInvalid: true, today: Self.today)
        #expect(summary.inserted == 1)
        #expect(summary.rejected.map(\.line) == [3, 4, 5, 6])
        #expect(plan.rejectedFields[3] == ["Too many stars", "HTX", "Nghệ An", "6", "2024", ""])
    }

    @Test("a dry run reports and changes nothing", arguments: RegistryBackend.available)
    func dryRun(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, name: "r", today: Self.today)
        let before = try registry.stats(today: Self.today)
        let (summary, _) = try registry.importFile(at: try folder.write("l.csv", Self.ngheAnList), kind: .ocop, source: "t",
                                                   dryRun: true, today: Self.today)
        #expect(summary.inserted == 3 && summary.dryRun)
        #expect(!FileManager.default.fileExists(atPath: folder.path("r.sqlite")))   // no file made (SQLite)
        #expect(try registry.database.stats(today: Self.today).counts.first { $0.kind == .ocop }?.user == 0)
        #expect(try registry.stats(today: Self.today) == before)
    }

    @Test("duplicates inside a file: the later row wins and both lines are reported")
    func duplicatesInFile() throws {
        let text = "gi_name,product,origin_country,province,source\nPhú Quốc,Nước mắm,VN,Kiên Giang,a\nPHU QUOC,nuoc mam,VN,Kiên Giang (2),b\n"
        let plan = try ImportPlan(bytes: Array(text.utf8), fileName: "d.csv", kind: .gi, defaultSource: nil, today: Self.today)
        #expect(plan.items.count == 1)
        #expect(plan.duplicates == [ImportPlan.Duplicate(line: 3, earlierLine: 2, identical: false)])
        guard case .geographicalIndication(let gi) = plan.items[0].entry else { Issue.record("not a GI"); return }
        #expect(gi.province == "Kiên Giang (2)" && plan.items[0].source == "b")
    }

    @Test("a user entry with a seed entry's identity hides it, and the seed entry comes back in search only through it",
          arguments: RegistryBackend.available)
    func userEntryOverridesSeed(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, name: "r", today: Self.today)
        // The seed's Acecook row, re-imported by a user with a Vietnamese note.
        let text = "brand,company_prefix,ownership,ownership_note,source\nAcecook,8934563,foreign-group,Checked at the 2026 shareholder meeting,https://example.org/user-check\n"
        let (summary, _) = try registry.importFile(bytes: Array(text.utf8), name: "b.csv", kind: .brands, today: Self.today)
        #expect(summary.overridingSeed == 1)
        let facts = registry.snapshot.facts(for: try GTIN.parse("8934563138165")).filter { $0.kind == .brand }
        #expect(facts.contains { $0.note?.en == "Checked at the 2026 shareholder meeting" })
        #expect(try registry.database.stats(today: Self.today).counts.first { $0.kind == .brands }.map { $0.visible == $0.seed } == true)
    }

    @Test("company prefixes are checked against GS1's length table")
    func companyPrefixLengths() {
        #expect(RowValidator.companyPrefixProblem("8934563") == nil)
        #expect(RowValidator.companyPrefixProblem("89345631")?.contains("have 7") == true)
        #expect(RowValidator.companyPrefixProblem("89350017") == nil)
        #expect(RowValidator.companyPrefixProblem("8935001")?.contains("have 8") == true)
        #expect(RowValidator.companyPrefixProblem("893A") != nil)
        #expect(RowValidator.companyPrefixProblem("4901780") == nil) // other countries: the user's word
    }

    @Test("every row needs a source: a column, or --source")
    func sourceIsRequired() {
        #expect {
            try ImportPlan(bytes: Array("brand\nX\n".utf8), fileName: "s.csv", kind: .brands, defaultSource: nil, today: Self.today)
        } throws: { ($0 as! RegistryError).code == .wrongColumns }
        let plan = try? ImportPlan(bytes: Array("brand,source\nX,\nY,z\n".utf8), fileName: "s.csv", kind: .brands, defaultSource: nil, today: Self.today)
        #expect(plan?.problems.map(\.line) == [2])
    }

    @Test("export, then import into a new registry, gives the same entries", arguments: RegistryBackend.available)
    func exportRoundTrip(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let first = try backend.open(in: folder, name: "a", today: Self.today)
        _ = try first.importFile(at: try folder.write("l.csv", Self.ngheAnList), kind: .ocop, source: "t", today: Self.today)
        let exported = try first.database.entries(.ocop).filter { $0.entry.origin == .user }
        var csv = "product_name,producer,province,stars,year_recognised,level_or_decision,certificate_date,expiry_date,revoked,barcode,notes,retrieved,history,source\n"
        for (entry, source) in exported {
            csv += (entry.fields.map(\.value) + [source.address]).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        }
        let second = try backend.open(in: folder, name: "b", today: Self.today)
        _ = try second.importFile(bytes: Array(csv.utf8), name: "export.csv", kind: .ocop, today: Self.today)
        let reimported = try second.database.entries(.ocop).filter { $0.entry.origin == .user }
        #expect(reimported.map { $0.entry.fields.map(\.value) } == exported.map { $0.entry.fields.map(\.value) })
        #expect(reimported.map(\.source.address) == exported.map(\.source.address))
    }
}
