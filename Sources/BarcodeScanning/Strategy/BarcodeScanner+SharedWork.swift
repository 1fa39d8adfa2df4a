import Foundation

extension BarcodeScanner {
    /// What several escalation steps need from the working image, made once and only when a
    /// step first asks: the image at twice the size, the regions that look like linear codes,
    /// and the part of the image around them where the later passes look.
    final class SharedWork {   // one per scan, used on its thread only
        private let working: GreyImage
        /// Rule nothing out (``ScanOptions/exhaustive``).
        private let exhaustive: Bool
        /// Where the first look saw QR finder patterns, if anywhere.
        private let qrFinderArea: LineScanner.QRFinderArea?
        /// Where the first look crossed something like a QR finder pattern along a row and a column.
        private let possibleQRFinders: [LineScanner.FinderHit]
        init(_ working: GreyImage, exhaustive: Bool = false, qrFinderArea: LineScanner.QRFinderArea? = nil,
             possibleQRFinders: [LineScanner.FinderHit] = []) {
            self.working = working
            self.possibleQRFinders = possibleQRFinders
            self.qrFinderArea = qrFinderArea
            self.exhaustive = exhaustive
        }

        /// True when the first look saw QR finder patterns, or a possible one: passes then keep
        /// rows and columns, which zbar's QR reader needs.
        private var mayHoldQRCode: Bool { qrFinderArea != nil || !possibleQRFinders.isEmpty }

        private(set) lazy var doubled: (image: GreyImage, map: PointMap) = {
            let w = working.width * 2, h = working.height * 2
            return (working.resized(width: w, height: h), .scale(Double(working.width - 1) / Double(max(1, w - 1))))
        }()

        /// The working image at half and at a quarter of its size (``GreyImage/downsampled(by:)``).
        private(set) lazy var half = working.downsampled(by: 2)
        private(set) lazy var quarter = half.downsampled(by: 2)

        /// The main code-like regions: small ones beside a large one are text or texture. When
        /// the working image shows none, its half-size copy is searched too: the finder's blocks
        /// see the soft edges of a large, slightly blurred photo (or one enlarged from a small
        /// one) as too weak, and at half size they are twice as steep.
        private(set) lazy var regions: [BarcodeRegion] = {
            var found = working.barcodeRegions(limit: 4)
            if found.isEmpty, min(working.width, working.height) >= 160 {
                found = half.barcodeRegions(limit: 4).map { $0.enlarged(by: 2) }
            }
            return found.filter { $0.blocks * 4 >= (found.first?.blocks ?? 0) }
        }()

        /// The part of the working image where the later passes look (working-image pixels): the
        /// main code-like regions, each grown by half its longer side (perspective and low
        /// contrast leave a code's ends outside its region), joined with the area where the
        /// first look saw QR finder patterns and the reach of a QR code around each possible
        /// finder pattern (QR codes are not bar-like regions). Nil, the whole image, when no
        /// region was found or nothing may be ruled out.
        private(set) lazy var focus: (x: Int, y: Int, width: Int, height: Int)? = {
            guard !exhaustive, !regions.isEmpty else { return nil }
            var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
            /// Widens the focus to hold the rectangle `left..<right` × `top..<bottom`, grown by `grow`.
            func include(left: Int, top: Int, right: Int, bottom: Int, grow: Int = 0) {
                x0 = min(x0, left - grow); y0 = min(y0, top - grow)
                x1 = max(x1, right + grow); y1 = max(y1, bottom + grow)
            }
            for r in regions {
                include(left: r.left, top: r.top, right: r.right, bottom: r.bottom, grow: max(24, max(r.right - r.left, r.bottom - r.top) / 2))
            }
            for finder in possibleQRFinders {
                // A finder pattern is 7 modules; a QR code of up to 41 modules reaches 37.5 modules from its centre.
                include(left: finder.x, top: finder.y, right: finder.x, bottom: finder.y, grow: max(24, finder.size * 11 / 2))
            }
            if let area = qrFinderArea {
                include(left: area.x, top: area.y, right: area.x + area.width, bottom: area.y + area.height)
            }
            x0 = max(0, x0); y0 = max(0, y0); x1 = min(working.width, x1); y1 = min(working.height, y1)
            guard x1 > x0, y1 > y0 else { return nil }
            return (x0, y0, x1 - x0, y1 - y0)
        }()

        /// `image`, made from the working image at `scale` times its size, cut to ``focus``, with
        /// its map onward (`back`) extended by the cut.
        /// The cut's pixels are the image's own, so a pass sees the same pixels with less around
        /// them; its corners lie at multiples of 4 and its sides keep the image's parity, since
        /// zbar scans every second line the other way and, at density 2, starts on the first or
        /// second line by the side's parity: its lines are the image's own lines, run the same
        /// way. (A transform of a bare cut changed reads in the misread hunts, at its edges: filters,
        /// turns and transposes work on the cut and as far around it as they look,
        /// ``focused(filtering:scale:transposed:back:reach:_:)``.)
        func focused(_ image: GreyImage, scale: Double = 1, back: PointMap = .identity) -> (GreyImage, PointMap) {
            cut(image, forward: .scale(scale), back: back)
        }

        /// `image` cut to the rectangle around ``focus`` once `forward` takes it there from the
        /// working image (``cutRect(width:height:forward:)``).
        private func cut(_ image: GreyImage, forward: PointMap, back: PointMap) -> (GreyImage, PointMap) {
            guard let r = cutRect(width: image.width, height: image.height, forward: forward) else { return (image, back) }
            return (image.cropped(x: r.x, y: r.y, width: r.width, height: r.height), PointMap(tx: Double(r.x), ty: Double(r.y)).then(back))
        }

        /// The part of an image of `width` × `height` that the passes read: the rectangle around
        /// ``focus`` once `forward` takes it there from the working image, on zbar's line grid
        /// (``GreyImage/cutSpan(from:to:within:alignment:)``); nil, the whole image, without a focus.
        func cutRect(width: Int, height: Int, forward: PointMap) -> (x: Int, y: Int, width: Int, height: Int)? {
            guard let f = focus else { return nil }
            let corners = [(f.x, f.y), (f.x + f.width, f.y), (f.x, f.y + f.height), (f.x + f.width, f.y + f.height)]
                .map { forward.apply(Double($0.0), Double($0.1)) }
            func span(_ ends: [Double], _ size: Int) -> (Int, Int) {
                GreyImage.cutSpan(from: Int(ends.min()!.rounded(.down)), to: Int(ends.max()!.rounded(.up)) + 1, within: size, alignment: 2)
            }
            let (x, w) = span(corners.map(\.x), width), (y, h) = span(corners.map(\.y), height)
            return (x, y, w, h)
        }

        /// Largest tilt from upright or sideways that zbar's rows and columns still read.
        static let tolerance = 12.0 * .pi / 180
        /// The largest main region tilted beyond ``tolerance``, if any.
        private var tiltedRegion: BarcodeRegion? { regions.first { $0.tilt > Self.tolerance } }
        /// Rotations help only a code-like region tilted beyond what rows and columns read. The
        /// region finder measures every direction alike, so a turned code shows a region as an
        /// upright one does: a photo with none is not turned, unless it is too small for the
        /// finder (a strip a few pixels high).
        var mayBeTilted: Bool {
            exhaustive || tiltedRegion != nil || (regions.isEmpty && min(working.width, working.height) < BarcodeScanner.thinStripSide)
        }
        /// The fixed turns (22.5°, 45° and 67.5°) are for tilts the straightening leaves: a
        /// tilted region at another angle than the largest one, a strip too thin for the region
        /// finder, or `--exhaustive`. A lone tilted code is turned upright by its measured
        /// direction (``straighteningAngle``); in the misread hunts the fixed turns then read
        /// nothing that the straightened passes did not (RESULTS §3).
        var mayNeedFixedTurns: Bool {
            if exhaustive { return true }
            if regions.isEmpty { return mayBeTilted }
            guard let turn = straighteningAngle else { return false }
            return regions.contains { $0.tilt > Self.tolerance && $0.turned(by: turn).tilt > Self.tolerance }
        }
        /// A code read along rows could be there (or nothing says otherwise).
        var mayBeUpright: Bool { exhaustive || regions.isEmpty || regions.contains { !$0.isSideways(within: Self.tolerance) } }
        /// A code read along columns could be there (or nothing says otherwise).
        var mayBeSideways: Bool { exhaustive || regions.isEmpty || regions.contains { !$0.isUpright(within: Self.tolerance) } }

        /// The scan lines worth following in an image that keeps the working image's orientation:
        /// rows alone when every code-like region is nearer upright than sideways, columns alone
        /// when every one is nearer sideways, both otherwise (no region, one within
        /// ``nearDiagonal`` of 45°, regions both ways, or a QR code possible). A line crosses
        /// every bar of a code tilted by θ from it only when the code is at least tan θ times as
        /// tall as it is long: the nearer direction reads the code if any does.
        var linesAcrossBars: ZBarScanner.Lines {
            if exhaustive || mayHoldQRCode || regions.isEmpty { return .rowsAndColumns }
            let rows = regions.contains { abs($0.angle) <= .pi / 4 + Self.nearDiagonal }
            let columns = regions.contains { abs($0.angle) >= .pi / 4 - Self.nearDiagonal }
            return rows && columns ? .rowsAndColumns : rows ? .rows : .columns
        }
        /// How near 45° a region's bars must be for both rows and columns to follow them.
        static let nearDiagonal = 10.0 * .pi / 180

        /// The turn, in degrees (−45…45), that brings the largest tilted code-like region
        /// upright or sideways, or nil when no region is tilted. Turning the image by θ turns a
        /// region's direction by θ, and rows and columns read directions 90° apart alike.
        var straighteningAngle: Double? {
            guard let tilted = tiltedRegion else { return nil }
            var turn = (-tilted.angle * 180 / .pi).truncatingRemainder(dividingBy: 90)
            if turn > 45 { turn -= 90 } else if turn <= -45 { turn += 90 }
            return turn
        }
        /// True when ``straighteningAngle`` leaves the bars lying sideways (read along columns).
        var straightenedIsSideways: Bool {
            guard let tilted = tiltedRegion, let turn = straighteningAngle else { return false }
            return abs(tilted.angle * 180 / .pi + turn) > 45
        }
    }
}
