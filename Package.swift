// swift-tools-version: 6.1
import PackageDescription

/// HangViet — "is this Vietnamese goods?", answered offline and honestly.
///
/// Data flows one way: image → symbols → GS1 identifiers → evidence → verdict.
/// Each target depends only on the targets to its left in that flow.
let package = Package(
    name: "HangViet",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "GS1", targets: ["GS1"]),
        .library(name: "BarcodeScanning", targets: ["BarcodeScanning"]),
        .library(name: "OriginRegistry", targets: ["OriginRegistry"]),
        .library(name: "HangViet", targets: ["HangViet"]),
        .library(name: "HangVietServer", targets: ["HangVietServer"]),
        .executable(name: "hangviet", targets: ["hangviet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // System C libraries, found with pkg-config (zbar and libheif: headers only, see below);
        // apt names the Debian packages to install.
        // zbar: headers only (libzbar-dev); BarcodeScanning links its static archive, because the
        // shared library pulls in 17 more (D-Bus, X11, V4L, libgcrypt …) for its camera and window
        // code, whose loading cost every run of the CLI ≈ 1.5 ms.
        .systemLibrary(name: "CZBar"),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"]), .brew(["jpeg-turbo"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(name: "CISAL", pkgConfig: "libisal", providers: [.apt(["libisal-dev"]), .brew(["isa-l"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"]), .brew(["webp"])]),
        // libheif: headers only, no pkg-config link flags; the library is opened with dlopen on the
        // first HEIC/HEIF photo (HEIFLibrary.swift), because loading its codec libraries costs
        // every run of the CLI ≈ 3.5 ms. Install libheif-dev (apt) for the headers.
        .systemLibrary(name: "CHeif"),
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // zxing-cpp 3.1.1 (C++20, vendored: Debian's 1.4 reads a sixth of the DataMatrix photos
        // 3.1 does, RESULTS §3) behind a small C interface: DataMatrix, QR codes zbar misses, and
        // a second, independent reading of every linear code.
        .target(
            name: "CZXing",
            exclude: ["zxing-cpp/LICENSE", "zxing-cpp/README.md"],
            cSettings: [.headerSearchPath("zxing-cpp/src"), .unsafeFlags(["-w"])],
            // NDEBUG: an internal assertion must not abort a server on a hostile photo.
            cxxSettings: [.headerSearchPath("zxing-cpp/src"), .define("ZXING_INTERNAL"), .define("NDEBUG"), .unsafeFlags(["-w"])]
        ),
        // Image bytes → grey pixels → zbar → decoded symbols.
        // Optimised in debug builds too: its generic SIMD code (PNG row filters, image transforms)
        // runs 20-50 times slower unoptimised, and the tests and fuzz targets scan hundreds of photos.
        // The D-Bus functions libzbar.a's image scanner names and HangViet never has it call.
        .target(name: "CZBarDBusStubs"),
        .target(name: "BarcodeScanning", dependencies: ["CZXing", "CZBar", "CZBarDBusStubs", "CTurboJPEG", "CPNG", "CISAL", "CWebP", "CHeif"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))],
                linkerSettings: [.linkedLibrary(":libzbar.a")]),
        // Numbers only: GTIN/ISBN parsing, check digits, prefix tables, AIs, Digital Link.
        .target(name: "GS1"),
        // The sourced registry (SQLite through GRDB): brands, GTINs, OCOP products, geographical indications.
        .target(name: "OriginRegistry", dependencies: ["GS1", .product(name: "GRDB", package: "GRDB.swift")]),
        // The same registry in a shared PostgreSQL database, for many `serve` replicas (postgres-nio).
        .target(
            name: "OriginRegistryPostgres",
            dependencies: [
                "OriginRegistry",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Verdicts: evidence + caveats in Vietnamese and English. The library's front door.
        .target(name: "HangViet", dependencies: ["BarcodeScanning", "GS1", "OriginRegistry", "CGzip"]),
        // The HTTP endpoint (Hummingbird 2): verdicts, photo scans, registry search.
        .target(
            name: "HangVietServer",
            dependencies: [
                "HangViet", "BarcodeScanning", "OriginRegistry", "CGzip",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The command-line tool.
        .executableTarget(
            name: "hangviet",
            dependencies: [
                "BarcodeScanning",
                "HangViet",
                "OriginRegistry",
                "OriginRegistryPostgres",
                "HangVietServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GS1Tests",
            dependencies: ["GS1", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "BarcodeScanningTests", dependencies: ["BarcodeScanning", "CZBar", "CHeif", "CTurboJPEG", "CPNG", "CISAL", "GS1"], exclude: ["Images"],
                    // The HEIF tests encode photos with libheif, so they link it.
                    linkerSettings: [.linkedLibrary("heif")]),
        .testTarget(name: "OriginRegistryTests", dependencies: ["OriginRegistry", "OriginRegistryPostgres", "GS1", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HangVietTests", dependencies: ["HangViet", "BarcodeScanning", "OriginRegistry"]),
        .testTarget(name: "HangVietCLITests", dependencies: ["hangviet", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "HangVietServerTests",
            dependencies: ["HangVietServer", "HangViet", "BarcodeScanning", "TestSupport", "hangviet",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        // Helpers shared by the test targets: the binary runner, the OpenAPI schema checker, temporary folders.
        .target(name: "TestSupport", dependencies: ["HangVietServer"], path: "Tests/TestSupport"),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx20
)
