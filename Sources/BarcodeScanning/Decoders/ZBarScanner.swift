import CZBar

/// A symbol as zbar reports it, in the coordinates of the image it scanned.
struct RawSymbol {
    var type: zbar_symbol_type_t
    var bytes: [UInt8]
    var addOn: String?
    var isGS1: Bool
    var quality: Int
    var points: [(x: Double, y: Double)]
    /// For ``LineScanner`` reads: true when rows read it (upright bars), false when columns did,
    /// nil when both did or zbar's image scanner found it.
    var alongRows: Bool? = nil
    /// Set for symbologies zbar does not have (DataMatrix, from zxing-cpp).
    var fixedSymbology: Symbology? = nil
}

/// Owns one zbar image scanner (not thread-safe: one per scanning task) and frees it in
/// `deinit`. Configured for every symbology zbar reads, with UPC-A/UPC-E reported as
/// themselves, add-ons enabled and QR codes in binary mode (raw bytes).
final class ZBarScanner {
    private let scanner: OpaquePointer

    /// A zbar setting: (symbology, setting, value); symbology 0 means every symbology.
    typealias Setting = (zbar_symbol_type_t, zbar_config_t, Int32)

    /// The decoder settings for `set`, applied in order from a clean start: every symbology on
    /// with our adjustments, then narrowed to the set. ``LineScanner``'s decoders use them too.
    static func settings(for set: SymbologySet) -> [Setting] {
        var settings: [Setting] = [
            (zbar_symbol_type_t(0), ZBAR_CFG_ENABLE, 1),
            (ZBAR_UPCA, ZBAR_CFG_ENABLE, 1),      // report UPC-A and UPC-E as themselves,
            (ZBAR_UPCE, ZBAR_CFG_ENABLE, 1),      // not folded into EAN-13
            (ZBAR_ISBN13, ZBAR_CFG_ENABLE, 1),
            (ZBAR_ISBN10, ZBAR_CFG_ENABLE, 0),    // would replace the EAN-13 digits; GS1 converts instead
            (ZBAR_PDF417, ZBAR_CFG_ENABLE, 0),    // zbar's PDF417 decoder is incomplete: noise only
            (ZBAR_QRCODE, ZBAR_CFG_BINARY, 1),    // raw bytes: QRTextDecoding picks the character set
            // Short Interleaved 2 of 5, Codabar and Code 39 reads are mostly false positives in photos.
            (ZBAR_I25, ZBAR_CFG_MIN_LEN, 6),
            (ZBAR_CODABAR, ZBAR_CFG_MIN_LEN, 6),
            (ZBAR_CODE39, ZBAR_CFG_MIN_LEN, 4),
        ]
        switch set {
        case .all:
            settings.append((ZBAR_SQCODE, ZBAR_CFG_BINARY, 1))
        case .retail, .productCodes:
            let gs1Logistics = set == .productCodes ? [ZBAR_I25, ZBAR_CODE128, ZBAR_DATABAR, ZBAR_DATABAR_EXP] : []
            settings += ([ZBAR_CODE39, ZBAR_CODE93, ZBAR_CODABAR, ZBAR_SQCODE] + gs1Logistics).map { ($0, ZBAR_CFG_ENABLE, 0) }
        case .qrCodes, .addOns:
            settings.append((zbar_symbol_type_t(0), ZBAR_CFG_ENABLE, 0))
            settings += (set == .qrCodes ? [ZBAR_QRCODE] : [ZBAR_EAN2, ZBAR_EAN5]).map { ($0, ZBAR_CFG_ENABLE, 1) }
        }
        // zbar runs its whole-image SQ Code search whenever any SQ setting is on, enabled or
        // not: outside `.all` binary mode must go too (it cost 0.8 ms of a 2 ms first pass).
        if set != .all { settings.append((ZBAR_SQCODE, ZBAR_CFG_BINARY, 0)) }
        return settings
    }

    init(density: Int32 = 1) {
        scanner = zbar_image_scanner_create()
        self.density = density
        zbar_image_scanner_set_config(scanner, zbar_symbol_type_t(0), ZBAR_CFG_POSITION, 1)
        apply(Self.settings(for: symbologies))
        setDensity()
    }

    deinit { zbar_image_scanner_destroy(scanner) }

    /// zbar's scan-line spacing in pixels: 1 scans every row and column; 3 does a third of the
    /// work and still crosses any code taller and wider than a few lines.
    var density: Int32 {
        didSet { if density != oldValue { setDensity() } }
    }

    /// Which scan lines zbar follows. A linear code is read only by lines that cross its bars:
    /// rows for an upright code, columns for a sideways one. QR codes need both.
    var lines: Lines = .rowsAndColumns {
        didSet { if lines != oldValue { setDensity() } }
    }

    enum Lines: Sendable {
        case rowsAndColumns, rows, columns
    }

    private func setDensity() {
        // zbar's Y density is the spacing of the rows it scans, X density that of the columns.
        zbar_image_scanner_set_config(scanner, zbar_symbol_type_t(0), ZBAR_CFG_X_DENSITY, lines == .rows ? 0 : density)
        zbar_image_scanner_set_config(scanner, zbar_symbol_type_t(0), ZBAR_CFG_Y_DENSITY, lines == .columns ? 0 : density)
    }

    /// The symbologies zbar looks for. `.retail` leaves out Code 39, Code 93, Codabar and
    /// SQ Code, which never carry a GS1 key: every decoder zbar runs costs time on every edge
    /// (a quarter of a noisy photo's scan time for these four).
    var symbologies: SymbologySet = .all {
        didSet { if symbologies != oldValue { apply(Self.settings(for: symbologies)) } }
    }

    private func apply(_ settings: [Setting]) {
        for (symbology, setting, value) in settings {
            zbar_image_scanner_set_config(scanner, symbology, setting, value)
        }
    }

    /// One of zbar's settings for a symbology as it stands now (nil when zbar has no such setting).
    func setting(_ config: zbar_config_t, of symbology: zbar_symbol_type_t) -> Int32? {
        var value: Int32 = 0
        return zbar_image_scanner_get_config(scanner, symbology, config, &value) == 0 ? value : nil
    }

    enum SymbologySet {
        /// Everything zbar reads (PDF417 aside).
        case all
        /// The symbologies that carry GS1 keys: EAN/UPC/ISBN, GS1-128 (Code 128), GS1 DataBar,
        /// ITF-14 (Interleaved 2 of 5) and QR codes.
        case retail
        /// EAN/UPC/ISBN (with their add-ons) and QR codes: the passes that, in the misread hunts
        /// with ITF-14, GS1-128 and DataBar photos, never read one of those.
        case productCodes
        /// QR codes only (after ``LineScanner`` has read the linear codes).
        case qrCodes
        /// EAN-2 and EAN-5 add-ons only (beside a product code ``LineScanner`` read: zbar's
        /// decoders find add-ons only within its image scanner).
        case addOns
    }

    /// Scans a grey image and copies out every symbol before zbar's image is freed.
    func scan(_ image: GreyImage) -> [RawSymbol] {
        guard image.width > 0, image.height > 0 else { return [] }
        guard let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        let y800: UInt = 0x3030_3859  // fourcc "Y800": 8-bit grey
        zbar_image_set_format(zimage, y800)
        zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))
        return image.pixels.withUnsafeBufferPointer { pixels -> [RawSymbol] in
            zbar_image_set_data(zimage, pixels.baseAddress, UInt(pixels.count), nil)
            defer { zbar_image_set_data(zimage, nil, 0, nil) }
            guard zbar_scan_image(scanner, zimage) > 0 else { return [] }
            var symbols: [RawSymbol] = []
            var symbol = zbar_image_first_symbol(zimage)
            while let current = symbol {
                if let raw = Self.copy(current) { symbols.append(raw) }
                symbol = zbar_symbol_next(current)
            }
            return symbols
        }
    }

    private static func copy(_ symbol: OpaquePointer) -> RawSymbol? {
        var type = zbar_symbol_get_type(symbol)
        var bytes = data(of: symbol)
        var addOn: String?
        if type == ZBAR_COMPOSITE, let components = zbar_symbol_get_components(symbol) {
            // A product code with its add-on: report the main code, the add-on beside it.
            var part = zbar_symbol_set_first_symbol(components)
            while let current = part {
                let partType = zbar_symbol_get_type(current)
                if partType == ZBAR_EAN2 || partType == ZBAR_EAN5 {
                    addOn = String(decoding: data(of: current), as: UTF8.self)
                } else {
                    type = partType
                    bytes = data(of: current)
                }
                part = zbar_symbol_next(current)
            }
        }
        guard type != ZBAR_NONE, type != ZBAR_PARTIAL else { return nil }
        var points: [(x: Double, y: Double)] = []
        for i in 0..<zbar_symbol_get_loc_size(symbol) {
            points.append((Double(zbar_symbol_get_loc_x(symbol, i)), Double(zbar_symbol_get_loc_y(symbol, i))))
        }
        let modifiers = zbar_symbol_get_modifiers(symbol)
        return RawSymbol(type: type, bytes: bytes, addOn: addOn,
                         isGS1: modifiers & (1 << ZBAR_MOD_GS1.rawValue) != 0,
                         quality: Int(zbar_symbol_get_quality(symbol)), points: points)
    }

    private static func data(of symbol: OpaquePointer) -> [UInt8] {
        let length = Int(zbar_symbol_get_data_length(symbol))
        guard length > 0, let data = zbar_symbol_get_data(symbol) else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}

extension RawSymbol {
    /// The user-facing symbology, telling GS1-128 and GS1 QR apart from their plain forms.
    var symbology: Symbology? {
        if let fixedSymbology { return fixedSymbology }
        return switch type {
        case ZBAR_EAN13: .ean13
        case ZBAR_EAN8: .ean8
        case ZBAR_UPCA: .upcA
        case ZBAR_UPCE: .upcE
        case ZBAR_ISBN13: .isbn13
        case ZBAR_EAN2: .ean2
        case ZBAR_EAN5: .ean5
        case ZBAR_CODE128: isGS1 ? .gs1_128 : .code128
        case ZBAR_DATABAR: .dataBar
        case ZBAR_DATABAR_EXP: .dataBarExpanded
        case ZBAR_CODE39: .code39
        case ZBAR_CODE93: .code93
        case ZBAR_I25: .interleaved2of5
        case ZBAR_CODABAR: .codabar
        case ZBAR_QRCODE: isGS1 ? .gs1QRCode : .qrCode
        case ZBAR_SQCODE: .sqCode
        default: nil
        }
    }
}
