@testable import BarcodeScanning
import Testing

/// Two readings of one product code: a conflict lets every pass vote, and a reading of one or
/// two lines that lies on a stronger one is reported as its alternative.
@Suite("Weaker readings of one code")
struct WeakerReadingTests {
    static func symbol(_ text: String, quality: Int, _ points: [Point], _ level: ReadConfidence.Level = .unconfirmed,
                       symbology: Symbology = .ean13) -> DecodedSymbol {
        DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8", quality: quality,
                      polygon: points, pass: .direct,
                      confidence: ReadConfidence(level: level, reason: level == .confirmed ? .twoDecoders : .oneDecoder))
    }

    /// The blur model's three lines across a blurred EAN-13 (a fixture photo): x 86…383, y 21…49.
    static let strong = symbol("5000213101025", quality: 3, [Point(x: 86, y: 21), Point(x: 383, y: 21), Point(x: 86, y: 49), Point(x: 383, y: 49)])

    @Test("a one-line reading on the code, where its bars reach below the lines that read it, is a weaker reading of it")
    func weakerReadingOnTheCode() {
        let oneLine = Self.symbol("7524747707181", quality: 1, [Point(x: 381, y: 226)], .singleRead)
        #expect(BarcodeScanner.isWeakerReading(oneLine, of: Self.strong))
        #expect(!BarcodeScanner.isWeakerReading(Self.strong, of: oneLine))
    }

    @Test("a one-line reading on a confirmed code is a weaker reading of it too: the code becomes conflicting, with it as an alternative")
    func weakerReadingOnAConfirmedCode() {
        var confirmed = Self.strong
        confirmed.confidence = ReadConfidence(level: .confirmed, reason: .twoDecoders)
        let oneLine = Self.symbol("7524747707181", quality: 1, [Point(x: 381, y: 30)], .singleRead)
        #expect(BarcodeScanner.isWeakerReading(oneLine, of: confirmed))
        // A confirmed reading is never the weaker one.
        var confirmedLine = oneLine
        confirmedLine.confidence = ReadConfidence(level: .confirmed, reason: .twoDecoders)
        #expect(!BarcodeScanner.isWeakerReading(confirmedLine, of: Self.strong))
    }

    @Test("not a weaker reading: beside the code along its length, three lines, a short code, the same code")
    func notAWeakerReading() {
        // A neighbour to the right: past a tenth of the code's length beyond its end.
        #expect(!BarcodeScanner.isWeakerReading(Self.symbol("7524747707181", quality: 1, [Point(x: 430, y: 30)]), of: Self.strong))
        #expect(!BarcodeScanner.isWeakerReading(Self.symbol("7524747707181", quality: 3, [Point(x: 381, y: 30)]), of: Self.strong))
        #expect(!BarcodeScanner.isWeakerReading(Self.symbol("50002135", quality: 1, [Point(x: 381, y: 30)], symbology: .ean8), of: Self.strong))
        // A UPC-A is the EAN-13 with a leading zero: the same code, not another reading.
        let upcA = Self.symbol("036602301467", quality: 1, [Point(x: 200, y: 30)], symbology: .upcA)
        let asEAN13 = Self.symbol("0036602301467", quality: 3, Self.strong.polygon)
        #expect(!BarcodeScanner.isWeakerReading(upcA, of: asEAN13))
    }

    @Test("hunt: a UPC-A behind a fold, read by nine lines, and one line of the first look that misread it: one code, the misread its alternative")
    func oneLineMisreadIsAnAlternative() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-upca-weak-line-folded.jpg"), source: "hunt").symbols
        #expect(found.map(\.text) == ["027789736791"])
        #expect(found.first?.confidence.level == .conflicting)
        #expect(found.first?.confidence.alternatives == ["027189136191"])
    }

    @Test("hunt: one line of the 2× copy misread an EAN-13; the blur model still votes, and reads it as printed on three lines")
    func oneLineOfALatePassDoesNotStopTheScan() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-ean13-one-line-late-pass.jpg"), source: "hunt").symbols
        #expect(found.map(\.text) == ["8934561243618"])
        #expect(found.first?.pass == .blurModel)
        #expect(found.first?.confidence.alternatives == ["9933761243618"])
    }

    @Test("hunt: a defocused UPC-E read two ways: with every pass voting, the printed code wins and the misread is its alternative")
    func everyPassVotes() throws {
        let found = try BarcodeScanner().scan(bytes: TestImages.bytes("hunt-upce-every-pass-votes.jpg"), source: "hunt").symbols
        #expect(found.map(\.text) == ["04463597"])
        #expect(found.first?.confidence.alternatives.contains("04463128") == true)
    }
}
