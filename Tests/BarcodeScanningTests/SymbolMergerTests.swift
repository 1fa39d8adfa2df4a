@testable import BarcodeScanning
import CZBar
import Testing

/// How reads from several passes are merged and judged.
@Suite("Merging reads")
struct SymbolMergerTests {
    static func raw(_ type: zbar_symbol_type_t, _ text: String, quality: Int) -> RawSymbol {
        RawSymbol(type: type, bytes: Array(text.utf8), addOn: nil, isGS1: false, quality: quality, points: [(0, 0)])
    }

    @Test("A short code inside a longer one of the same photo is a partial read: dropped")
    func shortCodeInsideALongerOneIsDropped() {
        var merger = SymbolMerger()
        merger.add([Self.raw(ZBAR_EAN8, "60002914", quality: 2), Self.raw(ZBAR_UPCA, "036000291452", quality: 7)],
                   map: .identity, pass: .direct)
        #expect(merger.symbols.map(\.text) == ["036000291452"])
        #expect(merger.isConfident)
    }

    @Test("A short code read by one line does not stop the escalation, but is still reported")
    func singleLineShortCodeIsNotTrusted() {
        for type in [ZBAR_EAN8, ZBAR_UPCE] {
            var merger = SymbolMerger()
            merger.add([Self.raw(type, "60002914", quality: 1)], map: .identity, pass: .direct)
            #expect(!merger.isConfident)
            #expect(merger.symbols.map(\.text) == ["60002914"])
            merger.add([Self.raw(type, "60002914", quality: 1)], map: .identity, pass: .dense)
            #expect(merger.isConfident, "two scan lines in all")
        }
    }

    @Test("A short code beside an unrelated long code is kept")
    func unrelatedShortCodeIsKept() {
        var merger = SymbolMerger()
        merger.add([Self.raw(ZBAR_EAN8, "96385074", quality: 3), Self.raw(ZBAR_EAN13, "8934563138165", quality: 5)],
                   map: .identity, pass: .direct)
        #expect(Set(merger.symbols.map(\.text)) == ["96385074", "8934563138165"])
    }
}

@Suite("Trusting the first pass")
struct FirstPassTrustTests {
    typealias M = SymbolMergerTests

    @Test("A product code read by one line of the first pass does not stop the escalation; of a later pass, it waits for the blur model; two lines stop it")
    func oneFirstPassLineIsNotEnough() {
        var merger = SymbolMerger()
        merger.add([M.raw(ZBAR_EAN13, "8934563138165", quality: 1)], map: .identity, pass: .direct)
        #expect(!merger.isConfident)
        #expect(merger.symbols.map(\.text) == ["8934563138165"], "still reported")
        var twoLines = SymbolMerger()
        twoLines.add([M.raw(ZBAR_EAN13, "8934563138165", quality: 2)], map: .identity, pass: .direct)
        #expect(twoLines.isConfident)
        var later = SymbolMerger()
        later.add([M.raw(ZBAR_EAN13, "8934563138165", quality: 1)], map: .identity, pass: .sharpened)
        #expect(later.trust == .awaitingBlurModel, "a later pass's one line: the blur model votes first")
        later.add([M.raw(ZBAR_EAN13, "8934563138165", quality: 1)], map: .identity, pass: .contrastStretched)
        #expect(later.isConfident, "read again by another pass")
    }

    @Test("A QR code needs no second line: zbar decodes it whole")
    func qrCodeIsTrustedAtOnce() {
        var merger = SymbolMerger()
        merger.add([M.raw(ZBAR_QRCODE, "https://id.gs1.org/01/08934563138165", quality: 1)], map: .identity, pass: .direct)
        #expect(merger.isConfident)
    }

    @Test("A short code from the first pass alone needs eight lines, or a read by a later pass")
    func shortCodeFromTheFirstPass() {
        var few = SymbolMerger()
        few.add([M.raw(ZBAR_EAN8, "60002914", quality: 3)], map: .identity, pass: .direct)
        #expect(!few.isConfident)
        few.add([M.raw(ZBAR_EAN8, "60002914", quality: 1)], map: .identity, pass: .dense)
        #expect(few.isConfident)
        var many = SymbolMerger()
        many.add([M.raw(ZBAR_UPCE, "01234565", quality: 8)], map: .identity, pass: .direct)
        #expect(many.isConfident)
    }

    @Test("Two readings of one code with as many lines each: the first pass's single line loses")
    func singleFirstPassLineLosesATie() {
        var merger = SymbolMerger()
        merger.add([M.raw(ZBAR_EAN13, "7584727707181", quality: 1)], map: .identity, pass: .direct)
        merger.add([M.raw(ZBAR_EAN13, "7524747707181", quality: 1)], map: .identity, pass: .doubleSize)
        #expect(merger.hasConflict)
        #expect(merger.symbols.map(\.text) == ["7524747707181"])
    }

    @Test("Two UPC-E at one place are one code read two ways: the one more lines read is kept, the other is its alternative")
    func rivalUPCEReadings() {
        func raw(_ text: String, quality: Int, at x: Double) -> RawSymbol {
            RawSymbol(type: ZBAR_UPCE, bytes: Array(text.utf8), addOn: nil, isGS1: false, quality: quality, points: [(x, 100), (x + 60, 100)])
        }
        var merger = SymbolMerger()
        merger.add([raw("01543759", quality: 6, at: 100)], map: .identity, pass: .direct)
        merger.add([raw("01743711", quality: 1, at: 110)], map: .identity, pass: .doubleSize)
        #expect(merger.hasConflict)
        #expect(merger.symbols.map(\.text) == ["01543759"])
        #expect(merger.rivals(of: merger.symbols[0]) == ["01743711"])
        // Far apart, they are two codes.
        var apart = SymbolMerger()
        apart.add([raw("01543759", quality: 6, at: 100), raw("01743711", quality: 1, at: 600)], map: .identity, pass: .direct)
        #expect(!apart.hasConflict)
        #expect(apart.symbols.count == 2)
    }

    @Test("hunt: two EAN-8 with the same left half at one place are one code read two ways; another EAN-8 is not")
    func twoEAN8ReadingsAtOnePlace() {
        func raw(_ text: String, at x: Double) -> RawSymbol {
            RawSymbol(type: ZBAR_EAN8, bytes: Array(text.utf8), addOn: nil, isGS1: false, quality: 1, points: [(x, 300)])
        }
        var merger = SymbolMerger()
        merger.add([raw("42017127", at: 362), raw("42017721", at: 320)], map: .identity, pass: .direct)
        #expect(merger.hasConflict)
        #expect(merger.symbols.count == 2)   // as many lines each: both reported, each the other's alternative
        #expect(merger.rivals(of: merger.symbols[0]) == [merger.symbols[1].text])
        var other = SymbolMerger()
        other.add([raw("42017127", at: 362), raw("89384787", at: 320)], map: .identity, pass: .direct)
        #expect(!other.hasConflict)
    }
}
