@testable import BarcodeScanning
import Testing

/// The bar-darkness check: a doubtful read that differs from another valid code only by
/// 1↔7 and 2↔8 (digits a decoder tells apart by bar widths alone) is weighed by how dark each
/// digit is on average.
@Suite("Reads checked against the darkness of each digit (ProductCodeFit+BarDarkness)")
struct ProductCodeFitDarknessTests {
    static func digits(_ text: String) -> [UInt8] { ProductCodeFitTests.digits(text) }
    static func texts(_ codes: [[UInt8]]) -> [String] { codes.map { String(decoding: $0.map { $0 + UInt8(ascii: "0") }, as: UTF8.self) } }

    @Test("width twins: only 1↔7 and 2↔8 in digits the bars carry, and only those whose check digit holds")
    func widthTwins() {
        // 8934563138165: 1, 8, 1 can swap (positions 7, 9, 10); only 1→7, 8→2, 1→7 keeps the check.
        #expect(Self.texts(ProductCodeFit.widthTwins(of: Self.digits("8934563138165"), kind: .ean13)) == ["8934563732165"])
        // An EAN-13's first digit is carried by the parities: an 8 there stays.
        #expect(ProductCodeFit.widthTwins(of: Self.digits("8934563138165"), kind: .ean13).allSatisfy { $0[0] == 8 })
        // The hunt's EAN-8 48077408, misread as 42011408 (8→2, 7→1, 7→1).
        #expect(Self.texts(ProductCodeFit.widthTwins(of: Self.digits("42011408"), kind: .ean8)).contains("48077408"))
        // A UPC-E keeps its number system and check digit (its parities): 01638129 ↔ 01638189.
        let upcE = Self.texts(ProductCodeFit.widthTwins(of: Self.digits("01638129"), kind: .upcE))
        #expect(upcE.contains("01638189") && upcE.allSatisfy { $0.first == "0" && $0.last == "9" })
        // No 1, 2, 7 or 8: no twin.
        #expect(ProductCodeFit.widthTwins(of: Self.digits("8930000000003"), kind: .ean13).isEmpty)
    }

    @Test("check digits of EAN-13, EAN-8 and UPC-E (through the UPC-A it stands for)")
    func checkDigits() {
        #expect(ProductCodeFit.checkDigitHolds(Self.digits("8934563138165"), kind: .ean13))
        #expect(!ProductCodeFit.checkDigitHolds(Self.digits("8934563138166"), kind: .ean13))
        #expect(ProductCodeFit.checkDigitHolds(Self.digits("89345610"), kind: .ean8))
        #expect(!ProductCodeFit.checkDigitHolds(Self.digits("89345617"), kind: .ean8))
        #expect(ProductCodeFit.checkDigitHolds(Self.digits("01234565"), kind: .upcE))   // UPC-A 012345000065
        #expect(!ProductCodeFit.checkDigitHolds(Self.digits("01234566"), kind: .upcE))
    }

    @Test("bar shares: a 1 or 2 is three modules of bar in seven in its L form, a 7 or 8 five; R and G forms the others")
    func barShares() {
        // 8934563138165: parities LGLGGL after the first digit 8 (see firstDigitParities).
        let shares = ProductCodeFit.barShares(of: Self.digits("8934563138165"), kind: .ean13).map { Int(($0 * 7).rounded()) }
        // 9 (L: 3), 3 (G: 2), 4 (L: 3), 5 (G: 4), 6 (G: 2), 3 (L: 5); right half R: 1 (4), 3 (2), 8 (2), 1 (4), 6 (2), 5 (4).
        #expect(shares == [3, 2, 3, 4, 2, 5, 4, 2, 2, 4, 2, 4])
    }

    @Test("a blurred code read as its width twin: the digits' darkness shows the printed code; the printed read has no rival",
          arguments: [1.0, 2.0, 3.0])
    func twinOnBlurredBars(sigma: Double) throws {
        let image = BlurredProductCodeReaderTests.blurredAlongRows(try TestImages.grey("ean13-893.png"), sigma: sigma)
        let layout = try #require(ProductCodeFit.layout(of: .ean13))
        func check(_ text: String) throws -> [UInt8]? {
            let (symbol, _) = try ProductCodeFitTests.read(text)
            var bars = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: image))
            return ProductCodeFit.clearTwin(of: Self.digits(text), layout: layout, on: &bars)
        }
        #expect(try check("8934563732165") == Self.digits("8934563138165"))
        #expect(try check("8934563138165") == nil)
    }

    @Test("another reading at the same place is weighed too: 8904863138165 (two digits of other darkness) against the printed code")
    func otherReading() throws {
        let image = BlurredProductCodeReaderTests.blurredAlongRows(try TestImages.grey("ean13-893.png"), sigma: 2)
        let layout = try #require(ProductCodeFit.layout(of: .ean13))
        func check(_ text: String, others: [String]) throws -> [UInt8]? {
            let (symbol, _) = try ProductCodeFitTests.read(text)
            var bars = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: image))
            return ProductCodeFit.clearTwin(of: Self.digits(text), others: others, layout: layout, on: &bars)
        }
        #expect(try check("8904863138165", others: ["8934563138165"]) == Self.digits("8934563138165"))
        #expect(try check("8934563138165", others: ["8904863138165"]) == nil)
        // Without the printed code to weigh, none of the read's own twins (also wrong) is put in its place.
        #expect(try check("8904863138165", others: []) == nil)
    }

    @Test("other readings in a layout's form: UPC-A and UPC-E as EAN-13, UPC-A as UPC-E; a broken check digit is none")
    func readingsInLayoutForm() {
        #expect(ProductCodeFit.digits(of: "022174251484", as: .ean13) == Self.digits("0022174251484"))
        #expect(ProductCodeFit.digits(of: "01234565", as: .ean13) == Self.digits("0012345000065"))
        #expect(ProductCodeFit.digits(of: "012345000065", as: .upcE) == Self.digits("01234565"))
        #expect(ProductCodeFit.digits(of: "0019520000063", as: .upcE) == Self.digits("01952643"))
        #expect(ProductCodeFit.digits(of: "012345600065", as: .upcE) == nil)       // no UPC-E stands for it
        #expect(ProductCodeFit.digits(of: "8934563138166", as: .ean13) == nil)     // check digit
        #expect(ProductCodeFit.digits(of: "89345610", as: .ean8) == Self.digits("89345610"))
        #expect(ProductCodeFit.digits(of: "8934563138165", as: .ean8) == nil)
    }

    @Test("no bars under the read: no evidence")
    func noBars() throws {
        let (symbol, _) = try ProductCodeFitTests.read("8934563732165")
        let blank = GreyImage(width: 460, height: 120, fill: 230)
        var bars = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: blank))
        let layout = try #require(ProductCodeFit.layout(of: .ean13))
        #expect(ProductCodeFit.clearTwin(of: Self.digits("8934563732165"), layout: layout, on: &bars) == nil)
    }

    @Test("hunt: an EAN-13 behind a fold that zbar's lines read with 7→1, 2→8 and 1→7 is reported as printed")
    func huntWidthTwin() throws {
        let file = "hunt-ean13-width-twin.jpg"
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes(file), source: file).symbols
        #expect(found.map(\.text) == ["8936007820193"])
        let symbol = try #require(found.first)
        #expect(symbol.confidence.level == .conflicting && symbol.confidence.reason == .barDarkness)
        #expect(symbol.confidence.alternatives == ["8936001820793"])
    }

    @Test("a UPC-E's width twins are not weighed (six digits leave too few degrees of freedom), other readings are")
    func upcENoTwins() throws {
        let (symbol, image) = try ProductCodeFitTests.read("07529128", symbology: .upcE, file: "upce.png", ends: (36, 239))
        let layout = try #require(ProductCodeFit.layout(of: .upcE))
        var bars = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: image))
        #expect(Self.texts(ProductCodeFit.widthTwins(of: Self.digits("07529128"), kind: .upcE)).contains("07529788"))
        #expect(ProductCodeFit.darknessVotes(of: Self.digits("07529128"), layout: layout, on: &bars).codes.isEmpty)
        #expect(Self.texts(ProductCodeFit.darknessVotes(of: Self.digits("07529128"), others: ["07529788"], layout: layout, on: &bars).codes)
                == ["07529788"])
    }

    // hunt-upce-not-twin.jpg (a UPC-E two misplaced lines once turned into its width twin):
    // ProductCodeFitConfirmationTests.huntReads.
}
