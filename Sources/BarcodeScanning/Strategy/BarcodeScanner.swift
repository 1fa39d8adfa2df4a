import CZBar
import Foundation

/// Reads barcodes from photos: decodes the bytes to grey (``ImageDecoder``), takes a fast first
/// look (every third line through its own edge finder and zbar's decoders, zbar's QR reader
/// around any QR finder pattern), and escalates through further ``ScanPass``es of zbar's image
/// scanner only when that finds nothing or only doubtful symbols: full resolution, scale
/// changes, sharpening, contrast stretch, adaptive threshold, rotations (zbar reads only rows
/// and columns), inversion and de-blurring. Passes follow only the lines that can cross the
/// bars the photo shows (rows for upright codes, columns for sideways ones) unless a QR code
/// may be there, and zbar's passes, turned or not, look only around its code-like regions and
/// any QR finder patterns. It stops as soon as a trustworthy symbol is found or the time limit
/// is reached, and merges the same symbol found by several passes. Safe to share between
/// tasks: each scan makes its own zbar scanner.
///
/// ```swift
/// let scanner = BarcodeScanner()
/// let result = try scanner.scan(file: "Resources/samples/hao-hao-8934563138165.jpg")
/// result.symbols.first?.text   // "8934563138165"
/// ```
public struct BarcodeScanner: Sendable {
    public var options: ScanOptions

    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
    }

    /// Reads and scans a file. The file's size is checked before it is read.
    public func scan(file path: String) throws(ScanError) -> ScanResult {
        try scan(bytes: Self.readFile(path, limit: options.decoding.maximumBytes), source: path)
    }

    /// Scans image bytes; `source` names the input in errors and results.
    public func scan(bytes: [UInt8], source: String) throws(ScanError) -> ScanResult {
        let clock = ContinuousClock()
        let start = clock.now
        let decoded = try ImageDecoder(options: options.decoding).decode(bytes, source: source)
        let outcome = scan(decoded.image, deadline: start + options.timeLimit)
        let scale = decoded.scale
        let symbols = outcome.symbols.map { symbol -> DecodedSymbol in
            var symbol = symbol
            if scale != 1 {
                symbol.polygon = symbol.polygon.map { Point(x: Int((Double($0.x) * scale).rounded()), y: Int((Double($0.y) * scale).rounded())) }
            }
            return symbol
        }
        let elapsed = clock.now - start
        return ScanResult(source: source, format: decoded.format, width: decoded.originalWidth, height: decoded.originalHeight,
                          symbols: symbols, passes: outcome.passes, timedOut: outcome.timedOut, warning: decoded.warning,
                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Scans an already decoded grey image (coordinates are that image's).
    public func scan(_ image: GreyImage) -> [DecodedSymbol] {
        scan(image, deadline: ContinuousClock.now + options.timeLimit).symbols
    }

    func scan(_ image: GreyImage, deadline: ContinuousClock.Instant) -> (symbols: [DecodedSymbol], passes: [ScanPass], timedOut: Bool) {
        let zbar = ZBarScanner()
        var merger = SymbolMerger()
        var passes: [ScanPass] = []

        // The first pass works on a copy of at most `firstPassPixels`.
        let reduction = Self.reductionFactor(for: image, limit: options.firstPassPixels)
        let working = image.downsampled(by: reduction)
        let workingMap = PointMap.scale(Double(reduction))

        func run(_ pass: ScanPass, _ derived: GreyImage, _ map: PointMap, density: Int32, symbologies: ZBarScanner.SymbologySet,
                 lines: ZBarScanner.Lines = .rowsAndColumns) {
            passes.append(pass)
            zbar.density = density
            zbar.lines = lines
            zbar.symbologies = symbologies
            let raws = Self.withoutCutEnds(zbar.scan(derived), in: derived, map: map, photoWidth: image.width, photoHeight: image.height)
            merger.add(Self.withoutPieces(raws, in: derived), map: map, pass: pass)
        }

        // Every third row and column through our line scanner, the symbologies that carry GS1
        // keys; zbar's image scanner only where QR finder patterns were crossed: most photos end here.
        passes.append(.direct)
        let firstLook = LineScanner(concurrent: options.concurrentFirstPass).scan(working, spacing: 3)
        merger.add(Self.withoutPieces(firstLook.symbols, in: working).map { Self.withAddOn($0, in: working, zbar: zbar) },
                   map: workingMap, pass: .direct)
        // A copy of the QR finder area, not zbar's crop: zbar's QR decoder binarises the whole image.
        let finderArea = firstLook.qrFinderArea(in: working, alignment: 3)
        let qrArea = finderArea.map { area in
            (image: working.cropped(x: area.x, y: area.y, width: area.width, height: area.height),
             map: PointMap(tx: Double(area.x), ty: Double(area.y)), smallestFinder: area.smallestFinder)
        }
        if let area = qrArea {
            zbar.lines = .rowsAndColumns
            zbar.symbologies = .qrCodes
            if area.smallestFinder >= Self.halfSizeQRFinder {
                // Modules of 5 pixels or more: a half-size copy along every second line (zbar's QR
                // decoder wants about three lines through each finder's centre) is 3/8 of the
                // scanning, and its binarising and decoding see a quarter of the pixels.
                zbar.density = 2
                merger.add(zbar.scan(area.image.downsampled(by: 2)), map: PointMap.scale(2).then(area.map).then(workingMap), pass: .direct)
            } else {
                zbar.density = 3
                merger.add(zbar.scan(area.image), map: area.map.then(workingMap), pass: .direct)
            }
        }

        func verifiedSymbols() -> [DecodedSymbol] {
            Self.verified(merger.symbols, in: image) { merger.rivals(of: $0) }
        }
        guard options.escalate else { return (verifiedSymbols(), passes, false) }   // `--fast`: the first look only

        let shared = SharedWork(working, exhaustive: options.exhaustive, qrFinderArea: finderArea,
                                 possibleQRFinders: firstLook.possibleQRFinders(in: working))
        var timedOut = false
        /// Whether the escalation runs a pass next, skips it, or stops: it stops once a code is
        /// read with confidence or the time is up, and while a one-line read waits for the blur
        /// model only the blur model's passes run. Conflicting reads of one code are not
        /// confident: every pass left votes (the blur model too, which reads blurred EAN-13s that
        /// the edge decoders misread), within the deadline.
        func next(_ pass: ScanPass) -> NextStep {
            let trust = merger.trust
            if trust == .confident { return .stop }
            if trust == .awaitingBlurModel, !pass.isBlurModel { return .skip }
            if ContinuousClock.now >= deadline { timedOut = true; return .stop }
            return .run
        }
        var stopped = false
        if let area = qrArea {
            // A QR code too fine for every third line: every line of its area, before all else.
            switch next(.qrFinderArea) {
            case .run: run(.qrFinderArea, area.image, area.map.then(workingMap), density: 1, symbologies: .qrCodes)
            case .skip: break
            case .stop: stopped = true
            }
        }
        // The matrix code search (`matrixCodeSearch`): early when nothing is read yet, ending the
        // scan only when its codes explain every code-like region (else they are added at the
        // end, and the passes look for the bars); otherwise at the end.
        var searchedForMatrixCodes = false, heldBack: [(symbols: [RawSymbol], map: PointMap)] = []
        func searchForMatrixCodes(early: Bool) {
            searchedForMatrixCodes = true
            passes.append(.matrixCodeSearch)
            let read = merger.symbols.compactMap { $0.bounds.map { MatrixCodeArea(bounds: $0, reducedBy: reduction) } }
            let found = Self.matrixCodeSearch(working, half: shared.half, quarter: shared.quarter, excluding: read)
            if early, !Self.explains(found, shared.regions) { heldBack = found; return }
            for (symbols, map) in found { merger.add(symbols, map: map.then(workingMap), pass: .matrixCodeSearch) }
        }
        if !stopped, merger.symbols.isEmpty {
            switch next(.matrixCodeSearch) {
            case .run: searchForMatrixCodes(early: true)
            case .skip: break
            case .stop: stopped = true
            }
        }
        let plan = stopped ? [] : Self.escalationPlan(image: image, working: working, reduction: reduction, shared: shared)
        escalation: for step in plan {
            switch next(step.pass) {
            case .run: break
            case .skip: continue escalation
            case .stop: break escalation
            }
            guard step.isWorthRunning(), let (derived, map) = step.make() else { continue }
            let toImage = step.onFullImage ? map : map.then(workingMap)
            if let read = step.read {
                passes.append(step.pass)
                // Pieces of longer codes are zbar's: the blur model reads EAN-13/UPC-A only, and
                // zxing-cpp wants six modules of quiet zone after a UPC-E, which the middle of a
                // longer code never has.
                merger.add(read(derived, deadline), map: toImage, pass: step.pass)
            } else {
                run(step.pass, derived, toImage, density: step.density, symbologies: step.symbologies, lines: step.lines())
            }
        }
        // A DataMatrix or QR code beside the codes read (see `matrixCodeSearch`), within the time limit.
        for (symbols, map) in heldBack { merger.add(symbols, map: map.then(workingMap), pass: .matrixCodeSearch) }
        if !timedOut, !searchedForMatrixCodes { searchForMatrixCodes(early: false) }
        return (verifiedSymbols(), passes, timedOut)
    }

    /// A photo whose shorter side is below this many pixels is a strip: its rows are repeated
    /// and widened (`thin-strip`), and the region finder cannot see a code in it.
    static let thinStripSide = 40

    /// What the escalation does at its next step.
    enum NextStep { case run, skip, stop }

    /// The finder-pattern crossing (seven modules), in pixels, from which the first look reads a
    /// QR code at half size: modules of 5 pixels become 2.5.
    static let halfSizeQRFinder = 35

    struct Step {
        var pass: ScanPass
        /// True when the derived image comes from the full decoded image, not the working copy.
        var onFullImage = false
        /// Scan-line spacing: 1, or 2 on images enlarged twice (every line of the original).
        var density: Int32 = 1
        /// Every symbology on the `dense` pass; the transformed images look for GS1 carriers only.
        var symbologies: ZBarScanner.SymbologySet = .retail
        /// The scan lines that can read something in the derived image (asked just before it runs).
        var lines: () -> ZBarScanner.Lines = { .rowsAndColumns }
        /// False skips the step (asked just before it would run).
        var isWorthRunning: () -> Bool = { true }
        /// Reads the derived image instead of zbar (``BlurredProductCodeReader``), by the deadline.
        var read: ((GreyImage, ContinuousClock.Instant) -> [RawSymbol])? = nil
        var make: () -> (GreyImage, PointMap)?
    }

    /// The escalation order: cheap, often-successful passes first. The straightened, half-size,
    /// double-size and rotated passes listen for product and QR codes only: in the misread hunts
    /// with 800 ITF-14, GS1-128 and DataBar photos (RESULTS §3) they read none of those that
    /// the other passes do not read too (the double-size pass's one GS1-128 of its own was
    /// wrong), while those decoders take about a quarter of zbar's time on photos where
    /// nothing is found. So does the inverted pass: GS1 prints its logistics carriers dark on
    /// light, and in the hunts it read none of them, while a product code or a QR code shown
    /// light on dark (a phone in dark mode) is read only there: zxing-cpp inverts matrix codes
    /// alone. There is no 3×3-blurred pass and no threshold of the half-size copy: in every
    /// hunt and fixture run they were never the first to read a code.
    static func escalationPlan(image: GreyImage, working: GreyImage, reduction: Int, shared: SharedWork) -> [Step] {
        var steps: [Step] = [Step(pass: .dense, density: 1, symbologies: .all, lines: { shared.linesAcrossBars }) { shared.focused(working) }]
        // A tilted code, turned upright by its measured direction before any other pass: scale,
        // contrast and sharpness passes do not turn it, and the fixed rotations below can leave
        // a long code 11° off, more than its height allows.
        steps.append(Step(pass: .straightened, symbologies: .productCodes, isWorthRunning: { shared.straighteningAngle != nil }) {
            guard let angle = shared.straighteningAngle else { return nil }
            return shared.focused(turning: working, degrees: angle, back: .identity)
        })
        let shortSide = min(working.width, working.height), longSide = max(working.width, working.height)
        func enlarged(_ factor: Double) -> (GreyImage, PointMap) {
            let w = Int(Double(working.width) * factor), h = Int(Double(working.height) * factor)
            return shared.focused(resizing: working, width: w, height: h, scale: Double(w) / Double(working.width),
                                  back: .scale(Double(working.width - 1) / Double(max(1, w - 1))))
        }
        if shortSide < Self.thinStripSide {
            // A strip a few pixels high (or wide): repeat its rows and widen it.
            steps.append(Step(pass: .thinStrip, density: 1) {
                let vertical = working.height > working.width
                let strip = vertical ? working.transposed() : working
                let tall = strip.rowsRepeated(toHeight: 40)
                let image = tall.resized(width: strip.width * 3, height: tall.height)
                let back = PointMap(a: Double(strip.width - 1) / Double(strip.width * 3 - 1), d: Double(strip.height) / Double(tall.height))
                return (image, vertical ? back.then(.transpose) : back)
            })
        }
        if reduction > 1 {
            steps.append(Step(pass: .fullResolution, onFullImage: true, lines: { shared.linesAcrossBars }) {
                shared.focused(image, scale: Double(reduction))
            })
        }
        if shortSide >= 400 {
            steps.append(Step(pass: .halfSize, symbologies: .productCodes, lines: { shared.linesAcrossBars }) {
                shared.focused(shared.half, scale: 0.5, back: .scale(2))
            })
        }
        if longSide <= 1600 { steps.append(Step(pass: .enlarged, lines: { shared.linesAcrossBars }) { enlarged(1.5) }) }
        if longSide <= 1200 {
            steps.append(Step(pass: .doubleSize, density: 2, symbologies: .productCodes, lines: { shared.linesAcrossBars }) {
                shared.focused(shared.doubled.image, scale: 2, back: shared.doubled.map)
            })
        }
        // The second decoder for what zbar cannot read: DataMatrix, and QR codes with damaged or
        // low-contrast finder patterns, up to eight in one photo. After the scale passes, which
        // read most blurred linear codes first.
        let matrixCodes: (GreyImage, ContinuousClock.Instant) -> [RawSymbol] = { image, _ in
            ZXingReader.read(image, formats: .matrix, maxSymbols: 8) ?? []
        }
        steps.append(Step(pass: .matrixCodes, read: matrixCodes) { (working, .identity) })
        // The filters below work on the focus and as far around it as they look (the same pixels).
        steps.append(Step(pass: .sharpened, lines: { shared.linesAcrossBars }) { shared.focused(filtering: working, reach: 1) { $0.sharpened() } })
        steps.append(Step(pass: .contrastStretched, lines: { shared.linesAcrossBars }) {
            working.contrastStretchTable().map { table in shared.focused(filtering: working, reach: 0) { $0.mapped(through: table) } }
        })
        steps.append(Step(pass: .adaptiveThreshold, lines: { shared.linesAcrossBars }) {
            let radius = GreyImage.thresholdRadius(width: working.width, height: working.height)
            return shared.focused(filtering: working, reach: radius) { $0.adaptiveThresholded(radius: radius) }
        })
        for (pass, angle) in [(ScanPass.rotated45, 45.0), (.rotated22, 22.5), (.rotated67, 67.5)] {
            steps.append(Step(pass: pass, symbologies: .productCodes, isWorthRunning: { shared.mayNeedFixedTurns }) {
                shared.focused(turning: working, degrees: angle, back: .identity)
            })
        }
        steps.append(Step(pass: .inverted, symbologies: .productCodes, lines: { shared.linesAcrossBars }) {
            shared.focused(filtering: working, reach: 0) { $0.inverted() }
        })
        steps.append(Step(pass: .invertedMatrixCodes, read: matrixCodes) { (working.inverted(), .identity) })
        if longSide <= 1200 {
            // Blurred bars: smooth along the bars, sharpen across them, then threshold locally;
            // for upright codes, sideways ones (transposed first), and tilted ones once turned.
            // Read along rows only: the smoothing along the bars leaves columns nothing to read.
            // The filter looks 6 + 2 pixels and the threshold's radius (the whole image's) away.
            func deblurring(width: Int, height: Int) -> (reach: Int, filter: (GreyImage) -> GreyImage) {
                let radius = GreyImage.thresholdRadius(width: width, height: height)
                return (radius + 8, { $0.verticallySmoothed(radius: 6).stronglySharpened().adaptiveThresholded(offset: 2, radius: radius) })
            }
            func deblurred(sideways: Bool) -> (GreyImage, PointMap) {
                let (doubled, map) = shared.doubled, deblur = deblurring(width: doubled.width, height: doubled.height)
                return shared.focused(filtering: doubled, scale: 2, transposed: sideways, back: sideways ? PointMap.transpose.then(map) : map,
                                      reach: deblur.reach, deblur.filter)
            }
            steps.append(Step(pass: .deblurred, density: 2, lines: { .rows }, isWorthRunning: { shared.mayBeUpright }) {
                deblurred(sideways: false)
            })
            steps.append(Step(pass: .deblurredSideways, density: 2, lines: { .rows }, isWorthRunning: { shared.mayBeSideways }) {
                deblurred(sideways: true)
            })
            steps.append(Step(pass: .straightenedDeblurred, density: 2, lines: { .rows }, isWorthRunning: { shared.straighteningAngle != nil }) {
                guard let angle = shared.straighteningAngle else { return nil }
                let (doubled, map) = shared.doubled
                let canvas = GreyImage.rotation(width: doubled.width, height: doubled.height, degrees: angle)
                let deblur = deblurring(width: canvas.width, height: canvas.height)
                return shared.focused(turning: doubled, degrees: angle, back: map, transposed: shared.straightenedIsSideways,
                                      reach: deblur.reach, deblur.filter)
            })
        }
        if longSide <= 800 {
            steps.append(Step(pass: .doubleSizeRotated45, density: 2, symbologies: .productCodes, isWorthRunning: { shared.mayBeTilted }) {
                let (big, map) = shared.doubled
                return shared.focused(turning: big, degrees: 45, back: map)
            })
        }
        // Last: bars so blurred that zbar finds no edges between them, read from brightness
        // profiles by a model of the blurred code, in each orientation a code may have. On the
        // focus, as zbar's passes: its bands are a twentieth of the image's height (8 to 24
        // rows), so more and narrower bands cross the code, and its profiles hold less of the
        // rest of the photo (in the misread hunts, 1–2 % more photos read, none wrong).
        let model = BlurredProductCodeReader.read
        steps.append(Step(pass: .blurModel, isWorthRunning: { shared.mayBeUpright }, read: model) { shared.focused(working) })
        steps.append(Step(pass: .blurModelSideways, isWorthRunning: { shared.mayBeSideways }, read: model) {
            let (part, map) = shared.focused(working)
            return barsUpright(part, map, sideways: true)
        })
        steps.append(Step(pass: .straightenedBlurModel, isWorthRunning: { shared.straighteningAngle != nil }, read: model) {
            guard let angle = shared.straighteningAngle else { return nil }
            let (part, map) = shared.focused(turning: working, degrees: angle, back: .identity)
            return barsUpright(part, map, sideways: shared.straightenedIsSideways)
        })
        // Very last, when nothing else read anything: zxing-cpp's own linear readers on the whole
        // photo, turned (bent packs and codes cut through their guard bars, which no zbar pass
        // reads; zxing-cpp inverts matrix codes only). Its reads are one decoder's: never confirmed.
        steps.append(Step(pass: .secondDecoder, read: { image, _ in
            ZXingReader.read(image, formats: .gs1Carriers, effort: [.tryHarder, .tryRotate, .tryDownscale], maxSymbols: 8) ?? []
        }) { (working, .identity) })
        return steps
    }

    /// `image` (with its map back) turned so that the bars stand upright: transposed when they
    /// lie sideways. For the passes that read along rows only.
    static func barsUpright(_ image: GreyImage, _ map: PointMap, sideways: Bool) -> (GreyImage, PointMap) {
        sideways ? (image.transposed(), PointMap.transpose.then(map)) : (image, map)
    }

    /// The integer reduction that brings `image` under `limit` pixels.
    static func reductionFactor(for image: GreyImage, limit: Int) -> Int {
        var factor = 1
        while image.pixelCount / (factor * factor) > limit { factor += 1 }
        return factor
    }

    /// Reads a whole file, refusing directories and files over `limit` bytes first.
    public static func readFile(_ path: String, limit: Int) throws(ScanError) -> [UInt8] {
        try ScanError.labelling(path) { () throws(ScanError) in try readUnlabelled(path, limit: limit) }
    }

    private static func readUnlabelled(_ path: String, limit: Int) throws(ScanError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScanError(.unreadable, "\(path): no such file; check the path")
        }
        if isDirectory.boolValue {
            throw ScanError(.unreadable, "\(path): is a directory; give image files", remedy: .searchFolder)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScanError(.unreadable, "\(path): cannot be opened (permissions?); check that you can read it")
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if size > UInt64(limit) {
                throw ScanError(.inputTooLarge, "\(path): \(size) bytes is more than the limit of \(limit) bytes; resize the photo")
            }
            try handle.seek(toOffset: 0)
            return Array(try handle.readToEnd() ?? Data())
        } catch let error as ScanError {
            throw error
        } catch {
            throw ScanError(.unreadable, "\(path): could not be read; check the file", cause: "\(error)")
        }
    }
}
