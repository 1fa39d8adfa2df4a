import Foundation

extension BarcodeScanner {
    /// What several escalation steps need from the working image, made once and only when a
    /// step first asks: the image at twice the size, and the regions that look like linear codes.
    final class SharedWork {   // one per scan, used on its thread only
        private let working: GreyImage
        /// Rule nothing out (``ScanOptions/exhaustive``).
        private let exhaustive: Bool
        /// True when the first look saw a row and a column cross a finder-like pattern of the
        /// same size at one place (a QR code may be there): passes then keep rows and columns.
        private let mayHoldQRCode: Bool
        init(_ working: GreyImage, exhaustive: Bool = false, mayHoldQRCode: Bool = true) {
            self.working = working
            self.exhaustive = exhaustive
            self.mayHoldQRCode = mayHoldQRCode
        }

        private(set) lazy var doubled: (image: GreyImage, map: PointMap) = {
            let w = working.width * 2, h = working.height * 2
            return (working.resized(width: w, height: h), .scale(Double(working.width - 1) / Double(max(1, w - 1))))
        }()

        /// The main code-like regions: small ones beside a large one are text or texture.
        private(set) lazy var regions: [BarcodeRegion] = {
            let found = working.barcodeRegions(limit: 4)
            return found.filter { $0.blocks * 4 >= (found.first?.blocks ?? 0) }
        }()

        /// Largest tilt from upright or sideways that zbar's rows and columns still read.
        static let tolerance = 12.0 * .pi / 180
        /// The largest main region tilted beyond ``tolerance``, if any.
        private var tiltedRegion: BarcodeRegion? { regions.first { $0.tilt > Self.tolerance } }
        /// Rotations can help unless code-like regions were found and all stand upright or sideways.
        var mayBeTilted: Bool { exhaustive || regions.isEmpty || tiltedRegion != nil }
        /// A code read along rows could be there (or nothing says otherwise).
        var mayBeUpright: Bool { exhaustive || regions.isEmpty || regions.contains { !$0.isSideways(within: Self.tolerance) } }
        /// A code read along columns could be there (or nothing says otherwise).
        var mayBeSideways: Bool { exhaustive || regions.isEmpty || regions.contains { !$0.isUpright(within: Self.tolerance) } }

        /// The scan lines worth following in an image that keeps the working image's orientation:
        /// rows alone when every code-like region stands upright, columns alone when every one
        /// lies sideways, both otherwise (no region, a tilted one, or a QR code possible).
        var linesAcrossBars: ZBarScanner.Lines {
            if mayHoldQRCode || (mayBeUpright && mayBeSideways) { return .rowsAndColumns }
            return mayBeUpright ? .rows : .columns
        }

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
