import GS1
import OriginRegistry
import Testing
import HangViet

/// Verdicts with the bundled registry: the facts users act on, with their sources and caveats.
@Suite("Verdicts with the registry")
struct RegistryVerdictTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 3)
    static let seed = try! RegistrySnapshot.seed(asOf: today)
    let engine = VerdictEngine(evidenceProvider: RegistryVerdictTests.seed)

    @Test("Hảo Hảo: the crowd-sourced brand tags (Kingcook, Oh Ricey) are one line of brands seen with the prefix, after the company, never companies")
    func brandTagsAreNotCompanies() throws {
        let verdict = engine.verdict(for: "8934563138165")
        let kinds = verdict.registryFacts.map { $0.isBrandTag ? "tag" : $0.kind.rawValue }
        #expect(kinds.first == "product")
        // The sourced company before any tag.
        let company = try #require(verdict.registryFacts.firstIndex { $0.ownership == .foreignGroup })
        let firstTag = try #require(verdict.registryFacts.firstIndex { $0.isBrandTag })
        #expect(company < firstTag)
        #expect(Set(verdict.registryFacts.filter(\.isBrandTag).map(\.name)) == ["Kingcook", "Oh Ricey"])
        // One caveat for the tags, none calling them companies with unverified owners.
        #expect(verdict.caveats.filter { $0.code == "brand-tags-not-companies" }.count == 1)
        #expect(!verdict.caveats.contains { $0.code == "ownership-unverified" })
        for language in [Language.en, .vi] {
            let text = verdict.text(language)
            #expect(!text.contains("Kingcook; owner"))
            let lines = text.split(separator: "\n").filter { $0.contains("Kingcook") && $0.contains("Oh Ricey") && $0.contains("Open Food Facts") }
            #expect(lines.count >= 1, "\(language): \(text)")
        }
        #expect(verdict.text(.en).contains("Brands seen with this prefix (Open Food Facts tags, not companies): Kingcook, Oh Ricey"))
        #expect(verdict.text(.vi).contains("Nhãn hiệu từng thấy với tiền tố này"))
        // In JSON each tag says so; the company does not.
        let document = verdict.document(.en)
        #expect(document.registry?.filter { $0.brandTag == true }.map(\.name).sorted() == ["Kingcook", "Oh Ricey"])
        #expect(document.registry?.first { $0.ownership == "foreign-group" }?.brandTag == nil)
    }

    @Test("Sting (8934588233074): Suntory PepsiCo, 51 % / 49 %, since 2013, with the research's sources and no “general knowledge” caveat")
    func stingNamesSuntoryPepsiCo() throws {
        let verdict = engine.verdict(for: "8934588233074")
        #expect(verdict.outcome == .vietnameseRegistrant)
        let company = try #require(verdict.registryFacts.first { $0.kind == .brand })
        #expect(company.ownership == .foreignGroup)
        // The note's facts come with their sources: the brand-ownership research is cited.
        #expect(company.source.addresses.contains { $0.contains("Suntory_PepsiCo") })
        #expect(company.source.addresses.contains { $0.contains("robotoff") })
        let caveat = try #require(verdict.caveats.first { $0.code == "foreign-group-brand" })
        #expect(caveat.message(.en).contains("Suntory PepsiCo Vietnam Beverage: Suntory Holdings (Japan) 51%, PepsiCo (United States) 49%, since 2013"))
        #expect(caveat.message(.vi).contains("Suntory Holdings (Nhật Bản) 51 %, PepsiCo (Hoa Kỳ) 49 %, từ năm 2013"))
        // The research's date travels with the fact.
        #expect(caveat.message(.en).contains("Sources retrieved 2026-12-02"))
        #expect(caveat.message(.vi).contains("Nguồn truy cập ngày 02/12/2026"))
        for language in [Language.en, .vi] {
            let text = verdict.text(language)
            #expect(!text.contains("general knowledge") && !text.contains("thông tin phổ biến"), "\(language): \(text)")
        }
        #expect(ShareCategory(verdict) == .registrantForeignGroup)
    }

    @Test("Hảo Hảo: the product, Acecook Việt Nam as a foreign group's company, still only a GS1 Vietnam registrant")
    func acecookIsNamedWithItsOwnershipCaveat() throws {
        let verdict = engine.verdict(for: "8934563138165")
        #expect(verdict.outcome == .vietnameseRegistrant)
        let product = try #require(verdict.registryFacts.first { $0.kind == .product })
        #expect(product.name == "Hảo Hảo, Mì Tôm chua cay")
        #expect(product.source.licence == "ODbL")
        let company = try #require(verdict.registryFacts.first { $0.ownership == .foreignGroup })
        #expect(company.name.contains("Acecook Việt Nam"))
        #expect(company.source.addresses.contains { $0.contains("infonet.vietnamnet.vn") })
        let caveat = try #require(verdict.caveats.first { $0.code == "foreign-group-brand" })
        #expect(caveat.message(.en).contains("Acecook Co., Ltd (Japan) held 56.64%"))
        #expect(caveat.message(.vi).contains("Nhật Bản"))
        #expect(verdict.caveats.contains(.prefixIsNotOrigin))
        // The text output names the company and the caveat in both languages.
        #expect(verdict.text(.en).contains("Acecook Việt Nam"))
        #expect(verdict.text(.vi).contains("tập đoàn nước ngoài"))
        #expect(verdict.json(.en).contains("\"ownership\":\"foreign-group\""))
    }

    @Test("Vinamilk's prefix: a Vietnamese company, with no foreign or unverified caveat")
    func vinamilkIsVietnamese() throws {
        let verdict = engine.verdict(for: "8934673503358")
        let company = try #require(verdict.registryFacts.first { $0.kind == .brand })
        #expect(company.ownership == .vietnamese)
        #expect(!verdict.caveats.contains { $0.code == "foreign-group-brand" || $0.code == "ownership-unverified" })
        // Still never more than the evidence: the outcome stays "registrant", not "made in Viet Nam".
        #expect(verdict.outcome == .vietnameseRegistrant)
    }

    @Test("a brand seen only by its first 7 digits in an 8-digit block is not attached to codes")
    func sharedSevenDigitsAreNotACompany() {
        // 8935000… : GS1 says 8935 company prefixes have 8 digits, so PSP/Vinawang (seen on 8935000) must not match.
        let digits: [UInt8] = [8, 9, 3, 5, 0, 0, 0, 1, 2, 3, 4, 5]
        let code = digits.map(String.init).joined() + String(CheckDigit.gs1(for: digits))
        let verdict = engine.verdict(for: code)
        #expect(!verdict.registryFacts.contains { $0.kind == .brand })
    }

    @Test("foreign prefixes get no Vietnamese registry facts")
    func foreignCodeHasNoFacts() {
        #expect(engine.verdict(for: "4901780188352").registryFacts.isEmpty)
    }
}
