import ArgumentParser
import Foundation
import HangViet

extension Language: ExpressibleByArgument {}

/// How verdicts are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people at a terminal (the default on a TTY).
    case table
    /// One readable block per code with its caveats (the default when piped).
    case text
    /// One JSON array.
    case json
    /// One JSON object per line.
    case ndjson
    /// CSV with a header row.
    case csv
}

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Message language: vi or en (default: from LANG, else en).")
    var lang: Language?

    @Option(name: .long, help: "Output format: table, text, json, ndjson or csv (default: table on a terminal, else text).")
    var format: OutputFormat?

    var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }

    var outputFormat: OutputFormat { format ?? (Terminal.isTTY(STDOUT_FILENO) ? .table : .text) }
}

enum Terminal {
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
