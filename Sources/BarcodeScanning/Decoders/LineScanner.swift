import CZBar
import Foundation

/// The fast first look at a photo: our own edge finder along every `spacing`-th row and column
/// feeds zbar's bar-width decoders (`zbar_decode_width`) directly, instead of zbar's per-pixel
/// scanner, which costs about 12 ns a pixel on its own.
///
/// Along each line the brightness change between neighbours is computed, and its peaks are the
/// edges between bars and spaces: a peak counts when it is strong enough (``minimumContrast``,
/// and a fraction of the previous edge so that ripples inside a wide bar are ignored), and of
/// two peaks of the same direction in a row only the stronger is kept. Edge positions are
/// refined to 1/32 of a pixel from the peak's neighbours, and the distances between them are
/// the widths zbar's decoders read, in both directions alternately (as zbar's own scanner does,
/// so a symbol's reads give both of its ends).
///
/// QR codes are decoded from two-dimensional finder patterns, which only zbar's image scanner
/// does: zbar's decoders here only report lines through a finder pattern (1:1:3:1:1), and
/// ``qrFinderArea`` tells ``BarcodeScanner`` where to let zbar look.
///
/// ```swift
/// let lines = LineScanner()
/// let found = lines.scan(image, spacing: 3)
/// found.symbols.first?.bytes   // the digits of an upright EAN-13, say
/// ```
final class LineScanner {
    /// One decoder and scratch buffer for the rows, one for the columns: the two can run at once.
    private let rowWorker = Worker(), columnWorker = Worker()
    /// Rows and columns on two threads (lower latency for one photo; no gain when every core
    /// already scans a photo of its own).
    var concurrent: Bool

    init(concurrent: Bool = false) {
        self.concurrent = concurrent
    }

    /// The weakest edge that counts: a brightness step of this many grey levels between neighbours.
    static let minimumContrast: Int32 = 8
    /// An edge right after a stronger one must have at least this share of its strength.
    static let followingShare: Int32 = 4   // one quarter

    /// Where a scan line crossed something like a QR finder pattern: the pattern's centre and
    /// its length along the line (pixels).
    struct FinderHit: Sendable, Equatable {
        var x: Int
        var y: Int
        var size: Int
    }

    /// Where ``BarcodeScanner`` lets zbar look for a QR code (see ``Result/qrFinderArea(in:alignment:)``).
    struct QRFinderArea: Equatable {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        /// The shortest length (pixels) of a likely finder pattern's crossing: seven modules.
        var smallestFinder: Int
    }

    struct Result {
        var symbols: [RawSymbol]
        var finderRows: [FinderHit]
        var finderColumns: [FinderHit]

        /// The row crossings that a column crossing meets as one square pattern (see
        /// ``sameFinder(_:_:)``) and through whose centre both diagonals cross rings too: where a
        /// QR code may lie that ``qrFinderArea(in:alignment:)`` cannot confirm (small or blurred).
        /// The bars of an upright linear code alone never give one: the columns run along them.
        func possibleQRFinders(in image: GreyImage) -> [FinderHit] {
            finderCrossings(meetingColumns: 1, in: image)
        }

        /// The row crossings that at least `minimum` column crossings meet as one square pattern
        /// and through whose centre both diagonals cross rings. Bars tilted 45° look the same
        /// along rows and columns, but one diagonal runs along them; both diagonals through a
        /// finder pattern cross its rings.
        func finderCrossings(meetingColumns minimum: Int, in image: GreyImage) -> [FinderHit] {
            finderRows.filter { row in
                finderColumns.lazy.filter { column in Self.sameFinder(row, column) }.prefix(minimum).count == minimum
                    && LineScanner.crossesRings(image, x: row.x, y: row.y, size: row.size, step: (1, 1))
                    && LineScanner.crossesRings(image, x: row.x, y: row.y, size: row.size, step: (1, -1))
            }
        }

        /// True when a row's and a column's finder crossings could be one square pattern: centres
        /// within half its size, lengths within a factor of 1.5.
        static func sameFinder(_ row: FinderHit, _ column: FinderHit) -> Bool {
            let reach = max(row.size, column.size) / 2 + 2
            return abs(column.x - row.x) <= reach && abs(column.y - row.y) <= reach
                && 2 * column.size <= 3 * row.size && 2 * row.size <= 3 * column.size
        }

        /// The rectangle around the likely QR finder patterns, widened by a quarter of its size
        /// on every side (a tilted code reaches beyond its finders), or nil when there is none.
        /// A finder pattern is a square of 7 × 7 modules: a likely one is where a row crossing it
        /// meets at least two columns that cross it too, at its centre and with about the same
        /// length (bars of a linear code cross rows only; text crosses rows and columns at random
        /// places and lengths). The rectangle starts at a multiple of twice `alignment` and its
        /// size matches the image's modulo `alignment`: zbar then scans it along the same lines,
        /// in the same directions, as the whole image. The area also gives the shortest finder
        /// crossing, from which the module size follows.
        func qrFinderArea(in image: GreyImage, alignment: Int) -> QRFinderArea? {
            let width = image.width, height = image.height
            var smallest = Int.max
            var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
            for row in finderCrossings(meetingColumns: 2, in: image) {
                smallest = min(smallest, row.size)
                x0 = min(x0, row.x - row.size / 2); x1 = max(x1, row.x + row.size / 2)
                y0 = min(y0, row.y - row.size / 2); y1 = max(y1, row.y + row.size / 2)
            }
            guard x0 <= x1 else { return nil }
            let mx = max(16, (x1 - x0) / 4), my = max(16, (y1 - y0) / 4)
            let (left, areaWidth) = GreyImage.cutSpan(from: x0 - mx, to: x1 + mx, within: width, alignment: alignment)
            let (top, areaHeight) = GreyImage.cutSpan(from: y0 - my, to: y1 + my, within: height, alignment: alignment)
            return QRFinderArea(x: left, y: top, width: areaWidth, height: areaHeight, smallestFinder: smallest)
        }
    }

    /// True when the line through (`x`, `y`) in direction `step` changes between dark and light
    /// at least six times within `size` steps either side: any line through a QR finder
    /// pattern's centre crosses its rings and the light band around it, while a line along the
    /// bars of a code stays on one or two.
    static func crossesRings(_ image: GreyImage, x: Int, y: Int, size: Int, step: (dx: Int, dy: Int)) -> Bool {
        let reach = max(4, size)
        var samples: [UInt8] = []
        samples.reserveCapacity(2 * reach + 1)
        for k in -reach...reach {
            let px = x + k * step.dx, py = y + k * step.dy
            guard px >= 0, py >= 0, px < image.width, py < image.height else { continue }
            samples.append(image[px, py])
        }
        return darkLightChanges(samples) >= 6
    }

    /// How often `samples` change between dark and light, with hysteresis around their middle
    /// grey (noise near the threshold is not a change); 0 when they span less than 32 levels.
    static func darkLightChanges(_ samples: [UInt8]) -> Int {
        guard let low = samples.min(), let high = samples.max(), Int(high) - Int(low) >= 32 else { return 0 }
        let middle = (Int(low) + Int(high)) / 2, margin = (Int(high) - Int(low)) / 6
        var dark: Bool? = nil, changes = 0
        for sample in samples {
            let value = Int(sample)
            let now: Bool? = value < middle - margin ? true : value > middle + margin ? false : dark
            if let now, let before = dark, now != before { changes += 1 }
            dark = now ?? dark
        }
        return changes
    }

    /// Scans every `spacing`-th row and column (or only the rows or the columns).
    func scan(_ image: GreyImage, spacing: Int, lines: ZBarScanner.Lines = .rowsAndColumns) -> Result {
        guard image.pixelCount > 0 else { return Result(symbols: [], finderRows: [], finderColumns: []) }
        let scansRows = image.width >= 3 && lines != .columns, scansColumns = image.height >= 3 && lines != .rows
        var rows = Collector(), columns = Collector()
        if concurrent && scansRows && scansColumns {
            let results = LockedPair(), rowWorker = rowWorker, columnWorker = columnWorker
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    results.set(first: rowWorker.scan(image, spacing: spacing, rows: true))
                } else {
                    results.set(second: columnWorker.scan(image, spacing: spacing, rows: false))
                }
            }
            (rows, columns) = results.both
        } else {
            if scansRows { rows = rowWorker.scan(image, spacing: spacing, rows: true) }
            if scansColumns { columns = columnWorker.scan(image, spacing: spacing, rows: false) }
        }
        rows.merge(columns)
        return Result(symbols: rows.symbols, finderRows: rows.finderRows, finderColumns: columns.finderColumns)
    }

    /// The two halves' results, written by their threads under a lock.
    private final class LockedPair: @unchecked Sendable {
        private let lock = NSLock()
        private var first = Collector(), second = Collector()
        func set(first value: Collector) { lock.withLock { first = value } }
        func set(second value: Collector) { lock.withLock { second = value } }
        var both: (Collector, Collector) { lock.withLock { (first, second) } }
    }

    /// Scans lines in one direction with its own zbar decoder (used by one thread at a time).
    private final class Worker: @unchecked Sendable {
        private let decoder: OpaquePointer
        /// Brightness changes along the current line, and its pixels gathered in scanning order
        /// (columns, and rows read backwards), reused from line to line.
        private var changes: [Int16] = []
        private var gathered: [UInt8] = []

        init() {
            decoder = zbar_decoder_create()
            for (symbology, setting, value) in ZBarScanner.settings(for: .retail) {
                zbar_decoder_set_config(decoder, symbology, setting, value)
            }
        }

        deinit { zbar_decoder_destroy(decoder) }

        /// Every `spacing`-th row (`rows`) or column, alternately forwards and backwards.
        func scan(_ image: GreyImage, spacing: Int, rows: Bool) -> Collector {
            var found = Collector()
            let w = image.width, h = image.height
            let length = rows ? w : h, lineCount = rows ? h : w
            // Room for eight more entries: the search for edges reads eight at a time.
            if changes.count < length + 8 { changes = [Int16](repeating: 0, count: length + 8) }
            if gathered.count < length { gathered = [UInt8](repeating: 0, count: length) }
            image.pixels.withUnsafeBufferPointer { pixels in
                changes.withUnsafeMutableBufferPointer { changes in
                    gathered.withUnsafeMutableBufferPointer { gathered in
                        let base = pixels.baseAddress!, copy = gathered.baseAddress!
                        var forward = true
                        var line = (lineCount - 1) % spacing / 2
                        while line < lineCount {
                            // The line's pixels in scanning order, one after the other.
                            let pixelsInOrder: UnsafePointer<UInt8>
                            if rows && forward {
                                pixelsInOrder = base + line * w
                            } else {
                                let start = rows ? base + line * w : base + line, step = rows ? 1 : w
                                if forward {
                                    for i in 0..<length { copy[i] = start[i * step] }
                                } else {
                                    for i in 0..<length { copy[i] = start[(length - 1 - i) * step] }
                                }
                                pixelsInOrder = UnsafePointer(copy)
                            }
                            scanLine(pixelsInOrder, count: length, changes: changes.baseAddress!) { position, event, size in
                                let pixel = forward ? position : length - 1 - position
                                found.record(event, decoder: decoder, at: rows ? (pixel, line) : (line, pixel), length: size, row: rows)
                            }
                            forward.toggle()
                            line += spacing
                        }
                    }
                }
            }
            return found
        }

        /// Finds the edges along one line and feeds the widths between them to zbar's decoders;
        /// `report` gets the pixel position (along the line) where a decoder reported something.
        private func scanLine(_ line: UnsafePointer<UInt8>, count: Int, changes: UnsafeMutablePointer<Int16>,
                              report: (_ position: Int, _ event: zbar_symbol_type_t, _ length: Int) -> Void) {
            // Brightness change between each pixel and the next: entry i lies half-way between
            // pixels i and i + 1 (bars one pixel wide stay one pixel wide).
            let last = count - 1
            // (−255…255: sixteen bits are enough, and twice as many fit a vector.)
            for i in 0..<last { changes[i] = Int16(line[i + 1]) &- Int16(line[i]) }
            for i in last..<(last + 8) { changes[i] = 0 }

            zbar_decoder_new_scan(decoder)
            // The edge waiting to be confirmed by one of the other direction, and the one before it.
            var pendingPosition: Int32 = 0, pendingStrength: Int32 = 0, pendingSign: Int32 = 0
            var previousPosition: Int32 = -1   // -1: the line's start (no edge confirmed yet)
            // The last five widths: a QR finder pattern is reported at its end, its centre lies
            // half their sum back.
            var recent: (Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0)
            /// One element, `width` long from `start`; a symbol is reported where the element
            /// that completed it starts (the end of its last bar), as zbar's image scanner does.
            func feed(_ width: Int32, from start: Int32) {
                let width = max(0, width)
                recent = (recent.1, recent.2, recent.3, recent.4, width)
                let event = zbar_decode_width(decoder, UInt32(width))
                if event.rawValue > ZBAR_PARTIAL.rawValue {
                    var at = start, length: Int32 = 0
                    if event == ZBAR_QRCODE {
                        length = recent.0 + recent.1 + recent.2 + recent.3 + recent.4
                        at = start + width - length / 2
                    }
                    report(Int(min(Int32(last) * 32, max(0, at)) >> 5), event, Int(length >> 5))
                }
            }
            // The line runs from the outer side of its first pixel to the outer side of its last.
            let lineStart: Int32 = -16, lineEnd = Int32(last) * 32 + 16
            /// The first element of the line, up to the first edge: zbar's decoders start with a
            /// space, so a line starting dark gets an empty space first.
            func feedFirst(upTo edge: Int32, rising: Bool) {
                feed(0, from: lineStart)
                if rising { feed(edge - lineStart, from: lineStart) }
            }
            let minimum = LineScanner.minimumContrast, share = LineScanner.followingShare
            let high = SIMD8<Int16>(repeating: Int16(minimum)), low = SIMD8<Int16>(repeating: Int16(-minimum))
            let bitValues = SIMD8<Int16>(1, 2, 4, 8, 16, 32, 64, 128)
            /// A peak of the changes at `i` (at least as strong as the change before it, stronger
            /// than the one after, of the same sign, and at least `minimum`): an edge, unless the
            /// edge pending beside it is much stronger.
            func edge(at i: Int) {
                let c = Int32(changes[i])
                let strength = c < 0 ? -c : c
                let sign: Int32 = c > 0 ? 1 : -1
                // Sub-pixel peak position from the parabola through the three values (1/32 pixel).
                let a = Int32(changes[i - 1]), b = Int32(changes[i + 1])
                let curvature = a - 2 * c + b
                var offset: Int32 = 0
                if curvature != 0 { offset = ((a - b) * 16) / curvature; offset = min(16, max(-16, offset)) }
                let position = Int32(i) * 32 + 16 + offset
                if sign == pendingSign {
                    if strength > pendingStrength { pendingPosition = position; pendingStrength = strength }
                } else if strength * share >= pendingStrength {
                    if pendingSign != 0 {
                        // The pending edge is confirmed: the element before it ends there.
                        if previousPosition < 0 {
                            feedFirst(upTo: pendingPosition, rising: pendingSign > 0)
                        } else {
                            feed(pendingPosition - previousPosition, from: previousPosition)
                        }
                        previousPosition = pendingPosition
                    }
                    pendingPosition = position; pendingStrength = strength; pendingSign = sign
                }
            }
            // Eight changes at a time (one 128-bit vector): the peaks among them are found at once,
            // and most of a photo has none. Entries from `last` on are 0, never a peak.
            var i = 1
            while i < last {
                let here = UnsafeRawPointer(changes + i)
                let c = here.loadUnaligned(as: SIMD8<Int16>.self)
                let before = here.loadUnaligned(fromByteOffset: -2, as: SIMD8<Int16>.self)
                let after = here.loadUnaligned(fromByteOffset: 2, as: SIMD8<Int16>.self)
                let rising = (c .>= high) .& (c .>= before) .& (c .> after)
                let falling = (c .<= low) .& (c .<= before) .& (c .< after)
                var peaks = UInt16(bitPattern: SIMD8<Int16>.zero.replacing(with: bitValues, where: rising .| falling).wrappedSum())
                while peaks != 0 {
                    edge(at: i + peaks.trailingZeroBitCount)
                    peaks &= peaks - 1
                }
                i += 8
            }
            // The line's end: the last edge, the stretch after it, and an empty width to finish.
            if pendingSign != 0 {
                if previousPosition >= 0 {
                    feed(pendingPosition - previousPosition, from: previousPosition)
                } else {
                    feedFirst(upTo: pendingPosition, rising: pendingSign > 0)
                }
                feed(lineEnd - pendingPosition, from: pendingPosition)
                feed(0, from: lineEnd)
            }
        }
    }

    /// Gathers decoder reports: the same symbol read by several lines adds to its quality.
    fileprivate struct Collector {
        private var found: [RawSymbol] = []
        private var index: [SymbolKey: Int] = [:]
        var finderRows: [FinderHit] = []
        var finderColumns: [FinderHit] = []

        struct SymbolKey: Hashable { var type: UInt32; var bytes: [UInt8] }

        mutating func record(_ type: zbar_symbol_type_t, decoder: OpaquePointer, at point: (x: Int, y: Int), length: Int, row: Bool) {
            if type == ZBAR_QRCODE {
                let hit = FinderHit(x: point.x, y: point.y, size: length)
                if row { finderRows.append(hit) } else { finderColumns.append(hit) }
                return
            }
            let length = Int(zbar_decoder_get_data_length(decoder))
            guard length > 0, let data = zbar_decoder_get_data(decoder) else { return }
            let bytes = data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
            let key = SymbolKey(type: type.rawValue, bytes: bytes)
            let where_ = (x: Double(point.x), y: Double(point.y))
            if let existing = index[key] {
                found[existing].quality += 1
                found[existing].points.append(where_)
                return
            }
            let modifiers = zbar_decoder_get_modifiers(decoder)
            index[key] = found.count
            found.append(RawSymbol(type: type, bytes: bytes, addOn: nil, isGS1: modifiers & (1 << ZBAR_MOD_GS1.rawValue) != 0,
                                   quality: 1, points: [where_], alongRows: row))
        }

        /// Adds another direction's reads: the same symbol adds its lines and points.
        mutating func merge(_ other: Collector) {
            for symbol in other.found {
                let key = SymbolKey(type: symbol.type.rawValue, bytes: symbol.bytes)
                if let existing = index[key] {
                    found[existing].quality += symbol.quality
                    found[existing].points += symbol.points
                    found[existing].alongRows = nil   // rows and columns both read it
                } else {
                    index[key] = found.count
                    found.append(symbol)
                }
            }
        }

        /// The symbols read.
        var symbols: [RawSymbol] { found }
    }
}
