import CZBar

extension BarcodeScanner {
    /// A product code read by ``LineScanner``, with the EAN-2/EAN-5 add-on printed beside it
    /// when zbar finds one in the band of lines that read the code, widened by 60 % of the code
    /// on both sides (an upside-down photo has the add-on on the left).
    static func withAddOn(_ symbol: RawSymbol, in image: GreyImage, zbar: ZBarScanner) -> RawSymbol {
        guard [ZBAR_EAN13, ZBAR_UPCA, ZBAR_ISBN13, ZBAR_UPCE].contains(symbol.type), let alongRows = symbol.alongRows,
              let minX = symbol.points.map(\.x).min(), let maxX = symbol.points.map(\.x).max(),
              let minY = symbol.points.map(\.y).min(), let maxY = symbol.points.map(\.y).max() else { return symbol }
        // Along the code (across its bars) and across it (along its bars), in image coordinates.
        let (along, across) = alongRows ? ((minX, maxX), (minY, maxY)) : ((minY, maxY), (minX, maxX))
        let modules = symbol.type == ZBAR_UPCE ? 51.0 : 95.0
        let lines = Set(symbol.points.map { alongRows ? $0.y : $0.x }).sorted()
        guard mayHaveAddOn(image, code: along, module: (along.1 - along.0) / modules, lines: lines, alongRows: alongRows) else {
            return symbol
        }
        let widen = (along.1 - along.0) * 0.6
        let start = Int(along.0 - widen), end = Int(along.1 + widen)
        let top = Int(across.0) - 4, bottom = Int(across.1) + 4
        let crop = alongRows
            ? image.cropped(x: start, y: top, width: end - start, height: bottom - top)
            : image.cropped(x: top, y: start, width: bottom - top, height: end - start)
        guard crop.width > 0, crop.height > 0 else { return symbol }
        zbar.density = 6
        zbar.lines = alongRows ? .rows : .columns
        zbar.symbologies = .addOns
        var symbol = symbol
        if let addOn = zbar.scan(crop).first(where: { $0.type == ZBAR_EAN2 || $0.type == ZBAR_EAN5 }) {
            symbol.addOn = String(decoding: addOn.bytes, as: UTF8.self)
        }
        return symbol
    }

    /// False when, along the lines that read a code (up to eight of them), nothing like bars lies
    /// where an add-on would start on either side — 3 to 30 modules past the code's ends (the
    /// standard gap is 7 to 12 modules) — so that zbar's image scanner, 0.2–0.5 ms on a 640×480
    /// photo, runs only beside codes that may have one. True when the code is too small to judge.
    static func mayHaveAddOn(_ image: GreyImage, code along: (Double, Double), module: Double, lines: [Double],
                             alongRows: Bool) -> Bool {
        guard module >= 0.75, !lines.isEmpty else { return true }
        let length = alongRows ? image.width : image.height, breadth = alongRows ? image.height : image.width
        let chosen = (0..<min(8, lines.count)).map { lines[$0 * lines.count / min(8, lines.count)] }
        for line in chosen {
            let across = min(breadth - 1, max(0, Int(line.rounded())))
            for (end, direction) in [(along.1, 1.0), (along.0, -1.0)] {
                let near = Int((end + direction * 3 * module).rounded()), far = Int((end + direction * 30 * module).rounded())
                let from = max(0, min(near, far)), to = min(length - 1, max(near, far))
                guard to - from >= 8 else { continue }
                let samples = (from...to).map { alongRows ? image[$0, across] : image[across, $0] }
                if LineScanner.darkLightChanges(samples) >= 4 { return true }
            }
        }
        return false
    }
}
