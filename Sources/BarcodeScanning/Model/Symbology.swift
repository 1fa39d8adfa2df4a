/// The kind of barcode a symbol was read from, as reported to users (JSON `symbology`).
/// UPC-A and UPC-E are reported as themselves, not folded into EAN-13.
public enum Symbology: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case ean13 = "EAN-13"
    case ean8 = "EAN-8"
    case upcA = "UPC-A"
    case upcE = "UPC-E"
    /// An EAN-13 in the Bookland range (978/979).
    case isbn13 = "ISBN-13"
    /// 2-digit add-on (periodicals' issue number).
    case ean2 = "EAN-2"
    /// 5-digit add-on (books' suggested price).
    case ean5 = "EAN-5"
    case code128 = "Code-128"
    /// Code 128 with FNC1 first: GS1 element strings.
    case gs1_128 = "GS1-128"
    case dataBar = "GS1-DataBar"
    case dataBarExpanded = "GS1-DataBar-Expanded"
    case code39 = "Code-39"
    case code93 = "Code-93"
    case interleaved2of5 = "I2/5"
    case codabar = "Codabar"
    case qrCode = "QR-Code"
    /// QR Code with FNC1 first: GS1 element strings.
    case gs1QRCode = "GS1-QR-Code"
    case sqCode = "SQ-Code"
    /// Data Matrix (ECC 200), read by zxing-cpp.
    case dataMatrix = "DataMatrix"
    /// Data Matrix with FNC1 first (`]d2`): GS1 element strings, as on medicines and fresh food.
    case gs1DataMatrix = "GS1-DataMatrix"

    public var description: String { rawValue }

    /// True for the retail product codes (EAN/UPC/ISBN) that carry a GTIN directly.
    public var isRetailLinear: Bool {
        switch self {
        case .ean13, .ean8, .upcA, .upcE, .isbn13: true
        default: false
        }
    }

    /// True for two-dimensional symbols.
    public var isTwoDimensional: Bool {
        switch self {
        case .qrCode, .gs1QRCode, .sqCode, .dataMatrix, .gs1DataMatrix: true
        default: false
        }
    }
}
