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
