import BarcodeScanning
import HangViet

/// Prints scan reports in one format, one image at a time, and counts what the exit code needs.
final class ScanPrinter {
    let format: OutputFormat
    let language: Language
    let output: BufferedOutput
    private var count = 0
    private(set) var errorCount = 0
    private(set) var codeCount = 0
    private(set) var invalidCount = 0
    private var caveatsShown: Set<Caveat> = []

    static let csvHeader = "file,status,message,symbology,text,add_on,pass,quality,confidence,confidence_reason,alternatives,polygon," + Verdict.csvHeader
    /// Columns of ``Verdict/csvHeader``, left empty on rows without a verdict.
    static let verdictColumns = Verdict.csvHeader.split(separator: ",").count

    init(format: OutputFormat, language: Language, output: BufferedOutput) {
        self.format = format
        self.language = language
        self.output = output
    }

    func begin() throws(CLIError) {
        switch format {
        case .json: try output.write("[")
        case .csv: try output.write(Self.csvHeader + "\n")
        default: break
        }
    }

    /// A scan error's remedy with the CLI's options.
    static let remedyWords: ScanError.RemedyWords = { remedy, language in
        switch (remedy, language) {
        case (.raisePixelLimit, .vi): " hoặc tăng --max-pixels"
        case (.raisePixelLimit, _): " or raise --max-pixels"
        case (.searchFolder, _): ", or a directory with --recursive"
        }
    }

    func print(_ report: ScanReport) throws(CLIError) {
        if report.error != nil { errorCount += 1 }
        codeCount += report.codes.count
        invalidCount += report.codes.filter { $0.verdict?.outcome == .invalid }.count
        if let error = report.error {
            StandardError.write("hangviet: \(error.localizedMessage(language, remedyWords: Self.remedyWords))\(error.cause.map { " (\($0))" } ?? "")\n")
        }
        switch format {
        case .json:
            try output.write(count == 0 ? "\n" : ",\n")
            try output.write(bytes: report.jsonBytes(language, remedyWords: Self.remedyWords))
        case .ndjson:
            try output.write(bytes: report.jsonBytes(language, remedyWords: Self.remedyWords) + [0x0A])
        case .csv: try output.write(csvRows(report))
        case .text, .table: try output.write(text(report))
        }
        count += 1
    }

    func end() throws(CLIError) {
        if format == .json { try output.write(count == 0 ? "]\n" : "\n]\n") }
        try output.flush()
    }

    private func csvRows(_ report: ScanReport) -> String {
        var out = ""
        func field(_ s: String) { Verdict.appendCSVField(s, to: &out); out += "," }
        let verdictColumns = Self.verdictColumns
        if report.codes.isEmpty {
            let message = report.error?.localizedMessage(language, remedyWords: Self.remedyWords) ?? (LocalizedText(en: "no code found", vi: "không tìm thấy mã nào")[language])
            field(report.source); field(report.status.rawValue); field(message)
            return out + String(repeating: ",", count: 8 + verdictColumns - 1) + "\n"
        }
        for code in report.codes {
            let symbol = code.symbol
            field(report.source); field(report.status.rawValue); field("")
            field(symbol.symbology.rawValue); field(symbol.isBinary ? "" : symbol.text); field(symbol.addOn ?? "")
            field(symbol.pass.rawValue); field(String(symbol.quality))
            field(symbol.confidence.level.rawValue); field(symbol.confidence.reason.rawValue)
            field(symbol.confidence.alternatives.joined(separator: " "))
            field(symbol.polygon.map(\.description).joined(separator: " "))
            out += code.verdict?.csvRow(language) ?? String(repeating: ",", count: verdictColumns - 1)
            out += "\n"
        }
        return out
    }

    private func text(_ report: ScanReport) -> String {
        if let error = report.error {
            return "\(report.source): \(LocalizedText(en: "ERROR", vi: "LỖI")[language]) — \(error.localizedMessage(language, remedyWords: Self.remedyWords))\n\n"
        }
        guard let result = report.result else { return "" }
        if report.codes.isEmpty {
            let tried = result.passes.count
            let note = LocalizedText(en: "no code found (\(tried) scan passes tried)", vi: "không tìm thấy mã nào (đã thử \(tried) lượt quét)")[language]
            return "\(report.source): \(note)\(result.timedOut ? (LocalizedText(en: ", time limit reached", vi: ", hết thời gian")[language]) : "")\n\n"
        }
        var out = "\(report.source) (\(result.format), \(result.width)×\(result.height)): "
        out += LocalizedText(en: "\(report.codes.count) code\(report.codes.count == 1 ? "" : "s")\n", vi: "\(report.codes.count) mã\n")[language]
        for code in report.codes {
            let symbol = code.symbol
            let shown = symbol.isBinary ? (LocalizedText(en: "binary data, \(symbol.bytes.count) bytes", vi: "dữ liệu nhị phân, \(symbol.bytes.count) byte")[language])
                : Verdict.printable(symbol.text, limit: 80)
            out += "  \(symbol.symbology) \(shown)"
            if let addOn = symbol.addOn { out += " + \(addOn)" }
            out += LocalizedText(en: "  [pass: \(symbol.pass.rawValue); \(Self.confidenceText(symbol.confidence, language))]\n", vi: "  [lượt: \(symbol.pass.rawValue); \(Self.confidenceText(symbol.confidence, language))]\n")[language]
            if let verdict = code.verdict {
                let block = verdict.text(language)
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                    out += "    " + line + "\n"
                }
            }
        }
        return out + "\n"
    }

    /// "confirmed" / "đã xác nhận", or the doubtful level and the other readings.
    static func confidenceText(_ confidence: ReadConfidence, _ language: Language) -> String {
        let level: String
        switch confidence.level {
        case .confirmed: return LocalizedText(en: "confirmed", vi: "đã xác nhận")[language]
        case .unconfirmed: level = LocalizedText(en: "unconfirmed", vi: "chưa xác nhận")[language]
        case .singleRead: level = LocalizedText(en: "single read", vi: "chỉ một đường quét")[language]
        case .conflicting: level = LocalizedText(en: "conflicting", vi: "có cách đọc khác")[language]
        }
        let others = confidence.alternatives.isEmpty ? "" : (LocalizedText(en: ", other readings: ", vi: ", cách đọc khác: ")[language]) + confidence.alternatives.joined(separator: ", ")
        return (LocalizedText(en: "doubtful: ", vi: "chưa chắc chắn: ")[language]) + level + others
    }
}
