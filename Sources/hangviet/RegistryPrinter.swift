import Foundation
import HangViet
import OriginRegistry

/// Prints registry results in the formats `check` uses.
struct RegistryPrinter {
    let format: OutputFormat
    let language: Language
    var vi: Bool { language == .vi }

    private func emit(_ text: String) throws(CLIError) {
        let out = BufferedOutput(fd: STDOUT_FILENO)
        try out.write(text)
        try out.flush()
    }

    func printStats(_ stats: RegistryStats, registryPath: String, hasUserFile: Bool) throws(CLIError) {
        switch format {
        case .json, .ndjson:
            var w = JSONWriter()
            w.beginObject()
            w.field("path", registryPath)
            w.field("userFile", hasUserFile)
            w.beginArray("kinds")
            for count in stats.counts {
                w.beginObject(); w.field("kind", count.kind.rawValue); w.field("entries", count.visible)
                w.field("seed", count.seed); w.field("user", count.user)
                w.field("oldestRetrieved", count.oldestRetrieved); w.field("newestRetrieved", count.newestRetrieved)
                w.endObject()
            }
            w.endArray()
            w.field("sources", stats.sources)
            w.field("seedVersion", stats.seedVersion)
            w.beginArray("seedRejects")
            for reject in stats.seedRejects {
                w.beginObject(); w.field("file", reject.file); w.field("line", reject.problem.line)
                w.field("reason", reject.problem.reason); w.endObject()
            }
            w.endArray()
            w.endObject()
            try emit(w.text + "\n")
        case .csv:
            var text = "kind,entries,seed,user,oldest_retrieved,newest_retrieved\n"
            for count in stats.counts {
                text += "\(count.kind.rawValue),\(count.visible),\(count.seed),\(count.user),\(count.oldestRetrieved ?? ""),\(count.newestRetrieved ?? "")\n"
            }
            try emit(text)
        case .table, .text:
            var text = hasUserFile
                ? (LocalizedText(en: "Registry: \(registryPath)\n", vi: "Sổ đăng ký: \(registryPath)\n")[language])
                : (LocalizedText(en: "Registry: the bundled seed (no file of yours yet; the first import creates \(registryPath))\n", vi: "Sổ đăng ký: dữ liệu gốc đi kèm HangViet (chưa có tệp riêng; lần nhập đầu tiên sẽ tạo \(registryPath))\n")[language])
            text += LocalizedText(en: "  kind          entries  seed  yours  sources retrieved\n", vi: "  loại             mục  gốc  của bạn  ngày truy cập nguồn\n")[language]
            for count in stats.counts {
                var dates = "—"
                if let oldest = count.oldestRetrieved, let newest = count.newestRetrieved {
                    dates = oldest == newest ? oldest : "\(oldest) … \(newest)"
                }
                text += "  " + count.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(count.visible).leftPadded(9) + String(count.seed).leftPadded(6) + String(count.user).leftPadded(7)
                    + "  " + dates + "\n"
            }
            text += LocalizedText(en: "  \(stats.sources) sources\n", vi: "  \(stats.sources) nguồn\n")[language]
            if !stats.seedRejects.isEmpty {
                text += LocalizedText(en: "  Seed rows left out (they fail HangViet's checks):\n", vi: "  Dòng dữ liệu gốc bị loại (không đạt kiểm tra):\n")[language]
                for reject in stats.seedRejects { text += "    \(reject.file):\(reject.problem.line): \(reject.problem.reason)\n" }
            }
            try emit(text)
        }
    }

    /// A one-line description of an entry.
    static func summary(_ entry: RegistryEntry) -> String {
        switch entry {
        case .brand(let r):
            var parts = [r.name]
            if let company = r.company { parts.append(company) }
            if let prefix = r.companyPrefix { parts.append("company prefix \(prefix)") }
            parts.append("ownership \(r.ownership.rawValue)")
            return parts.joined(separator: " — ")
        case .gtin(let r):
            return "\(r.gtin) \(r.name)" + (r.brand.map { " — \($0)" } ?? "")
        case .ocop(let r):
            let stars = r.stars.map { "\($0)★" } ?? "no stars"
            return "\(r.name) — \(stars), \(r.province)" + (r.year.map { ", \($0)" } ?? "") + (r.producer.map { " — \($0)" } ?? "")
        case .geographicalIndication(let r):
            return (r.name.map { "\($0) — " } ?? "") + r.product + (r.province.map { ", \($0)" } ?? "") + " [\(r.originCountry)]"
                + (r.registrationNumber.map { " no. \($0)" } ?? "")
        case .ownership(let r):
            var parts = [r.name, "ownership \(r.status.rawValue)"]
            if let group = r.controllingGroup { parts.append(group + (r.groupCountry.map { " (\($0))" } ?? "")) }
            if let year = r.changeYear { parts.append("since \(year)") }
            if r.originWarning != nil { parts.append("origin warning") }
            return parts.joined(separator: " — ")
        case .recognition(let r):
            return "\(r.program)\(r.year.map { " \($0)" } ?? "") — \(r.enterprise)" + (r.status == .revoked ? " — revoked" : "")
        case .hotline(let r):
            return "\(r.numberOrChannel) — \(r.agency) — \(r.scope), as of \(r.asOf)"
        }
    }

    func printHits(_ hits: [SearchHit]) throws(CLIError) {
        switch format {
        case .json, .ndjson:
            let documents = hits.map { RegistryEntryDocument($0.entry, source: $0.source) }
            let text = format == .json
                ? String(decoding: RegistryEntryDocument.jsonArray(documents), as: UTF8.self) + "\n"
                : documents.map { String(decoding: $0.jsonBytes, as: UTF8.self) + "\n" }.joined()
            try emit(text)
        case .csv:
            var text = "id,kind,summary,source\n"
            for hit in hits {
                text += [hit.id, hit.entry.kind.rawValue, Self.summary(hit.entry), hit.source.address].map(Self.csvField).joined(separator: ",") + "\n"
            }
            try emit(text)
        case .table, .text:
            if hits.isEmpty {
                StandardError.write(LocalizedText(en: "No entries found.\n", vi: "Không tìm thấy mục nào.\n")[language])
                return
            }
            var text = ""
            for hit in hits {
                text += hit.id.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + Self.summary(hit.entry) + "\n"
                text += "             " + (LocalizedText(en: "source: ", vi: "nguồn: ")[language]) + (hit.source.addresses.first ?? hit.source.address)
                if hit.source.addresses.count > 1 { text += LocalizedText(en: " (+\(hit.source.addresses.count - 1) more)", vi: " (và \(hit.source.addresses.count - 1) nguồn khác)")[language] }
                if let licence = hit.source.licence, !hit.source.licenceIsInAddress { text += "; \(licence)" }
                text += "\n"
            }
            try emit(text)
        }
    }

    func printEntry(_ entry: RegistryEntry, source: RegistrySource, origin: EntryOrigin, fact: RegistryFact) throws(CLIError) {
        switch format {
        case .json, .ndjson, .csv:
            try emit(String(decoding: RegistryEntryDocument(entry, source: source).jsonBytes, as: UTF8.self) + "\n")
        case .table, .text:
            var text = "\(entry.id) (\(origin == .seed ? (LocalizedText(en: "seed", vi: "dữ liệu gốc")[language]) : (LocalizedText(en: "yours", vi: "của bạn")[language])))\n"
            for (column, value) in entry.fields where !value.isEmpty { text += "  \(column): \(value)\n" }
            text += "  " + fact.textLine(language) + "\n"
            text += (LocalizedText(en: "  source:\n", vi: "  nguồn:\n")[language])
            for address in source.addresses { text += "    \(address)\n" }
            if let title = source.title { text += "  \(LocalizedText(en: "loaded from", vi: "nhập từ")[language]): \(title)\(source.retrieved.map { " (\($0))" } ?? "")\n" }
            if let licence = source.licence { text += "  \(LocalizedText(en: "licence", vi: "giấy phép")[language]): \(licence)\n" }
            try emit(text)
        }
    }

    func printImport(_ summary: ImportSummary, registryPath: String, rejectsPath: String?) throws(CLIError) {
        switch format {
        case .json, .ndjson, .csv:
            var w = JSONWriter()
            w.beginObject()
            w.field("file", summary.file); w.field("kind", summary.kind.rawValue); w.field("registry", registryPath)
            w.field("dryRun", summary.dryRun); w.field("rows", summary.rows); w.field("inserted", summary.inserted)
            w.field("updated", summary.updated); w.field("overridingSeed", summary.overridingSeed)
            w.field("duplicates", summary.duplicates.count); w.field("rejected", summary.rejected.count)
            w.field("rejectsFile", rejectsPath)
            w.beginArray("unknownColumns"); for column in summary.unknownColumns { w.element(column) }; w.endArray()
            w.endObject()
            try emit(w.text + "\n")
        case .table, .text:
            var text = summary.dryRun ? (LocalizedText(en: "Dry run, nothing changed: ", vi: "Chạy thử, không thay đổi gì: ")[language]) : ""
            text += LocalizedText(en: "\(summary.file): \(summary.rows) rows → \(summary.inserted) new, \(summary.updated) updated", vi: "\(summary.file): \(summary.rows) dòng → \(summary.inserted) mục mới, \(summary.updated) cập nhật")[language]
            if summary.overridingSeed > 0 { text += LocalizedText(en: " (\(summary.overridingSeed) overriding seed entries)", vi: " (\(summary.overridingSeed) thay mục gốc)")[language] }
            text += LocalizedText(en: " in \(registryPath)\n", vi: " trong \(registryPath)\n")[language]
            for duplicate in summary.duplicates {
                text += LocalizedText(en: "  line \(duplicate.line) repeats line \(duplicate.earlierLine)\(duplicate.identical ? " (identical)" : ""): the later row is kept\n", vi: "  dòng \(duplicate.line) trùng dòng \(duplicate.earlierLine)\(duplicate.identical ? " (giống hệt)" : ""): giữ dòng sau\n")[language]
            }
            if !summary.unknownColumns.isEmpty {
                text += (LocalizedText(en: "  Ignored unknown columns: ", vi: "  Bỏ qua cột không dùng: ")[language]) + summary.unknownColumns.joined(separator: ", ") + "\n"
            }
            if let rejectsPath {
                text += LocalizedText(en: "  \(summary.rejected.count) bad rows written to \(rejectsPath)\n", vi: "  \(summary.rejected.count) dòng lỗi đã ghi vào \(rejectsPath)\n")[language]
            }
            try emit(text)
        }
    }

    // MARK: Files

    static func csvField(_ value: String) -> String {
        value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// Rejected rows as they were, plus the line number and reason.
    static func writeRejects(_ plan: ImportPlan, problems: [RegistryError.RowProblem], to path: String) throws(CLIError) {
        var text = (plan.header + ["line", "reason"]).map(csvField).joined(separator: ",") + "\n"
        for problem in problems {
            let fields = plan.fields(ofLine: problem.line) ?? []
            text += (fields + [String(problem.line), problem.reason]).map(csvField).joined(separator: ",") + "\n"
        }
        do { try AtomicFile.write(Array(text.utf8), to: path) } catch {
            throw CLIError(message: "imported, but cannot write the rejects file \(path): \(error.reason)")
        }
    }

    static func csv(_ entries: [(entry: RegistryEntry, source: RegistrySource)], kind: RegistryKind) -> [UInt8] {
        var text = (kind.columns.filter { !$0.ignored && $0.name != "source" }.map(\.name) + ["source"]).joined(separator: ",") + "\n"
        for (entry, source) in entries {
            text += (entry.fields.map(\.value) + [source.address]).map(csvField).joined(separator: ",") + "\n"
        }
        return Array(text.utf8)
    }

    static func json(_ entries: [(entry: RegistryEntry, source: RegistrySource)]) -> [UInt8] {
        RegistryEntryDocument.jsonArray(entries.map { RegistryEntryDocument($0.entry, source: $0.source) }, lineBreaks: true) + [0x0A]
    }
}
