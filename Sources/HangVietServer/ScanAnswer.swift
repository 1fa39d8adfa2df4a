import BarcodeScanning
import HangViet

/// A scan's JSON report, its status (ok, no-code, error) and the error when the image could not be read.
public struct ScanAnswer: Sendable {
    public let json: [UInt8]
    public let status: ScanReport.Status
    public let error: ScanError?
}
