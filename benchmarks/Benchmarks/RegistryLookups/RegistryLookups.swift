import Benchmark
import Foundation
import GS1
import HangViet
import OriginRegistry

/// The supermarket mix of VerdictThroughput, weighted towards codes the registry knows
/// (Acecook, Vinamilk, Vifon, Mentos …) so that lookups hit as well as miss.
let sampleCodes: [String] = [
    "8934563138165", "8934561000235", "8935000567012", "8933607022682", "8938526297135",
    "4901780188352", "5201815331227", "9780140013993", "9786045823453", "012345678905",
    "96001233", "2001234567893", "8934563138166", "8934673503358", "8935001706588",
    "8936036020380",
]
let codes: [String] = (0..<1000).map { sampleCodes[$0 % sampleCodes.count] }
let gtins: [GTIN] = codes.compactMap { try? GTIN.parse($0) }

/// A registry file holding the seed, made once per run in the temporary folder.
let registryFile: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hangviet-bench-\(getpid()).sqlite").path
    try? FileManager.default.removeItem(atPath: path)
    let registry = try! Registry.open(path: path)
    _ = try! registry.importFile(bytes: Array("brand,source\nBenchmark brand,benchmark\n".utf8), name: "b.csv", kind: .brands)
    return path
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions, .peakMemoryResident],
        maxDuration: .seconds(5)
    )

    Benchmark("registry load: seed compiled into the binary") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try RegistrySnapshot.seed()) }
    }

    Benchmark("registry load: snapshot from the SQLite file") { benchmark in
        let path = registryFile
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try Registry.loadSnapshot(path: path)) }
    }

    Benchmark("registry search \"nuoc mam phu quoc\" (SQLite FTS5)") { benchmark in
        let registry = try Registry.open(path: registryFile, readOnly: true)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try registry.search("nuoc mam phu quoc")) }
    }

    Benchmark("registry lookups only (1 000 GTINs)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let snapshot = try RegistrySnapshot.seed()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for gtin in gtins { blackHole(snapshot.facts(for: gtin)) }
        }
    }

    Benchmark("verdict with registry, parsed GTINs (1 000 codes)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let engine = VerdictEngine(evidenceProvider: try RegistrySnapshot.seed())
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for (index, gtin) in gtins.enumerated() { blackHole(engine.verdict(for: gtin, input: codes[index])) }
        }
    }

    Benchmark("parse + verdict with registry (1 000 codes)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let engine = VerdictEngine(evidenceProvider: try RegistrySnapshot.seed())
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for code in codes { blackHole(engine.verdict(for: code)) }
        }
    }

    Benchmark("parse + verdict without registry (1 000 codes)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let engine = VerdictEngine()
        for _ in benchmark.scaledIterations {
            for code in codes { blackHole(engine.verdict(for: code)) }
        }
    }
}
