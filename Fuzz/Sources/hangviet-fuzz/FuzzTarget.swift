import Foundation
@testable import BarcodeScanning
import GS1
@testable import HangViet
@testable import OriginRegistry

/// One thing HangViet reads from untrusted bytes. The fuzz binary runs the target named by
/// `HANGVIET_FUZZ_TARGET` (Scripts/fuzz.sh sets it); each run must end without a crash, a
/// sanitizer report, a leak or a timeout, whatever the bytes.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// The PNG fast path (ISA-L inflate, row filters undone on a second thread).
    case png
    /// The libpng path, for the layouts the fast path leaves.
    case pngLibpng = "png-libpng"
    case jpeg, webp, bmp, pnm
    /// Format sniffing and the HEIF container (libheif opened on first use).
    case heif
    /// The whole scanner on small images (every pass, both decoders), with a time bound.
    case scanner
    /// `Payload.classify` through a verdict and its JSON: GTINs, element strings with FNC1 and
    /// symbology identifiers, Digital Links, ISBN/ISSN, text.
    case payload
    /// The CSV/TSV record reader.
    case csv
    /// The record chunker that cuts inventories into pieces for the cores.
    case chunker
    /// The first sheet of an .xlsx workbook (zip and XML: bombs, entities, broken archives).
    case xlsx
    /// The multipart/form-data parser of the server (first line: the Content-Type).
    case multipart
    /// The Accept-Language parser.
    case acceptLanguage = "accept-language"
    /// The registry import parser, for every kind.
    case registryImport = "registry-import"

    /// True for the image targets, whose inputs the PNG-aware mutator changes.
    var readsImages: Bool { [.png, .pngLibpng, .scanner, .heif].contains(self) }

    static let decoder: ImageDecoder = {
        var options = ImageDecodingOptions()
        options.maximumPixels = 4_000_000
        options.workingPixels = 4_000_000
        return ImageDecoder(options: options)
    }()

    static let barcodeScanner: BarcodeScanner = {
        var options = ScanOptions()
        options.timeLimit = .milliseconds(300)
        options.decoding.maximumPixels = 300_000
        return BarcodeScanner(options: options)
    }()

    static let engine = VerdictEngine(evidenceProvider: try! RegistrySnapshot.seed(asOf: CalendarDate(year: 2026, month: 12, day: 3)))

    /// Runs one input.
    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .png:
            _ = try? Self.checked(bytes, .png) { try Self.decoder.decodeFastPNG(bytes, source: "fuzz") }
        case .pngLibpng:
            _ = try? Self.checked(bytes, .png) { try Self.decoder.decodePNGWithLibpng(bytes, source: "fuzz") }
        case .jpeg:
            _ = try? Self.checked(bytes, .jpeg) { try Self.decoder.decodeJPEG(bytes, source: "fuzz") }
        case .webp:
            _ = try? Self.checked(bytes, .webp) { try Self.decoder.decodeWebP(bytes, source: "fuzz") }
        case .bmp:
            _ = try? Self.checked(bytes, .bmp) { try Self.decoder.decodeBMP(bytes, source: "fuzz") }
        case .pnm:
            _ = try? Self.checked(bytes, .pnm) { try Self.decoder.decodePNM(bytes, source: "fuzz") }
        case .heif:
            _ = ImageFormat.sniff(bytes)
            _ = ImageFormat.recognisedButUnsupported(bytes)
            _ = try? Self.decoder.decode(bytes, source: "fuzz")
        case .scanner:
            guard bytes.count <= 64 * 1024 else { return }
            _ = try? Self.barcodeScanner.scan(bytes: Array(bytes), source: "fuzz")
        case .payload:
            let text = String(decoding: bytes, as: UTF8.self)
            for language in Language.allCases {
                _ = Self.engine.verdict(for: text).jsonBytes(language)
            }
            for origin in [Payload.Origin.typed, .scanned] {
                _ = try? Payload.classify(text, origin: origin)
            }
        case .csv:
            var reader = CSVRecordReader(source: MemorySource(Array(bytes)), bufferSize: 64)
            var record = CSVRecord()
            var fields = 0
            while (try? reader.next(into: &record)) == true, fields < 1_000_000 {
                for index in 0..<record.fields.count { fields += record.field(index)?.utf8.count ?? 0 }
            }
        case .chunker:
            var chunker = RecordChunker(source: MemorySource(Array(bytes)))
            while let piece = try? chunker.next() { _ = piece.bytes.count }
        case .xlsx:
            _ = try? XLSXSheet.csv(bytes: Array(bytes), name: "fuzz.xlsx")
        case .multipart:
            let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
            let contentType = String(decoding: bytes[..<end], as: UTF8.self)
            if let boundary = MultipartForm.boundary(contentType: contentType) {
                _ = MultipartForm.firstPart(Array(bytes[min(end + 1, bytes.count)...]), boundary: boundary)
            }
        case .acceptLanguage:
            let header = String(decoding: bytes, as: UTF8.self)
            _ = Language(acceptLanguageHeader: header)
            _ = Language(acceptLanguageHeader: header, default: .vi)
        case .registryImport:
            guard let first = bytes.first else { return }
            let kinds = RegistryKind.allCases
            let kind = kinds[Int(first) % kinds.count]
            _ = try? ImportPlan(bytes: Array(bytes.dropFirst()), fileName: "fuzz.csv", kind: kind, defaultSource: nil,
                                today: CalendarDate(year: 2026, month: 12, day: 3))
        }
    }

    /// As `ImageDecoder.decode` does before a decoder runs: the declared size is checked first.
    static func checked(_ bytes: UnsafeRawBufferPointer, _ format: ImageFormat,
                        _ decode: () throws -> Any?) throws -> Any? {
        // Only what the format sniffer sends to this decoder reaches it, as in `decode`.
        guard ImageFormat.sniff(bytes) == format else { return nil }
        if let (width, height) = ImageDecoder.declaredSize(bytes, format: format) {
            try decoder.checkSize(width: width, height: height, format: format, source: "fuzz")
        }
        return try decode()
    }
}
