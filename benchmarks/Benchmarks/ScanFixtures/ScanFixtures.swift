import BarcodeScanning
import Benchmark
import Foundation

/// In-process decode + scan time per image on the fixture photos
/// (../shared/fixtures/barcodes, or $HANGVIET_FIXTURES): each iteration scans the next image,
/// so the p50 is the median time per image. Run: `swift package benchmark --target ScanFixtures`.
let fixtures: [[UInt8]] = {
    let root = ProcessInfo.processInfo.environment["HANGVIET_FIXTURES"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/barcodes").path
    guard let manifest = try? String(contentsOfFile: root + "/MANIFEST.tsv", encoding: .utf8) else { return [] }
    return manifest.split(separator: "\n").dropFirst().compactMap { line in
        let file = line.split(separator: "\t").first.map(String.init) ?? ""
        return (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + file))).map { Array($0) }
    }
}()

/// Which fixture the next iteration takes (shared across samples so every image is measured).
final class Cursor: @unchecked Sendable {
    private var position = 0
    func next() -> [UInt8] {
        defer { position += 1 }
        return fixtures[position % fixtures.count]
    }
}

let scanCursor = Cursor(), decodeCursor = Cursor()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(8), maxIterations: 1330)

    Benchmark("scan one fixture photo (decode + scan)") { benchmark in
        precondition(!fixtures.isEmpty, "fixtures not found: set HANGVIET_FIXTURES")
        let scanner = BarcodeScanner()
        for _ in benchmark.scaledIterations {
            blackHole(try? scanner.scan(bytes: scanCursor.next(), source: "fixture"))
        }
    }

    Benchmark("decode one fixture photo") { benchmark in
        let decoder = ImageDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try? decoder.decode(decodeCursor.next(), source: "fixture"))
        }
    }
}
