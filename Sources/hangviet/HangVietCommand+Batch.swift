import ArgumentParser
import Foundation
import HangViet

extension HangVietCommand {
    /// `hangviet batch FILE`: every row of an inventory checked, and the share of Vietnamese goods.
    struct Batch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch",
            abstract: "Check every row of an inventory CSV/TSV and report the share of Vietnamese goods.",
            discussion: """
                Reads CSV or TSV (UTF-8 with or without BOM; comma, semicolon or tab found from the
                header; quoted fields; CRLF) as a stream, in constant memory, or the first sheet
                of an Excel .xlsx workbook. The barcode column is
                found by its header (gtin, barcode, ean, upc, "mã vạch", "mã sản phẩm" …) or named
                with --column. Every input row is written exactly once, with these columns first:
                line, outcome, share_category, gtin, issuer, issuer_country, company_prefix,
                product, brand, ownership, ocop_stars, ocop_status, reason — then the row as it was.
                Rows that cannot be read as written (ragged, unclosed quote, empty or non-UTF-8
                barcode) are kept with outcome "invalid" and the reason.

                The summary goes to standard error. Shares count rows whose code says something
                about origin: "confirmed" (GS1 AI 422 = Viet Nam, or a Vietnamese-owned brand, a
                current OCOP rating or a Vietnamese geographical indication in the registry), "893
                only" (licensed through GS1 Vietnam: not proof of origin), "893 of a foreign
                group's brand", and "foreign or unknown". Invalid codes, in-store numbers and
                coupons are listed but not counted.

                EXAMPLES
                  hangviet batch inventory.csv > checked.csv
                  hangviet batch kho.csv --column "Mã vạch" --quantity "SL" --price "Đơn giá" --report report.html
                  cat inventory.tsv | hangviet batch - --format ndjson --summary summary.json

                EXIT CODES
                  0  every row had a valid code
                  1  some rows are invalid (they are in the output with the reason)
                  2  usage, file or write error (no barcode column, empty file, disk full …)
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var registry: RegistryOptions

        @Argument(help: "The inventory file, or '-' for standard input.")
        var file: String

        @Option(help: ArgumentHelp("The barcode column: its header, or its number (1 = first).", valueName: "name|n"))
        var column: String?

        @Option(help: ArgumentHelp("A quantity column, to weight the shares by quantity.", valueName: "name|n"))
        var quantity: String?

        @Option(help: ArgumentHelp("A unit-price column, to weight the shares by value (price × quantity).", valueName: "name|n"))
        var price: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Write the rows here instead of standard output.", valueName: "path"))
        var output: String?

        @Option(help: ArgumentHelp("Also write the summary as JSON to this file.", valueName: "path"))
        var summary: String?

        @Option(help: ArgumentHelp("Also write a one-page HTML report (no network needed) to this file.", valueName: "path"))
        var report: String?

        func validate() throws {
            if let format = options.format, ![.csv, .ndjson, .json].contains(format) {
                throw ValidationError("batch writes --format csv (the default), ndjson or json.")
            }
            if file == "-" && Terminal.isTTY(STDIN_FILENO) {
                throw ValidationError("'-' reads the inventory from standard input; pipe a file in (e.g. hangviet batch - < inventory.csv).")
            }
            for (flag, path) in [("--output", output), ("--summary", summary), ("--report", report)] {
                if let path, path == file { throw ValidationError("\(flag) \(path) is the input file; choose another path.") }
            }
        }

        func run() async throws {
            let format = options.format ?? .csv
            let language = options.language
            let engine = VerdictEngine(evidenceProvider: try registry.loadSnapshot())
            let batch = InventoryBatch(engine: engine, language: language,
                                       format: format == .json ? .json : format == .ndjson ? .ndjson : .csv,
                                       barcodeColumn: column, quantityColumn: quantity, priceColumn: price)
            let input: InventoryFile
            do { input = try InventoryFile(path: file) } catch { throw CLIError(batch: error, input: file) }
            let sink = try OutputFile(path: output)
            // The summary and report files are opened before any row is read: a path that cannot
            // be written stops the batch at once, before its summary is printed.
            let summaryFile: AtomicFile?, reportFile: AtomicFile?
            do {
                summaryFile = try summary.map { path throws(CLIError) in try Self.open(path) }
                reportFile = try report.map { path throws(CLIError) in try Self.open(path) }
            } catch {
                sink.abandon()
                throw error
            }
            func abandonAll() { sink.abandon(); summaryFile?.abandon(); reportFile?.abandon() }
            let progress = BatchProgress(totalBytes: input.size)
            let result: InventorySummary
            do {
                let output = sink.output
                result = try await batch.run(input.source, name: input.name) { bytes in
                    try output.write(bytes: bytes)
                } progress: { rows, bytes in
                    progress.update(rows: rows, bytes: bytes)
                }
                progress.finish()
                try sink.commit()
            } catch let error as BatchError {
                progress.finish()
                abandonAll()
                throw CLIError(batch: error, input: input.name)
            } catch {
                progress.finish()
                abandonAll()
                throw error
            }
            do {
                if let summaryFile { try Self.finish(summaryFile, with: result.json(language, file: input.name)) }
                if let reportFile { try Self.finish(reportFile, with: result.html(language, file: input.name)) }
            } catch {
                abandonAll()
                throw error
            }
            StandardError.write(result.text(language))
            if result.invalidCount > 0 { throw ExitCode(1) }
        }

        /// Opens a file to be written atomically: nothing appears at `path` until it is finished.
        static func open(_ path: String) throws(CLIError) -> AtomicFile {
            do { return try AtomicFile(path: path) } catch { throw CLIError(message: error.description) }
        }

        /// Writes `text` to `file` and puts it in place; a failed write leaves nothing half-written.
        static func finish(_ file: AtomicFile, with text: String) throws(CLIError) {
            do {
                try file.write(Array(text.utf8))
                try file.commit()
            } catch {
                throw CLIError(message: error.description)
            }
        }
    }
}

extension CLIError {
    /// An inventory that cannot be checked as a whole, with the CLI's advice for column errors.
    init(batch error: BatchError, input name: String) {
        let flag = switch error.column {
        case .barcode?: "--column"
        case .quantity?: "--quantity"
        case .price?: "--price"
        case nil: ""
        }
        let message: String
        switch error.code {
        case .noBarcodeColumn:
            message = "\(name): no barcode column: the header is \(InventoryColumns.describe(error.header)). Name the column with --column NAME or --column N (1 = first column); headers found automatically: \(InventoryColumns.automaticHeadersNamed)."
        case .noSuchColumn:
            let given = error.columnName ?? ""
            message = Int(given) != nil
                ? "\(name): \(flag) \(given): the header has \(error.header.count) columns (\(InventoryColumns.describe(error.header)))."
                : "\(name): \(flag) “\(given)”: no such column; the header is \(InventoryColumns.describe(error.header))."
        default:
            message = error.message
        }
        self.init(message: message, code: error.code.rawValue)
    }
}

/// Standard output, or a file written atomically (``AtomicFile``), buffered.
final class OutputFile {
    let output: BufferedOutput
    private let file: AtomicFile?

    init(path: String?) throws(CLIError) {
        if let path {
            do { file = try AtomicFile(path: path) } catch { throw CLIError(message: error.description) }
        } else {
            file = nil
        }
        output = BufferedOutput(fd: file?.descriptor ?? STDOUT_FILENO)
    }

    func commit() throws(CLIError) {
        try output.flush()
        do { try file?.commit() } catch { throw CLIError(message: error.description) }
    }

    func abandon() { file?.abandon() }
}

/// Rows checked, rows per second and, for files, percent and time left — on a terminal only.
final class BatchProgress {
    private let totalBytes: Int?
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drawn = false

    init(totalBytes: Int?) { self.totalBytes = totalBytes }

    func update(rows: Int, bytes: Int) {
        guard enabled, rows & 0x3FFF == 0 else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(200) else { return }
        lastDraw = now
        let elapsed = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18
        var line = "\r\(rows) rows · \(String(format: "%.0f", Double(rows) / max(elapsed, 0.001))) rows/s"
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let left = elapsed / fraction - elapsed
            line += String(format: " · %.0f %% · %.0f s left", fraction * 100, left)
        }
        StandardError.write(line + " ")
        drawn = true
    }

    func finish() {
        if drawn { StandardError.write("\r\u{1B}[2K") }
    }
}
