import GS1
import OriginRegistry
import HangViet

/// Streams verdicts to an output in one format: nothing is kept but the current verdict
/// (and, for the table, the set of caveats shown once at the end).
final class VerdictPrinter {
    let format: OutputFormat
    let language: Language
    let output: BufferedOutput
    private var count = 0
    private var tableCaveats: [Caveat] = []
    private var seenCaveats: Set<Caveat> = []
    private(set) var invalidCount = 0

    init(format: OutputFormat, language: Language, output: BufferedOutput) {
        self.format = format
        self.language = language
        self.output = output
    }

    func begin() throws(CLIError) {
        switch format {
        case .json: try output.write("[")
        case .csv: try output.write("line," + Verdict.csvHeader + "\n")
        case .table: try output.write(tableHeader())
        case .text, .ndjson: break
        }
    }

    func print(_ verdict: Verdict, line: Int?) throws(CLIError) {
        if verdict.outcome == .invalid { invalidCount += 1 }
        switch format {
        case .json:
            try output.write(count == 0 ? "\n" : ",\n")
            try output.write(bytes: verdict.jsonBytes(language, line: line))
        case .ndjson:
            var bytes = verdict.jsonBytes(language, line: line)
            bytes.append(0x0A)
            try output.write(bytes: bytes)
        case .csv:
            try output.appending { bytes in
                if let line { bytes.append(contentsOf: String(line).utf8) }
                bytes.append(0x2C)
                verdict.appendCSVRow(language, to: &bytes)
                bytes.append(0x0A)
            }
        case .text:
            let label = line.map { "[\($0)] " + Verdict.printable(verdict.input) }
            try output.appending { bytes in
                verdict.appendText(language, label: label, to: &bytes)
                bytes.append(0x0A)
            }
        case .table:
            try output.write(tableRow(verdict))
            for caveat in verdict.caveats where seenCaveats.insert(caveat).inserted {
                tableCaveats.append(caveat)
            }
        }
        count += 1
    }

    func end() throws(CLIError) {
        switch format {
        case .json: try output.write(count == 0 ? "]\n" : "\n]\n")
        case .table:
            if !tableCaveats.isEmpty {
                try output.write("\n")
                for caveat in tableCaveats { try output.write("! " + caveat.message(language) + "\n") }
            }
        default: break
        }
        try output.flush()
    }

    // MARK: table

    private static let widths = [18, 30, 26]

    private func tableHeader() -> String {
        let titles = [LocalizedText(en: "CODE", vi: "MÃ"), LocalizedText(en: "VERDICT", vi: "KẾT LUẬN"),
                      LocalizedText(en: "ISSUER", vi: "NƠI CẤP MÃ"), LocalizedText(en: "DETAIL", vi: "CHI TIẾT")].map { $0[language] }
        return Self.columns(titles) + "\n"
    }

    private func tableRow(_ verdict: Verdict) -> String {
        let issuer: String
        if let prefix = verdict.prefix, verdict.outcome != .invalid {
            issuer = prefix.isoCountryCodes.map { "\(prefix.name) (\($0))" } ?? prefix.name
        } else {
            issuer = "—"
        }
        var detail: String
        switch verdict.outcome {
        case .invalid: detail = verdict.error?.localizedMessage(language) ?? ""
        case .notApplicable, .unknown: detail = verdict.reasonText(language)
        case .vietnameseBook: detail = verdict.isbn.map { "ISBN \($0.hyphenated)" } ?? ""
        case .declaredVietnameseOrigin, .declaredForeignOrigin:
            detail = verdict.countryOfOrigin.map { "AI 422 = \(String($0.code))" + ($0.country.map { " (\($0.name))" } ?? "") } ?? ""
        default:
            detail = verdict.companyPrefix?.companyPrefix.map { LocalizedText(en: "company prefix \($0)", vi: "mã doanh nghiệp \($0)")[language] } ?? ""
            if case .unknownLength(let block)? = verdict.companyPrefix {
                detail = LocalizedText(en: "block \(block): company prefix length unknown", vi: "khối \(block): chưa rõ độ dài mã DN")[language]
            }
        }
        for fact in verdict.registryFacts where !fact.isBrandTag && fact.kind != .recognition && fact.kind != .hotline {
            // A brand owner says whose it is: "Kinh Đô: owned by Mondelēz International (United States) since 2015".
            let text = fact.kind == .brandOwnership ? fact.name + ": " + fact.ownershipSummary(language) : fact.name
            detail += (detail.isEmpty ? "" : "; ") + text
        }
        let tags = verdict.registryFacts.filter(\.isBrandTag).map(\.name)
        if !tags.isEmpty {
            detail += (detail.isEmpty ? "" : "; ") + LocalizedText(en: "brands seen with the prefix: ", vi: "nhãn hiệu từng thấy với tiền tố: ")[language]
                + tags.joined(separator: ", ")
        }
        let code = verdict.gtin?.digits ?? Verdict.printable(verdict.input, limit: 18)
        return Self.columns([code, verdict.outcome.label(language), issuer, detail]) + "\n"
    }

    private static func columns(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index < widths.count {
                let width = widths[index]
                var text = cell
                if text.count > width - 1 { text = String(text.prefix(width - 2)) + "…" }
                line += text + String(repeating: " ", count: max(1, width - text.count))
            } else {
                line += cell
            }
        }
        return line
    }
}

extension Outcome {
    /// A short label for tables.
    func label(_ language: Language) -> String {
        switch self {
        case .declaredVietnameseOrigin: return LocalizedText(en: "Declared origin: Viet Nam", vi: "Khai báo xuất xứ Việt Nam")[language]
        case .declaredForeignOrigin: return LocalizedText(en: "Declared origin: foreign", vi: "Khai báo xuất xứ nước ngoài")[language]
        case .vietnameseRegistrant: return LocalizedText(en: "Vietnamese registrant (893)", vi: "Đăng ký mã tại VN (893)")[language]
        case .foreignRegistrant: return LocalizedText(en: "Foreign registrant", vi: "Đăng ký mã ở nước ngoài")[language]
        case .vietnameseBook: return LocalizedText(en: "Vietnamese book", vi: "Sách Việt Nam")[language]
        case .foreignBook: return LocalizedText(en: "Foreign book", vi: "Sách nước ngoài")[language]
        case .notApplicable: return LocalizedText(en: "Not applicable", vi: "Không áp dụng")[language]
        case .invalid: return LocalizedText(en: "INVALID", vi: "KHÔNG HỢP LỆ")[language]
        case .unknown: return LocalizedText(en: "Unknown", vi: "Không xác định")[language]
        }
    }
}
