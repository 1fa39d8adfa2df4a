import Testing
import GS1

@Suite("GTIN parsing and normalisation")
struct GTINParsingTests {
    @Test("EAN-13 with spaces and hyphens as people type them", arguments: [
        "8934563138165", "893 4563 138165", "893-4563-138165", " 8934563138165 ", "8 9 3 4 5 6 3 1 3 8 1 6 5",
    ])
    func ean13Forms(_ text: String) throws {
        let gtin = try GTIN.parse(text)
        #expect(gtin.format == .ean13)
        #expect(gtin.digits == "8934563138165")
        #expect(gtin.gtin14 == "08934563138165")
        #expect(gtin.gtin13 == "8934563138165")
    }

    @Test("an ISSN as printed (NNNN-NNNC, X allowed) is the 977 EAN-13 of the serial; found by the differential test against python-stdnum")
    func issnAsPrinted() throws {
        let issn = try GTIN.parse("0317-8471")
        #expect(issn.format == .issn)
        #expect(issn.digits == "9770317847001")
        #expect(try GTIN.parse("5333-213X").digits.hasPrefix("9775333213"))
        #expect(try GTIN.parse("5333-213x").format == .issn)
        #expect(throws: GS1Error.self) { try GTIN.parse("0317-847X") }   // X where the check is 1
        // Failing the ISSN check, eight digits are still read as an EAN-8 or UPC-E, as "1234 5670" is;
        // without the hyphen they are never an ISSN ("03178471" is an EAN-8 with a wrong check digit).
        #expect(try GTIN.parse("1234-5670").format == .upcE)
        #expect(throws: GS1Error.self) { try GTIN.parse("03178471") }
    }

    @Test func ean8() throws {
        let gtin = try GTIN.parse("96001233")
        #expect(gtin.format == .ean8)
        #expect(gtin.digits == "96001233")
        #expect(gtin.gtin14 == "00000096001233")
        #expect(gtin.isGTIN8)
    }

    @Test func upcA() throws {
        let gtin = try GTIN.parse("012345678905")
        #expect(gtin.format == .upcA)
        #expect(gtin.digits == "012345678905")
        #expect(gtin.gtin13 == "0012345678905")
        #expect(!gtin.isGTIN8)
    }

    @Test func gtin14() throws {
        let gtin = try GTIN.parse("18934563138162")
        #expect(gtin.format == .gtin14)
        #expect(gtin.indicatorDigit == 1)
        #expect(gtin.gtin13 == nil)
        #expect(gtin.leadingDigits13(3) == 893)
    }

    @Test func isbn13AndIssn() throws {
        #expect(try GTIN.parse("9786045823453").format == .isbn13)
        #expect(try GTIN.parse("9790123456785").format == .isbn13)
        let issn = try GTIN.parse("9770317847100")
        #expect(issn.format == .issn)
        #expect(issn.issn == "0317-8471")
    }

    @Test("ISBN-10 is converted to its 978 ISBN-13", arguments: [
        ("0-306-40615-2", "9780306406157"), ("604-58-2345-1", "9786045823453"), ("080442957X", "9780804429573"),
        ("080442957x", "9780804429573"),
    ])
    func isbn10(_ text: String, _ isbn13: String) throws {
        let gtin = try GTIN.parse(text)
        #expect(gtin.format == .isbn10)
        #expect(gtin.digits == isbn13)
        #expect(gtin.isbn10?.uppercased() == text.replacingOccurrences(of: "-", with: "").uppercased())
    }

    @Test("UPC-E expands to UPC-A by the GS1 rules", arguments: [
        ("01234505", "012000003455"),  // d6 = 0
        ("01234514", "012100003454"),  // d6 = 1
        ("01234523", "012200003453"),  // d6 = 2
        ("01234531", "012300000451"),  // d6 = 3
        ("01234543", "012340000053"),  // d6 = 4
        ("01234596", "012345000096"),  // d6 = 9
        ("04252614", "042100005264"),  // published example
        ("16543214", "165100004324"),  // number system 1
    ])
    func upcE(_ upcE: String, _ upcA: String) throws {
        let gtin = try GTIN.parse(upcE)
        #expect(gtin.format == .upcE)
        #expect(gtin.digits == upcA)
        #expect(gtin.printedForm == upcE)
        // The expanded number is itself a valid UPC-A.
        #expect(try GTIN.parse(upcA).value == gtin.value)
    }

    @Test func eightDigitsHints() throws {
        // Valid both ways: read as UPC-E by default, EAN-8 when asked.
        #expect(try GTIN.parse("01234565").format == .upcE)
        #expect(try GTIN.parse("01234565", as: .ean8).format == .ean8)
        // Starts with 2: cannot be UPC-E.
        #expect(try GTIN.parse("20123451").format == .ean8)
        #expect(throws: GS1Error.self) { try GTIN.parse("20123451", as: .upcE) }
    }

    @Test func checkDigitMismatchCarriesExpectedAndFound() {
        do {
            _ = try GTIN.parse("8934563138166")
            Issue.record("a wrong check digit was accepted")
        } catch {
            #expect(error.code == .checkDigitMismatch)
            #expect(error.expectedCheckDigit == "5")
            #expect(error.foundCheckDigit == "6")
            #expect(error.position == 13)
        }
    }

    @Test func isbn10CheckMismatch() {
        #expect(throws: GS1Error.self) { try GTIN.parse("0306406153") }
        do { _ = try GTIN.parse("0306406153") } catch {
            #expect(error.expectedCheckDigit == "2")
            #expect(error.foundCheckDigit == "3")
        }
    }

    @Test("bad input names the problem and the position", arguments: [
        ("", GS1Error.Code.empty, nil as Int?),
        ("   ", .empty, nil),
        ("- -", .empty, nil),
        ("893456313816A", .invalidCharacter, 13),
        ("89345631.38165", .invalidCharacter, 9),
        ("８９３４５６３１３８１６５", .nonASCIIDigit, 1),
        ("89345٦3138165", .nonASCIIDigit, 6),
        ("8934\u{0}563138165", .controlCharacter, 5),
        ("1234567", .wrongLength, nil),
        ("123456789012345", .tooLong, nil),
        (String(repeating: "8", count: 1_000_000), .tooLong, nil),
        ("12X4567890", .misplacedX, 3),
    ])
    func badInput(_ text: String, _ code: GS1Error.Code, _ position: Int?) {
        do {
            _ = try GTIN.parse(text)
            Issue.record("accepted \(text.prefix(20))")
        } catch {
            #expect(error.code == code)
            if let position { #expect(error.position == position) }
        }
    }

    @Test func nonASCIIDigitErrorSaysWhichDigit() {
        do { _ = try GTIN.parse("８") } catch {
            #expect(error.character == "８")
            #expect(error.message.contains("U+FF18"))
            #expect(error.message.contains("digit 8"))
        }
    }
}
