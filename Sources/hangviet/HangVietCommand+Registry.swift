import ArgumentParser
import Foundation
import HangViet
import OriginRegistry

extension RegistryKind: ExpressibleByArgument {}

extension HangVietCommand {
    /// `hangviet registry …`: the local registry of brands, GTINs, OCOP products and geographical indications.
    struct RegistryCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "registry",
            abstract: "The local registry: Vietnamese brands, company prefixes, GTINs, OCOP products, geographical indications.",
            discussion: """
                Every entry names its source. HangViet ships a curated seed (Resources/registry);
                your imports go to your own registry file beside it and never change the seed.
                The file is --registry PATH, else $HANGVIET_REGISTRY, else
                $XDG_DATA_HOME/hangviet/registry.sqlite (~/.local/share/hangviet/registry.sqlite).

                EXIT CODES
                  0  success
                  1  the import file was rejected (nothing imported), no such ID, or no search result
                  2  usage or I/O error
                  3  the registry cannot be used (not a registry, damaged, read-only, busy; a
                     PostgreSQL server unreachable, refusing the user, without that database)

                SHARED REGISTRY
                  --registry postgres://USER@HOST:PORT/DATABASE (or HANGVIET_REGISTRY) keeps the
                  registry in PostgreSQL for many `serve` replicas; the password comes from
                  PGPASSWORD. `registry copy FROM TO` moves your entries between a file and a server.
                """,
            subcommands: [Stats.self, Search.self, Show.self, Import.self, Export.self, Hotlines.self, Copy.self]
        )
    }
}

extension HangVietCommand.RegistryCommand {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count the entries by kind, seed and yours.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let opened = try registry.open()
            let stats: RegistryStats
            do { stats = try opened.stats() } catch { throw CLIError(registry: error) }
            let printer = RegistryPrinter(format: options.outputFormat, language: options.language)
            try printer.printStats(stats, registryPath: opened.path, hasUserFile: opened.hasUserFile)
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find entries by name, producer, province, company or number, ignoring case and diacritics.",
            discussion: """
                EXAMPLES
                  hangviet registry search "nuoc mam phu quoc"
                  hangviet registry search "Nghệ An" --kind ocop --limit 50
                  hangviet registry search 8934563 --format json
                """)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        @Argument(help: "Words to find (all must match; word beginnings count).")
        var words: [String]

        @Option(help: "Only entries of this kind: brands, gtins, ocop, gi, ownership, recognition or hotlines.")
        var kind: RegistryKind?

        @Option(help: "At most this many results (1–1000).")
        var limit = 20

        func validate() throws {
            if words.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("Give words to search for, e.g. hangviet registry search \"nuoc mam phu quoc\".")
            }
            if !(1...1000).contains(limit) { throw ValidationError("--limit must be between 1 and 1000 (got \(limit)).") }
        }

        func run() async throws {
            let opened = try registry.open()
            var hits: [SearchHit]
            do {
                hits = try opened.search(words.joined(separator: " "), limit: kind == nil ? limit : 1000)
            } catch {
                throw CLIError(registry: error)
            }
            if let kind { hits = Array(hits.filter { $0.entry.kind == kind }.prefix(limit)) }
            let printer = RegistryPrinter(format: options.outputFormat, language: options.language)
            try printer.printHits(hits)
            if hits.isEmpty { throw ExitCode(1) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one entry with all its fields and its source.",
            discussion: "IDs come from search results: brand:2, product:15, ocop:40, gi:1.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        @Argument(help: "The entry's ID, e.g. gi:1.")
        var id: String

        func run() async throws {
            let opened = try registry.open()
            let found: (entry: RegistryEntry, source: RegistrySource, origin: EntryOrigin)
            do { found = try opened.entry(id: id) } catch { throw CLIError(registry: error) }
            let printer = RegistryPrinter(format: options.outputFormat, language: options.language)
            try printer.printEntry(found.entry, source: found.source, origin: found.origin,
                                   fact: opened.snapshot.fact(for: found.entry, source: found.source))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a CSV file of brands, GTINs, OCOP products or geographical indications.",
            discussion: """
                All or nothing: a file with any bad row is rejected as a whole and every bad row is
                listed with its line number; nothing changes. With --skip-invalid the good rows are
                imported and the bad ones written to a rejects file.

                The file: UTF-8 (with or without BOM) or UTF-16 with BOM; comma, semicolon or tab
                delimiters; quoted fields; as Excel exports it. Columns as in the seed files in
                Resources/registry, or the usual Vietnamese headers: for OCOP lists "Tên sản phẩm",
                "Chủ thể", "Tỉnh", "Số sao", "Năm", "Quyết định", "Ngày cấp", "Mã vạch" ….
                Every row needs a source: a "source" column, or --source for the whole file.

                Duplicates: an entry's identity is its brand name + company prefix (brands), GTIN
                (gtins), product + producer + province (ocop), or registration number, else name +
                product (gi). Within a file the last row wins; an imported entry replaces your earlier
                entry with the same identity and hides (never deletes) a seed entry.

                EXAMPLES
                  hangviet registry import nghe-an-ocop-2024.csv --kind ocop --source "QĐ 1234/QĐ-UBND Nghệ An 2024"
                  hangviet registry import list.csv --kind ocop --dry-run
                  hangviet registry import list.csv --kind ocop --skip-invalid --rejects bad-rows.csv
                """)
        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        @Argument(help: "The CSV file to import.")
        var file: String

        @Option(help: "What the file holds: brands, gtins, ocop, gi, ownership (brand owners by name), recognition or hotlines.")
        var kind: RegistryKind

        @Option(help: "The source for rows without a source cell (an address, or a decision number and date).")
        var source: String?

        @Flag(help: "Check the file and report what would change, without changing anything.")
        var dryRun = false

        @Flag(help: "Import the good rows and write the bad ones to the rejects file.")
        var skipInvalid = false

        @Option(help: ArgumentHelp("Where --skip-invalid writes rejected rows (default: FILE.rejects.csv).", valueName: "path"))
        var rejects: String?

        func validate() throws {
            if rejects != nil && !skipInvalid { throw ValidationError("--rejects only applies with --skip-invalid.") }
            if let source, source.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--source is empty.") }
        }

        func run() async throws {
            let opened = try registry.open()
            let printer = RegistryPrinter(format: options.outputFormat, language: options.language)
            let result: (summary: ImportSummary, plan: ImportPlan)
            do {
                result = try opened.importFile(at: file, kind: kind, source: source, skipInvalid: skipInvalid, dryRun: dryRun)
            } catch {
                if error.code == .invalidRows {
                    for problem in error.problems { StandardError.write("\(file):\(problem.line): \(problem.reason)\n") }
                }
                throw CLIError(registry: error)
            }
            var rejectsPath: String?
            if skipInvalid && !result.summary.rejected.isEmpty {
                let path = rejects ?? file + ".rejects.csv"
                try RegistryPrinter.writeRejects(result.plan, problems: result.summary.rejected, to: path)
                rejectsPath = path
            }
            try printer.printImport(result.summary, registryPath: opened.path, rejectsPath: rejectsPath)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export entries of one kind (seed and yours) as CSV or JSON, re-importable as they are.")
        @OptionGroup var registry: RegistryOptions

        @Option(help: "What to export: brands, gtins, ocop, gi, ownership, recognition or hotlines.")
        var kind: RegistryKind

        @Option(help: "csv (default) or json.")
        var format: ExportFormat = .csv

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
        var output: String?

        enum ExportFormat: String, ExpressibleByArgument { case csv, json }

        func run() async throws {
            let opened = try registry.open()
            let entries: [(entry: RegistryEntry, source: RegistrySource)]
            do { entries = try opened.entries(kind) } catch { throw CLIError(registry: error) }
            let bytes = format == .csv ? RegistryPrinter.csv(entries, kind: kind) : RegistryPrinter.json(entries)
            if let output {
                do { try AtomicFile.write(bytes, to: output) } catch { throw CLIError(message: error.description) }
            } else {
                let out = BufferedOutput(fd: STDOUT_FILENO)
                try out.write(bytes: bytes)
                try out.flush()
            }
        }
    }
}

extension HangVietCommand.RegistryCommand {
    /// `hangviet registry hotlines`: where to report counterfeit, smuggled or unsafe goods.
    struct Hotlines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hotlines",
            abstract: "List the hotlines and channels that take reports of counterfeit, smuggled or unsafe goods, each with its date and source.",
            discussion: """
                National lines come first. Numbers are as printed at their source's date: market
                surveillance was reorganised on 1 March 2025, so check the date and the note of each.

                EXAMPLES
                  hangviet registry hotlines --national
                  hangviet registry hotlines --format json
                """)
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var options: GlobalOptions

        @Flag(help: "Only the national lines.")
        var national = false

        func validate() throws {
            if let format = options.format, ![.text, .table, .json, .ndjson, .csv].contains(format) {
                throw ValidationError("hotlines writes --format text, json, ndjson or csv.")
            }
        }

        func run() async throws {
            // The registry's lines: the bundled seed's, and any you imported (`--kind hotlines`).
            var lines = try registry.open().snapshot.hotlines
            if national { lines = lines.filter(\.isNational) }
            let documents = lines.map(HotlineDocument.init)
            let language = options.language
            var out: [UInt8] = []
            switch options.format ?? .text {
            case .json: out = HotlineDocument.jsonArray(documents) + [0x0A]
            case .ndjson: for document in documents { out += document.jsonBytes + [0x0A] }
            case .csv:
                var text = "number_or_channel,agency,scope,as_of,status_note,source,retrieved\n"
                for line in lines {
                    text += [line.numberOrChannel, line.agency, line.scope, line.asOf, line.statusNote ?? "", line.source, line.retrieved ?? ""]
                        .map(RegistryPrinter.csvField).joined(separator: ",") + "\n"
                }
                out = Array(text.utf8)
            case .text, .table:
                var text = ""
                for (line, document) in zip(lines, documents) {
                    text += document.textLine(language) + "\n"
                    if let takes = line.takes { text += "    " + LocalizedText(en: "takes: ", vi: "tiếp nhận: ")[language] + takes + "\n" }
                    if let note = line.statusNote { text += "    " + LocalizedText(en: "note: ", vi: "ghi chú: ")[language] + note + "\n" }
                    let others = document.source.addresses.count - 1
                    text += "    " + LocalizedText(en: "source: ", vi: "nguồn: ")[language] + (document.source.addresses.first ?? line.source)
                        + (others > 0 ? LocalizedText(en: " (+\(others) more)", vi: " (và \(others) nguồn khác)")[language] : "")
                        + (line.retrieved.map { LocalizedText(en: " (retrieved \($0))", vi: " (truy cập \($0))")[language] } ?? "") + "\n"
                }
                out = Array(text.utf8)
            }
            let output = BufferedOutput(fd: STDOUT_FILENO)
            try output.write(bytes: out)
            try output.flush()
        }
    }
}

