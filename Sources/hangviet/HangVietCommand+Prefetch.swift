import Foundation
import OriginRegistry

extension HangVietCommand {
    /// Starts building the bundled registry seed on a background thread while the arguments are
    /// parsed, for the commands that give verdicts one by one (`check`, `scan`) when they will
    /// read the seed: no `--registry`/`--no-registry`, no help, and no registry file at the
    /// default path. Saves several milliseconds of `hangviet check CODE`'s wall time; a guess
    /// that turns out wrong only costs a little background work.
    static func prefetchRegistrySeed(_ arguments: [String]) {
        let rest = arguments.dropFirst()
        guard let command = rest.first, command == "check" || command == "scan" else { return }
        let skip: Set<String> = ["--registry", "--no-registry", "--help", "-h", "help"]
        guard !rest.contains(where: { skip.contains($0) || $0.hasPrefix("--registry=") }) else { return }
        guard !FileManager.default.fileExists(atPath: Registry.resolvePath(nil)) else { return }
        RegistrySnapshot.prefetchSeed()
    }
}
