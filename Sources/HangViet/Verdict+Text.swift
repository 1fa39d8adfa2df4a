import GS1

extension Verdict {
    /// CSV header matching ``csvRow(_:line:)``.
    public static let csvHeader = "input,valid,outcome,format,gtin,issuer,issuer_country,company_prefix,isbn_group,origin_ai422,reason,summary,caveats"

    /// One CSV row (RFC 4180 quoting).
    public func csvRow(_ language: Language) -> String {
        let gtin = self.gtin
        let fields: [String] = [
            input,
            outcome.isWellFormed ? "true" : "false",
            outcome.rawValue,
            gtin?.format.rawValue ?? "",
            gtin?.digits ?? "",
            prefix?.name ?? "",
            prefix?.isoCountryCodes ?? "",
            companyPrefix?.companyPrefix ?? "",
            isbn.map { "978-" + $0.group } ?? "",
            countryOfOrigin.map { String($0.code).leftPadded3() } ?? "",
            reason?.rawValue ?? error?.code.rawValue ?? "",
            summary(language),
            caveats.map(\.code).joined(separator: ";"),
        ]
        var row = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { row += "," }
            Self.appendCSVField(field, to: &row)
        }
        return row
    }

    /// Appends one CSV field, quoted when it holds a comma, quote, CR or LF.
    public static func appendCSVField(_ field: String, to out: inout String) {
        var needsQuotes = false
        for byte in field.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { needsQuotes = true; break }
        guard needsQuotes else { out += field; return }
        out += "\""
        out += field.replacingAll("\"", with: "\"\"")
        out += "\""
    }

    /// A readable block: the summary, the main facts and the caveats, one per line.
    public func text(_ language: Language, label: String? = nil) -> String {
        let vi = language == .vi
        var out = "\(label ?? Self.printable(input)): \(summary(language))\n"
        if let gtin {
            out += "  \(gtin.format.rawValue) \(gtin.digits)"
            if gtin.printedForm != gtin.digits { out += vi ? " (in trên nhãn: \(gtin.printedForm))" : " (printed: \(gtin.printedForm))" }
            out += "\n"
        }
        if let prefix, outcome != .invalid {
            out += vi ? "  Tiền tố GS1 \(prefix.rangeText): \(prefix.name)\n" : "  GS1 prefix \(prefix.rangeText): \(prefix.name)\n"
        }
        if case .known(let company)? = companyPrefix {
            out += vi ? "  Mã doanh nghiệp \(company.prefix) (\(company.length) chữ số), mã mặt hàng \(company.itemReference)\n"
                      : "  Company prefix \(company.prefix) (\(company.length) digits), item reference \(company.itemReference)\n"
        }
        for element in elements {
            let interpreted = element.interpretationText.map { " = \($0)" } ?? ""
            out += "  (\(element.code)) \(element.identifier.title): \(element.value)\(interpreted)\n"
        }
        for fact in registryFacts {
            out += "  \(vi ? "Sổ đăng ký" : "Registry"): \(fact.name)\(fact.detail.map { " — \($0)" } ?? "") [\(vi ? "nguồn" : "source"): \(fact.source)]\n"
        }
        for caveat in caveats { out += "  ! \(caveat.message(language))\n" }
        return out
    }

    /// Makes control characters visible so one bad input cannot garble a terminal.
    public static func printable(_ text: String, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { out += "…"; break }
            if scalar.properties.generalCategory == .control || scalar.value == 0 {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
