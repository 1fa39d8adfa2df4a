import GS1
import OriginRegistry
import Foundation
import Testing
import HangViet

/// Who owns the brand, in verdicts: found by the product's name or the company's brands, ranked
/// after the GTIN's own facts and before the company, in English and Vietnamese, with sources and dates.
@Suite("Brand owners in verdicts")
struct BrandOwnershipVerdictTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)
    static let seed = try! RegistrySnapshot.seed(asOf: today)
    let engine = VerdictEngine(evidenceProvider: BrandOwnershipVerdictTests.seed)

    @Test("Chin-Su (8936017364113): Masan Consumer, Vietnamese-owned, found by the product name, with its source and date")
    func chinSuIsMasan() throws {
        let verdict = engine.verdict(for: "8936017364113")
        #expect(verdict.registryFacts.map(\.kind) == [.product, .brandOwnership])
        let owner = try #require(verdict.registryFacts.first { $0.kind == .brandOwnership })
        #expect(owner.ownership == .vietnamese)
        #expect(owner[attribute: "matched by"] == "product-name" && owner[attribute: "matched"] == "Chin-su")
        #expect(owner.source.retrieved == "2026-12-02")
        let en = verdict.text(.en), vi = verdict.text(.vi)
        #expect(en.contains("Brand owner: Chin-su / Nam Ngư: Vietnamese-owned (Masan Group) — company: Công ty CP Hàng tiêu dùng Masan (Masan Consumer)"), "\(en)")
        #expect(en.contains("Matched by the product name “Chin-su”"))
        #expect(en.contains("retrieved 2026-12-02]"))
        #expect(vi.contains("Chủ sở hữu nhãn hiệu: Chin-su / Nam Ngư: thuộc sở hữu Việt Nam (Masan Group) — công ty: Công ty CP Hàng tiêu dùng Masan (Masan Consumer)"), "\(vi)")
        #expect(vi.contains("Khớp theo tên sản phẩm “Chin-su”"))
        #expect(vi.contains("truy cập 02/12/2026]"))
        // A Vietnamese-owned brand is evidence beyond 893; the outcome itself still claims no origin.
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(ShareCategory(verdict) == .confirmed)
    }

    @Test("AFC / Cosy (8934680025980): Mondelēz International since 2015, before the company; a foreign group's brand")
    func afcIsMondelez() throws {
        let verdict = engine.verdict(for: "8934680025980")
        let kinds = verdict.registryFacts.map(\.kind)
        #expect(kinds.first == .product)
        let owner = try #require(kinds.firstIndex(of: .brandOwnership))
        let company = try #require(kinds.firstIndex(of: .brand))
        #expect(owner < company)
        #expect(verdict.text(.en).contains("Brand owner: Kinh Đô: owned by Mondelēz International (United States) since 2015"))
        #expect(verdict.text(.vi).contains("Chủ sở hữu nhãn hiệu: Kinh Đô: thuộc Mondelēz International (Hoa Kỳ) từ năm 2015"))
        // The company fact already says "foreign group": said once, not twice.
        #expect(verdict.caveats.filter { $0.code == "foreign-group-brand" || $0.code == "foreign-owned-brand" }.count == 1)
        #expect(ShareCategory(verdict) == .registrantForeignGroup)
        // In JSON: the kind and how it matched.
        let document = verdict.document(.vi)
        let fact = try #require(document.registry?.first { $0.kind == "brand-ownership" })
        #expect(fact.ownership == "foreign-group")
        #expect(fact.attributes?.pairs.contains { $0.column == "since" && $0.value == "2015" } == true)
    }

    @Test("Sting (8934588233074): Suntory PepsiCo by name; an unlisted code of the same prefix finds it by the company's brands")
    func stingByNameAndByPrefix() throws {
        let sting = engine.verdict(for: "8934588233074")
        #expect(sting.registryFacts.map(\.kind) == [.product, .brandOwnership, .brand])
        #expect(sting.text(.en).contains("owned by Suntory Holdings & PepsiCo (Japan, United States) since 2013"))
        #expect(sting.text(.en).contains("Suntory 51%, PepsiCo 49%"))
        #expect(sting.text(.vi).contains("Suntory 51 %, PepsiCo 49 %"))
        // A code of the prefix with no product record: the brand owner comes from the company's brand list.
        let digits: [UInt8] = [8, 9, 3, 4, 5, 8, 8, 9, 9, 9, 9, 1]
        let code = digits.map(String.init).joined() + String(CheckDigit.gs1(for: digits))
        let other = engine.verdict(for: code)
        #expect(other.registryFacts.map(\.kind) == [.brandOwnership, .brand])
        #expect(other.registryFacts[0][attribute: "matched by"] == "company-prefix")
        #expect(other.text(.en).contains("Matched by the brands of the company prefix “Pepsi”"))
    }

    @Test("a Vietnamese-owned brand with an origin warning: the sourced warning, in both languages, and not “confirmed”")
    func originWarning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hangviet-owner-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try Registry.open(path: folder.appendingPathComponent("registry.sqlite").path, today: Self.today)
        // A number in the 8935000 block that no seed entry names (the same made-up code as the
        // registry tests); the product name is marked as a test.
        let digits: [UInt8] = [8, 9, 3, 5, 0, 0, 0, 1, 2, 3, 4, 5]
        let code = digits.map(String.init).joined() + String(CheckDigit.gs1(for: digits))
        let list = "gtin,product_name,source\n\(code),Asanzo tivi (test),https://example.org/test\n"
        _ = try registry.importFile(bytes: Array(list.utf8), name: "p.csv", kind: .gtins, today: Self.today)
        let facts = registry.snapshot.facts(for: try GTIN.parse(code))
        let owner = try #require(facts.first { $0.kind == .brandOwnership })
        #expect(owner.originWarning != nil)
        let verdict = VerdictEngine(evidenceProvider: registry.snapshot).verdict(for: code)
        let warning = try #require(verdict.caveats.first { $0.code == "origin-warning" })
        #expect(warning.message(.en).contains("imported whole from China"))
        #expect(warning.message(.en).contains("does not make its goods Vietnamese-made"))
        #expect(warning.message(.vi).contains("nhập nguyên chiếc từ Trung Quốc"))
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(ShareCategory(verdict) == .registrantOnly)
        #expect(verdict.caveats.contains { $0.code == "where-to-report" })
        // Its "Hàng Việt Nam chất lượng cao" mark, revoked in 2019, is shown as such, after the owner.
        let award = try #require(verdict.registryFacts.first { $0.kind == .recognition })
        #expect(award[attribute: "status"] == "revoked")
        #expect(verdict.text(.en).contains("; revoked ["))
        #expect(verdict.text(.vi).contains("; đã bị thu hồi ["))
    }

    @Test("Vinamilk: its awards follow the owner, shown as recognition with the caveat that an award is not ownership or origin")
    func recognitionIsNotOrigin() throws {
        let verdict = engine.verdict(for: "8934673503358")
        let kinds = verdict.registryFacts.map(\.kind)
        let owner = try #require(kinds.firstIndex(of: .brandOwnership))
        let award = try #require(kinds.firstIndex(of: .recognition))
        #expect(owner < award && award < kinds.firstIndex(of: .brand)!)
        #expect(verdict.text(.en).contains("Recognition: Thương hiệu Quốc gia Việt Nam (Vietnam Value) 2024 — Công ty CP Sữa Việt Nam (Vinamilk)"))
        // A round's list of many enterprises is shown by the matching name.
        #expect(verdict.text(.en).contains("2020 — Vinamilk, among others"))
        #expect(verdict.text(.vi).contains("Vinamilk, cùng các doanh nghiệp khác"))
        let caveats = verdict.caveats.filter { $0.code == "recognition-is-not-origin" }
        #expect(caveats.count == 1)
        #expect(caveats[0].message(.en).contains("proves neither who owns the brand nor where the goods were made"))
        #expect(caveats[0].message(.vi).contains("không chứng minh ai sở hữu nhãn hiệu"))
        // The share category comes from the owner, not the award.
        #expect(ShareCategory(verdict) == .confirmed)
    }

    @Test("a wrong check digit and an origin warning say where to report, with the national lines and their dates; a valid code does not")
    func whereToReport() throws {
        let invalid = engine.verdict(for: "8934563138166")
        let caveat = try #require(invalid.caveats.first { $0.code == "where-to-report" })
        for language in [Language.en, .vi] {
            let message = caveat.message(language)
            #expect(message.contains("1800 6838") && message.contains("0981 389 389"), "\(message)")
            #expect(message.contains("2024") && message.contains("5/2015"))
            #expect(message.contains("phunuvietnam.vn"))
        }
        #expect(caveat.message(.vi).hasPrefix("Để báo sản phẩm nghi vấn"))
        #expect(!engine.verdict(for: "8934563138165").caveats.contains { $0.code == "where-to-report" })
        #expect(!engine.verdict(for: "").caveats.contains { $0.code == "where-to-report" })
    }
}
