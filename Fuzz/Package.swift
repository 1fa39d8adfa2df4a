// swift-tools-version:6.0
// libFuzzer targets for everything HangViet reads from untrusted bytes (issue 21). A package of
// its own so that `swift test` stays lean; build and run it with Scripts/fuzz.sh, which adds
// `-sanitize=fuzzer,address` (and AddressSanitizer for the C and C++ code).
// It depends on no HTTP or database client: the multipart and Accept-Language parsers live in
// HangViet, so the sanitized build leaves out NIO, Hummingbird and BoringSSL.
import PackageDescription

let package = Package(
    name: "HangVietFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "HangViet", path: "..")],
    targets: [
        .executableTarget(
            name: "hangviet-fuzz",
            dependencies: [
                .product(name: "BarcodeScanning", package: "HangViet"),
                .product(name: "GS1", package: "HangViet"),
                .product(name: "OriginRegistry", package: "HangViet"),
                .product(name: "HangViet", package: "HangViet"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
