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
            let (fd, size) = try Self.open(file)
            defer { if fd != STDIN_FILENO { close(fd) } }
            let name = file == "-" ? "standard input" : file
            let sink = try OutputFile(path: output)
            let result: InventorySummary
            do {
                // An Excel workbook is turned into CSV first (in memory); everything else streams.
                let isWorkbook = file != "-" && XLSXSheet.looksLikeXLSX(file)
                let source: any ByteSource = isWorkbook ? MemorySource(try XLSXSheet.csv(path: file)) : FileDescriptorSource(fd: fd, name: name)
                result = try await Self.check(source: source, size: isWorkbook ? nil : size, name: name, engine: engine, format: format, language: language,
                                              columns: (column, quantity, price), sink: sink)
                try sink.commit()
            } catch {
                sink.abandon()
                throw error
            }
            StandardError.write(result.text(language))
            if let summary { try Self.write(result.json(language, file: name), to: summary) }
            if let report { try Self.write(result.html(language, file: name), to: report) }
            if result.invalidCount > 0 { throw ExitCode(1) }
        }

        /// Pieces of the input being checked at once (bounds memory: about 1 MB of input each).
        static let piecesInFlight = 3

        /// Streams the input through the checker into the sink; returns the summary. This task
        /// cuts the input into pieces at record boundaries (cheap); the pieces are parsed and
        /// checked on all cores and written back in input order.
        static func check(source: any ByteSource, size: Int?, name: String, engine: VerdictEngine, format: OutputFormat,
                          language: Language, columns names: (barcode: String?, quantity: String?, price: String?),
                          sink: OutputFile) async throws -> InventorySummary {
            var chunker = RecordChunker(source: source)
            guard let firstPiece = try nextPiece(&chunker) else {
                throw CLIError(message: "\(name) is empty: it needs a header line and one line per product.")
            }
            var headerReader = CSVRecordReader(source: MemorySource(firstPiece.bytes))
            var record = CSVRecord()
            guard (try? headerReader.next(into: &record)) == true, !record.bytes.isEmpty || record.fields.count > 1 else {
                throw CLIError(message: "\(name) is empty: it needs a header line and one line per product.")
            }
            if let problem = record.problem { throw CLIError(message: "\(name): the header cannot be read: \(problem).") }
            let header = (0..<record.fields.count).map { (record.field($0) ?? "").trimmingCharacters(in: .whitespaces) }
            let columns: InventoryColumns
            do {
                columns = try InventoryColumns(header: header, barcode: names.barcode, quantity: names.quantity, price: names.price)
            } catch {
                throw CLIError(message: "\(name): \(error.message)")
            }
            let checker = InventoryChecker(engine: engine, columns: columns, language: language, delimiter: headerReader.delimiter)
            let output = sink.output
            let batchFormat: BatchFormat = format == .json ? .json : format == .ndjson ? .ndjson : .csv
            switch batchFormat {
            case .csv:
                let rawHeader = record.bytes
                try output.appending { checker.appendCSVHeader(rawHeader, to: &$0) }
            case .json: try output.write("[\n")
            case .ndjson: break
            }
            let headerEnd = headerReader.bytesRead
            let rest = RecordChunker.Piece(bytes: Array(firstPiece.bytes[headerEnd...]),
                                           firstLine: 1 + RecordChunker.lineEnds(in: Array(firstPiece.bytes[..<headerEnd])))
            let progress = BatchProgress(totalBytes: size)
            var summary = InventorySummary()
            summary.hasQuantity = columns.quantity != nil
            summary.hasValue = columns.price != nil
            try await withThrowingTaskGroup(of: (Int, [UInt8], InventorySummary).self) { group in
                var submitted = 0
                var written = 0
                var done: [Int: ([UInt8], InventorySummary)] = [:]
                func collect() async throws {
                    guard let (index, bytes, part) = try await group.next() else { return }
                    done[index] = (bytes, part)
                    while let (bytes, part) = done.removeValue(forKey: written) {
                        try output.write(bytes: bytes)
                        summary.merge(part)
                        written += 1
                    }
                    progress.update(rows: summary.rows, bytes: chunker.bytesRead)
                }
                var piece: RecordChunker.Piece? = rest
                while let work = piece {
                    let index = submitted
                    group.addTask { let (bytes, part) = checker.check(work, format: batchFormat, first: index == 0); return (index, bytes, part) }
                    submitted += 1
                    if submitted - written >= piecesInFlight { try await collect() }
                    piece = try nextPiece(&chunker)
                }
                while written < submitted { try await collect() }
            }
            progress.finish()
            if summary.rows == 0 {
                throw CLIError(message: "\(name) has a header but no rows: nothing to check.")
            }
            if format == .json { try output.write("\n]\n") }
            return summary
        }

        static func nextPiece(_ chunker: inout RecordChunker) throws(CLIError) -> RecordChunker.Piece? {
            do {
                return try chunker.next()
            } catch {
                throw CLIError(message: error.message)
            }
        }

        static func read(_ reader: inout CSVRecordReader, into record: inout CSVRecord) throws(CLIError) -> Bool {
            do {
                return try reader.next(into: &record)
            } catch {
                throw CLIError(message: error.message)
            }
        }

        /// Opens the input; the size is known for regular files (for the progress ETA).
        static func open(_ path: String) throws(CLIError) -> (Int32, Int?) {
            if path == "-" { return (STDIN_FILENO, nil) }
            let fd = Foundation.open(path, O_RDONLY)
            guard fd >= 0 else { throw CLIError(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
            var info = stat()
            if fstat(fd, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    close(fd)
                    throw CLIError(message: "\(path) is a directory; give an inventory file (CSV or TSV).")
                }
                if (info.st_mode & S_IFMT) == S_IFREG { return (fd, Int(info.st_size)) }
            }
            return (fd, nil)
        }

        /// Writes a whole file via a temporary name, so a failed write leaves nothing half-written.
        static func write(_ text: String, to path: String) throws(CLIError) {
            let temporary = path + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)), rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw CLIError(message: "cannot write \(path): \(reason)")
            }
        }
    }
}

/// Standard output, or a file written under a temporary name and renamed when complete.
final class OutputFile {
    let output: BufferedOutput
    private let path: String?
    private let temporary: String?
    private let fd: Int32

    init(path: String?) throws(CLIError) {
        self.path = path
        if let path {
            let temporary = path + ".partial"
            let fd = Foundation.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw CLIError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            self.temporary = temporary
            self.fd = fd
        } else {
            self.temporary = nil
            self.fd = STDOUT_FILENO
        }
        output = BufferedOutput(fd: fd)
    }

    func commit() throws(CLIError) {
        try output.flush()
        guard let path, let temporary else { return }
        if fsync(fd) != 0 || close(fd) != 0 || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError(message: "cannot write \(path): \(reason)")
        }
    }

    func abandon() {
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
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
