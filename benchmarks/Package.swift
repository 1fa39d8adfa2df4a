// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` on HangViet stays lean.
// Run: cd benchmarks && swift package benchmark   (see RESULTS.md)
let package = Package(
    name: "HangVietBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "HangViet", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "VerdictThroughput",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HangViet", package: "HangViet"),
                .product(name: "GS1", package: "HangViet"),
            ],
            path: "Benchmarks/VerdictThroughput",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RegistryLookups",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HangViet", package: "HangViet"),
                .product(name: "OriginRegistry", package: "HangViet"),
                .product(name: "GS1", package: "HangViet"),
            ],
            path: "Benchmarks/RegistryLookups",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScanFixtures",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BarcodeScanning", package: "HangViet"),
            ],
            path: "Benchmarks/ScanFixtures",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
