import PropertyBased
import Testing
@testable import GS1

@Suite("Check digits")
struct CheckDigitTests {
    @Test func knownValues() {
        #expect(CheckDigit.gs1(for: [8, 9, 3, 4, 5, 6, 3, 1, 3, 8, 1, 6]) == 5)
        #expect(CheckDigit.gs1(ofPayload: 893456313816) == 5)
        #expect(CheckDigit.gs1(for: [9, 6, 0, 0, 1, 2, 3]) == 3)
        #expect(CheckDigit.isbn10(for: [0, 3, 0, 6, 4, 0, 6, 1, 5]) == "2")
        #expect(CheckDigit.isbn10(for: [0, 8, 0, 4, 4, 2, 9, 5, 7]) == "X")
        #expect(CheckDigit.issn(for: [0, 3, 1, 7, 8, 4, 7]) == "1")
    }

    @Test func propertyEveryComputedCheckDigitParses() async {
        await propertyCheck(count: 300, input: Gen.int(in: 100_000_000_000...999_999_999_999)) { payload in
            let value = UInt64(payload)
            let full = value * 10 + UInt64(CheckDigit.gs1(ofPayload: value))
            let gtin = try? GTIN.parse(String(full))
            #expect(gtin?.value == full)
        }
    }

    @Test func propertySingleDigitErrorsAreDetected() async {
        // Mod 10 with weights 3/1 catches every single-digit substitution.
        await propertyCheck(count: 300, input: Gen.int(in: 100_000_000_000...999_999_999_999), Gen.int(in: 0...12), Gen.int(in: 1...9)) { payload, position, delta in
            let value = UInt64(payload)
            var digits = Array(String(value * 10 + UInt64(CheckDigit.gs1(ofPayload: value))))
            let old = digits[position].wholeNumberValue!
            digits[position] = Character(String((old + delta) % 10))
            #expect(throws: GS1Error.self) { try GTIN.parse(String(digits)) }
        }
    }

    @Test("the parser's one-pass check sum agrees with CheckDigit.gs1 for 12, 13 and 14 digits, with separators")
    func propertyParserCheckSumAgreesWithReference() async {
        // Lengths 12–14 (even and odd digit counts), any last digit, a space or hyphen anywhere.
        await propertyCheck(count: 600, input: Gen.int(in: 12...14), Gen.int(in: 0...99_999_999_999_999), Gen.int(in: 0...9),
                            Gen.int(in: 0...14)) { length, raw, last, separatorAt in
            var scale: UInt64 = 1
            for _ in 0..<(length - 1) { scale *= 10 }
            let payload = UInt64(raw) % scale
            var text = String(payload * 10 + UInt64(last)).leftPadded(to: length)
            let cut = text.index(text.startIndex, offsetBy: min(separatorAt, length))
            text.insert(separatorAt % 2 == 0 ? " " : "-", at: cut)
            let valid = UInt8(last) == CheckDigit.gs1(ofPayload: payload)
            do {
                let gtin = try GTIN.parse(text)
                #expect(valid, "\(text) accepted with a wrong check digit")
                #expect(gtin.value == payload * 10 + UInt64(last))
            } catch let error as GS1Error {
                #expect(!valid, "\(text) refused: \(error)")
                #expect(error.expectedCheckDigit == Character(String(CheckDigit.gs1(ofPayload: payload))))
            } catch {
                Issue.record("\(text): unexpected \(error)")
            }
        }
    }

    @Test func propertyUPCEExpansionIsValidUPCA() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_999_999)) { body in
            let seven = UInt64(body)
            guard let expanded = UPCE.expand(seven * 10) else { return }
            let check = CheckDigit.gs1(ofPayload: expanded / 10)
            let upcE = String(seven * 10 + UInt64(check)).leftPadded(to: 8)
            let gtin = try? GTIN.parse(upcE, as: .upcE)
            #expect(gtin?.format == .upcE)
            #expect(gtin.map { try? GTIN.parse($0.digits) }??.value == gtin?.value)
        }
    }
}
