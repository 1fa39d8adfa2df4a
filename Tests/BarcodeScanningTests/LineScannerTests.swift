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
          arguments: ["upright", "sideways", "upside down"])
    func addOnIsFoundBesideTheCode(orientation: String) throws {
        var image = try TestImages.grey("ean13-addon.png")
        if orientation == "sideways" { image = image.transposed() }
        if orientation == "upside down" {   // the add-on on the left
            image = GreyImage(width: image.width, height: image.height, pixels: image.pixels.reversed())
        }
        let result = LineScanner().scan(image, spacing: 3)
        let code = try #require(result.symbols.first)
        #expect(texts(result) == ["9786045823453"])
        #expect(code.addOn == nil)   // zbar's decoders report add-ons only inside its image scanner
        #expect(code.alongRows == (orientation != "sideways"))
        #expect(Self.addOnPrecheck(code, in: image))
        #expect(BarcodeScanner.withAddOn(code, in: image, zbar: ZBarScanner()).addOn == "12345")
        // A code without an add-on gets none, and its quiet zones spare zbar the look.
        var plain = try TestImages.grey("ean13-893.png")
        if orientation == "sideways" { plain = plain.transposed() }
        let plainCode = try #require(LineScanner().scan(plain, spacing: 3).symbols.first)
        #expect(!Self.addOnPrecheck(plainCode, in: plain))
        #expect(BarcodeScanner.withAddOn(plainCode, in: plain, zbar: ZBarScanner()).addOn == nil)
    }

    /// ``BarcodeScanner/mayHaveAddOn`` for an EAN-13 read by the line scanner.
    static func addOnPrecheck(_ code: RawSymbol, in image: GreyImage) -> Bool {
        let alongRows = code.alongRows ?? true
        let along = code.points.map { alongRows ? $0.x : $0.y }, lines = code.points.map { alongRows ? $0.y : $0.x }
        return BarcodeScanner.mayHaveAddOn(image, code: (along.min()!, along.max()!), module: (along.max()! - along.min()!) / 95,
                                           lines: Set(lines).sorted(), alongRows: alongRows)
    }

    @Test("The add-on check: bars 3 to 30 modules past either end count, a quiet zone or plain text beyond does not")
    func addOnCheckLooksBesideTheCode() {
        // A synthetic row: code from x = 100 to 290 (2-pixel modules), then what lies beyond.
        func image(beyond: (Int) -> UInt8) -> GreyImage {
            let width = 500, height = 20
            var pixels = [UInt8](repeating: 255, count: width * height)
            for y in 0..<height {
                for x in 0..<width {
                    if x >= 100 && x < 290 { pixels[y * width + x] = (x / 2) % 2 == 0 ? 0 : 255 }
                    if x >= 290 { pixels[y * width + x] = beyond(x - 290) }
                }
            }
            return GreyImage(width: width, height: height, pixels: pixels)
        }
        func check(_ image: GreyImage) -> Bool {
            BarcodeScanner.mayHaveAddOn(image, code: (100, 290), module: 2, lines: [5, 10, 15], alongRows: true)
        }
        #expect(!check(image { _ in 255 }))                                        // quiet zone
        #expect(check(image { d in d >= 18 && (d / 2) % 2 == 0 ? 0 : 255 }))        // bars 9 modules on
        #expect(!check(image { d in d >= 80 && (d / 2) % 2 == 0 ? 0 : 255 }))       // bars 40 modules on: not an add-on
        // Turned upside down, the bars lie left of the code.
        let turned = image { d in d >= 18 && (d / 2) % 2 == 0 ? 0 : 255 }
        #expect(BarcodeScanner.mayHaveAddOn(GreyImage(width: 500, height: 20, pixels: turned.pixels.reversed()), code: (210, 400),
                                            module: 2, lines: [4, 9, 14], alongRows: true))
        // Too small to judge: zbar looks.
        #expect(BarcodeScanner.mayHaveAddOn(image { _ in 255 }, code: (100, 150), module: 0.5, lines: [5], alongRows: true))
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
        #expect(!result.possibleQRFinders(in: canvas).isEmpty)
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
        #expect(result.possibleQRFinders(in: image).isEmpty)
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
