@testable import BarcodeScanning
import CZBar
import Foundation
import Testing

@Suite("The line scanner of the first pass")
struct LineScannerTests {
    func texts(_ result: LineScanner.Result) -> [String] {
        result.symbols.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test("Reads the rendered linear codes on every third line",
          arguments: [("ean13-893.png", ZBAR_EAN13, "8934563138165"), ("upce.png", ZBAR_UPCE, "01234565"),
                      ("itf14.png", ZBAR_I25, "18934563138162"), ("gs1-128.png", ZBAR_CODE128, "\u{1D}010893456313816510LOT7")])
    func readsRenderedCodes(name: String, type: zbar_symbol_type_t, text: String) throws {
        let image = try TestImages.grey(name)
        let result = LineScanner().scan(image, spacing: 3)
        let symbol = try #require(result.symbols.first)
        #expect(result.symbols.count == 1)
        #expect(symbol.type == type)
        // Code 128 carries FNC1 as a GS separator at the start; the merger turns it into GS1-128.
        #expect(String(decoding: symbol.bytes, as: UTF8.self) == text || (type == ZBAR_CODE128 && symbol.isGS1))
        // Many lines cross a clean code: far more than the two the merger asks for.
        #expect(symbol.quality >= 10)
    }

    @Test("Lines run both ways: a code's reads mark both of its ends")
    func readsMarkBothEnds() throws {
        let image = try TestImages.grey("ean13-893.png")
        let symbol = try #require(LineScanner().scan(image, spacing: 3).symbols.first)
        let xs = symbol.points.map(\.x)
        // The ends of the bars, not one side only.
        #expect(xs.max()! - xs.min()! > Double(image.width) / 2)
        for point in symbol.points {
            #expect(point.x >= 0 && point.x < Double(image.width) && point.y >= 0 && point.y < Double(image.height))
        }
    }

    @Test("Add-ons: zbar looks for one beside a product code the line scanner read, in the code's band of lines",
          arguments: [false, true])
    func addOnIsFoundBesideTheCode(sideways: Bool) throws {
        var image = try TestImages.grey("ean13-addon.png")
        if sideways { image = image.transposed() }
        let result = LineScanner().scan(image, spacing: 3)
        let code = try #require(result.symbols.first)
        #expect(texts(result) == ["9786045823453"])
        #expect(code.addOn == nil)   // zbar's decoders report add-ons only inside its image scanner
        #expect(code.alongRows == !sideways)
        #expect(BarcodeScanner.withAddOn(code, in: image, zbar: ZBarScanner()).addOn == "12345")
        // A code without an add-on gets none.
        let plain = try TestImages.grey("ean13-893.png")
        let plainCode = try #require(LineScanner().scan(plain, spacing: 3).symbols.first)
        #expect(BarcodeScanner.withAddOn(plainCode, in: plain, zbar: ZBarScanner()).addOn == nil)
    }

    @Test("Upright bars are read by rows only, sideways bars by columns only")
    func linesMatchTheBars() throws {
        let upright = try TestImages.grey("ean13-893.png")
        let sideways = upright.transposed()
        let scanner = LineScanner()
        #expect(texts(scanner.scan(upright, spacing: 3, lines: .rows)) == ["8934563138165"])
        #expect(texts(scanner.scan(upright, spacing: 3, lines: .columns)).isEmpty)
        #expect(texts(scanner.scan(sideways, spacing: 3, lines: .columns)) == ["8934563138165"])
        #expect(texts(scanner.scan(sideways, spacing: 3, lines: .rows)).isEmpty)
    }

    @Test("Bars one pixel wide stay one pixel wide: a code shrunk to 1-pixel modules is read")
    func onePixelModules() throws {
        // Every module of the rendered code is 2 pixels wide: halving the width leaves 1 pixel.
        let image = try TestImages.grey("ean13-893.png")
        let narrow = image.resized(width: image.width / 2, height: image.height)
        #expect(texts(LineScanner().scan(narrow, spacing: 3)) == ["8934563138165"])
    }

    @Test("QR codes: finder patterns are located, and the area handed to zbar holds the whole code")
    func qrFinderArea() throws {
        let image = try TestImages.grey("qr-digital-link.png")
        let canvas = TestImages.canvas(width: image.width + 200, height: image.height + 120, pasting: image, atX: 130, y: 50)
        let result = LineScanner().scan(canvas, spacing: 3)
        #expect(result.symbols.isEmpty)  // the decoders only flag finder lines
        #expect(result.mayHoldQRCode)
        let area = try #require(result.qrFinderArea(in: canvas, alignment: 3))
        // The code (with its quiet zone) lies inside the area...
        #expect(area.x <= 130 + 8 && area.y <= 50 + 8)
        #expect(area.x + area.width >= 130 + image.width - 8 && area.y + area.height >= 50 + image.height - 8)
        // ...which starts on the image's line grid, so zbar follows the same lines in it.
        #expect(area.x % 6 == 0 && area.y % 6 == 0)
        #expect((canvas.width - area.width) % 3 == 0 || area.x + area.width == canvas.width)
        let zbar = ZBarScanner()
        zbar.density = 3
        zbar.symbologies = .qrCodes
        let read = zbar.scan(canvas.cropped(x: area.x, y: area.y, width: area.width, height: area.height))
        #expect(read.map { String(decoding: $0.bytes, as: UTF8.self) } == ["https://id.gs1.org/01/08934563138165/10/LOT42?17=271231"])
    }

    @Test("A plain linear code raises no QR finder area: its columns run along the bars")
    func noFinderAreaOnLinearCode() throws {
        let image = try TestImages.grey("ean13-893.png")
        let result = LineScanner().scan(image, spacing: 3)
        #expect(result.qrFinderArea(in: image, alignment: 3) == nil)
        #expect(!result.mayHoldQRCode)
    }

    @Test("Rows and columns on two threads give exactly what one thread gives",
          arguments: ["ean13-893.png", "qr-digital-link.png", "itf14.png"])
    func concurrentIsTheSame(name: String) throws {
        let image = try TestImages.grey(name).transposed()   // columns carry the code
        let one = LineScanner(concurrent: false).scan(image, spacing: 3)
        let two = LineScanner(concurrent: true).scan(image, spacing: 3)
        #expect(one.symbols.map(\.bytes) == two.symbols.map(\.bytes))
        #expect(one.symbols.map(\.quality) == two.symbols.map(\.quality))
        #expect(one.finderRows == two.finderRows && one.finderColumns == two.finderColumns)
    }

    @Test("An image too thin for three pixels is no error")
    func tinyImages() {
        let scanner = LineScanner()
        #expect(scanner.scan(GreyImage(width: 2, height: 2), spacing: 3).symbols.isEmpty)
        #expect(scanner.scan(GreyImage(width: 50, height: 1, fill: 0), spacing: 3).symbols.isEmpty)
        #expect(scanner.scan(GreyImage(width: 0, height: 0), spacing: 1).symbols.isEmpty)
        #expect(scanner.scan(GreyImage(width: 50, height: 0), spacing: 3).symbols.isEmpty)
        #expect(scanner.scan(GreyImage(width: 0, height: 50), spacing: 3).symbols.isEmpty)
    }
}
