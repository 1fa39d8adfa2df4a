@testable import BarcodeScanning
import Foundation
import Testing

@Suite("Reading rendered codes")
struct RenderedImageTests {
    let scanner = BarcodeScanner()

    func symbols(_ name: String) throws -> [DecodedSymbol] {
        try scanner.scan(bytes: TestImages.bytes(name), source: name).symbols
    }

    @Test func vietnameseTextComesOutWithItsDiacritics() throws {
        let found = try symbols("qr-vietnamese.png")
        #expect(found.map(\.text) == ["Nước mắm Phú Quốc – đặc sản Kiên Giang"])
        #expect(found.first?.encoding == "UTF-8")
        #expect(found.first?.symbology == .qrCode)
    }

    @Test func shiftJISIsDecodedFromTheRawBytes() throws {
        let found = try symbols("qr-shift-jis.png")
        #expect(found.map(\.text) == ["日本の商品コード"])
        #expect(found.first?.encoding == "Shift_JIS")
    }

    @Test func digitalLinkTextIsExact() throws {
        #expect(try symbols("qr-digital-link.png").map(\.text) == ["https://id.gs1.org/01/08934563138165/10/LOT42?17=271231"])
    }

    @Test func gs1QRIsFlaggedAndKeepsItsSeparators() throws {
        let found = try symbols("qr-gs1-origin.png")
        #expect(found.first?.symbology == .gs1QRCode)
        #expect(found.first?.isGS1 == true)
        #expect(found.first?.text == "0108934563138165422704\u{1D}10A1")
    }

    @Test func gs1_128IsToldApartFromCode128() throws {
        let found = try symbols("gs1-128.png")
        #expect(found.map(\.symbology) == [.gs1_128])
        #expect(found.first?.text == "010893456313816510LOT7")
    }

    @Test("ITF-14 carries a GTIN: the first pass looks for it")
    func itf14IsReadByTheFirstPass() throws {
        let result = try scanner.scan(bytes: TestImages.bytes("itf14.png"), source: "itf14.png")
        #expect(result.symbols.map(\.symbology) == [.interleaved2of5])
        #expect(result.symbols.first?.text == "18934563138162")
        #expect(result.passes == [.direct, .matrixCodeSearch])
    }

    @Test("Code 39 carries no GS1 key: left out of the first pass, read by the dense pass")
    func code39IsReadByTheDensePass() throws {
        let result = try scanner.scan(bytes: TestImages.bytes("code39.png"), source: "code39.png")
        #expect(result.symbols.map(\.symbology) == [.code39])
        #expect(result.symbols.first?.text == "HANGVIET-39")
        #expect(result.passes == [.direct, .matrixCodeSearch, .dense])
    }

    @Test("Without escalation (`--fast`) only the first look runs: retail codes yes, Code 39 no")
    func firstLookOnly() throws {
        var options = ScanOptions()
        options.escalate = false
        let fast = BarcodeScanner(options: options)
        let ean = try fast.scan(bytes: TestImages.bytes("ean13-893.png"), source: "ean13-893.png")
        #expect(ean.symbols.map(\.text) == ["8934563138165"])
        #expect(ean.passes == [.direct])
        let code39 = try fast.scan(bytes: TestImages.bytes("code39.png"), source: "code39.png")
        #expect(code39.symbols.isEmpty)
        #expect(code39.passes == [.direct])
    }

    @Test func upcEIsReportedAsUPCE() throws {
        let found = try symbols("upce.png")
        #expect(found.map(\.symbology) == [.upcE])
        #expect(found.first?.text == "01234565")
    }

    @Test func addOnIsReportedBesideItsCode() throws {
        let found = try symbols("ean13-addon.png")
        #expect(found.count == 1)
        #expect(found.first?.text == "9786045823453")
        #expect(found.first?.addOn == "12345")
    }

    @Test func polygonIsInsideTheImage() throws {
        let result = try scanner.scan(bytes: TestImages.bytes("ean13-893.png"), source: "ean13-893.png")
        let symbol = try #require(result.symbols.first)
        #expect(symbol.text == "8934563138165")
        #expect(!symbol.polygon.isEmpty)
        for point in symbol.polygon {
            #expect((0..<result.width).contains(point.x) && (0..<result.height).contains(point.y))
        }
        #expect(result.passes == [.direct, .matrixCodeSearch])
    }

    @Test(arguments: [30.0, 45.0, -60.0])
    func tiltedCodeIsFoundByARotationPass(degrees: Double) throws {
        // A short, wide strip of bars: tilted, no row or column of the image crosses all of it.
        let full = try TestImages.grey("ean13-893.png")
        let code = GreyImage(width: full.width, height: 100, pixels: Array(full.pixels[(10 * full.width)..<(110 * full.width)]))
        let tilted = TestImages.canvas(width: 800, height: 800, pasting: code, atX: 170, y: 350).rotated(degrees: degrees).image
        let found = BarcodeScanner().scan(tilted)
        #expect(found.map(\.text) == ["8934563138165"])
        if degrees == 45 {
            // zbar alone reads rows and columns only: 45° needs the image turned.
            #expect(found.first?.pass == .straightened)
        }
    }

    @Test("The first look reads a QR code at full size, or from a half-size copy when its modules are 5 pixels or more; its corners come back in the photo's coordinates",
          arguments: [1.0, 0.6])
    func qrCodeFirstLookAtEitherSize(scale: Double) throws {
        let source = try TestImages.grey("qr-digital-link.png")   // modules of about 5.6 pixels
        let code = source.resized(width: Int(Double(source.width) * scale), height: Int(Double(source.height) * scale))
        let canvas = TestImages.canvas(width: code.width + 200, height: code.height + 120, pasting: code, atX: 130, y: 50)
        let area = try #require(LineScanner().scan(canvas, spacing: 3).qrFinderArea(in: canvas, alignment: 3))
        #expect((area.smallestFinder >= BarcodeScanner.halfSizeQRFinder) == (scale == 1.0))
        let result = BarcodeScanner().scan(canvas, deadline: .now + .seconds(10))
        #expect(result.passes == [.direct, .matrixCodeSearch])
        let symbol = try #require(result.symbols.first)
        #expect(symbol.text == "https://id.gs1.org/01/08934563138165/10/LOT42?17=271231")
        // The polygon's corners are the symbol's: the box around its dark modules, on the canvas.
        var darkX = [Int](), darkY = [Int]()
        for y in 0..<code.height { for x in 0..<code.width where code[x, y] < 128 { darkX.append(x + 130); darkY.append(y + 50) } }
        let xs = symbol.polygon.map(\.x), ys = symbol.polygon.map(\.y)
        for (found, expected) in [(xs.min(), darkX.min()), (xs.max(), darkX.max()), (ys.min(), darkY.min()), (ys.max(), darkY.max())] {
            let (f, e) = (try #require(found), try #require(expected))
            #expect(abs(f - e) <= 4, "corner at \(f), symbol's edge at \(e)")
        }
    }

    @Test func lightOnDarkIsFoundByTheInvertedPass() throws {
        let code = try TestImages.grey("qr-digital-link.png").inverted()
        let found = BarcodeScanner().scan(code)
        #expect(found.map(\.text) == ["https://id.gs1.org/01/08934563138165/10/LOT42?17=271231"])
    }

    @Test("a product code shown light on dark (a phone in dark mode) is read by the inverted pass: zxing-cpp inverts matrix codes only")
    func lightOnDarkProductCode() throws {
        let code = try TestImages.grey("ean13-893.png").inverted()
        let found = BarcodeScanner().scan(code)
        #expect(found.map(\.text) == ["8934563138165"])
        #expect(found.map(\.pass) == [.inverted])
    }

    @Test func stopsAtTheFirstPassThatReads() throws {
        let result = try scanner.scan(bytes: TestImages.bytes("qr-vietnamese.png"), source: "q")
        #expect(result.passes == [.direct, .matrixCodeSearch])
    }

    @Test func blankImageTriesEveryPassWithinTheTimeLimit() throws {
        let blank = TestImages.pgm(GreyImage(width: 300, height: 200, fill: 200))
        let result = try scanner.scan(bytes: blank, source: "blank.pgm")
        #expect(result.symbols.isEmpty)
        #expect(result.passes.count > 5)
        #expect(!result.timedOut)
    }

    @Test func zeroTimeLimitStopsAfterTheFirstPass() throws {
        var options = ScanOptions()
        options.timeLimit = .zero
        let blank = TestImages.pgm(GreyImage(width: 300, height: 200, fill: 200))
        let result = try BarcodeScanner(options: options).scan(bytes: blank, source: "blank.pgm")
        #expect(result.passes == [.direct])
        #expect(result.timedOut)
    }
}
