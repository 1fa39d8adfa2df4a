import BarcodeScanning
import GS1

/// One code read from a photo, with its verdict.
public struct ScannedCode: Sendable {
    public var symbol: DecodedSymbol
    /// Nil only for binary QR content, which is no code to judge.
    public var verdict: Verdict?
}

/// What `hangviet scan` (and `POST /v1/scan`) reports for one image: the codes read with
/// their verdicts, "no code", or why the image could not be read.
///
/// ```swift
/// let report = VerdictEngine().report(scanning: try BarcodeScanner().scan(file: "photo.jpg"))
/// report.codes.first?.verdict?.outcome   // .vietnameseRegistrant
/// ```
public struct ScanReport: Sendable {
    public var source: String
    /// Nil when the image could not be read (see ``error``).
    public var result: ScanResult?
    public var error: ScanError?
    public var codes: [ScannedCode]

    /// What came of one image (JSON `status`).
    public enum Status: String, Sendable, CaseIterable {
        /// At least one code was read.
        case ok
        /// The image was read and held no code.
        case noCode = "no-code"
        /// The image could not be read (see ``ScanReport/error``).
        case error
    }

    public var status: Status {
        if error != nil { return .error }
        return codes.isEmpty ? .noCode : .ok
    }

    public init(source: String, result: ScanResult?, error: ScanError?, codes: [ScannedCode]) {
        self.source = source
        self.result = result
        self.error = error
        self.codes = codes
    }
}

extension VerdictEngine {
    /// The verdict for a scanned symbol: its text read as a scanned code, with the symbology
    /// deciding how digits are read (UPC-E) and GS1 symbols read as element strings.
    public func verdict(for symbol: DecodedSymbol) -> Verdict? {
        if symbol.isBinary { return nil }
        let hint: GTIN.Format?
        var text = symbol.text
        switch symbol.symbology {
        case .upcE: hint = .upcE
        case .ean8: hint = .ean8
        case .upcA: hint = .upcA
        default: hint = nil
        }
        if symbol.isGS1, !text.hasPrefix("]") {
            switch symbol.symbology {
            case .gs1QRCode: text = "]Q3" + text
            case .gs1DataMatrix: text = "]d2" + text
            case .gs1_128: text = "]C1" + text
            case .dataBar, .dataBarExpanded: text = "]e0" + text
            default: break
            }
        }
        return verdict(for: text, origin: .scanned, hint: hint).read(with: symbol.confidence)
    }

    /// Verdicts for every symbol of a scan.
    public func report(scanning result: ScanResult) -> ScanReport {
        ScanReport(source: result.source, result: result, error: nil,
                   codes: result.symbols.map { ScannedCode(symbol: $0, verdict: verdict(for: $0)) })
    }

    /// The report for an image that could not be scanned.
    public func report(failing error: ScanError, source: String) -> ScanReport {
        ScanReport(source: source, result: nil, error: error, codes: [])
    }
}
