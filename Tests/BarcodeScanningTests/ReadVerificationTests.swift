@testable import BarcodeScanning
import Testing

/// The second decoder (zxing-cpp): DataMatrix, and the confidence every read carries.
@Suite("Verified reads and DataMatrix")
struct ReadVerificationTests {
    let scanner = BarcodeScanner()

    func scan(_ name: String) throws -> ScanResult {
        try scanner.scan(bytes: TestImages.bytes(name), source: name)
    }

    @Test("a photographed GS1 DataMatrix (tilted, curved, blurred, JPEG) gives its element string, AI 422 included")
    func gs1DataMatrix() throws {
        let result = try scan("datamatrix-gs1-origin-photo.jpg")
        #expect(result.symbols.count == 1)
        let symbol = try #require(result.symbols.first)
        #expect(symbol.symbology == .gs1DataMatrix)
        #expect(symbol.isGS1)
        #expect(symbol.text == "01089345631381651727123110LOT42\u{1D}422704")
        #expect(symbol.pass == .matrixCodeSearch)   // alone in the photo: searched for before the passes for bars
        #expect(symbol.confidence == .errorCorrected)
        #expect(symbol.polygon.count == 4)
        // The outline lies around the middle of the 480×360 photo, where the code was pasted.
        #expect(symbol.polygon.allSatisfy { (100...380).contains($0.x) && (40...320).contains($0.y) })
    }

    @Test("a GS1 DataMatrix beside an EAN-13 is read too, though the EAN-13 ends the escalation at the first look")
    func dataMatrixBesideEAN13() throws {
        let result = try scan("datamatrix-beside-ean13-photo.jpg")
        #expect(result.symbols.map(\.symbology) == [.ean13, .gs1DataMatrix])
        #expect(result.symbols.map(\.text) == ["8934563138165", "01089345631381651727123110LOT42\u{1D}422704"])
        #expect(result.symbols.allSatisfy { !$0.confidence.isDoubtful })
        #expect(result.passes == [.direct, .matrixCodeSearch])
        // The DataMatrix lies right of the EAN-13, in the 720×400 photo's coordinates.
        let ean = try #require(result.symbols.first?.bounds), dataMatrix = try #require(result.symbols.last?.bounds)
        #expect(dataMatrix.minX > ean.maxX && dataMatrix.maxX < 720 && dataMatrix.maxY < 400)
    }

    @Test("hunt: a QR code beside an EAN-13, its finder patterns too blurred for zbar's first look, is read by the search after it")
    func qrCodeBesideEAN13() throws {
        let result = try scan("hunt-qr-beside-ean13.jpg")
        #expect(result.symbols.map(\.text) == ["8935054704456", "https://id.gs1.org/01/08936036020380/10/LOT505?17=261221"])
        let qr = try #require(result.symbols.first { $0.symbology == .qrCode })
        #expect(qr.pass == .matrixCodeSearch)
        #expect(qr.confidence == .errorCorrected)
    }

    @Test("rectangular and light-on-dark DataMatrix codes")
    func rectangularAndInverted() throws {
        #expect(try scan("datamatrix-rectangular-photo.jpg").symbols.map(\.text) == ["HANGVIET 893 RECT"])
        #expect(try scan("datamatrix-rectangular-photo.jpg").symbols.map(\.symbology) == [.dataMatrix])
        #expect(try scan("datamatrix-inverted-photo.jpg").symbols.map(\.symbology) == [.gs1DataMatrix])
    }

    @Test("a clean EAN-13 is confirmed by the second decoder")
    func twoDecodersConfirm() throws {
        let symbol = try #require(try scan("ean13-893.png").symbols.first)
        #expect(symbol.text == "8934563138165")
        #expect(symbol.confidence == ReadConfidence(level: .confirmed, reason: .twoDecoders))
        #expect(!symbol.confidence.isDoubtful)
    }

    @Test("a code one pixel tall is read from one line of the photo: single read, doubtful")
    func singleLine() throws {
        let symbol = try #require(try scan("ean13-single-line.png").symbols.first)
        #expect(symbol.text == "8934563138165")
        #expect(symbol.confidence.level == .singleRead)
        #expect(symbol.confidence.reason == .oneDecoder)
        #expect(symbol.confidence.isDoubtful)
    }

    @Test("a read the second decoder contradicts is conflicting, with the other reading")
    func conflicting() throws {
        let image = try TestImages.grey("ean13-893.png")
        let real = try #require(scanner.scan(image).first)
        var misread = real
        misread.text = "8934563138172"   // a valid check digit, not the printed number
        let confidence = BarcodeScanner.confidence(of: misread, in: image, rivals: [])
        #expect(confidence.level == .conflicting)
        #expect(confidence.reason == .otherReading)
        #expect(confidence.alternatives == ["8934563138165"])
        // Rival readings from other passes are alternatives too, after the second decoder's.
        let both = BarcodeScanner.confidence(of: misread, in: image, rivals: ["8934563138172", "8934560138165"])
        #expect(both.alternatives == ["8934563138165", "8934560138165"])
    }

    @Test("nothing for the second decoder to read: the first decoder's read stays, unconfirmed")
    func secondDecoderFindsNothing() throws {
        let blank = GreyImage(width: 200, height: 100)
        let symbol = DecodedSymbol(symbology: .ean13, text: "8934563138165", bytes: Array("8934563138165".utf8), encoding: "UTF-8",
                                   quality: 6, polygon: [Point(x: 20, y: 20), Point(x: 180, y: 80)], pass: .direct)
        #expect(BarcodeScanner.confidence(of: symbol, in: blank, rivals: []) == ReadConfidence(level: .unconfirmed, reason: .oneDecoder))
        var blurred = symbol
        blurred.pass = .blurModel
        #expect(BarcodeScanner.confidence(of: blurred, in: blank, rivals: []).reason == .blurModel)
        // zxing-cpp given no pixels answers nothing instead of failing.
        #expect(ZXingReader.read(GreyImage(width: 0, height: 0), formats: .matrix)?.isEmpty == true)
    }

    @Test("a code only zxing-cpp read (the last pass) is not confirmed by zxing-cpp reading it again")
    func secondDecoderAloneIsUnconfirmed() throws {
        let image = try TestImages.grey("ean13-893.png")
        var symbol = try #require(scanner.scan(image).first)
        #expect(BarcodeScanner.confidence(of: symbol, in: image, rivals: []).level == .confirmed)
        symbol.pass = .secondDecoder
        #expect(BarcodeScanner.confidence(of: symbol, in: image, rivals: []) == ReadConfidence(level: .unconfirmed, reason: .oneDecoder))
    }

    @Test("UPC-A read as EAN-13 with a leading zero is the same code")
    func sameCodeAcrossForms() {
        #expect(BarcodeScanner.sameCode("0036000291452", "036000291452", symbology: .upcA))
        #expect(!BarcodeScanner.sameCode("0036000291452", "036000291453", symbology: .upcA))
        #expect(!BarcodeScanner.sameCode("A1", "a1", symbology: .code128))
        // zxing-cpp gives a UPC-E as the GTIN it stands for.
        #expect(BarcodeScanner.sameCode("0012345000065", "01234565", symbology: .upcE))
        #expect(BarcodeScanner.expandedUPCE("01234565") == "012345000065")
        #expect(BarcodeScanner.expandedUPCE("04252614") == "042100005264")
        #expect(BarcodeScanner.expandedUPCE("0123") == nil)
    }

    @Test("a UPC-A or GTIN-13 that a UPC-E stands for is put back in zbar's 8 digits, each of the four ways",
          arguments: ["01234565", "04252614", "01234531", "01234542", "08645999", "11234565"])
    func compressedUPCE(_ upcE: String) throws {
        let upcA = try #require(BarcodeScanner.expandedUPCE(upcE))
        #expect(BarcodeScanner.compressedUPCE(upcA) == upcE)
        #expect(BarcodeScanner.compressedUPCE("0" + upcA) == upcE)
    }

    @Test("a doubtful UPC-E in number system 1 (no GS1 code, and zbar reads none) is left out, and is no other reading of a code")
    func upcENumberSystem1() throws {
        #expect(BarcodeScanner.isNumberSystem1UPCE(.upcE, "11234562"))
        #expect(!BarcodeScanner.isNumberSystem1UPCE(.upcE, "01234565"))
        #expect(!BarcodeScanner.isNumberSystem1UPCE(.ean8, "11234565"))
        // zint's UPC-E 11234562: zxing-cpp's last pass reads it (in zbar's 8 digits), one decoder only.
        let image = try TestImages.grey("upce-number-system-1.png")
        let raw = try #require(ZXingReader.read(image, formats: .products)?.first)
        #expect(String(decoding: raw.bytes, as: UTF8.self) == "11234562")
        let result = try scan("upce-number-system-1.png")
        #expect(result.symbols.isEmpty && result.passes.contains(.secondDecoder))
        // As zxing-cpp's reading beside a code zbar read, it is no alternative.
        let code = DecodedSymbol(symbology: .upcE, text: "01234565", bytes: Array("01234565".utf8), encoding: "UTF-8", quality: 4,
                                 polygon: [Point(x: 10, y: 10), Point(x: 100, y: 10), Point(x: 10, y: 40), Point(x: 100, y: 40)], pass: .direct)
        #expect(BarcodeScanner.confidence(of: code, secondReading: [raw], rivals: []) == ReadConfidence(level: .unconfirmed, reason: .oneDecoder))
    }

    @Test("no UPC-E stands for these: nil")
    func notCompressible() {
        #expect(BarcodeScanner.compressedUPCE("036000291452") == nil)    // digits where a UPC-E has zeros
        #expect(BarcodeScanner.compressedUPCE("212345000065") == nil)    // number system 2
        #expect(BarcodeScanner.compressedUPCE("1012345000065") == nil)   // 13 digits not led by 0
        #expect(BarcodeScanner.compressedUPCE("01234500006") == nil)     // 11 digits
    }

    @Test("hunt: a UPC-E only zxing-cpp reads (the last pass) is reported in zbar's form, unconfirmed, not dropped as a piece of itself")
    func upcEFromSecondDecoder() throws {
        let found = try scan("hunt-upce-second-decoder.jpg").symbols
        #expect(found.map(\.text) == ["08645999"])
        let symbol = try #require(found.first)
        #expect(symbol.symbology == .upcE && symbol.pass == .secondDecoder)
        #expect(symbol.confidence == ReadConfidence(level: .unconfirmed, reason: .oneDecoder))
    }

    @Test("hunt: zxing-cpp's UPC-E is not taken for the piece of a longer code, though noise in its quiet zone looks like more bars")
    func upcEFromSecondDecoderNotAPiece() throws {
        let file = "hunt-upce-noisy-quiet-zone.jpg"
        let image = try TestImages.grey(file)
        // The bar count around the code's ends runs on through the noise: the piece test alone
        // would reject zxing-cpp's read, whose reader wants six modules of quiet zone anyway.
        let raws = try #require(ZXingReader.read(image, formats: .gs1Carriers, effort: [.tryHarder, .tryRotate, .tryDownscale], maxSymbols: 8))
        #expect(raws.map { String(decoding: $0.bytes, as: UTF8.self) } == ["03063699"])
        #expect(BarcodeScanner.withoutPieces(raws, in: image).isEmpty)
        let found = try scan(file).symbols
        #expect(found.map(\.text) == ["03063699"])
        #expect(found.first?.pass == .secondDecoder)
    }

    @Test("a linear code read at one end (one point) is looked for around that point, a code's length either way")
    func oneEndArea() throws {
        let image = GreyImage(width: 640, height: 480, fill: 200)
        func symbol(_ symbology: Symbology, _ polygon: [Point]) -> DecodedSymbol {
            DecodedSymbol(symbology: symbology, text: "1", bytes: [0x31], encoding: "UTF-8", quality: 1, polygon: polygon, pass: .direct)
        }
        let oneEnd = try #require(BarcodeScanner.codeArea(of: symbol(.ean13, [Point(x: 320, y: 240)]), in: image))
        #expect(oneEnd.width == 2 * BarcodeScanner.oneEndReach && oneEnd.height == 2 * BarcodeScanner.oneEndReach)
        // Three rows read both ends: the outline spans the code, and the area is the outline
        // widened by 30 % of its length.
        let rows = [230, 240, 250].flatMap { y in [Point(x: 200, y: y), Point(x: 400, y: y)] }
        let whole = try #require(BarcodeScanner.codeArea(of: symbol(.ean13, rows), in: image))
        #expect(whole.width == 200 + 2 * 60 && whole.height == 20 + 2 * 60)
        // A QR code's outline is its four corners: never widened to a linear code's reach.
        let qr = try #require(BarcodeScanner.codeArea(of: symbol(.qrCode, [Point(x: 300, y: 220), Point(x: 340, y: 220),
                                                                            Point(x: 340, y: 260), Point(x: 300, y: 260)]), in: image))
        #expect(qr.width == 40 + 2 * 16)
    }

    @Test("hunt: a code one line read at one end is confirmed by zxing-cpp reading it around that end")
    func oneEndConfirmed() throws {
        let found = try scan("hunt-ean13-one-end.jpg").symbols
        #expect(found.map(\.text) == ["8938502623248"])
        let symbol = try #require(found.first)
        #expect(symbol.polygon.count == 1)
        #expect(symbol.confidence == ReadConfidence(level: .confirmed, reason: .twoDecoders))
    }

    // Regressions from the misread hunt (benchmarks/scripts/misread-hunt.py; Images/README.md).

    @Test("hunt: zxing-cpp reads nothing in the tight crop around a blurred EAN-13, and confirms it from a wider look")
    func wideReferee() throws {
        let image = try TestImages.grey("hunt-ean13-wide-referee.jpg")
        let symbol = try #require(BarcodeScanner().scan(image).first)
        #expect(symbol.text == "8935024129357")
        #expect(symbol.pass == .direct)
        #expect(symbol.confidence == ReadConfidence(level: .confirmed, reason: .twoDecoders))
        // The tight crop alone gives nothing; the wider area gives the same code.
        let crop = try #require(BarcodeScanner.codeArea(of: symbol, in: image))
        #expect(ZXingReader.read(crop, formats: .products, effort: [.tryHarder, .tryRotate, .tryDownscale])?.isEmpty ?? true)
        let wide = try #require(BarcodeScanner.wideArea(of: symbol, in: image))
        #expect(wide.width > crop.width && wide.height > crop.height)
        #expect(BarcodeScanner.secondReading(of: symbol, in: image)?.map { String(decoding: $0.bytes, as: UTF8.self) } == ["8935024129357"])
    }

    @Test("The wider look counts only the same code: another code read there is neither confirmation nor conflict")
    func wideRefereeIgnoresOtherCodes() throws {
        let image = try TestImages.grey("hunt-ean13-wide-referee.jpg")
        var symbol = try #require(BarcodeScanner().scan(image).first)
        // Suppose the decoders had read another number there: zxing-cpp's wider look reads the
        // printed one, which says nothing about whether that other number is on the pack.
        symbol.text = "8935024129364"
        symbol.bytes = Array(symbol.text.utf8)
        let second = try #require(BarcodeScanner.secondReading(of: symbol, in: image))
        #expect(second.isEmpty)
        #expect(BarcodeScanner.confidence(of: symbol, secondReading: second, rivals: []) == ReadConfidence(level: .unconfirmed, reason: .oneDecoder))
    }

    @Test("hunt: zbar's DataBar decoder finds its check satisfied in noise; one line of DataBar is not a read, the UPC-A is")
    func dataBarNoise() throws {
        let found = try scan("hunt-databar-noise.jpg").symbols
        #expect(!found.contains { $0.symbology == .dataBar || $0.symbology == .dataBarExpanded })
        #expect(found.map(\.text) == ["037816754612"])
    }

    @Test("hunt: a curved GS1-128 that one line of the double-size copy misread is read as printed")
    func curvedGS1128() throws {
        let result = try scan("hunt-gs1-128-curved.jpg")
        #expect(result.symbols.map(\.text) == ["01089360200492361727010210L40720"])
        #expect(result.symbols.first?.symbology == .gs1_128)
        #expect(result.passes.contains(.doubleSize))
    }

    @Test("hunt: a QR code in Windows-1258 (named by its ECI) is text, not binary")
    func qrWithECI() throws {
        let symbol = try #require(try scan("hunt-qr-windows-1258.png").symbols.first)
        #expect(symbol.text == "Bánh pía Sóc Trăng — lô 5482")
        #expect(symbol.encoding == "ECI")
        #expect(!symbol.isBinary)
    }

    @Test("hunt: a Windows-1258 QR code on a curved, glossy pack that zxing-cpp finds only at double size is text")
    func qrWithECIAtDoubleSize() throws {
        let symbol = try #require(try scan("hunt-qr-eci-curved.jpg").symbols.first)
        #expect(symbol.text == "Bánh pía Sóc Trăng — lô 1616")
        #expect(symbol.encoding == "ECI")
    }

    @Test("hunt: an EAN-8 that made zxing-cpp 1.4 abort (an assertion when merging rotated reads) is read")
    func zxingAssertion() throws {
        #expect(try scan("hunt-ean8-zxing-assertion.png").symbols.map(\.text) == ["89339268"])
    }

    @Test("hunt: a Code 128 with no data (zbar, one line of noise) and a one-line DataBar are noise; two lines of DataBar are not")
    func emptyAndOneLineCodesAreNoise() {
        func symbol(_ symbology: Symbology, _ text: String, quality: Int) -> DecodedSymbol {
            DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8", quality: quality,
                          polygon: [], pass: .dense)
        }
        #expect(SymbolMerger.isNoise(symbol(.code128, "", quality: 3)))
        #expect(SymbolMerger.isNoise(symbol(.dataBar, "0112687632892507", quality: 1)))
        #expect(!SymbolMerger.isNoise(symbol(.dataBar, "0108934563138165", quality: 2)))
        #expect(!SymbolMerger.isNoise(symbol(.code128, "HANGVIET", quality: 1)))
        // A one-character Code 128 from one line; a six-digit I2/5 from two lines; an ITF-14 from two is kept.
        #expect(SymbolMerger.isNoise(symbol(.code128, "\"", quality: 1)))
        #expect(!SymbolMerger.isNoise(symbol(.code128, "\"", quality: 2)))
        #expect(SymbolMerger.isNoise(symbol(.interleaved2of5, "996317", quality: 2)))
        #expect(!SymbolMerger.isNoise(symbol(.interleaved2of5, "996317", quality: 3)))
        #expect(!SymbolMerger.isNoise(symbol(.interleaved2of5, "18934563138162", quality: 2)))
    }
}
