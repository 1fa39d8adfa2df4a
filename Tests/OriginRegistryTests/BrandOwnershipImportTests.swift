import Foundation
import GS1
import TestSupport
import Testing
@testable import OriginRegistry

/// The brand-ownership kind: keyed by brand name and aliases, imported all or nothing, matched
/// in product names by whole words.
@Suite("Brand ownership")
struct BrandOwnershipImportTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)

    /// Vietnamese headers; made-up brands marked "(test)", so no real ownership is invented.
    static let list = [
        "Thương hiệu,Tên khác,Công ty,Sở hữu,Tập đoàn kiểm soát,Quốc gia,Năm thay đổi,Nguồn,Ngày truy cập",
        "Bánh Thử (test),Bánh Thử; Thử Giòn,Công ty Thử (test),nước ngoài,Tập đoàn Thử (test),JP,2020,https://example.org/test-1,01/12/2026",
        "Nước Mắm Mẫu (test),Mắm Mẫu,,việt nam,,VN,,https://example.org/test-2,2026-12-01",
    ].joined(separator: "\n") + "\n"

    @Test("a list with Vietnamese headers is imported; its names match product names by whole words, ignoring case and diacritics",
          arguments: RegistryBackend.available)
    func importAndMatch(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, today: Self.today)
        let (summary, _) = try registry.importFile(bytes: Array(Self.list.utf8), name: "owners.csv", kind: .ownership, today: Self.today)
        #expect(summary.inserted == 2)
        let index = registry.snapshot.brandNames
        let names = { (text: String) in index.matches(in: text).map { index.owners[$0.owner].record.name } }
        #expect(names("THU GION vị phô mai 200g") == ["Bánh Thử (test)"])
        #expect(names("mam mau Phú Quốc") == ["Nước Mắm Mẫu (test)"])
        #expect(names("Thử Giònn") == [])                   // whole words only
        #expect(names("Thửgiòn") == [])
        let record = try #require(index.owners.first { $0.record.name == "Bánh Thử (test)" }?.record)
        #expect(record.status == .foreignGroup && record.groupCountry == "JP" && record.changeYear == 2020)
        #expect(record.retrieved == "2026-12-01")
        // The seed's owners are there too, by their aliases.
        #expect(names("2 AFC 200g (kèm 1 Cosy Marie 64g)") == ["Kinh Đô"])
        #expect(names("Giày Biti’s Hunter") == ["Biti's"])
        #expect(names("Bitis") == ["Biti's"])
        // Search finds an owner by an alias.
        #expect(try registry.search("thu gion").contains { $0.entry.kind == .ownership })
        // Stats give each kind's oldest and newest retrieved dates: the seed's research is of 2026-12-02.
        let stats = try registry.database.stats(today: Self.today)
        let owners = try #require(stats.counts.first { $0.kind == .ownership })
        #expect(owners.visible == 47 && owners.user == 2)
        #expect(owners.oldestRetrieved == "2026-12-01" && owners.newestRetrieved == "2026-12-02")
        let awards = try #require(stats.counts.first { $0.kind == .recognition })
        #expect(awards.visible == 27 && awards.oldestRetrieved == "2026-12-02")
    }

    @Test("the longest name wins at each word, and each owner is reported once")
    func longestMatch() throws {
        let index = try RegistrySnapshot.seed(asOf: Self.today).brandNames
        let owners = { (text: String) in index.matches(in: text).map { (index.owners[$0.owner].record.name, $0.alias) } }
        let gold = owners("Dầu Tường An Gold 1L")
        #expect(gold.count == 1 && gold[0].1 == "Tường An Gold")
        let plain = owners("Dầu Tường An 1L")
        #expect(plain.count == 1 && plain[0].1 == "Tường An")
        #expect(gold[0].0 != plain[0].0)
        #expect(owners("Sting dâu, Sting vàng").count == 1)
        // Ordinary words that are also part of a brand name do not match alone.
        #expect(owners("Nồi cơm điện Tiger 1.8L").isEmpty)
        #expect(owners("Nước Không Độ").isEmpty)
    }

    @Test("folding UTF-8 bytes on the stack gives what TextFolding gives, word starts included")
    func byteFoldingAgreesWithTextFolding() {
        let texts = ["Giày Biti’s Hunter", "BIA SÀI GÒN 333", "Nước mắm Nam Ngư 500ml", "Café–Sữa • 3in1", "  ",
                     "Tương ớt Chin-su\u{00A0}250g", "Cosy\u{0301} Marie", "Đường Quảng Ngãi", "x-men 100% cotton",
                     "ĐẮK LẮK", "Trà xanh 0°", "P/S", "Mì “Hảo Hảo”"]
        for text in texts {
            var copy = text
            let bytes = copy.withUTF8 { Array($0) }
            let result: (folded: [UInt8], starts: [Int])? = bytes.withUnsafeBufferPointer { input in
                var out = [UInt8](repeating: 0, count: input.count)
                var starts = [Int](repeating: 0, count: input.count + 1)
                let folded = out.withUnsafeMutableBufferPointer { o in
                    starts.withUnsafeMutableBufferPointer { s in BrandNameIndex.fold(input, into: o, wordStarts: s) }
                }
                guard let folded else { return nil }
                return (Array(out[..<folded.length]), Array(starts[..<folded.words]))
            }
            let expected = Array(BrandOwnershipRecord.foldName(text).utf8)
            #expect(result?.folded == expected, "\(text)")
            var starts: [Int] = expected.isEmpty ? [] : [0]
            for (i, byte) in expected.enumerated() where byte == 0x20 { starts.append(i + 1) }
            #expect(result?.starts == starts, "\(text)")
        }
        // Non-Latin letters take the slow path; invalid UTF-8 reads as a space.
        var greek = "Γάλα"
        #expect(greek.withUTF8 { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count) { o in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: input.count + 1) { s in BrandNameIndex.fold(input, into: o, wordStarts: s) }
            }
        } == nil)
        let index = try! RegistrySnapshot.seed(asOf: Self.today).brandNames
        let invalid: [UInt8] = Array("Sữa".utf8) + [0xFF, 0xC3] + Array(" Vinamilk".utf8)
        #expect(invalid.withUnsafeBufferPointer { index.matches(inUTF8: $0) }.map(\.alias) == ["Vinamilk"])
    }

    @Test("bad rows are rejected with line and reason, and the registry is left unchanged", arguments: RegistryBackend.available, [
        ("Thử,,,,Tập đoàn (test),JP,2020,https://example.org/t", "ownership: empty"),
        ("Thử,,,owned,Tập đoàn (test),JP,2020,https://example.org/t", "is not vietnamese, foreign-group, mixed, changing or not-stated"),
        ("Thử,,,foreign-group,Tập đoàn (test),JP,2031,https://example.org/t", "change_year: 2031 is in the future"),
        ("Thử,,,foreign-group,Tập đoàn (test),JP,2020,", "source: empty"),
        ("Thử,,,foreign-group,,JP,2020,https://example.org/t", "a foreign-group row must name the group"),
        ("Thử,,,foreign-group,Tập đoàn (test),Japan,2020,https://example.org/t", "group_country"),
        ("Thử,Cosy,,vietnamese,,VN,,https://example.org/t", "“Cosy” is already a name of “Kinh Đô”"),
    ])
    func badRows(backend: RegistryBackend, bad: (String, String)) throws {
        let (row, reason) = bad
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, today: Self.today)
        _ = try registry.importFile(bytes: Array(Self.list.utf8), name: "owners.csv", kind: .ownership, today: Self.today)
        let before = try registry.database.stats(today: Self.today)
        let file = "brand,aliases,company,ownership,controlling_group,group_country,change_year,source\n" + row + "\n"
        #expect {
            try registry.importFile(bytes: Array(file.utf8), name: "bad.csv", kind: .ownership, today: Self.today)
        } throws: { error in
            let error = error as! RegistryError
            return error.code == .invalidRows && error.problems.count == 1 && error.problems[0].line == 2
                && error.problems[0].reason.contains(reason)
        }
        #expect(try registry.database.stats(today: Self.today) == before)
        #expect(registry.snapshot.brandNames.matches(in: "Thử").isEmpty)
    }

    @Test("recognition rows: a year ahead or an unknown status is rejected with its line; revoked awards are kept as such",
          arguments: RegistryBackend.available)
    func recognitionRows(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, today: Self.today)
        let bad = "Danh hiệu,Năm,Doanh nghiệp,Trạng thái,Nguồn\nGiải Thử (test),2031,Công ty Thử,công nhận,https://example.org/r\nGiải Thử (test),2024,Công ty Thử,maybe,https://example.org/r\n"
        #expect {
            try registry.importFile(bytes: Array(bad.utf8), name: "r.csv", kind: .recognition, today: Self.today)
        } throws: { error in
            let problems = (error as! RegistryError).problems
            return problems.map(\.line) == [2, 3] && problems[0].reason.contains("year") && problems[1].reason.contains("status")
        }
        let good = "Danh hiệu,Năm,Doanh nghiệp,Trạng thái,Nguồn\nGiải Thử (test),2024,Công ty Thử,thu hồi,https://example.org/r\n"
        _ = try registry.importFile(bytes: Array(good.utf8), name: "r.csv", kind: .recognition, today: Self.today)
        let entry = try #require(try registry.entries(.recognition).first { $0.entry.origin == .user }?.entry)
        guard case .recognition(let award) = entry else { Issue.record("not an award"); return }
        #expect(award.status == .revoked && award.year == 2024)
    }

    @Test("two rows of one file giving the same alias: the later is rejected; --skip-invalid keeps the first")
    func aliasCollisionInFile() throws {
        let file = [
            "brand,aliases,ownership,group_country,source",
            "Mẫu Một (test),Trùng Tên,vietnamese,VN,https://example.org/a",
            "Mẫu Hai (test),trung ten,vietnamese,VN,https://example.org/b",
        ].joined(separator: "\n") + "\n"
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.path("registry.sqlite"), today: Self.today)
        #expect {
            try registry.importFile(bytes: Array(file.utf8), name: "dup.csv", kind: .ownership, today: Self.today)
        } throws: { error in
            let problems = (error as! RegistryError).problems
            return problems.count == 1 && problems[0].line == 3 && problems[0].reason.contains("“Mẫu Một (test)” (line 2)")
        }
        #expect(!registry.hasUserFile)
        let (summary, plan) = try registry.importFile(bytes: Array(file.utf8), name: "dup.csv", kind: .ownership,
                                                      skipInvalid: true, today: Self.today)
        #expect(summary.inserted == 1 && summary.rejected.map(\.line) == [3])
        #expect(plan.fields(ofLine: 3)?.first == "Mẫu Hai (test)")
    }

    @Test("an alias clashing with the registry is skipped with --skip-invalid, listed with its fields", arguments: RegistryBackend.available)
    func aliasCollisionWithRegistrySkipped(backend: RegistryBackend) throws {
        let file = "brand,aliases,ownership,source\nMẫu Ba (test),Vinamilk,vietnamese,https://example.org/c\nMẫu Bốn (test),,vietnamese,https://example.org/d\n"
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, today: Self.today)
        let (summary, plan) = try registry.importFile(bytes: Array(file.utf8), name: "c.csv", kind: .ownership,
                                                      skipInvalid: true, today: Self.today)
        #expect(summary.inserted == 1)
        #expect(summary.rejected.count == 1 && summary.rejected[0].line == 2 && summary.rejected[0].reason.contains("Vinamilk"))
        #expect(plan.fields(ofLine: 2)?.first == "Mẫu Ba (test)")
        let index = registry.snapshot.brandNames
        #expect(index.matches(in: "Sữa Vinamilk").map { index.owners[$0.owner].record.name } == ["Vinamilk"])
    }

    @Test("the seed's 45 owners, exported as CSV and imported again, give the same entries (as yours, hiding the seed's)",
          arguments: RegistryBackend.available)
    func exportRoundTrip(backend: RegistryBackend) throws {
        let folder = try TemporaryFolder()
        let registry = try backend.open(in: folder, today: Self.today)
        let entries = try registry.entries(.ownership)
        #expect(entries.count == 45)
        func quoted(_ value: String) -> String {
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        let header = RegistryKind.ownership.columns.filter { !$0.ignored && $0.name != "source" }.map(\.name) + ["source"]
        var csv = header.joined(separator: ",") + "\n"
        for (entry, source) in entries {
            #expect(entry.fields.map(\.column) == Array(header.dropLast()))
            csv += (entry.fields.map(\.value) + [source.address]).map(quoted).joined(separator: ",") + "\n"
        }
        let (summary, _) = try registry.importFile(bytes: Array(csv.utf8), name: "export.csv", kind: .ownership, today: Self.today)
        #expect(summary.inserted == 45 && summary.overridingSeed == 45 && summary.rejected.isEmpty)
        let again = try registry.entries(.ownership)
        #expect(again.allSatisfy { $0.entry.origin == .user })
        #expect(again.map { $0.entry.fields.map(\.value) } == entries.map { $0.entry.fields.map(\.value) })
        #expect(again.map(\.source.address) == entries.map(\.source.address))
    }
}
