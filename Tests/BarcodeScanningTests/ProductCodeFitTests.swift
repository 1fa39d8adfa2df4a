@testable import BarcodeScanning
import Testing

/// The bar fit: a doubtful EAN-13 or UPC-A read checked digit by digit against the brightness
/// of its bars, and replaced by the code they clearly show instead.
@Suite("Reads checked against the bars (ProductCodeFit)")
struct ProductCodeFitTests {
    /// A zint code (4 pixels per module) blurred by 0.5 of a module, with a read of `text` on
    /// three rows through it (zbar gives one point per line, at the end where it finished):
    /// the EAN-13 8934563138165 (bars from x = 44 to 423) unless another file is named.
    static func read(_ text: String, symbology: Symbology = .ean13, file: String = "ean13-893.png",
                     ends: (Int, Int) = (44, 423)) throws -> (DecodedSymbol, GreyImage) {
        let image = BlurredProductCodeReaderTests.blurredAlongRows(try TestImages.grey(file), sigma: 2)
        let symbol = DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8", quality: 3,
                                   polygon: [Point(x: ends.1, y: 40), Point(x: ends.0, y: 60), Point(x: ends.1, y: 80)], pass: .direct,
                                   confidence: ReadConfidence(level: .unconfirmed, reason: .oneDecoder))
        return (symbol, image)
    }

    static func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 - UInt8(ascii: "0") } }

    @Test("the printed code fits its bars: no rival")
    func rightRead() throws {
        let (symbol, image) = try Self.read("8934563138165")
        let fits = ProductCodeFit.check(symbol, in: image)
        #expect(!fits.isEmpty)
        #expect(fits.allSatisfy { $0.best == Self.digits("8934563138165") && $0.readExcess == 0 })
        #expect(ProductCodeFit.clearRival(of: symbol, in: image) == nil)
    }

    @Test("a read with two digits wrong and a valid check digit: the bars clearly show the printed code")
    func wrongRead() throws {
        // 8934563138165 with its 4th and 5th digits changed so that the check digit still holds.
        let (symbol, image) = try Self.read("8935263138165")
        let rival = try #require(ProductCodeFit.clearRival(of: symbol, in: image))
        #expect(rival.digits == Self.digits("8934563138165") && rival.layout.kind == .ean13)
        let fits = ProductCodeFit.check(symbol, in: image)
        #expect(fits.allSatisfy { $0.margin >= ProductCodeFit.clearMargin && $0.readExcess > 0 })
        let refit = BarcodeScanner.refitted(symbol, as: .ean13, digits: Self.digits("8934563138165"))
        #expect(refit.text == "8934563138165" && refit.symbology == .ean13)
        #expect(refit.confidence == ReadConfidence(level: .conflicting, reason: .barFit, alternatives: ["8935263138165"]))
    }

    @Test("a code the model cannot be placed on (no bars under the read) gives no evidence")
    func noBars() throws {
        let (symbol, _) = try Self.read("8935263138165")
        let blank = GreyImage(width: 460, height: 120, fill: 230)
        #expect(ProductCodeFit.check(symbol, in: blank).isEmpty)
        #expect(ProductCodeFit.clearRival(of: symbol, in: blank) == nil)
    }

    @Test("a read's digits in its layout's form: a UPC-A gains its leading zero; other symbologies have none")
    func digitsOfReads() throws {
        #expect(ProductCodeFit.digits(of: try Self.read("022174251484", symbology: .upcA).0) == Self.digits("0022174251484"))
        #expect(ProductCodeFit.digits(of: try Self.read("89375617", symbology: .ean8).0) == Self.digits("89375617"))
        #expect(ProductCodeFit.digits(of: try Self.read("8937561", symbology: .ean8).0) == nil)
        #expect(ProductCodeFit.digits(of: try Self.read("ABC", symbology: .code128).0) == nil)
    }

    @Test("UPC-E (51 modules, parities from number system and check digit) and EAN-8 (67 modules): the printed code fits, a misread with a valid check digit is shown wrong",
          arguments: [("upce.png", Symbology.upcE, (36, 239), "01234565", ["01233568", "01244564", "01284560"]),
                      ("ean8.png", Symbology.ean8, (28, 295), "89345610", ["89347614", "89345016", "89845615"])])
    func shortLayouts(_ file: String, _ symbology: Symbology, _ ends: (Int, Int), _ printed: String, _ misreads: [String]) throws {
        let (right, image) = try Self.read(printed, symbology: symbology, file: file, ends: ends)
        let fits = ProductCodeFit.check(right, in: image)
        #expect(!fits.isEmpty)
        #expect(fits.allSatisfy { $0.best == Self.digits(printed) && $0.readExcess == 0 })
        #expect(ProductCodeFit.clearRival(of: right, in: image) == nil)
        for misread in misreads {
            let (wrong, _) = try Self.read(misread, symbology: symbology, file: file, ends: ends)
            let rival = try #require(ProductCodeFit.clearRival(of: wrong, in: image), "\(misread)")
            #expect(rival.digits == Self.digits(printed))
            let refit = BarcodeScanner.refitted(wrong, as: rival.layout, digits: rival.digits)
            #expect(refit.symbology == symbology && refit.text == printed && refit.confidence.alternatives == [misread])
        }
    }

    @Test("the UPC-E layout's best codes keep the check digit: the best of errors favouring an invalid code is another one")
    func upcECheckDigit() {
        func errors(favouring digits: [UInt8]) -> [Float] {
            let layout = BarLayout.upcE
            var errors = [Float](repeating: 1, count: layout.errorCount)
            errors[layout.errorOffsets[0]] = 0
            errors[layout.errorOffsets[7]] = 0
            let parity = BarLayout.upcEParities[Int(digits[7])].map { ($0 == "G") != (digits[0] == 1) }
            for k in 0..<6 { errors[layout.errorOffsets[1 + k] + (parity[k] ? 10 : 0) + Int(digits[k + 1])] = 0 }
            return errors
        }
        let valid = BarLayout.upcE.bestCodes(errors(favouring: Self.digits("01234565")))
        #expect(valid.first?.digits == Self.digits("01234565") && valid.first?.error == 0)
        #expect(BarLayout.upcE.error(of: Self.digits("01234565"), errors(favouring: Self.digits("01234565"))) == 0)
        // Number system 1 flips every parity.
        let system1 = BarLayout.upcE.bestCodes(errors(favouring: Self.digits("11234562")))
        #expect(system1.first?.digits == Self.digits("11234562") && system1.first?.error == 0)
        // 01234566 has a wrong check digit: no valid code explains these errors perfectly.
        let invalid = BarLayout.upcE.bestCodes(errors(favouring: Self.digits("01234566")))
        #expect(invalid.first.map { $0.digits != Self.digits("01234566") && $0.error > 0 } == true)
    }

    // Regressions from the misread hunts (Images/README.md).

    @Test("hunt: a UPC-A read by 17 lines as EAN-13 9012154257484 is reported as the UPC-A its bars show",
          arguments: [("hunt-upca-read-as-ean13.jpg", "022174251484", ["9012154257484"]),
                      ("hunt-ean13-upce-sideways.jpg", "8934563339425", ["08747632"]),
                      ("hunt-ean13-two-misreads.jpg", "8934561010074", ["9170218010014", "9770212010074"]),
                      ("hunt-upca-tilted-upce-piece.jpg", "002881839199", ["02212210"])])
    func huntMisreads(_ file: String, _ printed: String, _ misreads: [String]) throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes(file), source: file).symbols
        #expect(found.map(\.text) == [printed])
        let symbol = try #require(found.first)
        #expect(symbol.confidence.level == .conflicting && symbol.confidence.reason == .barFit)
        #expect(Set(symbol.confidence.alternatives) == Set(misreads))
    }
}
