import CZBar
import CZXing

/// The second decoder: zxing-cpp 3.1.1 (vendored in `Sources/CZXing/zxing-cpp/`) through the
/// small C interface of `CZXing`. It reads what zbar cannot (DataMatrix, QR codes with damaged finders or low
/// contrast) and gives every linear product code zbar read a second, independent reading
/// (``ReadConfidence``). A failure inside zxing-cpp is reported as `nil`, never thrown: the
/// caller keeps zbar's reads.
///
/// ```swift
/// let symbols = ZXingReader.read(image, formats: .matrix) ?? []
/// ```
enum ZXingReader {
    struct Formats: OptionSet, Sendable {
        let rawValue: Int32
        static let ean13 = Formats(rawValue: Int32(HV_ZXING_EAN13))
        static let ean8 = Formats(rawValue: Int32(HV_ZXING_EAN8))
        static let upcA = Formats(rawValue: Int32(HV_ZXING_UPCA))
        static let upcE = Formats(rawValue: Int32(HV_ZXING_UPCE))
        static let qrCode = Formats(rawValue: Int32(HV_ZXING_QRCODE))
        static let dataMatrix = Formats(rawValue: Int32(HV_ZXING_DATAMATRIX))
        static let code128 = Formats(rawValue: Int32(HV_ZXING_CODE128))
        static let dataBar = Formats(rawValue: Int32(HV_ZXING_DATABAR))
        static let dataBarExpanded = Formats(rawValue: Int32(HV_ZXING_DATABAR_EXPANDED))
        static let code39 = Formats(rawValue: Int32(HV_ZXING_CODE39))
        static let code93 = Formats(rawValue: Int32(HV_ZXING_CODE93))
        static let itf = Formats(rawValue: Int32(HV_ZXING_ITF))
        static let codabar = Formats(rawValue: Int32(HV_ZXING_CODABAR))
        /// The retail product codes (EAN/UPC).
        static let products: Formats = [.ean13, .ean8, .upcA, .upcE]
        /// The two-dimensional codes HangViet reads with zxing-cpp.
        static let matrix: Formats = [.qrCode, .dataMatrix]
        /// The codes that carry GS1 keys (as zbar's first look): products, GS1-128, DataBar, ITF-14.
        static let gs1Carriers: Formats = [.products, .code128, .dataBar, .dataBarExpanded, .itf]
    }

    struct Effort: OptionSet, Sendable {
        let rawValue: Int32
        static let tryHarder = Effort(rawValue: Int32(HV_ZXING_TRY_HARDER))
        static let tryRotate = Effort(rawValue: Int32(HV_ZXING_TRY_ROTATE))
        static let tryDownscale = Effort(rawValue: Int32(HV_ZXING_TRY_DOWNSCALE))
    }

    /// The symbols zxing-cpp finds in `image`, as ``RawSymbol``s in its coordinates, or nil when
    /// zxing-cpp failed.
    static func read(_ image: GreyImage, formats: Formats, effort: Effort = [.tryHarder, .tryRotate],
                     maxSymbols: Int = 0) -> [RawSymbol]? {
        guard image.width > 0, image.height > 0 else { return [] }
        let found: ZXingResults? = image.pixels.withUnsafeBufferPointer { buffer in
            ZXingResults(hv_zxing_read(buffer.baseAddress, Int32(image.width), Int32(image.height), Int32(image.width),
                                       formats.rawValue, effort.rawValue, Int32(maxSymbols)))
        }
        return found?.symbols
    }
}

/// Owns one result block of `hv_zxing_read` and frees it.
private final class ZXingResults {
    private let pointer: OpaquePointer

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit { hv_zxing_free(pointer) }

    var symbols: [RawSymbol] {
        (0..<hv_zxing_count(pointer)).compactMap { i in
            let symbol = hv_zxing_symbol_at(pointer, i)
            var bytes = symbol.bytes.map { Array(UnsafeBufferPointer(start: $0, count: Int(symbol.length))) } ?? []
            // Text in a character set named by an ECI (Windows-1258, say) or guessed by zxing-cpp:
            // its UTF-8, which QRTextDecoding then keeps as it is.
            if symbol.is_binary == 0, String(validating: bytes, as: UTF8.self) == nil, let text = symbol.text {
                bytes = Array(String(cString: text).utf8)
            }
            let identifier = withUnsafeBytes(of: symbol.identifier) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let corners = withUnsafeBytes(of: symbol.corners) { Array($0.bindMemory(to: Int32.self)) }
            let points = (0..<4).map { (x: Double(corners[2 * $0]), y: Double(corners[2 * $0 + 1])) }
            return RawSymbol(zxingFormat: symbol.format, identifier: identifier, bytes: bytes,
                             lines: Int(symbol.line_count), points: points)
        }
    }
}

extension RawSymbol {
    /// A zxing-cpp read in zbar's terms where zbar has the symbology (so that both decoders'
    /// reads of one code merge), else with its own ``Symbology``. Nil for formats HangViet
    /// does not report.
    init?(zxingFormat format: Int32, identifier: String, bytes: [UInt8], lines: Int, points: [(x: Double, y: Double)]) {
        // GS1 content: FNC1 first (]Q3, ]d2, ]C1, ]e0).
        let isGS1 = ["]Q3", "]d2", "]C1", "]e0"].contains(identifier)
        var symbology: Symbology?
        let type: zbar_symbol_type_t
        switch format {
        case Int32(HV_ZXING_EAN13): type = ZBAR_EAN13
        case Int32(HV_ZXING_EAN8): type = ZBAR_EAN8
        case Int32(HV_ZXING_UPCA): type = ZBAR_UPCA
        case Int32(HV_ZXING_UPCE): type = ZBAR_UPCE
        case Int32(HV_ZXING_QRCODE): type = ZBAR_QRCODE
        case Int32(HV_ZXING_CODE128): type = ZBAR_CODE128
        case Int32(HV_ZXING_DATABAR): type = ZBAR_DATABAR
        case Int32(HV_ZXING_DATABAR_EXPANDED): type = ZBAR_DATABAR_EXP
        case Int32(HV_ZXING_CODE39): type = ZBAR_CODE39
        case Int32(HV_ZXING_CODE93): type = ZBAR_CODE93
        case Int32(HV_ZXING_ITF): type = ZBAR_I25
        case Int32(HV_ZXING_CODABAR): type = ZBAR_CODABAR
        case Int32(HV_ZXING_DATAMATRIX):
            type = ZBAR_NONE
            symbology = isGS1 ? .gs1DataMatrix : .dataMatrix
        default: return nil
        }
        // A UPC-E in zbar's 8 digits (zxing-cpp gives the GTIN it stands for), so that the two
        // decoders' reads merge and the read is not taken for a longer code holding a UPC-E.
        let text = String(decoding: bytes, as: UTF8.self)
        let bytes = type == ZBAR_UPCE && bytes.count != 8 ? BarcodeScanner.compressedUPCE(text).map { Array($0.utf8) } ?? bytes : bytes
        self.init(type: type, bytes: bytes, addOn: nil, isGS1: isGS1, quality: max(1, lines), points: points)
        self.fixedSymbology = symbology
    }
}
