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
///   at half and quarter size, away from the codes already read), each read at full size.
///
/// Run early too, once the first look (and the QR finder area's pass) read nothing: a matrix
/// code found there ends the scan when it explains every code-like region of the photo (a
/// clean GS1 DataMatrix photo: 164 → 7 ms); else it is added after the escalation.
///
/// On 200 hunt photos of an EAN-13 beside a GS1 DataMatrix it reported both codes on 64 (zxing-cpp
/// 59, zbarimg none, HangViet before it none), and it read 6 more of the DataMatrix hunt's 400
/// codes that the `matrix-codes` pass missed; it took 3.3 % of the fixtures' CPU (`perf`).
///
/// ```swift
/// for (symbols, map) in BarcodeScanner.matrixCodeSearch(working, excluding: outlines) { … }
/// ```
extension BarcodeScanner {
    /// The DataMatrix and QR codes found in `image` (the working copy), each batch with the map from
    /// the image it was read in to `image`. `read`: outlines of the codes already read, in
    /// `image`'s pixels. Empty when zxing-cpp finds nothing or fails.
    static func matrixCodeSearch(_ image: GreyImage, excluding read: [MatrixCodeArea]) -> [(symbols: [RawSymbol], map: PointMap)] {
        let half = image.downsampled(by: 2), quarter = half.downsampled(by: 2)
        guard quarter.width < half.width, half.width < image.width else { return [] }   // too small to reduce
        // A code found again where one was read (zbar's QR read, say) is left out.
        func new(_ found: [RawSymbol]?, _ map: PointMap) -> [RawSymbol] {
            (found ?? []).filter { symbol in
                let points = symbol.points.map { map.apply($0.x, $0.y) }
                guard !points.isEmpty else { return false }
                let x = points.map(\.x).reduce(0, +) / Double(points.count), y = points.map(\.y).reduce(0, +) / Double(points.count)
                return !read.contains { Double($0.x) <= x && x <= Double($0.x + $0.width) && Double($0.y) <= y && y <= Double($0.y + $0.height) }
            }
        }
        let large = new(ZXingReader.read(quarter, formats: .matrix, effort: [.tryHarder, .tryRotate], maxSymbols: 8), .scale(4))
        if !large.isEmpty { return [(large, .scale(4))] }
        let areas = half.matrixCodeAreas(excluded: read.map { $0.reduced(by: 2) }).map { $0.enlarged(by: 2) }
            + quarter.matrixCodeAreas(excluded: read.map { $0.reduced(by: 4) }).map { $0.enlarged(by: 4) }
        return MatrixCodeArea.merged(areas).compactMap { area in
            let x = max(0, area.x), y = max(0, area.y)
            let crop = image.cropped(x: x, y: y, width: min(image.width, area.x + area.width) - x,
                                     height: min(image.height, area.y + area.height) - y)
            guard crop.width > 0, crop.height > 0 else { return nil }
            let map = PointMap(tx: Double(x), ty: Double(y))
            let found = new(ZXingReader.read(crop, formats: .matrix, effort: [.tryHarder, .tryRotate], maxSymbols: 4), map)
            return found.isEmpty ? nil : (found, map)
        }
    }

    /// True when matrix codes were `found` and every code-like region lies on one of them
    /// (its outline widened by a quarter on each side): the photo shows no bars besides.
    static func explains(_ found: [(symbols: [RawSymbol], map: PointMap)], _ regions: [BarcodeRegion]) -> Bool {
        let outlines = found.flatMap { batch in
            batch.symbols.map { symbol in symbol.points.map { batch.map.apply($0.x, $0.y) } }
        }.compactMap { points -> (minX: Double, maxX: Double, minY: Double, maxY: Double)? in
            guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
                  let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return nil }
            let padX = (maxX - minX) / 4, padY = (maxY - minY) / 4
            return (minX - padX, maxX + padX, minY - padY, maxY + padY)
        }
        guard !outlines.isEmpty else { return false }
        return regions.allSatisfy { region in
            outlines.contains { o in
                o.minX <= Double(region.left) && Double(region.right) <= o.maxX && o.minY <= Double(region.top) && Double(region.bottom) <= o.maxY
            }
        }
    }
}
