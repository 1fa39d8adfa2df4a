@testable import BarcodeScanning
import CZBar
import Testing

/// zbar reads the left half of an EAN-13 or UPC-A (guard, six digits, middle guard, one bar) as
/// a UPC-E; such a piece is followed by the rest of its code, a real UPC-E by a quiet zone.
@Suite("A UPC-E read inside a longer code")
struct PieceOfLongerCodeTests {
    func row(_ image: GreyImage, _ y: Int) -> [UInt8] { Array(image.pixels[(y * image.width)..<((y + 1) * image.width)]) }

    @Test("bars are counted as far as they run without a quiet zone: 30 in an EAN-13, 17 in a UPC-E")
    func barsInGroup() throws {
        let ean13 = try TestImages.grey("ean13-893.png"), upce = try TestImages.grey("upce.png")
        // zint draws 4-pixel modules: the EAN-13's middle guard ends at x = 240, the UPC-E at 240.
        #expect(BarcodeScanner.barsInGroup(row(ean13, 77), around: 244) == 30)
        #expect(BarcodeScanner.barsInGroup(row(upce, 77), around: 240) == 17)
        // Nothing dark near the position: no group.
        #expect(BarcodeScanner.barsInGroup(row(upce, 77), around: 5) == nil)
    }

    @Test("the left half of an EAN-13 read as a UPC-E is a piece of it; the UPC-E alone is not")
    func halfOfEAN13() throws {
        let ean13 = try TestImages.grey("ean13-893.png"), upce = try TestImages.grey("upce.png")
        func read(at x: Double) -> RawSymbol {
            RawSymbol(type: ZBAR_UPCE, bytes: Array("08934561".utf8), addOn: nil, isGS1: false, quality: 3,
                      points: [(x, 60), (x, 77), (x, 100)], alongRows: true)
        }
        #expect(BarcodeScanner.isPieceOfLongerCode(read(at: 244), in: ean13))
        #expect(!BarcodeScanner.isPieceOfLongerCode(read(at: 240), in: upce))
        #expect(BarcodeScanner.withoutPieces([read(at: 244)], in: ean13).isEmpty)
        // Other symbologies are not judged here (EAN-8 pieces are caught by their digits).
        var ean8 = read(at: 244)
        ean8.type = ZBAR_EAN8
        #expect(!BarcodeScanner.isPieceOfLongerCode(ean8, in: ean13))
    }

    // Regressions from the misread hunt (Images/README.md).

    @Test("hunt: a blurred EAN-13 in perspective whose left half zbar read as UPC-E 08381042 gives the EAN-13")
    func halfReadAsUPCE() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-ean13-half-as-upce.jpg"), source: "hunt").symbols
        #expect(found.map(\.text) == ["8938504434088"])
    }

    @Test("hunt: a folded EAN-13 whose lower half zbar read as UPC-E 08360861 gives no wrong code")
    func foldedCode() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-ean13-folded.jpg"), source: "hunt").symbols
        #expect(!found.contains { $0.text == "08360861" })
        #expect(found.allSatisfy { $0.text == "8936006170305" })
    }

    @Test("hunt: a UPC-E read on an EAN-13 that the blur model read is a piece of it and is left out")
    func shortCodeOnLongCode() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-ean13-upce-beside.jpg"), source: "hunt").symbols
        #expect(found.map(\.text) == ["8936091370734"])
    }

    @Test("hunt: a UPC-E read by one line of the double-size copy alone is noise")
    func upceFromOneInterpolatedLine() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-upca-upce-double-size.jpg"), source: "hunt").symbols
        #expect(!found.contains { $0.symbology == .upcE })
    }

    @Test("a doubtful short code is a piece of a long code when its centre lies on the long code's outline, widened")
    func pieceByPosition() {
        func symbol(_ symbology: Symbology, _ text: String, _ points: [Point], _ level: ReadConfidence.Level) -> DecodedSymbol {
            DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8", quality: 1,
                          polygon: points, pass: .direct,
                          confidence: ReadConfidence(level: level, reason: level == .confirmed ? .twoDecoders : .oneDecoder))
        }
        let long = symbol(.ean13, "8936091370734", [Point(x: 100, y: 200), Point(x: 300, y: 220)], .confirmed)
        let near = symbol(.upcE, "02508917", [Point(x: 190, y: 240)], .singleRead)
        let far = symbol(.upcE, "02508917", [Point(x: 600, y: 240)], .singleRead)
        let sure = symbol(.upcE, "02508917", [Point(x: 190, y: 240)], .confirmed)
        #expect(BarcodeScanner.isPiece(near, of: long))
        #expect(!BarcodeScanner.isPiece(far, of: long))
        #expect(!BarcodeScanner.isPiece(sure, of: long))
    }
}
