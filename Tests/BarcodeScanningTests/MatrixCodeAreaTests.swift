@testable import BarcodeScanning
import Testing

/// Where the DataMatrix search looks (``GreyImage/matrixCodeAreas(excluded:limit:)``).
@Suite("Areas that may hold a matrix code")
struct MatrixCodeAreaTests {
    @Test("beside an EAN-13, the tiles of the DataMatrix make an area around it, and the bars none")
    func areaAroundTheDataMatrix() throws {
        let photo = try TestImages.grey("datamatrix-beside-ean13-photo.jpg")
        let symbols = BarcodeScanner().scan(photo)
        let ean = try #require(symbols.first { $0.symbology == .ean13 }?.bounds)
        let dataMatrix = try #require(symbols.first { $0.symbology == .gs1DataMatrix }?.bounds)
        let half = photo.downsampled(by: 2)
        let areas = half.matrixCodeAreas(excluded: [MatrixCodeArea(bounds: ean, reducedBy: 2)]).map { $0.enlarged(by: 2) }
        let around = areas.filter { area in
            area.x <= dataMatrix.minX && dataMatrix.maxX <= area.x + area.width
                && area.y <= dataMatrix.minY && dataMatrix.maxY <= area.y + area.height
        }
        #expect(around.count == 1, "\(areas)")
        // No area reaches into the middle of the EAN-13's bars.
        let middle = MatrixCodeArea(x: (ean.minX + ean.maxX) / 2 - 20, y: (ean.minY + ean.maxY) / 2 - 10, width: 40, height: 20)
        #expect(!areas.contains { $0.overlaps(middle) }, "\(areas)")
    }

    @Test("a linear code alone, or a blank image, gives no area")
    func nothingMatrixLike() throws {
        #expect(try TestImages.grey("ean13-893.png").matrixCodeAreas().isEmpty)
        #expect(GreyImage(width: 320, height: 240, fill: 200).matrixCodeAreas().isEmpty)
    }

    @Test("overlapping areas are joined; apart ones stay apart")
    func merging() {
        let a = MatrixCodeArea(x: 0, y: 0, width: 10, height: 10), b = MatrixCodeArea(x: 5, y: 5, width: 10, height: 10)
        let c = MatrixCodeArea(x: 40, y: 40, width: 5, height: 5)
        #expect(MatrixCodeArea.merged([a, c, b]) == [c, MatrixCodeArea(x: 0, y: 0, width: 15, height: 15)])
    }

    @Test("a large QR code found at quarter size leaves the small DataMatrix beside it to the areas' crops")
    func smallCodeBesideALargeOne() throws {
        // The QR code at 4×: modules of about 25 pixels, read from the quarter-size copy.
        let qr = try TestImages.grey("qr-digital-link.png")
        let large = qr.resized(width: qr.width * 4, height: qr.height * 4)
        var photo = TestImages.canvas(width: 1_500, height: 1_000, pasting: large, atX: 20, y: 20)
        let dataMatrix = try TestImages.grey("datamatrix-gs1-origin-photo.jpg")
        for y in 0..<dataMatrix.height { for x in 0..<dataMatrix.width { photo[1_000 + x, 600 + y] = dataMatrix[x, y] } }
        let half = photo.downsampled(by: 2)
        let found = BarcodeScanner.matrixCodeSearch(photo, half: half, quarter: half.downsampled(by: 2), excluding: [])
        let texts = found.flatMap { batch in batch.symbols.map { String(decoding: $0.bytes, as: UTF8.self) } }
        #expect(texts.count == 2, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("https://") }, "\(texts)")
        #expect(texts.contains { $0.contains("422704") }, "\(texts)")   // the DataMatrix's AI 422
    }
}
