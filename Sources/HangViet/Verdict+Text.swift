import OriginRegistry
import GS1

extension Verdict {
    /// CSV header matching ``csvRow(_:line:)``.
    public static let csvHeader = "input,valid,outcome,format,gtin,issuer,issuer_country,company_prefix,isbn_group,origin_ai422,reason,summary,caveats"

    /// One CSV row (RFC 4180 quoting).
    public func csvRow(_ language: Language) -> String {
        var bytes: [UInt8] = []
        appendCSVRow(language, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one CSV row (no line end) as UTF-8 bytes.
    public func appendCSVRow(_ language: Language, to out: inout [UInt8]) {
        let gtin = self.gtin
        let prefix = self.prefix
        Self.appendCSVField(input, to: &out)
        out.append(0x2C)
        out.append(contentsOf: (outcome.isWellFormed ? "true," : "false,").utf8)
        out.append(contentsOf: outcome.rawValue.utf8)
        out.append(0x2C)
        if let gtin {
            out.append(contentsOf: gtin.format.rawValue.utf8)
            out.append(0x2C)
            out.append(contentsOf: gtin.digits.utf8)
        } else {
            out.append(0x2C)
        }
        out.append(0x2C)
        if let prefix { Self.appendCSVField(prefix.name, to: &out) }
        out.append(0x2C)
        if let iso = prefix?.isoCountryCodes { out.append(contentsOf: iso.utf8) }
        out.append(0x2C)
        if case .known(let company)? = companyPrefix { out.append(contentsOf: company.prefix.utf8) }
        out.append(0x2C)
        if let isbn { out.append(contentsOf: ("978-" + isbn.group).utf8) }
        out.append(0x2C)
        if let origin = countryOfOrigin { out.append(contentsOf: String(origin.code).leftPadded3().utf8) }
        out.append(0x2C)
        if let why = reason?.rawValue ?? error?.code.rawValue { out.append(contentsOf: why.utf8) }
        out.append(0x2C)
        Self.appendCSVField(summary(language), to: &out)
        out.append(0x2C)
        for (index, caveat) in caveats.enumerated() {
            if index > 0 { out.append(0x3B) }
            out.append(contentsOf: caveat.code.utf8)
        }
    }

    /// Appends one CSV field, quoted when it holds a comma, quote, CR or LF.
    public static func appendCSVField(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            var needsQuotes = false
            var hasQuote = false
            for byte in bytes {
                if byte == 0x22 { hasQuote = true; needsQuotes = true; break }
                if byte == 0x2C || byte == 0x0A || byte == 0x0D { needsQuotes = true }
            }
            guard needsQuotes else { out.append(contentsOf: bytes); return }
            out.append(0x22)
            if hasQuote {
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
            } else {
                out.append(contentsOf: bytes)
            }
            out.append(0x22)
        }
    }

    /// String form of ``appendCSVField(_:to:)-([UInt8])``.
    public static func appendCSVField(_ field: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendCSVField(field, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A readable block: the summary, the main facts and the caveats, one per line.
    public func text(_ language: Language, label: String? = nil) -> String {
        var bytes: [UInt8] = []
        appendText(language, label: label, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``text(_:label:)`` appended as UTF-8 bytes.
    public func appendText(_ language: Language, label: String? = nil, to out: inout [UInt8]) {
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        put(label ?? Self.printable(input))
        put(": ")
        put(summary(language))
        out.append(0x0A)
        if let gtin {
            put("  ")
            put(gtin.format.rawValue)
            put(" ")
            put(gtin.digits)
            if gtin.format == .upcE || gtin.format == .isbn10 {
                put(LocalizedText(en: " (printed: ", vi: " (in trên nhãn: ")[language])
                put(gtin.printedForm)
                put(")")
            }
            out.append(0x0A)
        }
        if let prefix, outcome != .invalid {
            put(LocalizedText(en: "  GS1 prefix ", vi: "  Tiền tố GS1 ")[language])
            put(prefix.rangeText)
            put(": ")
            put(prefix.name)
            out.append(0x0A)
        }
        if case .known(let company)? = companyPrefix {
            put(LocalizedText(en: "  Company prefix \(company.prefix) (\(company.length) digits), item reference \(company.itemReference)\n", vi: "  Mã doanh nghiệp \(company.prefix) (\(company.length) chữ số), mã mặt hàng \(company.itemReference)\n")[language])
        }
        for element in elements {
            let interpreted = element.interpretationText.map { " = \($0)" } ?? ""
            put("  (\(element.code)) \(element.identifier.title): \(element.value)\(interpreted)\n")
        }
        for fact in registryFacts where !fact.isBrandTag {
            put("  ")
            put(fact.textLine(language))
            out.append(0x0A)
        }
        let tags = registryFacts.filter(\.isBrandTag)
        if !tags.isEmpty {
            // Crowd-sourced brand tags: one line, never as companies.
            put("  ")
            put(RegistryFact.brandTagsLine(tags, language))
            out.append(0x0A)
        }
        for caveat in caveats {
            put("  ! ")
            put(caveat.message(language))
            out.append(0x0A)
        }
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

