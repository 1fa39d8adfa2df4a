@testable import BarcodeScanning
import Testing

/// The bar fit: a doubtful EAN-13 or UPC-A read checked digit by digit against the brightness
/// of its bars, and replaced by the code they clearly show instead.
@Suite("Reads checked against the bars (ProductCodeFit)")
struct ProductCodeFitTests {
    /// The zint EAN-13 8934563138165 (4 pixels per module) blurred by 0.5 of a module, with a
    /// read of `text` on three rows through it (zbar gives one point per line, at its end).
    static func read(_ text: String, symbology: Symbology = .ean13) throws -> (DecodedSymbol, GreyImage) {
        let image = BlurredProductCodeReaderTests.blurredAlongRows(try TestImages.grey("ean13-893.png"), sigma: 2)
        let symbol = DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8", quality: 3,
                                   polygon: [Point(x: 420, y: 40), Point(x: 40, y: 60), Point(x: 420, y: 80)], pass: .direct,
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
        #expect(ProductCodeFit.clearRival(of: symbol, in: image) == Self.digits("8934563138165"))
        let fits = ProductCodeFit.check(symbol, in: image)
        #expect(fits.allSatisfy { $0.margin >= ProductCodeFit.clearMargin && $0.readExcess > 0 })
        let refit = BarcodeScanner.refitted(symbol, as: Self.digits("8934563138165"))
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

    @Test("only EAN-13, ISBN-13 and UPC-A have a 13-digit form; a UPC-A gains its leading zero")
    func digitsOfReads() throws {
        #expect(ProductCodeFit.digits(of: try Self.read("022174251484", symbology: .upcA).0) == Self.digits("0022174251484"))
        #expect(ProductCodeFit.digits(of: try Self.read("89375617", symbology: .ean8).0) == nil)
        #expect(ProductCodeFit.digits(of: try Self.read("ABC", symbology: .code128).0) == nil)
    }

    // Regressions from the misread hunts (Images/README.md).

    @Test("hunt: a UPC-A read by 17 lines as EAN-13 9012154257484 is reported as the UPC-A its bars show",
          arguments: [("hunt-upca-read-as-ean13.jpg", "022174251484", ["9012154257484"]),
                      ("hunt-ean13-upce-sideways.jpg", "8934563339425", ["08747632"]),
                      ("hunt-ean13-two-misreads.jpg", "8934561010074", ["9170218010014", "9770212010074"])])
    func huntMisreads(_ file: String, _ printed: String, _ misreads: [String]) throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes(file), source: file).symbols
        #expect(found.map(\.text) == [printed])
        let symbol = try #require(found.first)
        #expect(symbol.confidence.level == .conflicting && symbol.confidence.reason == .barFit)
        #expect(Set(symbol.confidence.alternatives) == Set(misreads))
    }
}
