import Testing
@testable import GS1

@Suite("GS1 prefix table")
struct PrefixTableTests {
    func range(_ code: String) throws -> GS1PrefixRange? { GS1PrefixTable.lookup(try GTIN.parse(code)) }

    @Test("member organisations and boundaries", arguments: [
        ("8934563138165", "GS1 Vietnam", "VN"),
        ("4901780188352", "GS1 Japan", "JP"),
        ("0012345678905", "GS1 US", "US"),     // 001–019
        ("0001234567895", "GS1 US", "US"),     // 5-digit range 00001–00009 wins over nothing at 3 digits
        ("3821234567896", nil, nil),           // 382 is not allocated
        ("8940123456785", "GS1 Bangladesh", "BD"),
        ("5400000000003", "GS1 Belgium & Luxembourg", "BE;LU"),
    ])
    func memberOrganisations(_ code: String, _ name: String?, _ iso: String?) throws {
        let found = try range(code)
        #expect(found?.name == name)
        #expect(found?.isoCountryCodes == iso)
        if name != nil { #expect(found?.kind == .memberOrganisation) }
    }

    @Test("special ranges", arguments: [
        ("0201234567899", GS1PrefixKind.restrictedCirculation),
        ("2001234567893", .restrictedCirculation),
        ("0501234567890", .unassigned),
        ("6100123456785", .unassigned),
        ("9500000000006", .globalOffice),
        ("9510123456789", .generalManagerNumber),
        ("9520123456788", .demonstration),
        ("9620123456785", .gtin8Allocation),
        ("9770317847100", .issn),
        ("9786045823453", .bookland),
        ("9800123456781", .refundReceipt),
        ("9810123456780", .coupon),
        ("9900123456788", .coupon),
    ])
    func specialRanges(_ code: String, _ kind: GS1PrefixKind) throws {
        #expect(try range(code)?.kind == kind)
    }

    @Test func longestMatchWins() throws {
        // 9620–9624 (4 digits) inside 962 and 9627–9629 belong to different organisations.
        #expect(GS1PrefixTable.lookup(leading7: 9_620_000)?.name == "GS1 UK - GTIN-8")
        #expect(GS1PrefixTable.lookup(leading7: 9_625_000)?.name == "GS1 Poland - GTIN-8")
        #expect(GS1PrefixTable.lookup(leading7: 9_627_000)?.name == "GS1 Global Office - GTIN-8")
        // 0000000 (7 digits) is restricted; 0000001–0000099 are kept free for GTIN-8.
        #expect(GS1PrefixTable.lookup(leading7: 0)?.kind == .restrictedCirculation)
        #expect(GS1PrefixTable.lookup(leading7: 99)?.kind == .gtin8Padding)
        #expect(GS1PrefixTable.lookup(leading7: 100)?.name == "GS1 US")       // 00001 (5 digits)
        #expect(GS1PrefixTable.lookup(leading7: 1000)?.name == "GS1 US")      // 0001 (4 digits)
    }

    @Test("GTIN-8 rules", arguments: [
        ("00123457", GS1PrefixKind.restrictedCirculation, nil as String?),
        ("20123451", .restrictedCirculation, nil),
        ("89300121", .memberOrganisation, "GS1 Vietnam"),
        ("96001233", .gtin8Allocation, "GS1 UK - GTIN-8"),
        ("96501238", .gtin8Allocation, "Global Office - GTIN-8"),
    ])
    func gtin8(_ code: String, _ kind: GS1PrefixKind, _ name: String?) throws {
        let found = try GS1PrefixTable.lookup(GTIN.parse(code, as: .ean8))
        #expect(found?.kind == kind)
        if let name { #expect(found?.name == name) }
    }

    @Test func disputedRangeKeepsBothReadings() throws {
        let found = try range("8940123456785")
        #expect(found?.disputedReading?.contains("future MO") == true)
    }

    @Test func everyRangeHasASource() {
        for entry in GS1PrefixTable.entries { #expect(!entry.source.isEmpty) }
    }
}

@Suite("Vietnamese company prefixes")
struct CompanyPrefixTests {
    @Test("published lengths", arguments: [
        ("8934563138165", "8934563", "13816"),
        ("8935000123454", "89350001", "2345"),
        ("8936000123451", "893600012", "345"),
        ("8936400123457", "8936400123", "45"),
        ("8931000123456", "8931000123", "45"),
        ("8939000123452", "893900012345", ""),
        ("8932800123455", "893280012345", ""),
        ("8932001123452", "8932001", "12345"),
        ("8932000012344", "893200001", "234"),
    ])
    func known(_ code: String, _ prefix: String, _ item: String) throws {
        guard case .known(let company) = VietnameseCompanyPrefix.split(try GTIN.parse(code)) else {
            Issue.record("no split for \(code)")
            return
        }
        #expect(company.prefix == prefix)
        #expect(company.itemReference == item)
        #expect(company.length == prefix.count)
        #expect(company.rule.source.contains("gcpprefixformatlist"))
    }

    @Test("unlisted blocks say unknown, never guess", arguments: [
        ("8930000123459", "8930"), ("8933000123450", "8933"), ("8937000123458", "8937"),
        ("8936300123458", "89363"), ("8938100123454", "89381"),
    ])
    func unknown(_ code: String, _ block: String) throws {
        #expect(VietnameseCompanyPrefix.split(try GTIN.parse(code)) == .unknownLength(block: block))
    }

    @Test func notApplicableOutside893() throws {
        #expect(VietnameseCompanyPrefix.split(try GTIN.parse("4901780188352")) == .notApplicable)
        #expect(VietnameseCompanyPrefix.split(try GTIN.parse("89300121", as: .ean8)) == .notApplicable)
    }
}

@Suite("Vietnamese ISBN groups")
struct ISBNTests {
    @Test("groups 604 and 632 with registrant ranges", arguments: [
        ("9786045823453", "604", "58", "978-604-58-2345-3"),
        ("9786320012343", "632", "00", "978-632-00-1234-3"),
        ("9786326001235", "632", "600", "978-632-600-123-5"),
        ("9786040000002", "604", "0", "978-604-0-00000-2"),
    ])
    func vietnamese(_ code: String, _ group: String, _ registrant: String, _ hyphenated: String) throws {
        let analysis = try #require(VietnameseISBN.analyse(try GTIN.parse(code)))
        #expect(analysis.group == group)
        #expect(analysis.registrant == registrant)
        #expect(analysis.hyphenated == hyphenated)
        #expect(analysis.range?.source.contains("isbn.dat") == true)
    }

    @Test func unlistedRegistrantStillVietnamese() throws {
        let analysis = try #require(VietnameseISBN.analyse(try GTIN.parse("9786321201234")))
        #expect(analysis.group == "632")
        #expect(analysis.registrant == nil)
    }

    @Test func otherBooksAreNotVietnamese() throws {
        #expect(VietnameseISBN.analyse(try GTIN.parse("9780140013993")) == nil)
        #expect(VietnameseISBN.analyse(try GTIN.parse("8934563138165")) == nil)
    }

    @Test func isbn10OfVietnameseBook() throws {
        #expect(VietnameseISBN.analyse(try GTIN.parse("604-58-2345-1"))?.group == "604")
    }
}
