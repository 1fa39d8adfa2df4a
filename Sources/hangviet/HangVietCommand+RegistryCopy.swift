import ArgumentParser
import Foundation
import HangViet
import OriginRegistry

extension HangVietCommand.RegistryCommand {
    /// `hangviet registry copy FROM TO`: your entries from one registry into another — a file
    /// into a shared PostgreSQL registry, or back. The seed is HangViet's own on both sides.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy your entries from one registry to another (a file or postgres://…), replacing the target's.",
            discussion: """
                Every entry you imported moves with its source and dates, in one transaction: the
                target's own imported entries are replaced, and nothing changes if the copy fails.
                Afterwards `registry stats` gives the same counts on both sides.

                EXAMPLES
                  hangviet registry copy ~/.local/share/hangviet/registry.sqlite postgres://hangviet@db:5432/registry
                  hangviet registry copy postgres://hangviet@db:5432/registry backup.sqlite
                """
        )
        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("The registry to copy from: a file or a postgres:// URL.", valueName: "from"))
        var from: String
        @Argument(help: ArgumentHelp("The registry to copy into (a file is created if missing).", valueName: "to"))
        var to: String

        func validate() throws {
            if from == to { throw ValidationError("FROM and TO are the same registry (\(from)); name two different ones.") }
        }

        func run() async throws {
            let (entries, source, target, stats): (Int, String, Registry, RegistryStats)
            do throws(RegistryError) {
                let from = try RegistryOptions.open(self.from, readOnly: true)
                let copied = try from.userEntries()
                let into = try RegistryOptions.open(to)
                try into.replaceUserEntries(copied)
                (entries, source, target, stats) = (copied.count, from.path, into, try into.stats())
            } catch {
                throw CLIError(registry: error)
            }
            StandardError.write(options.language == .vi
                ? "hangviet: đã chép \(entries) mục của bạn từ \(source) sang \(target.path)\n"
                : "hangviet: copied \(entries) of your entries from \(source) to \(target.path)\n")
            let printer = RegistryPrinter(format: options.outputFormat, language: options.language)
            try printer.printStats(stats, registryPath: target.path, hasUserFile: target.hasUserFile)
        }
    }
}
