@testable import BarcodeScanning
import CZBar
import Testing

/// The part of the photo where the later passes look: around the code-like regions and the QR
/// finder patterns, cut so that zbar follows the same lines, the same way, as on the whole image.
@Suite("Escalation focus")
struct EscalationFocusTests {
    /// The rendered EAN-13 (452 × 232) on a white 1 000 × 800 canvas at (480, 500).
    static func codeOffCentre(inverted: Bool = false) throws -> (image: GreyImage, code: (x: Int, y: Int, width: Int, height: Int)) {
        var code = try TestImages.grey("ean13-893.png")
        if inverted { code = code.inverted() }
        return (TestImages.canvas(width: 1_000, height: 800, pasting: code, atX: 480, y: 500), (480, 500, code.width, code.height))
    }

    @Test("The focus holds the whole code and leaves out the empty part of the photo")
    func focusHoldsTheCode() throws {
        let (image, code) = try Self.codeOffCentre()
        let focus = try #require(BarcodeScanner.SharedWork(image).focus)
        #expect(focus.x <= code.x && focus.y <= code.y, "\(focus)")
        #expect(focus.x + focus.width >= code.x + code.width && focus.y + focus.height >= code.y + code.height, "\(focus)")
        #expect(focus.width * focus.height < image.width * image.height / 2, "\(focus)")
    }

    @Test("The cut keeps the image's own pixels, corners at multiples of 4, sides of the image's parity",
          arguments: [1.0, 0.5, 1.5, 2.0])
    func cutKeepsTheImagesLines(scale: Double) throws {
        let (image, _) = try Self.codeOffCentre()
        let shared = BarcodeScanner.SharedWork(image)
        // An image made at `scale` times the working size, with odd sides where it can have them.
        let made = EscalationTests.noise(width: Int(Double(image.width) * scale) | 1, height: Int(Double(image.height) * scale) | 1, seed: 7)
        let (crop, map) = shared.focused(made, scale: scale)
        let origin = map.apply(0, 0)
        let x = Int(origin.x), y = Int(origin.y)
        #expect(x % 4 == 0 && y % 4 == 0, "corner (\(x), \(y))")
        #expect(crop.width % 2 == made.width % 2 && crop.height % 2 == made.height % 2, "\(crop.width) × \(crop.height)")
        #expect(crop.width < made.width && crop.height < made.height)
        let samePixels = crop == made.cropped(x: x, y: y, width: crop.width, height: crop.height)
        #expect(samePixels)
        let focus = try #require(shared.focus)
        #expect(Double(x) <= Double(focus.x) * scale && Double(x + crop.width) >= Double(focus.x + focus.width) * scale)
    }

    @Test("A transposed image is cut where the focus lies once transposed")
    func transposedCut() throws {
        let (image, _) = try Self.codeOffCentre()
        let shared = BarcodeScanner.SharedWork(image)
        let made = EscalationTests.noise(width: image.width, height: image.height, seed: 3)
        let (crop, map) = shared.focused(filtering: made, transposed: true, back: .transpose, reach: 0) { $0 }
        let (plain, plainMap) = shared.focused(made)
        // The same part of the image, whichever way round it was cut.
        #expect(crop.width == plain.height && crop.height == plain.width)
        let samePixels = crop == plain.transposed()
        #expect(samePixels)
        let corner = map.apply(0, 0), plainCorner = plainMap.apply(0, 0)
        #expect(corner.x == plainCorner.x && corner.y == plainCorner.y)
    }

    @Test("A turned image is cut around the focus as it lies once turned: its own pixels, on zbar's line grid",
          arguments: [45.0, -30.0, 22.5])
    func turnedCut(degrees: Double) throws {
        let (image, _) = try Self.codeOffCentre()
        let shared = BarcodeScanner.SharedWork(image)
        let turned = image.rotated(degrees: degrees)
        let (crop, map) = shared.focused(turning: image, degrees: degrees, back: .identity)
        // The cut's corner, in the turned image: its map takes it to the working image.
        let corner = map.apply(0, 0), origin = try #require(turned.map.inverse).apply(corner.x, corner.y)
        let (cx, cy) = (Int(origin.x.rounded()), Int(origin.y.rounded()))
        #expect(cx % 4 == 0 && cy % 4 == 0, "corner (\(cx), \(cy))")
        #expect(crop.width % 2 == turned.image.width % 2 && crop.height % 2 == turned.image.height % 2)
        #expect(crop.width * crop.height < turned.image.width * turned.image.height * 3 / 4, "\(crop.width) × \(crop.height)")
        let samePixels = crop == turned.image.cropped(x: cx, y: cy, width: crop.width, height: crop.height)
        #expect(samePixels)
        // Every corner of the focus lies inside the cut once mapped back to the working image.
        let focus = try #require(shared.focus)
        let back = try #require(map.inverse)
        for (fx, fy) in [(focus.x, focus.y), (focus.x + focus.width, focus.y), (focus.x, focus.y + focus.height),
                         (focus.x + focus.width, focus.y + focus.height)] {
            let p = back.apply(Double(fx), Double(fy))
            #expect(p.x >= -0.5 && p.y >= -0.5 && p.x <= Double(crop.width) + 0.5 && p.y <= Double(crop.height) + 0.5, "\(p)")
        }
    }

    @Test("A map's inverse undoes it")
    func pointMapInverse() throws {
        let map = PointMap(a: 0.8, b: -0.6, c: 0.6, d: 0.8, tx: 12, ty: -7).then(.scale(2)).then(.transpose)
        let inverse = try #require(map.inverse)
        let there = map.apply(31, 17), back = inverse.apply(there.x, there.y)
        #expect(abs(back.x - 31) < 1e-9 && abs(back.y - 17) < 1e-9)
        #expect(PointMap(a: 1, b: 2, c: 2, d: 4).inverse == nil)
    }

    @Test("QR finder patterns seen away from the bars join the focus")
    func qrFinderAreaJoinsTheFocus() throws {
        let (image, _) = try Self.codeOffCentre()
        let area = LineScanner.QRFinderArea(x: 30, y: 40, width: 90, height: 80, smallestFinder: 21)
        let focus = try #require(BarcodeScanner.SharedWork(image, qrFinderArea: area).focus)
        #expect(focus.x <= 30 && focus.y <= 40, "\(focus)")
        #expect(focus.x + focus.width >= 480 + 452 && focus.y + focus.height >= 500 + 232, "\(focus)")
    }

    @Test("A possible QR finder pattern joins the focus with the reach of a QR code around it")
    func possibleFinderJoinsTheFocus() throws {
        let (image, _) = try Self.codeOffCentre()
        let finder = LineScanner.FinderHit(x: 100, y: 120, size: 14)   // modules of 2 pixels
        let focus = try #require(BarcodeScanner.SharedWork(image, possibleQRFinders: [finder]).focus)
        // A 41-module code with this finder in a corner reaches 37.5 modules (75 pixels) from its centre.
        #expect(focus.x <= 100 - 75 && focus.y <= 120 - 75, "\(focus)")
        #expect(focus.x + focus.width >= 480 + 452, "\(focus)")
    }

    @Test("The later passes follow the lines nearer across the bars: both only near 45°, or where a QR code may be",
          arguments: [(0.0, ZBarScanner.Lines.rows), (25, .rows), (-25, .rows), (65, .columns), (-65, .columns), (90, .columns),
                      (45, .rowsAndColumns), (-45, .rowsAndColumns)])
    func linesNearerAcrossTheBars(degrees: Double, lines: ZBarScanner.Lines) throws {
        let (image, _) = try Self.codeOffCentre()
        let turned = image.rotated(degrees: degrees).image
        #expect(BarcodeScanner.SharedWork(turned).linesAcrossBars == lines)
        // A possible QR finder pattern anywhere keeps rows and columns (zbar reads QR codes with both).
        let finder = LineScanner.FinderHit(x: 100, y: 120, size: 14)
        #expect(BarcodeScanner.SharedWork(turned, possibleQRFinders: [finder]).linesAcrossBars == .rowsAndColumns)
        #expect(BarcodeScanner.SharedWork(turned, exhaustive: true).linesAcrossBars == .rowsAndColumns)
    }

    @Test("No code-like region, or an exhaustive scan: the later passes see the whole image")
    func noFocusWithoutEvidence() throws {
        let blank = GreyImage(width: 300, height: 200, fill: 230)
        #expect(BarcodeScanner.SharedWork(blank).focus == nil)
        let (crop, map) = BarcodeScanner.SharedWork(blank).focused(blank, back: .scale(2))
        #expect(crop == blank && map.apply(10, 10) == (x: 20, y: 20))
        let (image, _) = try Self.codeOffCentre()
        #expect(BarcodeScanner.SharedWork(image, exhaustive: true).focus == nil)
    }

    @Test("A code read by a later pass on the cut is reported where it lies in the photo")
    func laterPassReadIsPlacedInThePhoto() throws {
        // Light bars on dark, off centre: only the inverted pass, which looks at the cut, reads it.
        let (image, code) = try Self.codeOffCentre(inverted: true)
        let found = BarcodeScanner().scan(image)
        #expect(found.map(\.text) == ["8934563138165"])
        #expect(found.map(\.pass) == [.inverted])
        let bounds = try #require(found.first?.bounds)
        #expect(bounds.minX >= code.x - 2 && bounds.maxX <= code.x + code.width + 2, "\(bounds)")
        #expect(bounds.minY >= code.y - 2 && bounds.maxY <= code.y + code.height + 2, "\(bounds)")
    }
}

/// Reads that end where a focused pass cut the photo are not reported.
@Suite("Cut ends")
struct CutEndTests {
    static func read(at points: [(x: Double, y: Double)]) -> RawSymbol {
        RawSymbol(type: ZBAR_I25, bytes: Array("183166".utf8), addOn: nil, isGS1: false, quality: 3, points: points)
    }

    @Test("A read ending on a cut inside the photo is dropped; one inside the cut, or on the photo's own edge, is kept")
    func cutEndsAreDropped() {
        let cut = GreyImage(width: 200, height: 100, fill: 128)
        // The cut lies at (300, 400) in a 1 000 × 800 photo.
        let map = PointMap(tx: 300, ty: 400)
        let endsAtCut = Self.read(at: [(50, 99), (60, 99)])
        let inside = Self.read(at: [(50, 40), (120, 41)])
        #expect(BarcodeScanner.withoutCutEnds([endsAtCut, inside], in: cut, map: map, photoWidth: 1_000, photoHeight: 800).map(\.points.first!.y) == [40])
        // The same cut at the photo's bottom edge: its bottom border is the photo's own edge.
        let atBottom = PointMap(tx: 300, ty: 700)
        #expect(BarcodeScanner.withoutCutEnds([endsAtCut], in: cut, map: atBottom, photoWidth: 1_000, photoHeight: 800).count == 1)
        // A whole image's border is always the photo's edge.
        #expect(BarcodeScanner.withoutCutEnds([endsAtCut], in: cut, map: .identity, photoWidth: 200, photoHeight: 100).count == 1)
    }
}
