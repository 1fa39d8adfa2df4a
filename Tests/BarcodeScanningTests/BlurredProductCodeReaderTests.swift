@testable import BarcodeScanning
import CZBar
import Foundation
import Testing

@Suite("The model reader for blurred EAN-13 and UPC-A codes")
struct BlurredProductCodeReaderTests {
    /// `image` blurred along its rows by a Gaussian of `sigma` pixels (what a lens out of focus
    /// does to upright bars), with the rows kept apart.
    static func blurredAlongRows(_ image: GreyImage, sigma: Double) -> GreyImage {
        let radius = Int((3 * sigma).rounded(.up))
        let weights = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        var out = image
        for y in 0..<image.height {
            for x in 0..<image.width {
                var sum = 0.0
                for (i, w) in weights.enumerated() {
                    let xx = min(image.width - 1, max(0, x + i - radius))
                    sum += w * Double(image[xx, y])
                }
                out[x, y] = UInt8((sum / total).rounded())
            }
        }
        return out
    }

    /// The zint EAN-13 (8934563138165, 4 pixels per module) blurred by 0.8 of a module: thin
    /// spaces between bars no longer reach white.
    static func blurredCode() throws -> GreyImage {
        blurredAlongRows(try TestImages.grey("ean13-893.png"), sigma: 3.2)
    }

    static func text(_ symbol: RawSymbol) -> String { String(decoding: symbol.bytes, as: UTF8.self) }

    @Test func readsACodeTooBlurredForZbar() throws {
        let image = try Self.blurredCode()
        // zbar's own passes find nothing: only the model reads it.
        let zbar = ZBarScanner()
        #expect(zbar.scan(image).isEmpty)
        let symbols = BlurredProductCodeReader.read(image)
        let symbol = try #require(symbols.first)
        #expect(symbols.count == 1)
        #expect(symbol.type == ZBAR_EAN13)
        #expect(Self.text(symbol) == "8934563138165")
        #expect(symbol.quality >= BlurredProductCodeReader.minimumBands)
        // The code's ends, within two modules of where the bars are (x 44…423).
        let xs = symbol.points.map(\.x)
        #expect(abs(xs.min()! - 44) <= 8 && abs(xs.max()! - 424) <= 8, "ends \(xs.min()!)…\(xs.max()!)")
    }

    @Test func readsAnUpsideDownCodeBackwards() throws {
        let image = try Self.blurredCode()
        let turned = GreyImage(width: image.width, height: image.height, pixels: image.pixels.reversed())
        let symbol = try #require(BlurredProductCodeReader.read(turned).first)
        #expect(Self.text(symbol) == "8934563138165")
        let xs = symbol.points.map(\.x)
        #expect(abs(xs.min()! - Double(image.width - 1 - 424)) <= 8 && abs(xs.max()! - Double(image.width - 1 - 44)) <= 8)
    }

    @Test func theScannerEndsWithTheModelForUprightAndSidewaysCodes() throws {
        let image = try Self.blurredCode()
        let canvas = TestImages.canvas(width: 560, height: 320, pasting: image, atX: 50, y: 40)
        let upright = BarcodeScanner().scan(canvas)
        #expect(upright.map(\.text) == ["8934563138165"])
        #expect(upright.first?.pass == .blurModel)
        // Back in the canvas's coordinates: the code starts about 94 pixels in.
        #expect(upright.first.map { abs(Double($0.polygon.map(\.x).min()!) - 94) <= 8 } == true)

        let sideways = BarcodeScanner().scan(canvas.transposed())
        #expect(sideways.map(\.text) == ["8934563138165"])
        #expect(sideways.first?.pass == .blurModelSideways)
        #expect(sideways.first.map { abs(Double($0.polygon.map(\.y).min()!) - 94) <= 8 } == true)
    }

    /// Regressions from the misread hunts (Images/README.md): blurred codes that the model read
    /// only once it looked at the focus, as zbar's passes do, and not at the whole photo.
    @Test("The model reads the focus: a blurred code upright, and one turned by its measured direction",
          arguments: [("hunt-ean13-blurred-focus.jpg", "8935001722496", ScanPass.blurModel),
                      ("hunt-ean13-tilted-blurred-focus.jpg", "8934673115193", .straightenedBlurModel)])
    func readsTheFocus(name: String, printed: String, pass: ScanPass) throws {
        var options = ScanOptions()
        options.timeLimit = .seconds(120)   // which pass reads it is tested here, not how fast
        let result = try BarcodeScanner(options: options).scan(bytes: TestImages.bytes(name), source: name)
        #expect(result.symbols.map(\.text) == [printed])
        #expect(result.symbols.first?.pass == pass)
        #expect(result.symbols.first?.confidence.level == .unconfirmed)
    }

    @Test("Invents nothing from codes of other kinds, text-like stripes or noise",
          arguments: ["gs1-128.png", "itf14.png", "code39.png", "qr-digital-link.png"])
    func readsNothingFromOtherCodes(name: String) throws {
        let image = Self.blurredAlongRows(try TestImages.grey(name), sigma: 2)
        #expect(BlurredProductCodeReader.read(image).isEmpty)
        #expect(BlurredProductCodeReader.read(image.transposed()).isEmpty)
    }

    @Test func readsNothingFromNoise() {
        var generator = SystemRandomNumberGenerator()
        let noise = GreyImage(width: 400, height: 200, pixels: (0..<80_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(BlurredProductCodeReader.read(Self.blurredAlongRows(noise, sigma: 1.5)).isEmpty)
    }

    /// Errors that make each digit of `digits` the perfect fit of its slot and every other
    /// candidate cost `other`.
    static func errors(favouring digits: [Int], other: Float = 1) -> [Float] {
        let offsets = BarLayout.ean13.errorOffsets
        var errors = [Float](repeating: other, count: BarLayout.ean13.errorCount)
        for slot in [0, 7, 14] { errors[offsets[slot]] = 0 }
        let parity = Array(BlurredProductCodeReader.firstDigitParities[digits[0]])
        for k in 0..<12 {
            let slot = k < 6 ? 1 + k : 2 + k
            errors[offsets[slot] + digits[k + 1] + (k < 6 && parity[k] == "G" ? 10 : 0)] = 0
        }
        return errors
    }

    @Test func theBestCodeIsTheBestValidOne() throws {
        // 8934563138165 is valid: it is the best code, and any rival differs in two digits.
        let valid = [8, 9, 3, 4, 5, 6, 3, 1, 3, 8, 1, 6, 5]
        let codes = BarLayout.ean13.bestCodes(Self.errors(favouring: valid))
        #expect(codes.count == 2)
        #expect(codes[0].digits.map(Int.init) == valid)
        #expect(codes[0].error == 0)
        #expect(codes[1].error >= 2)

        // The same with a wrong check digit: the per-digit favourite is not a valid code, so
        // the best valid code costs one changed digit.
        var invalid = valid
        invalid[12] = 4
        let repaired = BarLayout.ean13.bestCodes(Self.errors(favouring: invalid))
        #expect(repaired[0].error == 1)
        let checkSum = repaired[0].digits.enumerated().reduce(0) { $0 + Int($1.element) * ($1.offset % 2 == 0 ? 1 : 3) }
        #expect(checkSum % 10 == 0)
    }

    @Test("Reported as zbar would: UPC-A without its leading 0, ISBN-13 for books")
    func symbologyFollowsTheDigits() {
        let upc = BlurredProductCodeReader.symbol([0, 0, 3, 6, 0, 0, 0, 2, 9, 1, 4, 5, 2], points: [])
        #expect(upc.type == ZBAR_UPCA && Self.text(upc) == "036000291452")
        let book = BlurredProductCodeReader.symbol([9, 7, 8, 0, 1, 4, 0, 0, 1, 3, 9, 9, 3], points: [])
        #expect(book.type == ZBAR_ISBN13 && Self.text(book) == "9780140013993")
        let ean = BlurredProductCodeReader.symbol([8, 9, 3, 4, 5, 6, 3, 1, 3, 8, 1, 6, 5], points: [])
        #expect(ean.type == ZBAR_EAN13)
    }
}

extension BlurredProductCodeReaderTests {
    typealias Read = BlurredProductCodeReader.BandRead
    static let x: [UInt8] = [8, 9, 3, 4, 5, 6, 3, 1, 3, 8, 1, 6, 5]
    static let y: [UInt8] = [8, 9, 3, 5, 0, 0, 0, 5, 6, 7, 0, 1, 2]

    static func votes(_ codes: [([UInt8], Int, Double, Double)]) -> [[UInt8]: [(read: Read, line: Double)]] {
        var votes: [[UInt8]: [(read: Read, line: Double)]] = [:]
        for (digits, bands, from, to) in codes {
            votes[digits] = (0..<bands).map { (Read(digits: digits, start: from, end: to), Double(10 * $0)) }
        }
        return votes
    }

    @Test func twoReadingsOfOnePlaceLeaveTheOneMoreBandsRead() {
        let settled = BlurredProductCodeReader.settle(Self.votes([(Self.x, 3, 10, 300), (Self.y, 2, 14, 296)]))
        #expect(settled.map(Self.text) == ["8934563138165"])
        #expect(settled.first?.quality == 3)
        // A tie: neither is trusted.
        #expect(BlurredProductCodeReader.settle(Self.votes([(Self.x, 2, 10, 300), (Self.y, 2, 14, 296)])).isEmpty)
        // One band is not enough.
        #expect(BlurredProductCodeReader.settle(Self.votes([(Self.x, 1, 10, 300)])).isEmpty)
    }

    @Test func twoCodesInTwoPlacesAreBothRead() {
        let settled = BlurredProductCodeReader.settle(Self.votes([(Self.x, 2, 10, 300), (Self.y, 2, 400, 690)]))
        #expect(Set(settled.map(Self.text)) == ["8934563138165", "8935000567012"])
    }
}
