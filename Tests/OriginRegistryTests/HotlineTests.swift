import TestSupport
import Testing
@testable import OriginRegistry

/// Where to report suspect goods: the bundled hotlines, each with its date and source.
@Suite("Hotlines")
struct HotlineTests {
    @Test("the seed lists the national consumer line and the 389 committee's lines first, every line dated and sourced")
    func seed() throws {
        let lines = try Hotline.seed()
        #expect(lines.count == 32)
        let firstLocal = try #require(lines.firstIndex { !$0.isNational })
        #expect(lines[..<firstLocal].allSatisfy { $0.isNational })
        #expect(lines[firstLocal...].allSatisfy { !$0.isNational })
        let consumer = try #require(lines.first { $0.numberOrChannel == "1800 6838" })
        #expect(consumer.isNational && consumer.asOf.hasPrefix("2024"))
        #expect(consumer.source.contains("bvntd.gov.vn"))
        #expect(lines.contains { $0.numberOrChannel.contains("0981 389 389") && $0.isNational })
        #expect(lines.allSatisfy { !$0.source.isEmpty && !$0.asOf.isEmpty && $0.retrieved == "2026-12-02" })
        // The market-surveillance line predates the 2025 reorganisation, and says so.
        let surveillance = try #require(lines.first { $0.numberOrChannel == "1900 888 655" })
        #expect(surveillance.statusNote?.contains("1/3/2025") == true)
    }

    @Test("a hotline with no number or channel, or no source, is refused with its line and reason")
    func badRows() throws {
        let csv = """
            agency,number_or_channel,scope,as_of,source
            Good line,1800 6838,national,2024,https://example.org/a
            No number,,national,2024,https://example.org/b
            No source,0900 000 000,Hà Nội,2020,
            """
        do {
            _ = try Hotline.parse(Array(csv.utf8), name: "lines.csv")
            Issue.record("bad rows were accepted")
        } catch {
            #expect(error.code == .invalidRows)
            #expect(error.problems.map(\.line) == [3, 4])
            #expect(error.problems[0].reason.contains("number_or_channel"))
            #expect(error.problems[1].reason.contains("source"))
        }
        do {
            _ = try Hotline.parse(Array("agency,scope\nX,national\n".utf8), name: "lines.csv")
            Issue.record("missing columns were accepted")
        } catch {
            #expect(error.code == .wrongColumns && error.message.contains("number_or_channel"))
        }
    }
}

/// Hotlines as a registry kind: imported, exported and counted like the others.
@Suite("Hotlines in the registry")
struct HotlineRegistryTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)

    @Test("the seed's 32 lines are registry entries; an imported line joins them; one with no number is refused with its line")
    func importLines() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.path("registry.sqlite"), today: Self.today)
        #expect(registry.snapshot.hotlines.count == 32)
        #expect(registry.snapshot.hotlines.first?.numberOrChannel == "1800 6838")
        let bad = "Cơ quan,Số điện thoại,Phạm vi,Thời điểm,Nguồn\nĐội thử (test),,Nghệ An,2026,https://example.org/h\n"
        #expect {
            try registry.importFile(bytes: Array(bad.utf8), name: "h.csv", kind: .hotlines, today: Self.today)
        } throws: { error in
            let problems = (error as! RegistryError).problems
            return problems.count == 1 && problems[0].line == 2 && problems[0].reason.contains("number_or_channel")
        }
        #expect(registry.snapshot.hotlines.count == 32)
        let good = "Cơ quan,Số điện thoại,Phạm vi,Thời điểm,Nguồn,Ngày truy cập\nĐội thử (test),0000 000 000,Nghệ An,2026,https://example.org/h,01/12/2026\n"
        _ = try registry.importFile(bytes: Array(good.utf8), name: "h.csv", kind: .hotlines, today: Self.today)
        let lines = registry.snapshot.hotlines
        #expect(lines.count == 33)
        // National lines stay first; the provincial one comes after them, with its date and source.
        let added = try #require(lines.first { $0.agency == "Đội thử (test)" })
        #expect(added.retrieved == "2026-12-01" && added.source == "https://example.org/h" && !added.isNational)
        #expect(lines.prefix { $0.isNational }.count == lines.filter(\.isNational).count)
        let stats = try registry.database.stats(today: Self.today)
        let count = try #require(stats.counts.first { $0.kind == .hotlines })
        #expect(count.seed == 32 && count.user == 1 && count.newestRetrieved == "2026-12-02" && count.oldestRetrieved == "2026-12-01")
        #expect(try registry.search("1800 6838").contains { $0.entry.kind == .hotlines })
    }
}

/// The 2026-12-02 research updates of OCOP ratings and geographical indications, merged into the seed.
@Suite("OCOP and GI updates")
struct RegistryUpdateTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)

    func entries(_ kind: RegistryKind) throws -> [RegistryEntry] {
        try Registry.open(path: "/nonexistent/registry.sqlite", readOnly: true, today: Self.today).entries(kind).map(\.entry)
    }

    @Test("a newer OCOP rating replaces the older as current; the older, or a disagreeing source's, stays as history")
    func ocopHistory() throws {
        let ocop = try entries(.ocop).compactMap { entry -> OCOPRecord? in if case .ocop(let r) = entry { return r } else { return nil } }
        let tea = try #require(ocop.first { $0.name == "Trà hoa vàng Ba Chẽ" })
        #expect(tea.stars == 5 && tea.year == 2024)
        #expect(tea.history?.hasPrefix("earlier rating: 4 stars (2023)") == true)
        #expect(ocop.filter { $0.name == "Trà hoa vàng Ba Chẽ" }.count == 1)
        let bowls = try #require(ocop.first { $0.name == "Bộ bát đĩa gốm sứ rồng phượng" })
        #expect(bowls.stars == 5 && bowls.history?.hasPrefix("DISAGREEMENT: another source gives 4 stars") == true)
        #expect(bowls.retrieved == "2026-12-02")
        // Shown with the fact, so a verdict carrying it shows the history too.
        let snapshot = try RegistrySnapshot.seed(asOf: Self.today)
        let fact = snapshot.fact(for: .ocop(tea), source: RegistrySource(address: "x"))
        #expect(fact[attribute: "history"]?.contains("4 stars") == true)
        #expect(fact[attribute: "retrieved"] == "2026-12-02")
    }

    @Test("GI rows that enrich an existing one merge into it: gaps filled, a differing value kept in the notes, sources joined")
    func giMerge() throws {
        let gis = try entries(.gi).compactMap { entry -> GeographicalIndicationRecord? in
            if case .geographicalIndication(let r) = entry { return r } else { return nil }
        }
        let daiHoang = try #require(gis.first { $0.name == "Đại Hoàng" })
        #expect(daiHoang.registrationNumber == "00017" && daiHoang.granted == "2009-09-30")
        #expect(gis.filter { $0.name == "Đại Hoàng" }.count == 1)
        let ngocLinh = try #require(gis.first { $0.name == "Ngọc Linh" })
        #expect(ngocLinh.granted?.hasPrefix("26 Aug") == true)
        #expect(ngocLinh.notes?.contains("Other source:") == true && ngocLinh.notes?.contains("2016-08-16") == true)
        let shrimp = try #require(gis.first { $0.product == "tôm sú Cà Mau" })
        #expect(shrimp.holder == "Sở Khoa học và Công nghệ Cà Mau")
        #expect(gis.count == 54)
    }
}
