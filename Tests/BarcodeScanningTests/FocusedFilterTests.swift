@testable import BarcodeScanning
import Testing

/// The later passes filter and turn only the focus and as far around it as each filter looks
/// (``BarcodeScanner/SharedWork/focused(filtering:scale:transposed:back:reach:_:)``): every pixel
/// and the map back must be those of filtering the whole image and cutting it after.
@Suite("Filtering the focus only")
struct FocusedFilterTests {
    /// The working image of a photo with the code off centre (its focus reaches the right and
    /// bottom edges) or in the middle of a larger photo (its focus reaches no edge), and noise of
    /// that size, `scale` times it, to filter: noise changes every pixel a filter touches.
    static func scenes(scale: Int = 1) throws -> [(shared: BarcodeScanner.SharedWork, noise: GreyImage)] {
        let code = try TestImages.grey("ean13-893.png")
        return [(1_000, 800, 480, 500), (1_600, 1_200, 560, 480)].enumerated().map { index, scene in
            let image = TestImages.canvas(width: scene.0, height: scene.1, pasting: code, atX: scene.2, y: scene.3)
            return (BarcodeScanner.SharedWork(image), EscalationTests.noise(width: scene.0 * scale | 1, height: scene.1 * scale, seed: UInt64(index + 5)))
        }
    }

    static func same(_ a: (GreyImage, PointMap), _ b: (GreyImage, PointMap)) -> Bool {
        a.0 == b.0 && a.1.apply(0, 0) == b.1.apply(0, 0) && a.1.apply(10, 20) == b.1.apply(10, 20)
    }

    @Test("Sharpened, inverted, contrast-stretched, thresholded, enlarged: the same pixels as filtering the whole image")
    func filtersMatchTheWholeImage() throws {
        for (shared, image) in try Self.scenes() {
            #expect(shared.focus != nil)
            let radius = GreyImage.thresholdRadius(width: image.width, height: image.height)
            #expect(Self.same(shared.focused(filtering: image, reach: 1) { $0.sharpened() }, shared.focused(image.sharpened())))
            #expect(Self.same(shared.focused(filtering: image, reach: 0) { $0.inverted() }, shared.focused(image.inverted())))
            #expect(Self.same(shared.focused(filtering: image, reach: radius) { $0.adaptiveThresholded(radius: radius) },
                              shared.focused(image.adaptiveThresholded())))
            let low = GreyImage(width: image.width, height: image.height, pixels: image.pixels.map { 60 + $0 / 3 })
            let table = try #require(low.contrastStretchTable())
            let stretched = try #require(low.contrastStretched())
            #expect(Self.same(shared.focused(filtering: low, reach: 0) { $0.mapped(through: table) }, shared.focused(stretched)))
            let (w, h) = (image.width * 3 / 2, image.height * 3 / 2), back = PointMap.scale(Double(image.width - 1) / Double(w - 1))
            #expect(Self.same(shared.focused(resizing: image, width: w, height: h, scale: Double(w) / Double(image.width), back: back),
                              shared.focused(image.resized(width: w, height: h), scale: Double(w) / Double(image.width), back: back)))
            // Too little reach shows: the threshold's window then sees less than it should.
            #expect(!Self.same(shared.focused(filtering: image, reach: radius / 2) { $0.adaptiveThresholded(radius: radius) },
                               shared.focused(image.adaptiveThresholded())))
        }
    }

    @Test("The de-blurring of the doubled image, upright and sideways: the same pixels", arguments: [false, true])
    func deblurringMatchesTheWholeImage(sideways: Bool) throws {
        for (shared, doubled) in try Self.scenes(scale: 2) {
            let radius = GreyImage.thresholdRadius(width: doubled.width, height: doubled.height)
            let deblur = { (image: GreyImage) in image.verticallySmoothed(radius: 6).stronglySharpened().adaptiveThresholded(offset: 2, radius: radius) }
            let back = sideways ? PointMap.transpose.then(.scale(0.5)) : .scale(0.5)
            let part = shared.focused(filtering: doubled, scale: 2, transposed: sideways, back: back, reach: radius + 8, deblur)
            // The whole image (transposed) de-blurred, then cut where the focus lies in it.
            let filtered = deblur(sideways ? doubled.transposed() : doubled)
            let forward = sideways ? PointMap.scale(2).then(.transpose) : .scale(2)
            let cut = try #require(shared.cutRect(width: filtered.width, height: filtered.height, forward: forward))
            let whole = (filtered.cropped(x: cut.x, y: cut.y, width: cut.width, height: cut.height), PointMap(tx: Double(cut.x), ty: Double(cut.y)).then(back))
            #expect(part.0.width * part.0.height < doubled.width * doubled.height / 2)
            #expect(Self.same(part, whole))
        }
    }

    @Test("A turned image, transposed and de-blurred: the same pixels as turning the whole image",
          arguments: [(30.0, false), (-22.5, true), (45, false)])
    func turningMatchesTheWholeImage(degrees: Double, sideways: Bool) throws {
        for (shared, image) in try Self.scenes() {
            let turned = image.rotated(degrees: degrees)
            let radius = GreyImage.thresholdRadius(width: turned.image.width, height: turned.image.height)
            let deblur = { (image: GreyImage) in image.verticallySmoothed(radius: 6).stronglySharpened().adaptiveThresholded(offset: 2, radius: radius) }
            let part = shared.focused(turning: image, degrees: degrees, back: .identity, transposed: sideways, reach: radius + 8, deblur)
            // The whole image turned, transposed and filtered, then cut where the focus lies in it.
            let upright = sideways ? turned.image.transposed() : turned.image
            let back = sideways ? PointMap.transpose.then(turned.map) : turned.map
            let filtered = deblur(upright)
            let forward = try #require(back.inverse)
            let cut = try #require(shared.cutRect(width: filtered.width, height: filtered.height, forward: forward))
            let whole = (filtered.cropped(x: cut.x, y: cut.y, width: cut.width, height: cut.height), PointMap(tx: Double(cut.x), ty: Double(cut.y)).then(back))
            #expect(Self.same(part, whole))
            // Turning part of the canvas gives that part of the whole turn.
            #expect(image.rotated(degrees: degrees, part: (37, 11, 200, 90)) == turned.image.cropped(x: 37, y: 11, width: 200, height: 90))
        }
    }

    @Test("Without a focus, the whole image is filtered")
    func noFocusFiltersTheWholeImage() {
        let blank = GreyImage(width: 300, height: 200, fill: 230)
        let shared = BarcodeScanner.SharedWork(blank)
        let noise = EscalationTests.noise(width: 300, height: 200, seed: 9)
        #expect(Self.same(shared.focused(filtering: noise, reach: 1) { $0.sharpened() }, (noise.sharpened(), .identity)))
        let turned = noise.rotated(degrees: 30)
        #expect(Self.same(shared.focused(turning: noise, degrees: 30, back: .identity), turned))
    }
}
