@testable import BarcodeScanning
import Testing

/// The bar fit as a second witness: a read one decoder made is confirmed when the bars'
/// brightness, fitted digit by digit on several lines, shows it clearly and no other code.
@Suite("Reads confirmed by their bars (ProductCodeFit+Confirmation)")
struct ProductCodeFitConfirmationTests {
    static func digits(_ text: String) -> [UInt8] { ProductCodeFitTests.digits(text) }

    /// Whether the bars of the blurred zint code in `file` confirm a read of `text` on three rows.
    static func confirms(_ text: String, as symbology: Symbology = .ean13, file: String = "ean13-893.png",
                         ends: (Int, Int) = (44, 423)) throws -> Bool {
        let (symbol, image) = try ProductCodeFitTests.read(text, symbology: symbology, file: file, ends: ends)
        let layout = try #require(ProductCodeFit.layout(of: symbology))
        var bars = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: image))
        return ProductCodeFit.confirms(Self.digits(text), layout: layout, short: SymbolMerger.isShortProductCode(symbol), on: &bars)
    }

    @Test("the printed code is confirmed by its bars; a misread with a valid check digit and a width twin are not")
    func ean13() throws {
        #expect(try Self.confirms("8934563138165"))
        #expect(try !Self.confirms("8935263138165"))   // two digits changed, the check digit still holding
        #expect(try !Self.confirms("8934563732165"))   // its width twin (1↔7, 8↔2)
    }

    @Test("UPC-E and EAN-8: the printed code is confirmed, misreads are not",
          arguments: [("upce.png", Symbology.upcE, (36, 239), "01234565", ["01233568", "01244564", "01284560"]),
                      ("ean8.png", Symbology.ean8, (28, 295), "89345610", ["89347614", "89345016", "89845615"])])
    func shortLayouts(_ file: String, _ symbology: Symbology, _ ends: (Int, Int), _ printed: String, _ misreads: [String]) throws {
        #expect(try Self.confirms(printed, as: symbology, file: file, ends: ends))
        for misread in misreads {
            #expect(try !Self.confirms(misread, as: symbology, file: file, ends: ends), "\(misread)")
        }
    }

    @Test("a short code read on an EAN-13's bars is a piece of it, never confirmed")
    func pieceOfLongCode() throws {
        #expect(try !Self.confirms("93456313", as: .ean8))
        #expect(try !Self.confirms("04563135", as: .upcE))
    }

    @Test("no bars under the read, or a single line: no confirmation")
    func tooLittleEvidence() throws {
        let (symbol, _) = try ProductCodeFitTests.read("8934563138165")
        let layout = try #require(ProductCodeFit.layout(of: .ean13))
        var blank = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: GreyImage(width: 460, height: 120, fill: 230)))
        #expect(!ProductCodeFit.confirms(Self.digits("8934563138165"), layout: layout, short: false, on: &blank))
        let (_, image) = try ProductCodeFitTests.read("8934563138165")
        var one = ProductCodeFit.Bars(lines: Array(ProductCodeFit.lines(through: symbol, in: image).prefix(1)))
        #expect(!ProductCodeFit.confirms(Self.digits("8934563138165"), layout: layout, short: false, on: &one))
    }

    @Test("verification: a one-decoder read that its bars show is confirmed (fitted-bars); the blur model's reads are not")
    func verification() throws {
        let (symbol, image) = try ProductCodeFitTests.read("8934563138165")
        // No second reading (as when zxing-cpp finds nothing): the bars decide.
        let checked = BarcodeScanner.verify(symbol, in: image, rivals: [], secondReading: nil)
        #expect(checked.confidence == ReadConfidence(level: .confirmed, reason: .fittedBars))
        var modelRead = symbol
        modelRead.pass = .blurModel
        #expect(BarcodeScanner.verify(modelRead, in: image, rivals: [], secondReading: nil).confidence
                == ReadConfidence(level: .unconfirmed, reason: .blurModel))
        let (wrong, _) = try ProductCodeFitTests.read("8935263138165")
        #expect(BarcodeScanner.verify(wrong, in: image, rivals: [], secondReading: nil).confidence.isDoubtful)
    }

    @Test("hunt: codes zxing-cpp cannot read are confirmed by their bars — a UPC-A behind a fold, glare and motion blur; a defocused UPC-E read right by 50 lines, not turned into its width twin by two misplaced lines",
          arguments: [("hunt-upca-fitted-bars.jpg", "085308926665"), ("hunt-upce-not-twin.jpg", "07529128")])
    func huntReads(_ file: String, _ printed: String) throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes(file), source: file).symbols
        #expect(found.map(\.text) == [printed])
        #expect(found.first?.confidence == ReadConfidence(level: .confirmed, reason: .fittedBars))
    }
}
