@testable import BarcodeScanning
import CZBar
import Testing

/// The escalation's image operations against plain reference versions, and the steps it skips
/// from what the code-like regions show.
@Suite("Escalation")
struct EscalationTests {
    /// A reproducible noisy image (a linear congruential generator, no global state).
    static func noise(width: Int, height: Int, seed: UInt64) -> GreyImage {
        var state = seed
        let pixels = (0..<(width * height)).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }

    static let sizes = [(3, 3), (4, 9), (17, 5), (64, 40), (33, 120), (150, 130)]

    @Test("The 3×3 blur is the mean of the nine neighbours; the border is kept", arguments: sizes)
    func blurIsTheNineNeighbourMean(size: (Int, Int)) {
        let image = Self.noise(width: size.0, height: size.1, seed: UInt64(size.0 * 1000 + size.1))
        let blurred = image.blurred()
        for y in 0..<image.height {
            for x in 0..<image.width {
                var expected = image[x, y]
                if x > 0, y > 0, x < image.width - 1, y < image.height - 1 {
                    var sum = 0
                    for dy in -1...1 { for dx in -1...1 { sum += Int(image[x + dx, y + dy]) } }
                    expected = UInt8(sum / 9)
                }
                #expect(blurred[x, y] == expected, "pixel (\(x), \(y)) of \(size)")
            }
        }
    }

    @Test("Downsampling: each pixel the rounded mean of its factor × factor block, leftovers dropped",
          arguments: [2, 3, 4], sizes)
    func downsampledIsTheBlockMean(factor: Int, size: (Int, Int)) {
        let image = Self.noise(width: size.0, height: size.1, seed: UInt64(factor * 7 + size.0 * 1000 + size.1))
        let small = image.downsampled(by: factor)
        guard image.width >= factor, image.height >= factor else {
            #expect(small == image)   // nothing left to average: the image as it is
            return
        }
        #expect(small.width == image.width / factor && small.height == image.height / factor)
        for y in 0..<small.height {
            for x in 0..<small.width {
                var sum = 0
                for dy in 0..<factor { for dx in 0..<factor { sum += Int(image[x * factor + dx, y * factor + dy]) } }
                #expect(small[x, y] == UInt8((sum + factor * factor / 2) / (factor * factor)), "pixel (\(x), \(y)) of \(size) by \(factor)")
            }
        }
    }

    @Test("Smoothing along the bars is the mean of the column's 2r + 1 neighbours; border rows are kept",
          arguments: [1, 2, 6])
    func verticalSmoothingIsTheColumnMean(radius: Int) {
        for size in Self.sizes {
            let image = Self.noise(width: size.0, height: size.1, seed: UInt64(radius * 7919 + size.0))
            let smoothed = image.verticallySmoothed(radius: radius)
            var mismatches = 0
            for y in 0..<image.height {
                for x in 0..<image.width {
                    var expected = image[x, y]
                    if image.height > 2 * radius + 1, y >= radius, y < image.height - radius {
                        expected = UInt8((-radius...radius).map { Int(image[x, y + $0]) }.reduce(0, +) / (2 * radius + 1))
                    }
                    if smoothed[x, y] != expected { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "\(size), radius \(radius)")
        }
    }

    @Test("Strong sharpening is 3 × the pixel − 2 × its twice-blurred value, clamped")
    func strongSharpeningMatchesItsDefinition() {
        let image = Self.noise(width: 37, height: 23, seed: 99)
        let blur = image.blurred().blurred()
        let sharpened = image.stronglySharpened()
        for i in image.pixels.indices {
            #expect(sharpened.pixels[i] == UInt8(clamping: 3 * Int(image.pixels[i]) - 2 * Int(blur.pixels[i])))
        }
    }

    @Test("A crop keeps only the part of the rectangle inside the image")
    func cropClipsToTheImage() {
        let image = Self.noise(width: 20, height: 10, seed: 5)
        let inside = image.cropped(x: 3, y: 2, width: 5, height: 4)
        #expect(inside.width == 5 && inside.height == 4 && inside[0, 0] == image[3, 2] && inside[4, 3] == image[7, 5])
        let overLeft = image.cropped(x: -4, y: -1, width: 10, height: 5)
        #expect(overLeft.width == 6 && overLeft.height == 4 && overLeft[0, 0] == image[0, 0])
        let overRight = image.cropped(x: 15, y: 8, width: 10, height: 10)
        #expect(overRight.width == 5 && overRight.height == 2 && overRight[4, 1] == image[19, 9])
        #expect(image.cropped(x: 30, y: 0, width: 5, height: 5).pixelCount == 0)
    }

    @Test("Division by multiplying and shifting is exact over the whole range", arguments: [3, 9, 13, 25])
    func exactDivision(divisor: Int) {
        let (multiplier, shift) = GreyImage.exactDivision(by: divisor, upTo: 255 * divisor)
        for value in 0...(255 * divisor) {
            #expect((UInt64(value) &* multiplier) &>> shift == UInt64(value / divisor))
        }
    }

    @Test("Adaptive threshold: black where darker than the window mean by more than the offset",
          arguments: sizes)
    func adaptiveThresholdFollowsTheWindowMean(size: (Int, Int)) {
        let image = Self.noise(width: size.0, height: size.1, seed: UInt64(size.1 * 1000 + size.0))
        for offset in [2, 4] {
            let result = image.adaptiveThresholded(offset: offset)
            let radius = max(7, min(image.width, image.height) / 16)
            var mismatches = 0
            for y in 0..<image.height {
                for x in 0..<image.width {
                    var sum = 0, count = 0
                    for wy in max(0, y - radius)..<min(image.height, y + radius + 1) {
                        for wx in max(0, x - radius)..<min(image.width, x + radius + 1) {
                            sum += Int(image[wx, wy]); count += 1
                        }
                    }
                    let expected: UInt8 = Int(image[x, y]) + offset < sum / count ? 0 : 255
                    if result[x, y] != expected { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "\(size), offset \(offset)")
        }
    }

    /// The rendered EAN-13 with its middle bars painted white: still a block of upright bars,
    /// but no pass can read it.
    static func unreadableUprightCode() throws -> GreyImage {
        var code = try TestImages.grey("ean13-893.png")
        for y in 0..<code.height {
            for x in (code.width * 2 / 5)..<(code.width * 3 / 5) { code[x, y] = 255 }
        }
        return TestImages.canvas(width: code.width + 80, height: code.height + 80, pasting: code, atX: 40, y: 40)
    }

    @Test("Bars found upright: no rotation and no sideways deblurring is tried")
    func uprightBarsSkipTheRotations() throws {
        let image = try Self.unreadableUprightCode()
        let result = try BarcodeScanner().scan(bytes: TestImages.pgm(image), source: "upright.pgm")
        #expect(result.symbols.isEmpty)
        let skipped: [ScanPass] = [.straightened, .rotated45, .rotated22, .rotated67, .doubleSizeRotated45, .deblurredSideways]
        #expect(result.passes.allSatisfy { !skipped.contains($0) }, "\(result.passes)")
        #expect(result.passes.contains(.deblurred))
        #expect(result.passes.contains(.inverted))
    }

    @Test("Exhaustive: the rotations run even when the bars stand upright")
    func exhaustiveRulesNothingOut() throws {
        var options = ScanOptions()
        options.exhaustive = true
        let image = try Self.unreadableUprightCode()
        let result = try BarcodeScanner(options: options).scan(bytes: TestImages.pgm(image), source: "upright.pgm")
        #expect(result.symbols.isEmpty)
        for pass in [ScanPass.rotated45, .rotated22, .rotated67, .deblurred, .deblurredSideways] {
            #expect(result.passes.contains(pass), "\(pass) should run")
        }
    }

    @Test("Bars found sideways: the sideways deblurring runs, the upright one does not")
    func sidewaysBarsSkipTheUprightDeblurring() throws {
        let image = try Self.unreadableUprightCode().transposed()
        let result = try BarcodeScanner().scan(bytes: TestImages.pgm(image), source: "sideways.pgm")
        #expect(result.symbols.isEmpty)
        #expect(result.passes.contains(.deblurredSideways))
        #expect(!result.passes.contains(.deblurred))
        #expect(!result.passes.contains(.rotated45))
    }

    @Test("A tilted code is turned upright by its measured direction right after the dense pass",
          arguments: [45.0, -45.0, 40.0, -40.0, 30.0, -30.0, 60.0, -60.0])
    func tiltedCodeIsStraightenedFirst(degrees: Double) throws {
        // A short, wide strip of bars: no row or column crosses all of it once it is tilted.
        let full = try TestImages.grey("ean13-893.png")
        let code = GreyImage(width: full.width, height: 100, pixels: Array(full.pixels[(10 * full.width)..<(110 * full.width)]))
        let tilted = TestImages.canvas(width: 800, height: 800, pasting: code, atX: 170, y: 350).rotated(degrees: degrees).image
        let result = try BarcodeScanner().scan(bytes: TestImages.pgm(tilted), source: "tilted.pgm")
        #expect(result.symbols.map(\.text) == ["8934563138165"])
        #expect(result.passes == [.direct, .matrixCodeSearch, .dense, .straightened])
        #expect(result.symbols.first?.pass == .straightened)
    }

    @Test("The straightening turn leaves the bars upright or sideways, whichever is nearer",
          arguments: [(30.0, -30.0, false), (-30.0, 30.0, false), (60.0, 30.0, true), (-60.0, -30.0, true)])
    func straighteningTurn(degrees: Double, turn: Double, sideways: Bool) throws {
        let code = try TestImages.grey("ean13-893.png")
        let tilted = TestImages.canvas(width: 700, height: 600, pasting: code, atX: 150, y: 150).rotated(degrees: degrees).image
        let shared = BarcodeScanner.SharedWork(tilted)
        let measured = try #require(shared.straighteningAngle)
        #expect(abs(measured - turn) < 2, "turn \(measured)°")
        #expect(shared.straightenedIsSideways == sideways)
    }

    @Test("A tilted, blurred GS1-128 is straightened and de-blurred")
    func tiltedBlurredCodeIsStraightenedAndDeblurred() throws {
        let code = try TestImages.grey("gs1-128.png")
        var image = TestImages.canvas(width: code.width + 200, height: code.width + 200, pasting: code, atX: 100, y: 100)
            .rotated(degrees: -20).image
        image = image.resized(width: image.width * 6 / 10, height: image.height * 6 / 10).blurred().blurred()
        // Which pass reads it is tested here, not how fast: under ThreadSanitizer (Scripts/sanitizers.sh)
        // the default 3 s run out before the late pass.
        var options = ScanOptions()
        options.timeLimit = .seconds(120)
        let result = try BarcodeScanner(options: options).scan(bytes: TestImages.pgm(image), source: "tilted-blurred.pgm")
        #expect(result.symbols.map(\.text) == ["010893456313816510LOT7"])
        #expect(result.symbols.first?.pass == .straightenedDeblurred)
    }

    @Test("No code-like region at all: de-blurring both ways, but no turning (a turned code shows a region as an upright one does)")
    func noEvidenceIsNotTurned() throws {
        let shared = BarcodeScanner.SharedWork(GreyImage(width: 200, height: 150, fill: 230))
        #expect(shared.regions.isEmpty)
        #expect(!shared.mayBeTilted && shared.mayBeUpright && shared.mayBeSideways)
        // A strip too thin for the region finder may still hold a tilted code.
        #expect(BarcodeScanner.SharedWork(GreyImage(width: 300, height: 30, fill: 230)).mayBeTilted)
        // Scanned: none of the turned passes runs.
        let gradient = GreyImage(width: 320, height: 240, pixels: (0..<(320 * 240)).map { UInt8(60 + ($0 % 320) / 2) })
        let result = try BarcodeScanner().scan(bytes: TestImages.pgm(gradient), source: "gradient.pgm")
        #expect(result.symbols.isEmpty)
        #expect(result.passes.contains(.deblurred) && result.passes.contains(.deblurredSideways))
        #expect(!result.passes.contains { [.rotated45, .rotated22, .rotated67, .doubleSizeRotated45].contains($0) }, "\(result.passes)")
    }

    @Test("Bars too soft for the region finder at full size are found at half size", arguments: [0.0, 30.0])
    func softBarsAreFoundAtHalfSize(degrees: Double) throws {
        // The code enlarged 3×, at a quarter of the contrast, blurred: edges spread over many
        // pixels, as in a large, slightly soft photo.
        let code = try TestImages.grey("ean13-893.png")
        var soft = code.resized(width: code.width * 3, height: code.height * 3)
        soft = GreyImage(width: soft.width, height: soft.height, pixels: soft.pixels.map { UInt8(100 + Int($0) * 60 / 255) })
        for _ in 0..<4 { soft = soft.blurred() }
        var photo = TestImages.canvas(width: 1_800, height: 1_200, pasting: soft, atX: 200, y: 300)
        if degrees != 0 { photo = photo.rotated(degrees: degrees).image }
        #expect(photo.barcodeRegions(limit: 4).isEmpty)
        let regions = BarcodeScanner.SharedWork(photo).regions
        let main = try #require(regions.first)
        #expect(abs(main.tilt * 180 / .pi - degrees) < 5, "measured \(main.angle * 180 / .pi)°")
        // In the photo's pixels: around the code.
        if degrees == 0 {
            #expect(main.left >= 150 && main.right <= 200 + soft.width + 50 && main.top >= 250 && main.bottom <= 300 + soft.height + 50, "\(main)")
        }
    }

    /// `code` on a light canvas with a margin of `margin`, turned by `degrees`.
    static func tilted(_ code: GreyImage, degrees: Double, margin: Int = 150) -> GreyImage {
        TestImages.canvas(width: code.width + 2 * margin, height: code.height + 2 * margin, pasting: code, atX: margin, y: margin)
            .rotated(degrees: degrees).image
    }

    @Test("A lone tilted code is turned by its measured direction, not by the fixed angles", arguments: [30.0, -25.0, 40.0])
    func loneTiltedCodeIsNotTurnedByFixedAngles(degrees: Double) throws {
        let tilted = Self.tilted(try Self.unreadableUprightCode(), degrees: degrees)
        let shared = BarcodeScanner.SharedWork(tilted)
        let turn = try #require(shared.straighteningAngle)
        #expect(shared.mayBeTilted && !shared.mayNeedFixedTurns)
        // The turn's direction is the image's: turned by it, the photo shows the code straight.
        let straightened = try #require(BarcodeScanner.SharedWork(tilted.rotated(degrees: turn).image).regions.first)
        #expect(straightened.tilt * 180 / .pi < 4, "still \(straightened.tilt * 180 / .pi)° after turning \(turn)°")
        let result = try BarcodeScanner().scan(bytes: TestImages.pgm(tilted), source: "tilted.pgm")
        #expect(result.symbols.isEmpty)
        #expect(result.passes.contains(.straightened))
        #expect(!result.passes.contains { [.rotated45, .rotated22, .rotated67].contains($0) }, "\(result.passes)")
    }

    @Test("Two codes tilted differently: the fixed turns run for the one the straightening leaves tilted")
    func secondTiltedCodeKeepsTheFixedTurns() throws {
        let code = try TestImages.grey("ean13-893.png")
        let left = Self.tilted(code, degrees: 30), right = Self.tilted(code, degrees: -20)
        var both = GreyImage(width: left.width + right.width, height: max(left.height, right.height))
        for y in 0..<both.height {
            for x in 0..<both.width {
                let (image, px) = x < left.width ? (left, x) : (right, x - left.width)
                both[x, y] = y < image.height ? image[px, y] : 255
            }
        }
        let shared = BarcodeScanner.SharedWork(both)
        #expect(shared.regions.filter { $0.tilt * 180 / .pi > 12 }.count >= 2, "\(shared.regions)")
        #expect(shared.mayNeedFixedTurns)
        #expect(!BarcodeScanner.SharedWork(left).mayNeedFixedTurns && !BarcodeScanner.SharedWork(right).mayNeedFixedTurns)
    }

    @Test("The measured tilt follows the code", arguments: [0.0, 20.0, 30.0, -35.0])
    func regionTiltIsMeasured(degrees: Double) throws {
        let code = try TestImages.grey("ean13-893.png")
        let canvas = TestImages.canvas(width: 700, height: 600, pasting: code, atX: 150, y: 150)
        let tilted = degrees == 0 ? canvas : canvas.rotated(degrees: degrees).image
        let regions = BarcodeScanner.SharedWork(tilted).regions
        let main = try #require(regions.first)
        #expect(abs(main.tilt * 180 / .pi - abs(degrees)) < 5, "measured \(main.angle * 180 / .pi)°")
        #expect(BarcodeScanner.SharedWork(tilted).mayBeTilted == (abs(degrees) > 12))
    }

    @Test("The first pass leaves SQ Code fully off: zbar searches for it while any setting is on")
    func retailSymbologiesTurnSQCodeOff() {
        let zbar = ZBarScanner()
        #expect(zbar.setting(ZBAR_CFG_BINARY, of: ZBAR_SQCODE) == 1)
        zbar.symbologies = .retail
        #expect(zbar.setting(ZBAR_CFG_ENABLE, of: ZBAR_SQCODE) == 0)
        #expect(zbar.setting(ZBAR_CFG_BINARY, of: ZBAR_SQCODE) == 0)
        #expect(zbar.setting(ZBAR_CFG_ENABLE, of: ZBAR_CODE39) == 0)
        #expect(zbar.setting(ZBAR_CFG_ENABLE, of: ZBAR_EAN13) == 1)
        zbar.symbologies = .all
        #expect(zbar.setting(ZBAR_CFG_ENABLE, of: ZBAR_SQCODE) == 1)
        #expect(zbar.setting(ZBAR_CFG_BINARY, of: ZBAR_SQCODE) == 1)
    }
}
