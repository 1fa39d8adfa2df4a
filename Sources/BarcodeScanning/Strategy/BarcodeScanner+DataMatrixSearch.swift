/// The search for DataMatrix codes beside the codes that ended the escalation.
///
/// The escalation stops at the first trustworthy code, so on a medicine box photographed with
/// its EAN-13 and its GS1 DataMatrix (which carries AI 422, the declared country of origin)
/// the `matrix-codes` pass seldom ran, and the DataMatrix went unreported. zxing-cpp over the
/// whole photo would cost 8 % more CPU on the fixtures, where most photos are read at the first
/// look; this search looks only where a DataMatrix may be:
///
/// - the whole photo at quarter size, for modules of 8 pixels and more (2 in the copy);
/// - the parts whose tiles look like a matrix code's modules (``GreyImage/matrixCodeAreas(excluded:limit:)``,
///   at half and quarter size, away from the codes already read), each read at full size.
///
/// On 200 hunt photos of an EAN-13 beside a GS1 DataMatrix it reported both codes on 64 (zxing-cpp
/// 59, zbarimg none, HangViet before it none), and it read 6 more of the DataMatrix hunt's 400
/// codes that the `matrix-codes` pass missed; it took 3.3 % of the fixtures' CPU (`perf`).
///
/// ```swift
/// for (symbols, map) in BarcodeScanner.dataMatrixSearch(working, excluding: outlines) { … }
/// ```
extension BarcodeScanner {
    /// The DataMatrix codes found in `image` (the working copy), each batch with the map from
    /// the image it was read in to `image`. `read`: outlines of the codes already read, in
    /// `image`'s pixels. Empty when zxing-cpp finds nothing or fails.
    static func dataMatrixSearch(_ image: GreyImage, excluding read: [MatrixCodeArea]) -> [(symbols: [RawSymbol], map: PointMap)] {
        let half = image.downsampled(by: 2), quarter = half.downsampled(by: 2)
        guard quarter.width < half.width, half.width < image.width else { return [] }   // too small to reduce
        if let found = ZXingReader.read(quarter, formats: .dataMatrix, effort: [.tryHarder, .tryRotate], maxSymbols: 4), !found.isEmpty {
            return [(found, .scale(4))]
        }
        let areas = half.matrixCodeAreas(excluded: read.map { $0.reduced(by: 2) }).map { $0.enlarged(by: 2) }
            + quarter.matrixCodeAreas(excluded: read.map { $0.reduced(by: 4) }).map { $0.enlarged(by: 4) }
        return MatrixCodeArea.merged(areas).compactMap { area in
            let x = max(0, area.x), y = max(0, area.y)
            let crop = image.cropped(x: x, y: y, width: min(image.width, area.x + area.width) - x,
                                     height: min(image.height, area.y + area.height) - y)
            guard crop.width > 0, crop.height > 0,
                  let found = ZXingReader.read(crop, formats: .dataMatrix, effort: [.tryHarder, .tryRotate], maxSymbols: 2),
                  !found.isEmpty else { return nil }
            return (found, PointMap(tx: Double(x), ty: Double(y)))
        }
    }
}
