import Benchmark
import GS1
import HangViet

/// A realistic mix: Vietnamese and foreign EAN-13s, UPC-A, EAN-8, ISBN, restricted and
/// invalid codes (the shelf of a Vietnamese supermarket, roughly).
let sampleCodes: [String] = [
    "8934563138165", "8934561000235", "8935000567012", "8933607022682", "8938526297135",
    "4901780188352", "5201815331227", "9780140013993", "9786045823453", "012345678905",
    "96001233", "2001234567893", "8934563138166", "8850123456789", "6901234567892",
    "8801234567893",
]

/// 100 000 codes built from the mix (strings built once, outside the measurement).
let codes: [String] = (0..<100_000).map { sampleCodes[$0 % sampleCodes.count] }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        scalingFactor: .kilo,
        maxDuration: .seconds(5)
    )

    Benchmark("GTIN.parse") { benchmark in
        for _ in benchmark.scaledIterations {
            for code in codes.prefix(1000) { blackHole(try? GTIN.parse(code)) }
        }
    }

    Benchmark("parse + verdict") { benchmark in
        let engine = VerdictEngine()
        for _ in benchmark.scaledIterations {
            for code in codes.prefix(1000) { blackHole(engine.verdict(for: code)) }
        }
    }

    Benchmark("parse + verdict + JSON") { benchmark in
        let engine = VerdictEngine()
        for _ in benchmark.scaledIterations {
            for code in codes.prefix(1000) { blackHole(engine.verdict(for: code).json(.vi)) }
        }
    }
}
