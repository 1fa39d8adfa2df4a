import BarcodeScanning
import Foundation
import GS1
import OriginRegistry
import Testing
import HangViet

@Suite("Verdicts")
struct VerdictTests {
    let engine = VerdictEngine()

    @Test func vietnameseRegistrantSaysItIsNotProofOfManufacture() {
        let verdict = engine.verdict(for: "8934563138165")
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(verdict.companyPrefix?.companyPrefix == "8934563")
        #expect(verdict.caveats.contains(.prefixIsNotOrigin))
        #expect(verdict.caveats.contains(.codesCanBeCopied))
        #expect(verdict.summary(.en).contains("GS1 Vietnam"))
        #expect(verdict.summary(.vi).contains("GS1 Việt Nam"))
        #expect(Caveat.prefixIsNotOrigin.message(.en).contains("does not prove the goods were made in Viet Nam"))
        #expect(Caveat.prefixIsNotOrigin.message(.vi).contains("không chứng minh hàng được sản xuất tại Việt Nam"))
    }

    @Test func unknownCompanyPrefixLengthIsACaveat() {
        let verdict = engine.verdict(for: "8933000123450")
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(verdict.caveats.contains(.companyPrefixLengthUnknown(block: "8933")))
        #expect(verdict.companyPrefix?.companyPrefix == nil)
    }

    @Test func vietnameseEAN8() {
        let verdict = engine.verdict(for: "89300121")
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(verdict.caveats.contains(.vietnameseEAN8))
    }

    @Test func foreignRegistrantNamesOrganisationAndCountry() {
        let verdict = engine.verdict(for: "4901780188352")
        #expect(verdict.outcome == .foreignRegistrant)
        #expect(verdict.summary(.en) == "Foreign registrant: number issued by GS1 Japan (Japan)")
        #expect(verdict.summary(.vi) == "Doanh nghiệp đăng ký mã ở nước ngoài: mã số do GS1 Japan (Japan) cấp")
        #expect(verdict.caveats.contains(.foreignPrefixIsNotOrigin))
    }

    @Test func vietnameseBook() {
        let verdict = engine.verdict(for: "9786045823453")
        #expect(verdict.outcome == .vietnameseBook)
        #expect(verdict.summary(.en) == "Vietnamese book: ISBN 978-604-58-2345-3, group 978-604 (Viet Nam)")
        #expect(verdict.summary(.vi) == "Sách Việt Nam: ISBN 978-604-58-2345-3, nhóm 978-604 (Việt Nam)")
        #expect(engine.verdict(for: "9780140013993").outcome == .foreignBook)
    }

    @Test("not applicable: origin cannot be read", arguments: [
        ("2001234567893", Verdict.Reason.restrictedCirculation), ("0201234567899", .restrictedCirculation),
        ("20123451", .restrictedCirculation), ("9810123456780", .coupon), ("9900123456788", .coupon),
        ("9770317847100", .serialPublication), ("9800123456781", .refundReceipt), ("9790123456785", .sheetMusic),
        ("9520123456788", .demonstration),
    ])
    func notApplicable(_ code: String, _ reason: Verdict.Reason) {
        let verdict = engine.verdict(for: code)
        #expect(verdict.outcome == .notApplicable)
        #expect(verdict.reason == reason)
        #expect(verdict.summary(.vi).hasPrefix("Không thể xác định xuất xứ từ mã này"))
    }

    @Test func unassignedPrefixIsUnknownWithCaveat() {
        let verdict = engine.verdict(for: "3821234567896")
        #expect(verdict.outcome == .unknown)
        #expect(verdict.caveats.contains(.unassignedPrefix))
    }

    @Test func invalidCheckDigitNamesExpectedDigit() {
        let verdict = engine.verdict(for: "8934563138166")
        #expect(verdict.outcome == .invalid)
        #expect(verdict.summary(.en) == "Invalid: check digit is 6, expected 5 — possible misprint or forged label")
        #expect(verdict.summary(.vi) == "Không hợp lệ: số kiểm tra là 6, đúng ra phải là 5 — có thể in sai hoặc nhãn giả")
    }

    @Test func declaredOriginFromAI422() {
        let vn = engine.verdict(for: "(01)08934563138165(422)704")
        #expect(vn.outcome == .declaredVietnameseOrigin)
        #expect(vn.caveats.first == .declaredOriginIsAClaim)
        #expect(vn.caveats.contains(.prefixIsNotOrigin))
        let jp = engine.verdict(for: "https://example.com/01/08934563138165?422=392")
        #expect(jp.outcome == .declaredForeignOrigin)
        #expect(jp.summary(.en) == "Declared country of origin: Japan (GS1 AI 422 = 392), not Viet Nam")
        #expect(jp.caveats.contains(.digitalLinkNotFetched))
    }

    @Test func linksAndTextAreUnknown() {
        let link = engine.verdict(for: "https://example.com/about")
        #expect(link.outcome == .unknown)
        #expect(link.caveats == [.untrustedLink])
        let text = engine.verdict(for: "Nước mắm Phú Quốc", origin: .scanned)
        #expect(text.outcome == .unknown)
        #expect(text.reason == .text)
    }

    @Test func registryFactsPlugIn() {
        struct Fake: EvidenceProvider {
            func facts(for gtin: GTIN) -> [RegistryFact] {
                [Self.fact]
            }
            static let fact = RegistryFact(id: "brand:1", kind: .brand, name: "Acecook Việt Nam",
                                           note: LocalizedNote(en: "Japanese-controlled", vi: "Do Nhật Bản kiểm soát"),
                                           ownership: .foreignGroup, source: RegistrySource(address: "https://example.org/src"))
        }
        let verdict = VerdictEngine(evidenceProvider: Fake()).verdict(for: "8934563138165")
        #expect(verdict.registryFacts.first?.source.address == "https://example.org/src")
        #expect(verdict.caveats.contains(.foreignGroupBrand(Fake.fact)))
        #expect(verdict.caveats.first { $0.code == "foreign-group-brand" }?.message(.vi).contains("Do Nhật Bản kiểm soát") == true)
    }

    static let sampleFact = RegistryFact(id: "brand:9", kind: .brand, name: "B", source: RegistrySource(address: "s"))
    static let expiredOCOP = RegistryFact(
        id: "ocop:1", kind: .ocop, name: "Nước mắm",
        ocop: OCOPStatus(stars: 4, province: "Nghệ An", year: 2021, certifiedOn: nil, expiresOn: nil, revoked: false,
                         asOf: CalendarDate(year: 2026, month: 11, day: 23)),
        source: RegistrySource(address: "s"))

    @Test("every caveat and outcome has distinct text in both languages")
    func allMessagesExistInBothLanguages() {
        let caveats: [Caveat] = [.prefixIsNotOrigin, .foreignPrefixIsNotOrigin, .codesCanBeCopied, .declaredOriginIsAClaim,
                                 .companyPrefixLengthUnknown(block: "8933"), .vietnameseEAN8, .possibleMisprintOrForgery,
                                 .isbnGroupIsRegistration, .isbnRegistrantUnlisted, .disputedPrefix(otherReading: "x"),
                                 .unassignedPrefix, .untrustedLink, .digitalLinkNotFetched, .alsoValidEAN8,
                                 .ownershipUnverified(Self.sampleFact), .foreignGroupBrand(Self.sampleFact),
                                 .ocopNotCurrent(Self.expiredOCOP), .foreignGeographicalIndication(Self.sampleFact)]
        for caveat in caveats {
            #expect(caveat.message(.vi) != caveat.message(.en))
            #expect(!caveat.message(.vi).isEmpty)
        }
        for code in ["8934563138165", "4901780188352", "9786045823453", "9780140013993", "2001234567893", "x", "3821234567896", "(01)08934563138165(422)704", "(01)08934563138165(422)392"] {
            let verdict = engine.verdict(for: code)
            #expect(verdict.summary(.vi) != verdict.summary(.en))
        }
    }

    @Test func errorMessagesInBothLanguages() {
        let codes = ["", "12a", "８", "1234567", String(repeating: "1", count: 99), "8934563138166", "(17)261399", "12X4567890", "8934\u{0}"]
        for code in codes {
            let verdict = engine.verdict(for: code)
            #expect(verdict.outcome == .invalid)
            let error = try! #require(verdict.error)
            #expect(error.localizedMessage(.vi) != error.localizedMessage(.en), "\(error.code)")
        }
    }

    @Test func languageResolution() {
        #expect(Language.resolve(flag: .en, environment: ["LANG": "vi_VN.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(Language.resolve(flag: nil, environment: [:]) == .en)
        #expect(Language(tag: "vi-VN,vi;q=0.9,en;q=0.8") == .vi)
        #expect(Language(tag: "en-US") == .en)
        #expect(Language(tag: "fr") == nil)
    }
}

@Suite("Verdict output")
struct VerdictOutputTests {
    let engine = VerdictEngine()

    @Test func jsonIsValidAndComplete() throws {
        for code in ["8934563138165", "8934563138166", "(01)08934563138165(10)A\"B(422)704", "https://example.com/a\"b", "\u{1}"] {
            let text = engine.verdict(for: code).json(.vi, line: 3)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["input"] as? String == code)
            #expect(object["line"] as? Int == 3)
            #expect(object["outcome"] is String)
            #expect(object["caveats"] is [Any])
        }
        let json = engine.verdict(for: "8934563138165").json(.en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let issuer = try #require(object["issuer"] as? [String: Any])
        #expect(issuer["name"] as? String == "GS1 Vietnam")
        #expect((issuer["source"] as? String)?.isEmpty == false)
        let company = try #require(object["companyPrefix"] as? [String: Any])
        #expect(company["prefix"] as? String == "8934563")
        let invalid = try #require(try JSONSerialization.jsonObject(with: Data(engine.verdict(for: "8934563138166").json(.en).utf8)) as? [String: Any])
        let error = try #require(invalid["error"] as? [String: Any])
        #expect(error["expectedCheckDigit"] as? String == "5")
        #expect(invalid["valid"] as? Bool == false)
    }

    @Test func csvQuotesFields() {
        let row = engine.verdict(for: "8934563138165").csvRow(.en)
        #expect(row.hasPrefix("8934563138165,true,vietnamese-registrant,EAN-13,8934563138165,GS1 Vietnam,VN,8934563,,,,"))
        #expect(row.contains("\"Vietnamese registrant: number licensed through GS1 Vietnam (prefix 893), company prefix 8934563\""))
        #expect(Verdict.csvHeader.split(separator: ",").count == 13)
        var field = ""
        Verdict.appendCSVField("a \"b\", c", to: &field)
        #expect(field == "\"a \"\"b\"\", c\"")
    }

    @Test func textShowsCaveats() {
        let text = engine.verdict(for: "8934563138165").text(.vi)
        #expect(text.contains("Mã doanh nghiệp 8934563"))
        #expect(text.contains("! Tiền tố 893"))
    }
}


@Suite("Verdicts for scanned symbols")
struct ScannedSymbolVerdictTests {
    let engine = VerdictEngine()

    func symbol(_ symbology: Symbology, _ text: String, gs1: Bool = false) -> DecodedSymbol {
        DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8",
                      isGS1: gs1, quality: 1, polygon: [], pass: .direct)
    }

    @Test func upcEDigitsAreReadAsUPCE() {
        let verdict = engine.verdict(for: symbol(.upcE, "01234565"))
        #expect(verdict?.gtin?.format == .upcE)
        #expect(verdict?.gtin?.digits == "012345000065")
    }

    @Test func gs1SymbolsAreElementStrings() {
        #expect(engine.verdict(for: symbol(.gs1QRCode, "0108934563138165422704", gs1: true))?.outcome == .declaredVietnameseOrigin)
        #expect(engine.verdict(for: symbol(.gs1_128, "010893456313816510LOT7", gs1: true))?.outcome == .vietnameseRegistrant)
    }

    @Test func plainQRTextIsText() {
        #expect(engine.verdict(for: symbol(.qrCode, "Nước mắm Phú Quốc"))?.outcome == .unknown)
    }

    @Test func binaryHasNoVerdict() {
        let binary = DecodedSymbol(symbology: .qrCode, text: "", bytes: [0, 1, 2], encoding: "binary", quality: 1, polygon: [], pass: .direct)
        #expect(engine.verdict(for: binary) == nil)
    }
}
