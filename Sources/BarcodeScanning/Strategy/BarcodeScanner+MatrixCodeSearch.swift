/// The search for matrix codes (DataMatrix, QR) beside the codes that ended the escalation.
///
/// The escalation stops at the first trustworthy code, so on a medicine box photographed with
/// its EAN-13 and its GS1 DataMatrix (which carries AI 422, the declared country of origin)
/// the `matrix-codes` pass seldom ran, and the DataMatrix went unreported; so did a QR code
/// whose finder patterns zbar's first look could not use. zxing-cpp over the whole photo would
/// cost 8 % more CPU on the fixtures, where most photos are read at the first look; this
/// search looks only where a matrix code may be:
///
/// - the whole photo at quarter size, for modules of 8 pixels and more (2 in the copy);
/// - the parts whose tiles look like a matrix code's modules (``GreyImage/matrixCodeAreas(excluded:limit:)``,
///   at half and quarter size, away from the codes already read and those found at quarter
///   size), each read at full size.
///
/// Run early too, once the first look (and the QR finder area's pass) read nothing: a matrix
/// code found there ends the scan when it explains every code-like region of the photo (a
/// clean photographed GS1 DataMatrix: 51 → 2 ms); else it is added after the escalation.
///
/// On 200 hunt photos of an EAN-13 beside a GS1 DataMatrix it reported both codes on 64 (zxing-cpp
/// 59, zbarimg none, HangViet before it none), beside a QR code on 58 (zxing-cpp 52), and it
/// read 6 more of the DataMatrix hunt's 400 codes that the `matrix-codes` pass missed; it took
/// 3.4 % of the fixtures' CPU (`perf`).
///
/// ```swift
/// for (symbols, map) in BarcodeScanner.matrixCodeSearch(working, half: half, quarter: quarter, excluding: outlines) { … }
/// ```
extension BarcodeScanner {
    /// The DataMatrix and QR codes found in `image` (the working copy; `half` and `quarter` are
    /// it at half and a quarter of its size), each batch with the map from the image it was read
    /// in to `image`. `read`: outlines of the codes already read, in `image`'s pixels. Empty when
    /// zxing-cpp finds nothing or fails.
    static func matrixCodeSearch(_ image: GreyImage, half: GreyImage, quarter: GreyImage,
                                 excluding read: [MatrixCodeArea]) -> [(symbols: [RawSymbol], map: PointMap)] {
        guard quarter.width < half.width, half.width < image.width else { return [] }   // too small to reduce
        var read = read
        // A code found again where one was read (zbar's QR read, say) is left out.
        func new(_ found: [RawSymbol]?, _ map: PointMap) -> [RawSymbol] {
            (found ?? []).filter { symbol in
                guard let o = outline(of: symbol, map) else { return false }
                let x = (o.minX + o.maxX) / 2, y = (o.minY + o.maxY) / 2
                return !read.contains { Double($0.x) <= x && x <= Double($0.x + $0.width) && Double($0.y) <= y && y <= Double($0.y + $0.height) }
            }
        }
        var found: [(symbols: [RawSymbol], map: PointMap)] = []
        let large = new(ZXingReader.read(quarter, formats: .matrix, effort: [.tryHarder, .tryRotate], maxSymbols: 8), .scale(4))
        if !large.isEmpty {
            // The tiles of a code found here are not searched again; smaller codes beside it are.
            found.append((large, .scale(4)))
            read += large.compactMap { symbol in
                outline(of: symbol, .scale(4)).map { o in
                    MatrixCodeArea(x: Int(o.minX), y: Int(o.minY), width: Int((o.maxX - o.minX).rounded(.up)), height: Int((o.maxY - o.minY).rounded(.up)))
                }
            }
        }
        let areas = half.matrixCodeAreas(excluded: read.map { $0.reduced(by: 2) }).map { $0.enlarged(by: 2) }
            + quarter.matrixCodeAreas(excluded: read.map { $0.reduced(by: 4) }).map { $0.enlarged(by: 4) }
        for area in MatrixCodeArea.merged(areas) {
            let x = max(0, area.x), y = max(0, area.y)
            let crop = image.cropped(x: x, y: y, width: min(image.width, area.x + area.width) - x,
                                     height: min(image.height, area.y + area.height) - y)
            guard crop.width > 0, crop.height > 0 else { continue }
            let map = PointMap(tx: Double(x), ty: Double(y))
            let symbols = new(ZXingReader.read(crop, formats: .matrix, effort: [.tryHarder, .tryRotate], maxSymbols: 4), map)
            if !symbols.isEmpty { found.append((symbols, map)) }
        }
        return found
    }

    /// True when matrix codes were `found` and every code-like region lies on one of them
    /// (its outline widened by a quarter on each side): the photo shows no bars besides.
    static func explains(_ found: [(symbols: [RawSymbol], map: PointMap)], _ regions: [BarcodeRegion]) -> Bool {
        let outlines = found.flatMap { batch in batch.symbols.compactMap { outline(of: $0, batch.map) } }
        guard !outlines.isEmpty else { return false }
        return regions.allSatisfy { region in
            outlines.contains { o in
                let padX = (o.maxX - o.minX) / 4, padY = (o.maxY - o.minY) / 4
                return o.minX - padX <= Double(region.left) && Double(region.right) <= o.maxX + padX
                    && o.minY - padY <= Double(region.top) && Double(region.bottom) <= o.maxY + padY
            }
        }
    }

    /// The box around a raw symbol's points, taken through `map`; nil when it has none.
    static func outline(of symbol: RawSymbol, _ map: PointMap) -> (minX: Double, maxX: Double, minY: Double, maxY: Double)? {
        let points = symbol.points.map { map.apply($0.x, $0.y) }
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return nil }
        return (minX, maxX, minY, maxY)
    }
}
