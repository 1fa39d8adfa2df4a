import Testing
import GS1

@Suite("GS1 element strings")
struct ElementStringTests {
    @Test("human-readable, raw with GS and with symbology identifiers", arguments: [
        "(01)08934563138165(10)LOT42(17)261231(422)704",
        "]C10108934563138165" + "10LOT42\u{1D}17261231422704",
        "]d20108934563138165" + "10LOT42\u{1D}17261231422704",
        "]Q30108934563138165" + "10LOT42\u{1D}17261231422704",
        "]e00108934563138165" + "10LOT42\u{1D}17261231422704",
        "\u{1D}0108934563138165" + "10LOT42\u{1D}17261231422704\r\n",
    ])
    func sameData(_ text: String) throws {
        let es = try ElementString.parse(text)
        #expect(es.gtin?.digits == "8934563138165")
        #expect(es.value(for: "10")?.value == "LOT42")
        #expect(es.value(for: "17")?.interpretation == .date(year: 26, month: 12, day: 31))
        #expect(es.countryOfOrigin?.numeric == 704)
        #expect(es.countryOfOrigin?.country?.alpha2 == "VN")
    }

    @Test func measuresAndPrices() throws {
        let es = try ElementString.parse("(01)08934563138165(3103)001250(3922)1999(8200)https://example.com")
        #expect(es.value(for: "3103")?.interpretation == .decimal("001.250"))
        #expect(es.value(for: "3922")?.interpretation == .decimal("19.99"))
        #expect(es.value(for: "8200")?.value == "https://example.com")
    }

    @Test func fixedLengthFieldsNeedNoSeparator() throws {
        // 01 and 17 are predefined-length: no GS after them; 21 is variable and ends the string.
        let es = try ElementString.parse("]C1010893456313816517261231" + "21ABC123")
        #expect(es.elements.map(\.code) == ["01", "17", "21"])
        #expect(es.value(for: "21")?.value == "ABC123")
    }

    @Test func processingCountriesAndOtherAIs() throws {
        let es = try ElementString.parse("(01)08934563138165(423)704392(424)392(426)704(00)089345630000000011(414)8934563000004(8003)08934563138165A1")
        #expect(es.value(for: "423")?.interpretation == .countries([704, 392]))
        #expect(es.value(for: "424")?.interpretation == .country(code: 392, country: Country(numericCode: 392)))
        #expect(es.value(for: "00") != nil)
        #expect(es.value(for: "8003")?.value == "08934563138165A1")
    }

    @Test("malformed element strings are rejected with the AI concerned", arguments: [
        ("(01)08934563138166", GS1Error.Code.checkDigitMismatch, "01"),
        ("(01)0893456313816", .invalidApplicationIdentifierValue, "01"),
        ("(17)261331", .invalidApplicationIdentifierValue, "17"),
        ("(17)260230", .invalidApplicationIdentifierValue, "17"),
        ("(10)" + String(repeating: "A", count: 21), .invalidApplicationIdentifierValue, "10"),
        ("(422)7O4", .invalidApplicationIdentifierValue, "422"),
        ("(99999)1", .unknownApplicationIdentifier, "99999"),
        ("(01)08934563138165(10", .invalidApplicationIdentifierValue, "01"),
        ("(10)LOT 42", .invalidApplicationIdentifierValue, "10"),
        ("(10)LOT[42]", .invalidApplicationIdentifierValue, "10"),
        ("]C1", .malformedElementString, ""),
        ("]C10108934563", .invalidApplicationIdentifierValue, "01"),
        ("]C1770123", .unknownApplicationIdentifier, ""),
    ])
    func malformed(_ text: String, _ code: GS1Error.Code, _ ai: String) {
        do {
            _ = try ElementString.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == code)
            if !ai.isEmpty { #expect(error.applicationIdentifier == ai) }
        }
    }

    @Test func leapDay() throws {
        #expect(try ElementString.parse("(17)280229").value(for: "17") != nil)
        #expect(throws: GS1Error.self) { try ElementString.parse("(17)270229") }
        // Day 00 means the end of the month.
        #expect(try ElementString.parse("(15)261200").value(for: "15")?.interpretation == .date(year: 26, month: 12, day: 0))
    }
}

@Suite("GS1 Digital Link")
struct DigitalLinkTests {
    @Test func fullLink() throws {
        let link = try #require(try DigitalLink.parse("https://id.example.vn/01/08934563138165/10/LOT%2F42/21/SN1?17=261231&422=704&linkType=gs1:pip"))
        #expect(link.host == "id.example.vn")
        #expect(link.elementString.gtin?.digits == "8934563138165")
        #expect(link.elementString.value(for: "10")?.value == "LOT/42")
        #expect(link.elementString.value(for: "21")?.value == "SN1")
        #expect(link.elementString.countryOfOrigin?.numeric == 704)
        #expect(link.otherParameters.first?.name == "linkType")
    }

    @Test("any host, path prefixes, short GTINs, short names", arguments: [
        "https://example.com/01/8934563138165",
        "http://shop.example.org/some/prefix/01/08934563138165",
        "HTTPS://EXAMPLE.COM/gtin/8934563138165",
        "https://example.com/01/08934563138165#fragment",
    ])
    func variants(_ uri: String) throws {
        #expect(try DigitalLink.parse(uri)?.elementString.gtin?.digits == "8934563138165")
    }

    @Test func twelveAndEightDigitGTINs() throws {
        #expect(try DigitalLink.parse("https://e.com/01/012345678905")?.elementString.gtin?.format == .upcA)
        #expect(try DigitalLink.parse("https://e.com/01/96001233")?.elementString.gtin?.format == .ean8)
    }

    @Test("other URLs are not Digital Links", arguments: [
        "https://example.com/", "https://example.com/product/123", "ftp://example.com/01/08934563138165",
        "https://example.com/01",
    ])
    func notDigitalLink(_ uri: String) throws {
        #expect(try DigitalLink.parse(uri) == nil)
    }

    @Test("malformed Digital Links", arguments: [
        "https://e.com/01/0893456313816",
        "https://e.com/01/08934563138166",
        "https://e.com/01/08934563138165/10",
        "https://e.com/01/08934563138165/xyz/1",
        "https://e.com/01/08934563138165?17=261399",
        "https://e.com/01/08934563138165/10/A%2",
    ])
    func malformed(_ uri: String) {
        #expect(throws: GS1Error.self) { try DigitalLink.parse(uri) }
    }
}

@Suite("Payload classification")
struct PayloadTests {
    @Test func classifies() throws {
        guard case .gtin = try Payload.classify("8934563138165") else { Issue.record("gtin"); return }
        guard case .elementString = try Payload.classify("(01)08934563138165") else { Issue.record("es"); return }
        guard case .elementString = try Payload.classify("0108934563138165") else { Issue.record("raw es"); return }
        guard case .digitalLink = try Payload.classify("https://e.com/01/08934563138165") else { Issue.record("dl"); return }
        guard case .url("https://e.com/about") = try Payload.classify("https://e.com/about") else { Issue.record("url"); return }
        guard case .text("Xin chào Việt Nam") = try Payload.classify("Xin chào Việt Nam", origin: .scanned) else { Issue.record("text"); return }
    }

    @Test func typedTextIsAnError() {
        #expect(throws: GS1Error.self) { try Payload.classify("Xin chào") }
        #expect(throws: GS1Error.self) { try Payload.classify(String(repeating: "1", count: 5000)) }
    }
}
